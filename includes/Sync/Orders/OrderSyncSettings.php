<?php
/**
 * The merchant's order push choices, as the pure rules need them.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use InvalidArgumentException;

/**
 * Immutable order-push settings.
 *
 * Default push statuses are processing, completed and on-hold: the statuses in which WooCommerce itself has
 * reduced stock and the order is accepted. `pending` (awaiting payment) and `failed` (payment failed) are left
 * out because most of them are never paid — pushing them would reserve stock in KiotViet ("Phiếu tạm" raises
 * `reserved`) for abandoned payments and the next stock.update would hide those items on the website.
 * The official plugin pushed at checkout, before payment, and had exactly that problem.
 */
final class OrderSyncSettings {

	public const DEFAULT_PUSH_STATUSES = array( 'processing', 'completed', 'on-hold' );

	public const METHOD_CASH     = 'Cash';
	public const METHOD_CARD     = 'Card';
	public const METHOD_TRANSFER = 'Transfer';

	/**
	 * Default gateway → KiotViet payment method. Anything unlisted is Transfer (VNPay, MoMo, ZaloPay, bank
	 * gateways all settle by bank transfer); card processors are Card.
	 */
	public const DEFAULT_METHOD_MAP = array(
		'cod'                  => self::METHOD_CASH,
		'bacs'                 => self::METHOD_TRANSFER,
		'cheque'               => self::METHOD_TRANSFER,
		'stripe'               => self::METHOD_CARD,
		'stripe_cc'            => self::METHOD_CARD,
		'woocommerce_payments' => self::METHOD_CARD,
		'ppcp-credit-card-gateway' => self::METHOD_CARD,
	);

	private int $branch_id;
	private ?int $sale_channel_id;
	private bool $match_lines_by_sku;
	private bool $sync_shipping;
	private ?SurchargeRef $shipping_surcharge;
	private ?SurchargeRef $fee_surcharge;
	/** @var string[] */
	private array $push_statuses;
	/** @var array{id:int,name:string}|null */
	private ?array $sale_book;
	private string $site_key;
	private bool $send_delivery;
	private bool $send_purchase_date;
	private bool $record_payments;
	private ?int $payment_account_id;
	/** @var array<string,string> */
	private array $method_map;

	/**
	 * @param array<string,mixed> $s See from_array().
	 */
	private function __construct( array $s ) {
		$this->branch_id          = (int) $s['branch_id'];
		$this->sale_channel_id    = $s['sale_channel_id'];
		$this->match_lines_by_sku = (bool) $s['match_lines_by_sku'];
		$this->sync_shipping      = (bool) $s['sync_shipping'];
		$this->shipping_surcharge = $s['shipping_surcharge'];
		$this->fee_surcharge      = $s['fee_surcharge'];
		$this->push_statuses      = $s['push_statuses'];
		$this->sale_book          = $s['sale_book'];
		$this->site_key           = $s['site_key'];
		$this->send_delivery      = (bool) $s['send_delivery'];
		$this->send_purchase_date = (bool) $s['send_purchase_date'];
		$this->record_payments    = (bool) $s['record_payments'];
		$this->payment_account_id = $s['payment_account_id'];
		$this->method_map         = $s['method_map'];
	}

