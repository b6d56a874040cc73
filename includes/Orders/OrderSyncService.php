<?php
/**
 * Order push use cases: enqueue, push, queue runs, auto-resync, status back.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Orders;

use DateTimeImmutable;
use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\KiotViet\CallBudget;
use KiotVietSync\Storage\OrderOutbox;
use KiotVietSync\Storage\SettingsStore;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Support\Clock;
use KiotVietSync\Sync\Connection\ConnectionService;
use KiotVietSync\Sync\Orders\AutoResyncSettings;
use KiotVietSync\Sync\Orders\DuplicateGuard;
use KiotVietSync\Sync\Orders\OrderPusher;
use KiotVietSync\Sync\Orders\OrderSyncSettings;
use KiotVietSync\Sync\Orders\PushResult;
use KiotVietSync\Sync\Orders\PushState;
use KiotVietSync\Sync\Orders\RetrySchedule;
use KiotVietSync\Sync\Orders\StatusMapper;
use KiotVietSync\Sync\Orders\SurchargeRef;

/**
 * Glue between WooCommerce orders, the outbox table and the pure order rules (Sync\Orders). Every order read
 * and write goes through WooCommerce CRUD (wc_get_order, update_meta_data/save, add_order_note, update_status),
 * so it works with HPOS and legacy storage alike. No KiotViet call happens while a customer checks out: the
 * triggers only insert an outbox row and schedule the queue job.
 */
final class OrderSyncService {

	/** Queue job hook. */
	public const HOOK_QUEUE = 'kiotviet_sync_order_queue';
	/** "Tự đồng bộ lại đơn hàng" job hook. */
	public const HOOK_RESYNC = 'kiotviet_sync_order_resync';

	/** Order meta: KiotViet order id / code. */
	public const META_ID   = '_kiotviet_sync_order_id';
	public const META_CODE = '_kiotviet_sync_order_code';

	/** Option with the site key of the duplicate marker. */
	public const OPTION_SITE_KEY = 'kiotviet_sync_order_site_key';
	/** Option caching the shipping surcharge {id, code}. */
	public const OPTION_SURCHARGE = 'kiotviet_sync_shipping_surcharge';

	/** Orders one queue run pushes. */
	public const QUEUE_BATCH = 25;
	/** Per-order lock lifetime (seconds). */
	public const LOCK_TTL = 300;
	/** Delay before retrying when the shop is not connected or the order branch is missing. */
	public const NOT_READY_DELAY = 3600;

	/**
	 * Outbox.
	 *
	 * @var OrderOutbox
	 */
	private OrderOutbox $outbox;

	/**
	 * Settings.
	 *
	 * @var SyncSettingsRepository
	 */
	private SyncSettingsRepository $settings;

	/**
	 * Connection.
	 *
	 * @var ConnectionService
	 */
	private ConnectionService $connection;

	/**
	 * Product links (built lazily for the connected retailer).
	 *
	 * @var callable(): ProductMap
	 */
	private $map_factory;

	/**
	 * Jobs.
	 *
	 * @var Scheduler
	 */
	private Scheduler $scheduler;

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
	 * Options.
	 *
	 * @var SettingsStore
	 */
	private SettingsStore $options;

	/**
	 * GET budget.
	 *
	 * @var CallBudget
	 */
	private CallBudget $budget;

	/**
	 * Orders already enqueued in this request.
	 *
	 * @var array<int, bool>
	 */
	private array $seen = array();

	/**
	 * Creates the service.
	 *
	 * @param OrderOutbox            $outbox      Outbox.
	 * @param SyncSettingsRepository $settings    Settings.
	 * @param ConnectionService      $connection  Connection.
	 * @param callable(): ProductMap $map_factory Product links.
	 * @param Scheduler              $scheduler   Jobs.
	 * @param SyncLogWriter          $log         History.
	 * @param Clock                  $clock       Clock.
	 * @param SettingsStore          $options     Options.
	 * @param CallBudget             $budget      GET budget.
	 */
	public function __construct( OrderOutbox $outbox, SyncSettingsRepository $settings, ConnectionService $connection, callable $map_factory, Scheduler $scheduler, SyncLogWriter $log, Clock $clock, SettingsStore $options, CallBudget $budget ) {
		$this->outbox      = $outbox;
		$this->settings    = $settings;
		$this->connection  = $connection;
		$this->map_factory = $map_factory;
		$this->scheduler   = $scheduler;
		$this->log         = $log;
		$this->clock       = $clock;
		$this->options     = $options;
		$this->budget      = $budget;
	}

