<?php
/**
 * Processes the webhook inbox.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use DateTimeImmutable;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Support\Clock;
use KiotVietSync\Sync\Webhooks\DeliveryParser;
use KiotVietSync\Sync\Webhooks\Event;
use KiotVietSync\Sync\Webhooks\FreshnessGuard;
use KiotVietSync\Sync\Webhooks\MalformedDelivery;
use KiotVietSync\Sync\Webhooks\RereadPlanner;
use KiotVietSync\Webhooks\Storage\AppliedState;
use KiotVietSync\Webhooks\Storage\InboxStore;

/**
 * Takes pending inbox rows in arrival order and applies them:
 * - verified rows: every event of every notification; events of one batch are coalesced per
 *   Event::coalescing_key() (last arrival wins, unless both are dated and it is older), then FreshnessGuard against what was last applied
 *   decides APPLY / SKIP_* / REREAD; applied state (ModifiedDate + payload hash) is stored per key;
 * - unverified rows: never applied; at most RereadPlanner (cap 20 per delivery) re-reads, limited by an
 *   hourly allowance, so a forgery can only cause bounded reads of the real data.
 * Every event is written to the sync history (channel webhook) as applied / skipped / rejected.
 */
final class InboxProcessor {

	public const REREADS_PER_DELIVERY = 20;
	public const REREADS_PER_HOUR     = 200;

	/**
	 * Inbox.
	 *
	 * @var InboxStore
	 */
	private InboxStore $inbox;

	/**
	 * Applied state.
	 *
	 * @var AppliedState
	 */
	private AppliedState $state;

	/**
	 * Handler factory: fn(): EventHandler (built lazily: settings and client only when needed).
	 *
	 * @var callable(): EventHandler
	 */
	private $handler_factory;

	/**
	 * Built handler.
	 *
	 * @var EventHandler|null
	 */
	private ?EventHandler $handler = null;

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
	 * Options (re-read allowance).
	 *
	 * @var WebhookOptions
	 */
	private WebhookOptions $options;

	/**
	 * Creates the processor.
	 *
	 * @param InboxStore               $inbox           Inbox.
	 * @param AppliedState             $state           Applied state.
	 * @param callable(): EventHandler $handler_factory Handler factory.
	 * @param SyncLogWriter            $log             History.
	 * @param Clock                    $clock           Clock.
	 * @param WebhookOptions           $options         Options.
	 */
	public function __construct( InboxStore $inbox, AppliedState $state, callable $handler_factory, SyncLogWriter $log, Clock $clock, WebhookOptions $options ) {
		$this->inbox           = $inbox;
		$this->state           = $state;
		$this->handler_factory = $handler_factory;
		$this->log             = $log;
		$this->clock           = $clock;
		$this->options         = $options;
	}

