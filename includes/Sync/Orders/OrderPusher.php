<?php
/**
 * One push attempt of one WooCommerce order to KiotViet.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use DateTimeImmutable;

/**
 * Runs one attempt: customer → (duplicate lookup when the last send was ambiguous) → lines (creating unknown
 * products) → payload → POST /orders, and turns every failure into a PushResult with the state to persist.
 * Pure orchestration over the KiotVietOrderApi port: no WordPress, so the whole flow is unit-tested with a fake.
 *
 * The caller (queue worker, manual "Đồng bộ lại", auto-resync job) must hold the per-order lock for the whole
 * call and persist result->state() before releasing it. Rules that make duplicates impossible:
 * - a state with a KiotViet order id is never sent again;
 * - before a POST the state records the send (first_sent_at), and an ambiguous outcome (timeout after sending,
 *   5xx, unreadable success) sets needs_lookup, so the next attempt searches KiotViet for the marker first;
 * - customers and products are found before they are created (phone match, deterministic product code), so a
 *   lost create response is found again instead of created twice. An ambiguous failure of those creates is
 *   retried as transient: the order itself was not sent.
 */
final class OrderPusher {

	/** Most GET /orders pages one lookup reads (100 orders each) before giving up. */
	public const MAX_LOOKUP_PAGES = 20;

	private KiotVietOrderApi $api;
	private RetrySchedule $schedule;
	/** @var callable():float */
	private $random;
	/** @var callable():DateTimeImmutable */
	private $now;
	private ?int $website_category_id;
	private OrderPayloadBuilder $builder;
	private FailureClassifier $classifier;
	private DuplicateGuard $guard;
	private CustomerMatcher $matcher;

	/**
	 * @param callable():float             $random              Jitter source in [0, 1].
	 * @param callable():DateTimeImmutable $now                 Clock.
	 * @param int|null                     $website_category_id KiotViet category for products created from orders.
	 */
	public function __construct( KiotVietOrderApi $api, RetrySchedule $schedule, callable $random, callable $now, ?int $website_category_id = null ) {
		$this->api                 = $api;
		$this->schedule            = $schedule;
		$this->random              = $random;
		$this->now                 = $now;
		$this->website_category_id = $website_category_id;
		$this->builder             = new OrderPayloadBuilder();
		$this->classifier          = new FailureClassifier();
		$this->guard               = new DuplicateGuard();
		$this->matcher             = new CustomerMatcher();
	}

	/**
	 * @param bool $manual A merchant's "Đồng bộ lại": pushes whatever the order status (never skips the
	 *                     duplicate protection).
	 */
	public function push( WooOrderSnapshot $order, OrderSyncSettings $settings, PushState $state, bool $manual = false ): PushResult {
		if ( $state->is_synced() ) {
			return new PushResult( PushResult::ALREADY_SYNCED, $state, sprintf( 'Already in KiotViet as %s.', self::order_label( $state ) ) );
		}
		if ( ! $manual && ! $settings->should_push( $order->status() ) ) {
			return new PushResult( PushResult::SKIPPED, $state, sprintf( 'Orders in status %s are not sent to KiotViet.', $order->status() ) );
		}
		$state   = $state->with_attempt();
		$mappings = array();
		$method  = 'GET';
		$step    = 'customer';
		try {
			$customer_id = null;
			if ( CustomerMatcher::needs_customer( $order ) ) {
				$phone       = $order->customer_phone();
				$customer_id = $this->matcher->pick(
					$this->api->search_customers( $this->matcher->search_query( $phone ) ),
					$phone,
					$settings->branch_id(),
					$this->api->manages_customers_by_branch()
				);
				if ( null === $customer_id ) {
					$method      = 'POST';
					$customer_id = CustomerMatcher::created_id( $this->api->create_customer( $this->matcher->create_request( $order, $settings->branch_id() )->to_payload() ) );
					if ( null === $customer_id ) {
						return $this->after_step_failure( $state, $step, new ErrorInfo( 200, '', 'KiotViet answered without a customer id.' ), $mappings );
					}
					$method = 'GET';
				}
			}

			if ( $state->needs_lookup() ) {
				$step  = 'lookup';
				$found = $this->lookup( $order, $settings, $state );
				if ( null === $found ) {
					return $this->fail(
						$state,
						sprintf(
							'Could not confirm whether KiotViet already has this order (more than %d orders to search). Search KiotViet for %s and create it manually or confirm it is missing before resyncing.',
							self::MAX_LOOKUP_PAGES * DuplicateGuard::PAGE_SIZE,
							DuplicateGuard::marker( $order->id(), $settings->site_key() )
						)
					);
				}
				if ( array() !== $found ) {
					$ref   = DuplicateGuard::order_ref( $found );
					$state = $state->with_kiotviet_order( $ref['id'], $ref['code'] );
					return new PushResult( PushResult::FOUND_EXISTING, $state, sprintf( 'The previous send reached KiotViet: found order %s, not sent again.', self::order_label( $state ) ) );
				}
				$state = $state->with_lookup( false );
			}

			$step     = 'lines';
			$resolver = new LineResolver(
				$settings,
				function ( string $code ): ?array {
					return $this->api->find_product_by_code( $code );
				},
				$this->website_category_id
			);
			$resolved = array();
			foreach ( $order->lines() as $line ) {
				$resolution = $resolver->resolve( $line, $order->stock_reduced() );
				if ( $resolution->is_error() ) {
					return $this->fail( $state, $resolution->message(), $mappings );
				}
				$request = $resolution->create_request();
				if ( null !== $request ) {
					$method  = 'POST';
					$product = ResolvedLine::from_kiotviet_product( $line, $this->api->create_product( $request->to_payload() ) );
					$method  = 'GET';

					$mappings[] = self::mapping( $line, $product, true );
					$resolved[] = $product;
				} elseif ( null !== $resolution->resolved_line() ) {
					$resolved[] = $resolution->resolved_line();
					if ( 'mapping' !== $resolution->via() && $line->product_exists() ) {
						$mappings[] = self::mapping( $line, $resolution->resolved_line(), false );
					}
				}
			}

			$step    = 'build';
			$payload = $this->builder->build( $order, $settings, $customer_id, $resolved );
		} catch ( OrderSyncException $e ) {
			return $this->fail( $state, $e->getMessage(), $mappings );
		} catch ( \Throwable $e ) {
			return $this->after_step_failure( $state, $step, ErrorInfo::from_throwable( $e, $method ), $mappings );
		}

		$state = $state->with_sent( ( $this->now )(), $customer_id );
		try {
			$response = $this->api->create_order( $payload->payload() );
		} catch ( \Throwable $e ) {
			$info = ErrorInfo::from_throwable( $e, 'POST' );
			$kind = $this->classifier->classify( $info );
			if ( FailureClassifier::AMBIGUOUS === $kind ) {
				$state = $state->with_lookup( true );
			}
			return $this->from_decision( $state, $this->schedule->decide( $state->attempts(), $kind, $this->random, $info->message(), $info->retry_after() ), $mappings, $payload->notes() );
		}

		$ref = DuplicateGuard::order_ref( $response );
		if ( $ref['id'] <= 0 ) {
			$state = $state->with_lookup( true );
			return $this->from_decision(
				$state,
				$this->schedule->decide( $state->attempts(), FailureClassifier::AMBIGUOUS, $this->random, 'KiotViet answered without an order id.' ),
				$mappings,
				$payload->notes()
			);
		}
		$state = $state->with_kiotviet_order( $ref['id'], $ref['code'] );
		return new PushResult( PushResult::SYNCED, $state, sprintf( 'Created KiotViet order %s.', self::order_label( $state ) ), 0, $mappings, $payload->notes() );
	}