	/**
	 * The outbox.
	 */
	public function outbox(): OrderOutbox {
		return $this->outbox;
	}

	/**
	 * Stable per-site key of the duplicate marker "[WC#id@key]" (generated once).
	 */
	public function site_key(): string {
		$key = (string) $this->options->get( self::OPTION_SITE_KEY, '' );
		if ( 1 !== preg_match( '/^[A-Za-z0-9-]{1,16}$/', $key ) ) {
			$key = substr( strtolower( (string) preg_replace( '/[^A-Za-z0-9]/', '', wp_generate_password( 16, false ) ) ), 0, 8 );
			$key = '' !== $key ? $key : 'wc' . wp_rand( 100000, 999999 );
			$this->options->set( self::OPTION_SITE_KEY, $key, false );
		}
		return $key;
	}

	/**
	 * Trigger: an order was created or changed status. Enqueues it when automatic push is on, the status is a
	 * push status and it has no KiotViet order yet. No KiotViet call.
	 *
	 * @param mixed $order Order or id.
	 */
	public function maybe_enqueue( $order ): void {
		if ( ! $order instanceof \WC_Order ) {
			$order = is_numeric( $order ) ? wc_get_order( (int) $order ) : null;
		}
		if ( ! $order instanceof \WC_Order || 'shop_order' !== $order->get_type() ) {
			return;
		}
		$id = (int) $order->get_id();
		if ( $id <= 0 || isset( $this->seen[ $id ] ) ) {
			return;
		}
		$settings = $this->settings->load();
		if ( true !== $settings->get( 'auto_push_orders' ) ) {
			return;
		}
		$statuses = (array) $settings->get( 'push_statuses' );
		$status   = (string) $order->get_status();
		if ( ! in_array( $status, $statuses, true ) || '' !== (string) $order->get_meta( self::META_ID ) ) {
			return;
		}
		$this->seen[ $id ] = true;
		$this->outbox->enqueue( $id, $this->clock->now(), OrderOutbox::ORIGIN_AUTO );
		$this->schedule_queue( 0 );
	}

	/**
	 * Schedules the queue job once (unique).
	 *
	 * @param int $delay Seconds.
	 */
	public function schedule_queue( int $delay ): void {
		$this->scheduler->schedule_single( self::HOOK_QUEUE, array(), max( 0, $delay ), true );
	}

	/**
	 * "Đồng bộ lại": makes orders due now and pushes up to $sync_now of them in this request.
	 *
	 * @param int[] $order_ids Order ids.
	 * @param int   $sync_now  How many to push right away.
	 * @return array<int, string> Order id → outcome (PushResult outcome, 'queued', 'locked' or 'not_found').
	 */
	public function resync( array $order_ids, int $sync_now = 20 ): array {
		$out    = array();
		$queued = false;
		foreach ( array_values( array_unique( array_map( 'intval', $order_ids ) ) ) as $i => $id ) {
			if ( ! wc_get_order( $id ) instanceof \WC_Order ) {
				$out[ $id ] = 'not_found';
				continue;
			}
			$this->outbox->requeue( $id, $this->clock->now(), OrderOutbox::ORIGIN_MANUAL );
			if ( $i < $sync_now ) {
				$out[ $id ] = $this->push( $id );
			} else {
				$out[ $id ] = 'queued';
				$queued     = true;
			}
		}
		if ( $queued ) {
			$this->schedule_queue( 0 );
		}
		return $out;
	}

	/**
	 * Queue job: pushes due orders, then schedules itself for the next due one.
	 *
	 * @param int      $limit      Orders this run.
	 * @param int|null $due_before Treat rows due before this time as due (tests: far future); null = now.
	 * @return int Orders attempted.
	 */
	public function run_queue( int $limit = self::QUEUE_BATCH, ?int $due_before = null ): int {
		$ids = $this->outbox->due( $limit, $due_before ?? $this->clock->now() );
		foreach ( $ids as $id ) {
			$this->push( $id );
		}
		$next = $this->outbox->seconds_to_next( $this->clock->now() );
		if ( null !== $next && null === $due_before ) {
			$this->schedule_queue( $next );
		}
		return count( $ids );
	}

