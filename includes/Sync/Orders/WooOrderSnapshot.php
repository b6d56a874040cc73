<?php
/**
 * Everything the order rules need from one WooCommerce order.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use DateTimeImmutable;
use InvalidArgumentException;

/**
 * Immutable snapshot of a WooCommerce order, filled by the WooCommerce adapter (HPOS-safe CRUD getters)
 * whatever created the order (classic or block checkout, admin, REST). The rules never call WooCommerce.
 */
final class WooOrderSnapshot {

	private int $id;
	private string $number;
	private string $status;
	private string $created_via;
	private string $currency;
	private string $customer_note;
	private string $payment_method;
	private string $payment_method_title;
	private DateTimeImmutable $date_created;
	private ?DateTimeImmutable $date_paid;
	private WooAddress $billing;
	private WooAddress $shipping;
	/** @var WooOrderLine[] */
	private array $lines;
	private float $shipping_total;
	private float $shipping_tax;
	private float $discount_total;
	/** @var WooOrderFee[] */
	private array $fees;
	private float $total;
	private bool $stock_reduced;

	/**
	 * @param string         $status        Woo status with or without the "wc-" prefix.
	 * @param WooOrderLine[] $lines         Product lines, at least one.
	 * @param WooOrderFee[]  $fees          Fee lines.
	 * @param float          $total         The order total the customer owes (WC_Order::get_total()).
	 * @param bool           $stock_reduced Whether WooCommerce already reduced stock for this order.
	 * @throws InvalidArgumentException On a non-positive id or no lines.
	 */
	public function __construct(
		int $id,
		string $number,
		string $status,
		string $created_via,
		string $currency,
		string $customer_note,
		string $payment_method,
		string $payment_method_title,
		DateTimeImmutable $date_created,
		?DateTimeImmutable $date_paid,
		WooAddress $billing,
		WooAddress $shipping,
		array $lines,
		float $shipping_total,
		float $shipping_tax,
		float $discount_total,
		array $fees,
		float $total,
		bool $stock_reduced = true
	) {
		if ( $id <= 0 ) {
			throw new InvalidArgumentException( 'Order id must be positive.' );
		}
		if ( array() === $lines ) {
			throw new InvalidArgumentException( sprintf( 'Order %d has no product lines.', $id ) );
		}
		foreach ( $lines as $line ) {
			if ( ! $line instanceof WooOrderLine ) {
				throw new InvalidArgumentException( 'Lines must be WooOrderLine objects.' );
			}
		}
		foreach ( $fees as $fee ) {
			if ( ! $fee instanceof WooOrderFee ) {
				throw new InvalidArgumentException( 'Fees must be WooOrderFee objects.' );
			}
		}
		$this->id                   = $id;
		$this->number               = '' !== trim( $number ) ? trim( $number ) : (string) $id;
		$this->status               = self::normalise_status( $status );
		$this->created_via          = trim( $created_via );
		$this->currency             = strtoupper( trim( $currency ) );
		$this->customer_note        = trim( $customer_note );
		$this->payment_method       = trim( $payment_method );
		$this->payment_method_title = trim( $payment_method_title );
		$this->date_created         = $date_created;
		$this->date_paid            = $date_paid;
		$this->billing              = $billing;
		$this->shipping             = $shipping;
		$this->lines                = array_values( $lines );
		$this->shipping_total       = $shipping_total;
		$this->shipping_tax         = $shipping_tax;
		$this->discount_total       = $discount_total;
		$this->fees                 = array_values( $fees );
		$this->total                = $total;
		$this->stock_reduced        = $stock_reduced;
	}