	/**
	 * @param array<string,mixed> $input {
	 *   branch_id: int (required, > 0) — "Chi nhánh đồng bộ đơn hàng";
	 *   site_key: string (required, 1–16 of [A-Za-z0-9-]) — stable per site, part of the duplicate marker;
	 *   sale_channel_id?: int|null; match_lines_by_sku?: bool (false); sync_shipping?: bool (false);
	 *   shipping_surcharge?: SurchargeRef|array{id,code}|null; fee_surcharge?: SurchargeRef|array{id,code}|null;
	 *   push_statuses?: string[] (DEFAULT_PUSH_STATUSES); sale_book?: array{id,name}|null;
	 *   send_delivery?: bool (true) — needs "Sử dụng tính năng giao hàng" in KiotViet;
	 *   send_purchase_date?: bool (true) — needs "Không cho phép thay đổi thời gian bán hàng" off;
	 *   record_payments?: bool (false); payment_account_id?: int|null; method_map?: array<string,string> (merged over the default)
	 * }
	 * @throws InvalidArgumentException On a missing branch or site key, or an unknown payment method.
	 */
	public static function from_array( array $input ): self {
		$branch_id = (int) ( $input['branch_id'] ?? 0 );
		if ( $branch_id <= 0 ) {
			throw new InvalidArgumentException( 'The order branch is not set.' );
		}
		$site_key = trim( (string) ( $input['site_key'] ?? '' ) );
		if ( 1 !== preg_match( '/^[A-Za-z0-9-]{1,16}$/', $site_key ) ) {
			throw new InvalidArgumentException( 'The site key must be 1–16 letters, digits or dashes.' );
		}
		$statuses = array();
		foreach ( (array) ( $input['push_statuses'] ?? self::DEFAULT_PUSH_STATUSES ) as $status ) {
			$status = WooOrderSnapshot::normalise_status( (string) $status );
			if ( '' !== $status && ! in_array( $status, $statuses, true ) ) {
				$statuses[] = $status;
			}
		}
		$method_map = self::DEFAULT_METHOD_MAP;
		foreach ( (array) ( $input['method_map'] ?? array() ) as $gateway => $method ) {
			$method = self::canonical_method( (string) $method );
			if ( null === $method ) {
				throw new InvalidArgumentException( sprintf( 'Unknown KiotViet payment method for gateway %s.', (string) $gateway ) );
			}
			$method_map[ (string) $gateway ] = $method;
		}
		$sale_book = null;
		if ( isset( $input['sale_book'] ) && is_array( $input['sale_book'] ) && (int) ( $input['sale_book']['id'] ?? 0 ) !== 0 ) {
			$sale_book = array(
				'id'   => (int) $input['sale_book']['id'],
				'name' => (string) ( $input['sale_book']['name'] ?? '' ),
			);
		}
		return new self(
			array(
				'branch_id'          => $branch_id,
				'sale_channel_id'    => isset( $input['sale_channel_id'] ) && (int) $input['sale_channel_id'] > 0 ? (int) $input['sale_channel_id'] : null,
				'match_lines_by_sku' => (bool) ( $input['match_lines_by_sku'] ?? false ),
				'sync_shipping'      => (bool) ( $input['sync_shipping'] ?? false ),
				'shipping_surcharge' => self::to_surcharge( $input['shipping_surcharge'] ?? null ),
				'fee_surcharge'      => self::to_surcharge( $input['fee_surcharge'] ?? null ),
				'push_statuses'      => $statuses,
				'sale_book'          => $sale_book,
				'site_key'           => $site_key,
				'send_delivery'      => (bool) ( $input['send_delivery'] ?? true ),
				'send_purchase_date' => (bool) ( $input['send_purchase_date'] ?? true ),
				'record_payments'    => (bool) ( $input['record_payments'] ?? false ),
				'payment_account_id' => isset( $input['payment_account_id'] ) && (int) $input['payment_account_id'] > 0 ? (int) $input['payment_account_id'] : null,
				'method_map'         => $method_map,
			)
		);
	}

	public function branch_id(): int {
		return $this->branch_id;
	}

	public function sale_channel_id(): ?int {
		return $this->sale_channel_id;
	}

	/** "Đồng bộ tồn kho theo SKU sản phẩm khi đồng bộ đơn hàng". */
	public function match_lines_by_sku(): bool {
		return $this->match_lines_by_sku;
	}

	/** "Đồng bộ phí ship trong đơn hàng". */
	public function sync_shipping(): bool {
		return $this->sync_shipping;
	}

	public function shipping_surcharge(): ?SurchargeRef {
		return $this->shipping_surcharge;
	}

	public function fee_surcharge(): ?SurchargeRef {
		return $this->fee_surcharge;
	}

	/** @return string[] */
	public function push_statuses(): array {
		return $this->push_statuses;
	}

	/** Whether an order in this Woo status should be pushed (status with or without "wc-"). */
	public function should_push( string $status ): bool {
		return in_array( WooOrderSnapshot::normalise_status( $status ), $this->push_statuses, true );
	}

	/**
	 * Whether a status change should put the order in the push outbox: its new status is a push status and it
	 * has no KiotViet order yet. Every origin counts (classic or block checkout, admin, REST): the adapter calls
	 * this from woocommerce_order_status_changed and woocommerce_new_order, never from checkout-only hooks.
	 */
	public function should_enqueue( string $new_status, bool $has_kiotviet_order ): bool {
		return ! $has_kiotviet_order && $this->should_push( $new_status );
	}

	/** @return array{id:int,name:string}|null */
	public function sale_book(): ?array {
		return $this->sale_book;
	}

	public function site_key(): string {
		return $this->site_key;
	}

	public function send_delivery(): bool {
		return $this->send_delivery;
	}

	public function send_purchase_date(): bool {
		return $this->send_purchase_date;
	}

	public function record_payments(): bool {
		return $this->record_payments;
	}

	public function payment_account_id(): ?int {
		return $this->payment_account_id;
	}

	/** KiotViet `method` for a Woo gateway id: the map entry, else Transfer. */
	public function method_for( string $gateway ): string {
		return $this->method_map[ $gateway ] ?? self::METHOD_TRANSFER;
	}

	private static function canonical_method( string $method ): ?string {
		foreach ( array( self::METHOD_CASH, self::METHOD_CARD, self::METHOD_TRANSFER ) as $known ) {
			if ( 0 === strcasecmp( $known, trim( $method ) ) ) {
				return $known;
			}
		}
		return null;
	}

	/**
	 * @param mixed $value SurchargeRef, {id, code} or null.
	 */
	private static function to_surcharge( $value ): ?SurchargeRef {
		if ( $value instanceof SurchargeRef ) {
			return $value;
		}
		if ( is_array( $value ) ) {
			return new SurchargeRef( (int) ( $value['id'] ?? 0 ), (string) ( $value['code'] ?? '' ) );
		}
		return null;
	}
}