	/**
	 * One push attempt of one order under its lock.
	 *
	 * @param int $order_id Order id.
	 * @return string PushResult outcome, or 'locked' / 'not_found' / 'not_ready'.
	 */
	public function push( int $order_id ): string {
		$now = $this->clock->now();
		if ( ! $this->outbox->lock( $order_id, $now, self::LOCK_TTL ) ) {
			return 'locked';
		}
		$saved = false;
		try {
			$outcome = $this->push_locked( $order_id, $saved );
		} finally {
			if ( ! $saved ) {
				$this->outbox->unlock( $order_id );
			}
		}
		return $outcome;
	}

	/**
	 * @param int  $order_id Order id.
	 * @param bool $saved    Set when the row was saved (lock released).
	 */
	private function push_locked( int $order_id, bool &$saved ): string {
		$now   = $this->clock->now();
		$row   = $this->outbox->get( $order_id ) ?? array();
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			$this->outbox->save(
				$order_id,
				array(
					'state'   => OrderOutbox::SKIPPED,
					'message' => 'The order no longer exists.',
				),
				$now
			);
			$saved = true;
			return 'not_found';
		}
		$state = PushState::from_array( array_merge( (array) ( $row['push_state'] ?? array() ), array( 'attempts' => (int) ( $row['attempts'] ?? 0 ) ) ) );
		$meta  = (int) $order->get_meta( self::META_ID );
		if ( ! $state->is_synced() && $meta > 0 ) {
			$state = $state->with_kiotviet_order( $meta, (string) $order->get_meta( self::META_CODE ) );
		}
		$origin = (string) ( $row['origin'] ?? OrderOutbox::ORIGIN_AUTO );
		$manual = OrderOutbox::ORIGIN_MANUAL === $origin;

		try {
			$client     = $this->connection->client();
			$api        = new ClientOrderApi( $client );
			$settings   = $this->order_settings( $api );
			$map        = ( $this->map_factory )();
			$snapshot   = ( new OrderSnapshotFactory( $map ) )->from_order( $order );
		} catch ( \InvalidArgumentException $e ) {
			$this->finish( $order, $state, OrderOutbox::FAILED, $e->getMessage(), 0, true );
			$saved = true;
			return PushResult::FAILED;
		} catch ( \Throwable $e ) {
			$message = 'Not sent yet: ' . $e->getMessage();
			$this->outbox->save(
				$order_id,
				array(
					'state'           => OrderOutbox::WAITING,
					'message'         => $message,
					'next_attempt_at' => $now + self::NOT_READY_DELAY,
				),
				$now
			);
			$saved = true;
			$this->record( $order, 'error', $message, array( 'outcome' => 'not_ready' ), null );
			return 'not_ready';
		}

		$pusher = new OrderPusher(
			$api,
			new RetrySchedule(),
			static function (): float {
				return wp_rand( 0, 1000000 ) / 1000000;
			},
			static function (): DateTimeImmutable {
				return new DateTimeImmutable( 'now' );
			}
		);
		$result = $pusher->push( $snapshot, $settings, $state, $manual );

		foreach ( $result->new_mappings() as $link ) {
			$product = wc_get_product( $link['woo_product_id'] );
			$map->remember(
				$link['woo_product_id'],
				$product instanceof \WC_Product && 'variation' === $product->get_type(),
				$link['kiotviet_id'],
				$link['kiotviet_code'],
				$product instanceof \WC_Product ? (string) $product->get_sku( 'edit' ) : ''
			);
		}

