<?php
/**
 * Plugin health report.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Admin;

use KiotVietSync\Jobs\AutoScheduler;
use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Jobs\WpCronScheduler;
use KiotVietSync\KiotViet\CallBudget;
use KiotVietSync\KiotViet\TokenStore;
use KiotVietSync\Storage\ConnectionRepository;
use KiotVietSync\Storage\Settings;
use KiotVietSync\Storage\SettingsStore;

/**
 * Builds the GET /health report (connection, webhooks, queue, API budget, cron) and its list of problems,
 * which the health panel and HealthNotice show. Reads only local state: no KiotViet call.
 */
final class HealthCheck {

	public const BUDGET_WARNING_RATIO = 0.9;

	/**
	 * Option written by the webhooks feature with the last registration outcome.
	 */
	private const WEBHOOK_REGISTRATION_OPTION = 'kiotviet_sync_webhook_registration';

	/**
	 * Stored connection.
	 *
	 * @var ConnectionRepository
	 */
	private ConnectionRepository $connection;

	/**
	 * Access-token cache.
	 *
	 * @var TokenStore
	 */
	private TokenStore $tokens;

	/**
	 * GET budget.
	 *
	 * @var CallBudget
	 */
	private CallBudget $budget;

	/**
	 * Options.
	 *
	 * @var SettingsStore
	 */
	private SettingsStore $options;

	/**
	 * Creates the check.
	 *
	 * @param ConnectionRepository $connection Stored connection.
	 * @param TokenStore           $tokens     Access-token cache.
	 * @param CallBudget           $budget     GET budget.
	 * @param SettingsStore        $options    Options.
	 */
	public function __construct( ConnectionRepository $connection, TokenStore $tokens, CallBudget $budget, SettingsStore $options ) {
		$this->connection = $connection;
		$this->tokens     = $tokens;
		$this->budget     = $budget;
		$this->options    = $options;
	}

	/**
	 * The full report.
	 *
	 * @return array<string, mixed>
	 */
	public function report(): array {
		$connection = $this->connection->load();
		$token      = $this->tokens->load();
		$secret_ok  = ! $connection->is_connected() || null !== $this->connection->stored_secret();
		$raw_token  = $this->options->get( Settings::ACCESS_TOKEN, '' );
		$token_ok   = null !== $token || ! is_string( $raw_token ) || '' === $raw_token;

		$report = array(
			'connection' => array(
				'state'            => $connection->state(),
				'retailer'         => $connection->retailer(),
				'token_expires_at' => null !== $token ? gmdate( 'c', $token->expires_at() ) : null,
			),
			'webhooks'   => $this->webhooks(),
			'queue'      => self::queue(),
			'api'        => array(
				'get_calls_last_hour' => $this->budget->used(),
				'budget'              => $this->budget->limit(),
			),
			'cron'       => array(
				'wp_cron_disabled' => defined( 'DISABLE_WP_CRON' ) && (bool) constant( 'DISABLE_WP_CRON' ),
				'action_scheduler' => function_exists( 'as_schedule_single_action' ),
			),
		);
		$report['problems'] = self::problems( $report, $secret_ok && $token_ok );
		return $report;
	}

	/**
	 * Problems found in a report (pure, unit-tested).
	 *
	 * @param array<string, mixed> $report         Report without problems.
	 * @param bool                 $token_readable Whether the stored secret and token can be decrypted.
	 * @return array<int, array{code: string, message: string}>
	 */
	public static function problems( array $report, bool $token_readable ): array {
		$problems = array();
		if ( ! $token_readable ) {
			$problems[] = array(
				'code'    => 'token_unreadable',
				'message' => __( 'The saved KiotViet connection can no longer be read (the site\'s security keys changed). Connect again in KiotViet Sync → Sync setup.', 'kiotviet-sync' ),
			);
		}
		$webhooks = $report['webhooks'] ?? null;
		if ( is_array( $webhooks ) && isset( $webhooks['subscriptions_active'], $webhooks['subscriptions_expected'] )
			&& (int) $webhooks['subscriptions_expected'] > 0 && (int) $webhooks['subscriptions_active'] < (int) $webhooks['subscriptions_expected'] ) {
			$problems[] = array(
				'code'    => 'webhooks_inactive',
				'message' => sprintf(
					/* translators: 1: active webhook subscriptions, 2: expected subscriptions */
					__( 'Only %1$d of %2$d KiotViet webhooks are active, so changes in KiotViet may reach the shop late. Register the webhooks again.', 'kiotviet-sync' ),
					(int) $webhooks['subscriptions_active'],
					(int) $webhooks['subscriptions_expected']
				),
			);
		}
		$failed = (int) ( $report['queue']['failed'] ?? 0 );
		if ( $failed > 0 ) {
			$problems[] = array(
				'code'    => 'jobs_failed',
				'message' => sprintf(
					/* translators: %d: number of failed background jobs */
					_n( '%d background sync job failed in the last 24 hours. See Tools → Scheduled Actions and the sync history.', '%d background sync jobs failed in the last 24 hours. See Tools → Scheduled Actions and the sync history.', $failed, 'kiotviet-sync' ),
					$failed
				),
			);
		}
		$used  = (int) ( $report['api']['get_calls_last_hour'] ?? 0 );
		$limit = max( 1, (int) ( $report['api']['budget'] ?? 5000 ) );
		if ( $used > $limit * self::BUDGET_WARNING_RATIO ) {
			$problems[] = array(
				'code'    => 'budget_high',
				'message' => sprintf(
					/* translators: 1: calls used in the last hour, 2: hourly limit */
					__( 'KiotViet Sync used %1$d of the %2$d KiotViet requests allowed per hour. Syncing slows down until the hour has passed.', 'kiotviet-sync' ),
					$used,
					$limit
				),
			);
		}
		if ( ! empty( $report['cron']['wp_cron_disabled'] ) && empty( $report['cron']['action_scheduler'] ) ) {
			$problems[] = array(
				'code'    => 'cron_disabled',
				'message' => __( 'WP-Cron is disabled on this server (DISABLE_WP_CRON) and Action Scheduler is not available, so background tasks such as the automatic order re-sync only run if the server calls wp-cron.php itself.', 'kiotviet-sync' ),
			);
		}
		return $problems;
	}

