<?php
/**
 * A KiotViet product to create for a Woo item KiotViet does not know.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Body of POST /products (spec §5.2). The code is deterministic (the Woo SKU, else "WEB-{id}"), so a retry after
 * a lost response finds the product with GET /products/code/{code} instead of creating a second one.
 */
final class ProductCreateRequest {

	private string $code;
	private string $name;
	private int $base_price;
	private ?int $category_id;
	private int $branch_id;
	private ?float $on_hand;

	public function __construct( string $code, string $name, int $base_price, ?int $category_id, int $branch_id, ?float $on_hand ) {
		$this->code        = $code;
		$this->name        = $name;
		$this->base_price  = max( 0, $base_price );
		$this->category_id = ( null !== $category_id && $category_id > 0 ) ? $category_id : null;
		$this->branch_id   = $branch_id;
		$this->on_hand     = null === $on_hand ? null : max( 0.0, $on_hand );
	}

	public function code(): string {
		return $this->code;
	}

	public function name(): string {
		return $this->name;
	}

	public function base_price(): int {
		return $this->base_price;
	}

	public function category_id(): ?int {
		return $this->category_id;
	}

	public function on_hand(): ?float {
		return $this->on_hand;
	}

	/** @return array<string,mixed> JSON body for POST /products. */
	public function to_payload(): array {
		$payload = array(
			'code'       => $this->code,
			'name'       => $this->name,
			'fullName'   => $this->name,
			'allowsSale' => true,
			'basePrice'  => $this->base_price,
		);
		if ( null !== $this->category_id ) {
			$payload['categoryId'] = $this->category_id;
		}
		if ( null !== $this->on_hand ) {
			$payload['inventories'] = array(
				array(
					'branchId' => $this->branch_id,
					'onHand'   => self::number( $this->on_hand ),
					'cost'     => 0,
				),
			);
		}
		return $payload;
	}

	/** @return int|float */
	private static function number( float $value ) {
		return floor( $value ) === $value ? (int) $value : $value;
	}
}