	/**
	 * Pages GET /orders for the marker.
	 *
	 * @return array<string,mixed>|null The KiotViet order, [] when certainly absent, null when the search was cut short.
	 */
	private function lookup( WooOrderSnapshot $order, OrderSyncSettings $settings, PushState $state ): ?array {
		$marker = DuplicateGuard::marker( $order->id(), $settings->site_key() );
		$since  = $state->first_sent_at() ?? $order->date_created();
		$offset = 0;
		for ( $page = 0; $page < self::MAX_LOOKUP_PAGES; $page++ ) {
			$envelope = $this->api->list_orders( $this->guard->lookup_query( $settings->branch_id(), $since, $state->sent_customer_id(), $offset ) );
			$items    = (array) ( $envelope['data'] ?? array() );
			$found    = $this->guard->find( $items, $marker );
			if ( null !== $found ) {
				return $found;
			}
			if ( ! $this->guard->has_more( $envelope, $offset ) ) {
				return array();
			}
			$offset += count( $items );
		}
		return null;
	}

	/**
	 * A failure before POST /orders: nothing about the order was sent, so "ambiguous" is only transient here.
	 *
	 * @param array<int,array{woo_product_id:int,kiotviet_id:int,kiotviet_code:string,created:bool}> $mappings New mappings so far.
	 */
	private function after_step_failure( PushState $state, string $step, ErrorInfo $info, array $mappings ): PushResult {
		$kind = $this->classifier->classify( $info );
		if ( FailureClassifier::AMBIGUOUS === $kind ) {
			$kind = FailureClassifier::TRANSIENT;
		}
		$labels   = array(
			'customer' => 'Finding or creating the customer failed',
			'lookup'   => 'Searching KiotViet for an earlier send failed',
			'lines'    => 'Finding or creating a product failed',
			'build'    => 'Preparing the order failed',
		);
		$message = ( $labels[ $step ] ?? 'Failed' ) . ': ' . $info->message();
		return $this->from_decision( $state, $this->schedule->decide( $state->attempts(), $kind, $this->random, $message, $info->retry_after() ), $mappings );
	}

	/**
	 * @param array<int,array{woo_product_id:int,kiotviet_id:int,kiotviet_code:string,created:bool}> $mappings New mappings so far.
	 * @param string[]                                                                   $notes   History notes.
	 */
	private function from_decision( PushState $state, RetryDecision $decision, array $mappings, array $notes = array() ): PushResult {
		if ( $decision->should_retry() ) {
			return new PushResult( PushResult::RETRY, $state, $decision->message(), $decision->delay(), $mappings, $notes );
		}
		$outcome = RetryDecision::EXHAUSTED === $decision->action() ? PushResult::EXHAUSTED : PushResult::FAILED;
		return new PushResult( $outcome, $state, $decision->message(), 0, $mappings, $notes );
	}

	/**
	 * @param array<int,array{woo_product_id:int,kiotviet_id:int,kiotviet_code:string,created:bool}> $mappings New mappings so far.
	 */
	private function fail( PushState $state, string $message, array $mappings = array() ): PushResult {
		return new PushResult( PushResult::FAILED, $state, $message, 0, $mappings );
	}

	/**
	 * @return array{woo_product_id:int,kiotviet_id:int,kiotviet_code:string,created:bool}
	 */
	private static function mapping( WooOrderLine $line, ResolvedLine $product, bool $created ): array {
		return array(
			'woo_product_id' => $line->woo_item_product_id(),
			'kiotviet_id'    => $product->product_id(),
			'kiotviet_code'  => $product->product_code(),
			'created'        => $created,
		);
	}

	private static function order_label( PushState $state ): string {
		return '' !== $state->kiotviet_code() ? $state->kiotviet_code() : '#' . (string) $state->kiotviet_id();
	}
}