	/**
	 * Processes up to $max_rows pending rows.
	 *
	 * @param int $max_rows Rows per run.
	 * @return array{rows: int, applied: int, skipped: int, rejected: int, more: bool}
	 */
	public function process_pending( int $max_rows = 50 ): array {
		$rows   = $this->inbox->pending( $max_rows + 1 );
		$more   = count( $rows ) > $max_rows;
		$rows   = array_slice( $rows, 0, $max_rows );
		$totals = array(
			'rows'     => count( $rows ),
			'applied'  => 0,
			'skipped'  => 0,
			'rejected' => 0,
			'more'     => $more,
		);
		if ( array() === $rows ) {
			return $totals;
		}

		$parser    = new DeliveryParser();
		$coalesced = array();
		$row_state = array();
		$row_error = array();
		foreach ( $rows as $row ) {
			$id = (int) $row['id'];
			try {
				$delivery = $parser->parse( (string) $row['body'] );
			} catch ( MalformedDelivery $e ) {
				$row_state[ $id ] = InboxStore::STATE_MALFORMED;
				$row_error[ $id ] = $e->reason();
				continue;
			}
			if ( '1' !== (string) $row['verified'] ) {
				$this->unverified( $id, (string) $row['verification'], $delivery->events(), $totals );
				$row_state[ $id ] = InboxStore::STATE_IGNORED;
				$row_error[ $id ] = 'unverified: ' . (string) $row['verification'];
				continue;
			}
			$row_state[ $id ] = InboxStore::STATE_PROCESSED;
			foreach ( $delivery->events() as $event ) {
				$key = $event->coalescing_key();
				if ( isset( $coalesced[ $key ] ) ) {
					$kept_date = $coalesced[ $key ][0]->modified_at();
					$new_date  = $event->modified_at();
					if ( null !== $kept_date && null !== $new_date && $new_date < $kept_date ) {
						// Arrived later but older (reordered delivery): the kept event wins.
						$this->record( $event, HandlerResult::skipped( 'older', 'An event newer than this one is in the same batch.' ), $id );
						++$totals['skipped'];
						continue;
					}
					$this->record( $coalesced[ $key ][0], HandlerResult::skipped( 'coalesced', 'Superseded by a later event in the same batch.' ), $coalesced[ $key ][1] );
					++$totals['skipped'];
					unset( $coalesced[ $key ] );
				}
				$coalesced[ $key ] = array( $event, $id );
			}
		}

		$guard = new FreshnessGuard();
		foreach ( $coalesced as $key => $pair ) {
			list( $event, $row_id ) = $pair;
			$result                 = $this->one( (string) $key, $event, $guard );
			if ( HandlerResult::REJECTED === $result->outcome() ) {
				$row_state[ $row_id ] = InboxStore::STATE_FAILED;
				$row_error[ $row_id ] = $result->message();
			}
			$this->record( $event, $result, $row_id );
			++$totals[ $result->outcome() ];
		}

		$now = gmdate( 'Y-m-d H:i:s', $this->clock->now() );
		foreach ( $rows as $row ) {
			$id = (int) $row['id'];
			$this->inbox->finish( $id, $row_state[ $id ] ?? InboxStore::STATE_PROCESSED, $row_error[ $id ] ?? null, $now );
		}
		return $totals;
	}

	/**
	 * One coalesced event.
	 *
	 * @param string         $key   Coalescing key.
	 * @param Event          $event Event.
	 * @param FreshnessGuard $guard Guard.
	 */
	private function one( string $key, Event $event, FreshnessGuard $guard ): HandlerResult {
		$last     = $this->state->get( $key );
		$modified = null !== $last && null !== $last['modified_at'] ? self::date( $last['modified_at'] ) : null;
		$decision = $guard->decide( $event, $modified, null === $last ? null : $last['hash'] );
		if ( FreshnessGuard::SKIP_OLDER === $decision ) {
			return HandlerResult::skipped( 'older', 'An event newer than this one was already applied.' );
		}
		if ( FreshnessGuard::SKIP_DUPLICATE === $decision ) {
			return HandlerResult::skipped( 'duplicate', 'The same change was already applied.' );
		}
		try {
			if ( FreshnessGuard::REREAD === $decision ) {
				$plan   = ( new RereadPlanner() )->plan( array( $event ), 1 );
				$result = array() === $plan
					? HandlerResult::skipped( 'no_reread', 'A retried event could not be re-read.' )
					: $this->handler()->reread( $plan[0]['entity'], $plan[0]['id'] );
			} else {
				$result = $this->handler()->apply( $event );
			}
		} catch ( \Throwable $e ) {
			return new HandlerResult( HandlerResult::REJECTED, 'error', get_class( $e ) . ': ' . $e->getMessage() );
		}
		if ( HandlerResult::REJECTED !== $result->outcome() ) {
			$date = $event->modified_at();
			$this->state->put( $key, null === $date ? null : $date->format( 'Y-m-d\TH:i:s.uP' ), $event->payload_hash() );
		}
		return $result;
	}