	/**
	 * Builds a snapshot from plain arrays (the adapter's and the tests' format): keys as the constructor,
	 * dates as DateTimeImmutable or ISO strings, billing/shipping as field arrays, lines/fees as arrays.
	 *
	 * @param array<string,mixed> $data Snapshot data.
	 */
	public static function from_array( array $data ): self {
		$lines = array();
		foreach ( (array) ( $data['lines'] ?? array() ) as $line ) {
			$lines[] = $line instanceof WooOrderLine ? $line : WooOrderLine::from_array( (array) $line );
		}
		$fees = array();
		foreach ( (array) ( $data['fees'] ?? array() ) as $fee ) {
			$fees[] = $fee instanceof WooOrderFee ? $fee : WooOrderFee::from_array( (array) $fee );
		}
		return new self(
			(int) ( $data['id'] ?? 0 ),
			(string) ( $data['number'] ?? '' ),
			(string) ( $data['status'] ?? '' ),
			(string) ( $data['created_via'] ?? '' ),
			(string) ( $data['currency'] ?? 'VND' ),
			(string) ( $data['customer_note'] ?? '' ),
			(string) ( $data['payment_method'] ?? '' ),
			(string) ( $data['payment_method_title'] ?? '' ),
			self::to_date( $data['date_created'] ?? null ) ?? new DateTimeImmutable( '@0' ),
			self::to_date( $data['date_paid'] ?? null ),
			self::to_address( $data['billing'] ?? array() ),
			self::to_address( $data['shipping'] ?? array() ),
			$lines,
			(float) ( $data['shipping_total'] ?? 0 ),
			(float) ( $data['shipping_tax'] ?? 0 ),
			(float) ( $data['discount_total'] ?? 0 ),
			$fees,
			(float) ( $data['total'] ?? 0 ),
			array_key_exists( 'stock_reduced', $data ) ? (bool) $data['stock_reduced'] : true
		);
	}

	/** Woo status without the "wc-" prefix, lower-case. */
	public static function normalise_status( string $status ): string {
		$status = strtolower( trim( $status ) );
		return 0 === strpos( $status, 'wc-' ) ? substr( $status, 3 ) : $status;
	}

	public function id(): int {
		return $this->id;
	}

	/** The order number customers see (sequential-number plugins may change it); the id when empty. */
	public function number(): string {
		return $this->number;
	}

	public function status(): string {
		return $this->status;
	}

	/** "checkout", "store-api", "admin", "rest-api", … — informational only: every origin is pushed. */
	public function created_via(): string {
		return $this->created_via;
	}

	public function currency(): string {
		return $this->currency;
	}

	public function customer_note(): string {
		return $this->customer_note;
	}

	public function payment_method(): string {
		return $this->payment_method;
	}

	public function payment_method_title(): string {
		return $this->payment_method_title;
	}

	public function date_created(): DateTimeImmutable {
		return $this->date_created;
	}

	public function date_paid(): ?DateTimeImmutable {
		return $this->date_paid;
	}

	/** Paid online: WooCommerce recorded a payment date and the gateway is not cash on delivery. */
	public function is_paid_online(): bool {
		return null !== $this->date_paid && 'cod' !== $this->payment_method;
	}

	public function billing(): WooAddress {
		return $this->billing;
	}

	public function shipping(): WooAddress {
		return $this->shipping;
	}

	/** @return WooOrderLine[] */
	public function lines(): array {
		return $this->lines;
	}

	public function shipping_total(): float {
		return $this->shipping_total;
	}

	public function shipping_tax(): float {
		return $this->shipping_tax;
	}

	/** Shipping the customer pays, tax included. */
	public function shipping_gross(): float {
		return $this->shipping_total + $this->shipping_tax;
	}

	public function discount_total(): float {
		return $this->discount_total;
	}

	/** @return WooOrderFee[] */
	public function fees(): array {
		return $this->fees;
	}

	public function total(): float {
		return $this->total;
	}

	public function stock_reduced(): bool {
		return $this->stock_reduced;
	}

	/** The customer's phone: billing, else shipping ('' when neither). */
	public function customer_phone(): string {
		return '' !== $this->billing->phone() ? $this->billing->phone() : $this->shipping->phone();
	}

	/**
	 * @param mixed $value Date value.
	 */
	private static function to_date( $value ): ?DateTimeImmutable {
		if ( $value instanceof DateTimeImmutable ) {
			return $value;
		}
		if ( is_string( $value ) && '' !== $value ) {
			return new DateTimeImmutable( $value );
		}
		return null;
	}

	/**
	 * @param mixed $value Address value.
	 */
	private static function to_address( $value ): WooAddress {
		return $value instanceof WooAddress ? $value : new WooAddress( (array) $value );
	}
}
