<?php
/**
 * A KiotViet surcharge ("thu khác") used on pushed orders.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use InvalidArgumentException;

/**
 * Id and code of an active KiotViet surcharge, e.g. the shipping surcharge THKSHIPPINGWEB that the adapter
 * finds or creates (GET/POST /surchages) before any order is built.
 */
final class SurchargeRef {

	public const SHIPPING_CODE = 'THKSHIPPINGWEB';

	private int $id;
	private string $code;

	/** @throws InvalidArgumentException On a non-positive id or an empty code. */
	public function __construct( int $id, string $code ) {
		if ( $id <= 0 || '' === trim( $code ) ) {
			throw new InvalidArgumentException( 'A surcharge needs a KiotViet id and code.' );
		}
		$this->id   = $id;
		$this->code = trim( $code );
	}

	public function id(): int {
		return $this->id;
	}

	public function code(): string {
		return $this->code;
	}

	/**
	 * The `surchages[]` entry of POST /orders.
	 *
	 * @return array{id:int,code:string,price:int}
	 */
	public function line( int $price ): array {
		return array(
			'id'    => $this->id,
			'code'  => $this->code,
			'price' => $price,
		);
	}
}