	/**
	 * An unverified delivery: bounded re-reads only.
	 *
	 * @param int           $row_id       Row id.
	 * @param string        $verification Reason.
	 * @param list<Event>   $events       Events.
	 * @param array<string, int|bool> $totals Totals.
	 */
	private function unverified( int $row_id, string $verification, array $events, array &$totals ): void {
		$plan  = ( new RereadPlanner() )->plan( $events, self::REREADS_PER_DELIVERY );
		$grant = array() === $plan ? 0 : $this->options->take_reread_allowance( count( $plan ), self::REREADS_PER_HOUR, $this->clock->now() );
		$this->log->record(
			SyncLogWriter::CHANNEL_WEBHOOK,
			'delivery',
			SyncLogWriter::RESULT_ERROR,
			sprintf( 'Rejected a webhook delivery that failed verification (%s); %d item(s) re-read from KiotViet instead.', $verification, $grant ),
			array(
				'inbox_id' => $row_id,
				'outcome'  => HandlerResult::REJECTED,
				'events'   => count( $events ),
			)
		);
		++$totals['rejected'];
		foreach ( array_slice( $plan, 0, $grant ) as $item ) {
			try {
				$result = $this->handler()->reread( $item['entity'], $item['id'] );
			} catch ( \Throwable $e ) {
				$result = new HandlerResult( HandlerResult::REJECTED, 'error', get_class( $e ) . ': ' . $e->getMessage() );
			}
			$this->log->record(
				SyncLogWriter::CHANNEL_WEBHOOK,
				'reread',
				self::log_result( $result ),
				$result->message(),
				array(
					'inbox_id' => $row_id,
					'outcome'  => $result->outcome(),
					'reason'   => $result->reason(),
				),
				self::refs( $result, $item['id'] )
			);
		}
	}

	/**
	 * Writes one event to the history.
	 *
	 * @param Event         $event  Event.
	 * @param HandlerResult $result Result.
	 * @param int           $row_id Inbox row.
	 */
	private function record( Event $event, HandlerResult $result, int $row_id ): void {
		$this->log->record(
			SyncLogWriter::CHANNEL_WEBHOOK,
			$event->type(),
			self::log_result( $result ),
			$result->message(),
			array(
				'inbox_id' => $row_id,
				'outcome'  => $result->outcome(),
				'reason'   => $result->reason(),
				'attempt'  => $event->attempt(),
			),
			self::refs( $result, $event->kiotviet_id() )
		);
	}

	/**
	 * History result for an outcome.
	 *
	 * @param HandlerResult $result Result.
	 */
	private static function log_result( HandlerResult $result ): string {
		if ( HandlerResult::APPLIED === $result->outcome() ) {
			return SyncLogWriter::RESULT_OK;
		}
		return HandlerResult::SKIPPED === $result->outcome() ? SyncLogWriter::RESULT_SKIPPED : SyncLogWriter::RESULT_ERROR;
	}

	/**
	 * History refs.
	 *
	 * @param HandlerResult $result Result.
	 * @param int           $kv_id  KiotViet id.
	 * @return array<string, mixed>
	 */
	private static function refs( HandlerResult $result, int $kv_id ): array {
		$refs = array( 'kiotviet_id' => $kv_id );
		if ( null !== $result->woo_id() ) {
			$refs['object_type'] = 'product';
			$refs['object_id']   = $result->woo_id();
		}
		return $refs;
	}

	/**
	 * The handler, built on first use.
	 */
	private function handler(): EventHandler {
		if ( null === $this->handler ) {
			$this->handler = ( $this->handler_factory )();
		}
		return $this->handler;
	}

	/**
	 * Stored date.
	 *
	 * @param string $value ISO date.
	 */
	private static function date( string $value ): ?DateTimeImmutable {
		$date = DateTimeImmutable::createFromFormat( 'Y-m-d\TH:i:s.uP', $value );
		return false === $date ? null : $date;
	}
}
