<?php
/**
 * Webhook registration with KiotViet.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Support\Clock;
use KiotVietSync\Sync\Webhooks\SecretGenerator;
use KiotVietSync\Sync\Webhooks\SubscriptionPlan;
use KiotVietSync\Sync\Webhooks\SubscriptionPlanner;
use KiotVietSync\Sync\Webhooks\WebhookUrl;

/**
 * Registers this site's subscriptions: a new random Secret (encrypted at rest, never returned), the
 * current subscriptions listed, SubscriptionPlanner against this site's receiver URL, only our own stale
 * subscriptions deleted, missing types created, conflicts (a type held by another integration) recorded
 * for the admin. Unregistering deletes only subscriptions whose URL is ours.
 */
final class Registration {

	/**
	 * Options.
	 *
	 * @var WebhookOptions
	 */
	private WebhookOptions $options;

	/**
	 * History.
	 *
	 * @var SyncLogWriter
	 */
	private SyncLogWriter $log;

	/**
	 * Clock.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Receiver URL for a site key: fn(string $key): string.
	 *
	 * @var callable(string): string
	 */
	private $url_for;

	/**
	 * Secret generator.
	 *
	 * @var SecretGenerator
	 */
	private SecretGenerator $secrets;

	/**
	 * Creates the service.
	 *
	 * @param WebhookOptions           $options Options.
	 * @param SyncLogWriter            $log     History.
	 * @param Clock                    $clock   Clock.
	 * @param callable(string): string $url_for Receiver URL builder.
	 * @param SecretGenerator|null     $secrets Secret generator.
	 */
	public function __construct( WebhookOptions $options, SyncLogWriter $log, Clock $clock, callable $url_for, ?SecretGenerator $secrets = null ) {
		$this->options = $options;
		$this->log     = $log;
		$this->clock   = $clock;
		$this->url_for = $url_for;
		$this->secrets = $secrets ?? new SecretGenerator();
	}

	/**
	 * This site's receiver URL (creates the site key on first use).
	 */
	public function receiver_url(): string {
		return ( $this->url_for )( $this->options->ensure_site_key() );
	}

	/**
	 * Registers (re-creating ours with a new Secret when $recreate, or when no Secret is stored).
	 *
	 * @param WebhookApi $api      API.
	 * @param bool       $recreate Re-register every subscription of ours with a new Secret.
	 * @return array<string, mixed> The stored registration state.
	 */
	public function register( WebhookApi $api, bool $recreate = true ): array {
		$url      = $this->receiver_url();
		$previous = array_values(
			array_filter(
				$this->options->previous_urls(),
				static fn ( string $old ): bool => ! WebhookUrl::same( $old, $url )
			)
		);
		$recreate = $recreate || '' === $this->options->secret();
		$existing = $api->list();
		$plan     = ( new SubscriptionPlanner() )->plan( $existing, $url, $recreate, $previous );

		$errors = array();
		foreach ( $plan->delete() as $id ) {
			try {
				$api->delete( $id );
			} catch ( \Throwable $e ) {
				$errors[] = sprintf( 'DELETE /webhooks/%d: %s', $id, $e->getMessage() );
			}
		}

		$secret = $this->options->secret();
		if ( array() !== $plan->create() && ( $recreate || '' === $secret ) ) {
			$secret = $this->secrets->generate();
			$this->options->save_secret( $secret );
		}
		$created = array();
		foreach ( $plan->create() as $type ) {
			try {
				$created[ $type ] = $api->create( $type, $url, $secret, 'KiotViet Sync for WooCommerce' );
			} catch ( \Throwable $e ) {
				$errors[] = sprintf( 'POST /webhooks %s: %s', $type, $e->getMessage() );
			}
		}
		$this->options->remember_url( $url );

		$state = $this->state_after( $plan, $created, $url, $errors );
		$this->options->save_registration( $state );
		$this->log->record(
			SyncLogWriter::CHANNEL_WEBHOOK,
			'register',
			array() === $errors ? SyncLogWriter::RESULT_OK : SyncLogWriter::RESULT_ERROR,
			array() === $errors
				? sprintf( 'Webhooks registered: %d created, %d removed, %d held by another integration.', count( $created ), count( $plan->delete() ), count( $plan->conflicts() ) )
				: 'Webhook registration incomplete: ' . implode( '; ', $errors ),
			array(
				'created'   => array_keys( $created ),
				'deleted'   => $plan->delete(),
				'conflicts' => array_map( static fn ( array $c ): string => $c['type'], $plan->conflicts() ),
			)
		);
		return $state;
	}

	/**
	 * Deletes every subscription whose URL is ours (current or previous); others are never touched.
	 *
	 * @param WebhookApi $api API.
	 * @return int Subscriptions deleted.
	 */
	public function unregister( WebhookApi $api ): int {
		$ours = array_merge( array( $this->receiver_url() ), $this->options->previous_urls() );
		$n    = 0;
		foreach ( $api->list() as $item ) {
			$url = isset( $item['url'] ) && is_string( $item['url'] ) ? $item['url'] : ( isset( $item['Url'] ) && is_string( $item['Url'] ) ? $item['Url'] : '' );
			$id  = $item['id'] ?? ( $item['Id'] ?? null );
			if ( '' === $url || ! is_numeric( $id ) ) {
				continue;
			}
			foreach ( $ours as $mine ) {
				if ( WebhookUrl::same( $url, $mine ) ) {
					$api->delete( (int) $id );
					++$n;
					break;
				}
			}
		}
		$this->options->clear_registration();
		$this->log->record( SyncLogWriter::CHANNEL_WEBHOOK, 'unregister', SyncLogWriter::RESULT_OK, sprintf( 'Removed %d webhook subscription(s) of this site from KiotViet.', $n ) );
		return $n;
	}

	/**
	 * Registration state after the calls.
	 *
	 * @param SubscriptionPlan        $plan    Plan.
	 * @param array<string, int|null> $created Created type => id.
	 * @param string                  $url     URL.
	 * @param list<string>            $errors  Errors.
	 * @return array<string, mixed>
	 */
	private function state_after( SubscriptionPlan $plan, array $created, string $url, array $errors ): array {
		$states = array();
		foreach ( $plan->states() as $type => $found ) {
			if ( array_key_exists( $type, $created ) ) {
				$states[ $type ] = array(
					'state' => SubscriptionPlan::STATE_ACTIVE,
					'id'    => $created[ $type ],
				);
			} elseif ( SubscriptionPlan::STATE_ACTIVE === $found ) {
				$states[ $type ] = array(
					'state' => SubscriptionPlan::STATE_ACTIVE,
					'id'    => null,
				);
			} elseif ( SubscriptionPlan::STATE_CONFLICT === $found ) {
				$states[ $type ] = array(
					'state' => SubscriptionPlan::STATE_CONFLICT,
					'id'    => null,
				);
			} else {
				$states[ $type ] = array(
					'state' => 'failed',
					'id'    => null,
				);
			}
		}
		return array(
			'url'           => $url,
			'registered_at' => $this->clock->now(),
			'states'        => $states,
			'conflicts'     => $plan->conflicts(),
			'errors'        => $errors,
		);
	}
}