	/**
	 * Webhook subscriptions as the webhooks feature stored them, null when unknown.
	 *
	 * @return array{subscriptions_active: int, subscriptions_expected: int, last_delivery_at: ?string}|null
	 */
	private function webhooks(): ?array {
		$summary      = null;
		$registration = $this->options->get( self::WEBHOOK_REGISTRATION_OPTION, array() );
		if ( is_array( $registration ) && isset( $registration['states'] ) && is_array( $registration['states'] ) ) {
			$active = 0;
			foreach ( $registration['states'] as $state ) {
				$value = is_array( $state ) ? ( $state['state'] ?? '' ) : $state;
				if ( 'active' === $value ) {
					++$active;
				}
			}
			$summary = array(
				'subscriptions_active'   => $active,
				'subscriptions_expected' => count( $registration['states'] ),
				'last_delivery_at'       => isset( $registration['last_delivery_at'] ) && is_string( $registration['last_delivery_at'] ) ? $registration['last_delivery_at'] : null,
			);
		}
		/**
		 * Filters the webhook part of the health report.
		 *
		 * @since 0.1.0
		 * @param array{subscriptions_active: int, subscriptions_expected: int, last_delivery_at: ?string}|null $summary Summary or null when unknown.
		 */
		$filtered = apply_filters( 'kiotviet_sync_health_webhooks', $summary );
		if ( ! is_array( $filtered ) ) {
			return null;
		}
		return array(
			'subscriptions_active'   => (int) ( $filtered['subscriptions_active'] ?? 0 ),
			'subscriptions_expected' => (int) ( $filtered['subscriptions_expected'] ?? 0 ),
			'last_delivery_at'       => isset( $filtered['last_delivery_at'] ) && is_string( $filtered['last_delivery_at'] ) ? $filtered['last_delivery_at'] : null,
		);
	}

	/**
	 * Pending and recently failed jobs of ours: Action Scheduler's group (once it is ready) plus anything
	 * still queued in WP-Cron (the only scheduler on stores without Action Scheduler; on WooCommerce, jobs
	 * queued before Action Scheduler was ready until they are moved into it).
	 *
	 * @return array{pending: int, failed: int}
	 */
	private static function queue(): array {
		$cron = self::wp_cron_pending();
		if ( AutoScheduler::action_scheduler_ready() && function_exists( 'as_get_scheduled_actions' ) ) {
			$pending = as_get_scheduled_actions(
				array(
					'group'    => Scheduler::GROUP,
					'status'   => 'pending',
					'per_page' => 1000,
				),
				'ids'
			);
			$failed  = as_get_scheduled_actions(
				array(
					'group'        => Scheduler::GROUP,
					'status'       => 'failed',
					'date'         => gmdate( 'Y-m-d H:i:s', time() - 86400 ),
					'date_compare' => '>=',
					'per_page'     => 1000,
				),
				'ids'
			);
			return array(
				'pending' => ( is_array( $pending ) ? count( $pending ) : 0 ) + $cron,
				'failed'  => is_array( $failed ) ? count( $failed ) : 0,
			);
		}
		return array(
			'pending' => $cron,
			'failed'  => 0,
		);
	}

	/**
	 * Pending WP-Cron events of ours.
	 */
	private static function wp_cron_pending(): int {
		return count( ( new WpCronScheduler() )->pending_jobs() );
	}
}