		switch ( $result->outcome() ) {
			case PushResult::SYNCED:
			case PushResult::FOUND_EXISTING:
			case PushResult::ALREADY_SYNCED:
				$this->finish( $order, $result->state(), OrderOutbox::SYNCED, $result->message(), 0, PushResult::ALREADY_SYNCED !== $result->outcome(), $result->notes() );
				break;
			case PushResult::SKIPPED:
				$this->finish( $order, $result->state(), OrderOutbox::SKIPPED, $result->message(), 0, false );
				break;
			case PushResult::RETRY:
				$this->finish( $order, $result->state(), OrderOutbox::WAITING, $result->message(), $now + $result->delay(), false, $result->notes() );
				$this->schedule_queue( $result->delay() );
				break;
			default:
				$this->finish( $order, $result->state(), OrderOutbox::FAILED, $result->message(), 0, true, $result->notes() );
		}
		$saved = true;
		return $result->outcome();
	}

	/**
	 * Persists an attempt: outbox row, order meta and note (through CRUD), history.
	 *
	 * @param \WC_Order $order    Order.
	 * @param PushState $state    State.
	 * @param string    $outbox_state Outbox state.
	 * @param string    $message  Message.
	 * @param int       $next_at  Next attempt (unix), 0 = none.
	 * @param bool      $note     Whether to add an order note.
	 * @param string[]  $notes    History notes.
	 */
	private function finish( \WC_Order $order, PushState $state, string $outbox_state, string $message, int $next_at, bool $note, array $notes = array() ): void {
		$now = $this->clock->now();
		$id  = (int) $order->get_id();
		$this->outbox->save(
			$id,
			array(
				'state'           => $outbox_state,
				'attempts'        => $state->attempts(),
				'push_state'      => $state->to_array(),
				'kiotviet_id'     => $state->kiotviet_id(),
				'kiotviet_code'   => '' !== $state->kiotviet_code() ? $state->kiotviet_code() : null,
				'message'         => $message,
				'next_attempt_at' => $next_at > 0 ? $next_at : $now,
			),
			$now
		);
		if ( OrderOutbox::SYNCED === $outbox_state && null !== $state->kiotviet_id() && (int) $order->get_meta( self::META_ID ) !== $state->kiotviet_id() ) {
			$order->update_meta_data( self::META_ID, (string) $state->kiotviet_id() );
			$order->update_meta_data( self::META_CODE, $state->kiotviet_code() );
			$order->save();
		}
		if ( $note ) {
			$order->add_order_note( 'KiotViet: ' . $message );
		}
		$result = OrderOutbox::SYNCED === $outbox_state ? 'ok' : ( OrderOutbox::SKIPPED === $outbox_state ? 'skipped' : 'error' );
		$this->record(
			$order,
			$result,
			$message,
			array(
				'state'    => $outbox_state,
				'attempts' => $state->attempts(),
				'notes'    => $notes,
			),
			$state->kiotviet_id()
		);
	}

	/**
	 * Writes one history row (channel order).
	 *
	 * @param \WC_Order            $order       Order.
	 * @param string               $result      ok|error|skipped.
	 * @param string               $message     Message.
	 * @param array<string, mixed> $context     Context.
	 * @param int|null             $kiotviet_id KiotViet order id.
	 * @param string               $action      Action.
	 */
	private function record( \WC_Order $order, string $result, string $message, array $context, ?int $kiotviet_id, string $action = 'push' ): void {
		$refs = array(
			'object_type' => 'order',
			'object_id'   => (int) $order->get_id(),
		);
		if ( null !== $kiotviet_id ) {
			$refs['kiotviet_id'] = $kiotviet_id;
		}
		if ( 'ok' !== $result ) {
			$refs['level'] = 'error' === $result ? 'error' : 'info';
		}
		$this->log->record( 'order', $action, $result, $message, $context, $refs );
	}

	/**
	 * Forgets the cached shipping surcharge: its id belongs to the KiotViet shop of the previous connection (after
	 * reconnecting, possibly to another shop, it may not exist or be inactive, and KiotViet rejects every order
	 * with shipping: "Thu khác … không tồn tại hoặc chưa kích hoạt"). The next push looks it up again.
	 */
	public function forget_shipping_surcharge(): void {
		$this->options->delete( self::OPTION_SURCHARGE );
	}

	/**
	 * The rules' settings from the merchant's settings and the connection.
	 *
	 * @param ClientOrderApi $api KiotViet calls (for the shipping surcharge).
	 * @throws \RuntimeException When no branch is known.
	 */
	public function order_settings( ClientOrderApi $api ): OrderSyncSettings {
		$settings = $this->settings->load();
		$branch   = (int) ( $settings->get( 'order_branch_id' ) ?? 0 );
		if ( $branch <= 0 ) {
			$branch = (int) $this->connection->current()->branch_id();
		}
		if ( $branch <= 0 ) {
			throw new \RuntimeException( 'Choose the KiotViet branch for orders first.' );
		}
		$surcharge = null;
		if ( true === $settings->get( 'sync_shipping' ) ) {
			$cached = $this->options->get( self::OPTION_SURCHARGE, null );
			if ( is_array( $cached ) && (int) ( $cached['id'] ?? 0 ) > 0 ) {
				$surcharge = new SurchargeRef( (int) $cached['id'], (string) $cached['code'] );
			} else {
				$surcharge = $api->shipping_surcharge();
				$this->options->set(
					self::OPTION_SURCHARGE,
					array(
						'id'   => $surcharge->id(),
						'code' => $surcharge->code(),
					),
					false
				);
			}
		}
		return OrderSyncSettings::from_array(
			array(
				'branch_id'          => $branch,
				'site_key'           => $this->site_key(),
				'match_lines_by_sku' => true === $settings->get( 'order_lines_by_sku' ),
				'sync_shipping'      => true === $settings->get( 'sync_shipping' ),
				'shipping_surcharge' => $surcharge,
				'push_statuses'      => (array) $settings->get( 'push_statuses' ),
			)
		);
	}

	/**
	 * "Tự đồng bộ lại đơn hàng": re-queues up to the limit (within the GET budget) of eligible orders without a
	 * KiotViet order, then runs the queue for them.
	 *
	 * @param int|null $remaining_gets Remaining GET budget (null = from the call budget).
	 * @return int[] Order ids queued.
	 */
	public function auto_resync( ?int $remaining_gets = null ): array {
		$settings = $this->settings->load();
		if ( true !== $settings->get( 'auto_resync_orders' ) ) {
			return array();
		}
		$rules = AutoResyncSettings::from_array(
			array(
				'enabled'  => true,
				'interval' => (int) $settings->get( 'auto_resync_interval' ),
				'limit'    => (int) $settings->get( 'auto_resync_limit' ),
			)
		);
		$remaining = $remaining_gets ?? max( 0, $this->budget->limit() - $this->budget->used() );
		$count     = $rules->orders_for_run( $remaining );
		if ( $count <= 0 ) {
			$this->log->record( 'order', 'auto_resync', 'skipped', 'Auto-resync skipped: the KiotViet GET budget is nearly used up.', array( 'remaining' => $remaining ) );
			return array();
		}
		$ids    = wc_get_orders(
			array(
				'status'     => (array) $settings->get( 'push_statuses' ),
				'limit'      => $count,
				'return'     => 'ids',
				'orderby'    => 'date',
				'order'      => 'ASC',
				'type'       => 'shop_order',
				// HPOS reads meta_query; the legacy (posts) order store ignores it and passes meta_key/meta_compare to WP_Query.
				'meta_query' => array( // phpcs:ignore WordPress.DB.SlowDBQuery
					array(
						'key'     => self::META_ID,
						'compare' => 'NOT EXISTS',
					),
				),
				'meta_key'     => self::META_ID, // phpcs:ignore WordPress.DB.SlowDBQuery
				'meta_compare' => 'NOT EXISTS',
			)
		);
		$queued = array();
		$now    = $this->clock->now();
		foreach ( (array) $ids as $id ) {
			$id    = (int) $id;
			$order = wc_get_order( $id );
			if ( ! $order instanceof \WC_Order || '' !== (string) $order->get_meta( self::META_ID ) ) {
				continue;
			}
			if ( $this->outbox->requeue( $id, $now, OrderOutbox::ORIGIN_RESYNC ) ) {
				$queued[] = $id;
			}
		}
		$this->log->record( 'order', 'auto_resync', 'ok', sprintf( 'Auto-resync queued %d unsynced orders.', count( $queued ) ), array( 'limit' => $count ) );
		if ( array() !== $queued ) {
			$this->run_queue( count( $queued ) );
		}
		return $queued;
	}

	/**
	 * (Re)schedules the auto-resync job from the settings.
	 */
	public function schedule_auto_resync(): void {
		$settings = $this->settings->load();
		$this->scheduler->unschedule_all( self::HOOK_RESYNC );
		if ( true === $settings->get( 'auto_resync_orders' ) ) {
			$interval = max( AutoResyncSettings::MIN_INTERVAL, (int) $settings->get( 'auto_resync_interval' ) );
			$this->scheduler->schedule_recurring( self::HOOK_RESYNC, $interval, array(), $interval );
		}
	}

	/**
	 * Schedules auto-resync when it is on but no run is pending (e.g. settings saved before an update).
	 */
	public function ensure_auto_resync(): void {
		if ( true === $this->settings->load()->get( 'auto_resync_orders' ) && ! $this->scheduler->is_scheduled( self::HOOK_RESYNC ) ) {
			$this->schedule_auto_resync();
		}
	}

	/**
	 * Status back from one verified order.update webhook item.
	 *
	 * @param array<string, mixed> $item KiotViet order (PascalCase or camelCase).
	 * @return string What happened: not_found|unchanged|updated|unknown.
	 */
	public function apply_kiotviet_status( array $item ): string {
		$kv_id = (int) ( $item['Id'] ?? $item['id'] ?? 0 );
		$code  = (string) ( $item['Code'] ?? $item['code'] ?? '' );
		$order = $this->find_order( $kv_id, (string) ( $item['Description'] ?? $item['description'] ?? '' ) );
		if ( null === $order ) {
			$this->log->record( 'order', 'status_back', 'skipped', sprintf( 'KiotViet order %s is not a website order of this shop.', '' !== $code ? $code : '#' . $kv_id ), array(), array( 'kiotviet_id' => $kv_id ) );
			return 'not_found';
		}
		if ( $kv_id > 0 && (int) $order->get_meta( self::META_ID ) !== $kv_id ) {
			// Found by the marker: the push response was lost; remember the order so it is never sent again.
			$order->update_meta_data( self::META_ID, (string) $kv_id );
			$order->update_meta_data( self::META_CODE, $code );
			$order->save();
			$this->outbox->enqueue( (int) $order->get_id(), $this->clock->now(), OrderOutbox::ORIGIN_AUTO );
			$this->outbox->save(
				(int) $order->get_id(),
				array(
					'state'         => OrderOutbox::SYNCED,
					'kiotviet_id'   => $kv_id,
					'kiotviet_code' => $code,
					'message'       => sprintf( 'Linked to KiotViet order %s from a webhook.', $code ),
				),
				$this->clock->now()
			);
		}
		$decision = ( new StatusMapper() )->decide_for_item( $item, (string) $order->get_status() );
		if ( ! $decision->is_known_status() ) {
			$this->record( $order, 'skipped', $decision->reason(), array( 'item_status' => $item['Status'] ?? $item['status'] ?? null ), $kv_id, 'status_back' );
			return 'unknown';
		}
		$target = $decision->target();
		if ( null === $target ) {
			$this->record( $order, 'skipped', $decision->reason(), array(), $kv_id, 'status_back' );
			return 'unchanged';
		}
		// update_status() runs WooCommerce's own transitions (cancelled restocks the order's items).
		$order->update_status( $target, 'KiotViet: ' . $decision->reason() );
		$this->record( $order, 'ok', $decision->reason(), array( 'to' => $target ), $kv_id, 'status_back' );
		return 'updated';
	}

	/**
	 * The Woo order of a KiotViet order: stored id (outbox, then order meta), else this site's marker.
	 *
	 * @param int    $kv_id       KiotViet order id.
	 * @param string $description KiotViet description.
	 */
	private function find_order( int $kv_id, string $description ): ?\WC_Order {
		if ( $kv_id > 0 ) {
			$id = $this->outbox->order_for_kiotviet_id( $kv_id );
			if ( null !== $id ) {
				$order = wc_get_order( $id );
				if ( $order instanceof \WC_Order ) {
					return $order;
				}
			}
			$found = wc_get_orders(
				array(
					'limit'      => 1,
					'type'       => 'shop_order',
					'status'     => array_keys( wc_get_order_statuses() ),
					// HPOS reads meta_query; the legacy (posts) order store passes meta_key/meta_value to WP_Query.
					'meta_query' => array( // phpcs:ignore WordPress.DB.SlowDBQuery
						array(
							'key'   => self::META_ID,
							'value' => (string) $kv_id,
						),
					),
					'meta_key'   => self::META_ID, // phpcs:ignore WordPress.DB.SlowDBQuery
					'meta_value' => (string) $kv_id, // phpcs:ignore WordPress.DB.SlowDBQuery
				)
			);
			if ( is_array( $found ) && isset( $found[0] ) && $found[0] instanceof \WC_Order && (int) $found[0]->get_meta( self::META_ID ) === $kv_id ) {
				return $found[0];
			}
		}
		$woo_id = DuplicateGuard::woo_order_id_from( $description, $this->site_key() );
		if ( null !== $woo_id ) {
			$order = wc_get_order( $woo_id );
			if ( $order instanceof \WC_Order ) {
				return $order;
			}
		}
		return null;
	}
}
