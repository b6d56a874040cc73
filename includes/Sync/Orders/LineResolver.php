<?php
/**
 * Decides which KiotViet product each order line is sold as.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Per line, in this order:
 *
 * - ID mode (default): our mapping's KiotViet id; else a KiotViet product whose code is the Woo SKU.
 * - SKU mode ("Đồng bộ tồn kho theo SKU sản phẩm khi đồng bộ đơn hàng"): the KiotViet product whose code is the
 *   SKU; else the mapping (a SKU renamed on one side must not create a duplicate product).
 * - Unknown and the Woo product still exists: create it in KiotViet (seed guide 2.5). The code is the SKU, or
 *   "WEB-{variation or product id}" without one — never random or time-based, and looked up before creating,
 *   so a retry after a lost POST /products response finds the first product instead of creating another.
 * - Unknown and the Woo product was deleted: a permanent error naming the line; a deleted product is never
 *   created in KiotViet (its data is gone and it would only add junk to the catalog).
 *
 * The lookup is a callable `function ( string $code ): ?array` (GET /products/code/{code}; null on 404); its
 * exceptions propagate to the caller, which classifies them like any other KiotViet failure.
 */
final class LineResolver {

	public const GENERATED_CODE_PREFIX = 'WEB-';

	private OrderSyncSettings $settings;
	/** @var callable(string):(array<string,mixed>|null) */
	private $find_by_code;
	private ?int $website_category_id;

	/**
	 * @param callable(string):(array<string,mixed>|null) $find_by_code KiotViet product by code, null when none.
	 * @param int|null                $website_category_id KiotViet category for products created from website orders.
	 */
	public function __construct( OrderSyncSettings $settings, callable $find_by_code, ?int $website_category_id ) {
		$this->settings            = $settings;
		$this->find_by_code        = $find_by_code;
		$this->website_category_id = $website_category_id;
	}

	/**
	 * @param bool $stock_reduced Whether WooCommerce already took this order's quantities off its stock.
	 */
	public function resolve( WooOrderLine $line, bool $stock_reduced = true ): LineResolution {
		$sku = $line->sku();

		if ( ! $this->settings->match_lines_by_sku() && null !== $line->kiotviet_id() ) {
			return $this->from_mapping( $line );
		}
		if ( '' !== $sku ) {
			$found = $this->lookup( $sku );
			if ( null !== $found ) {
				return LineResolution::resolved( $line, ResolvedLine::from_kiotviet_product( $line, $found ), 'sku' );
			}
		}
		if ( null !== $line->kiotviet_id() ) {
			return $this->from_mapping( $line );
		}
		if ( ! $line->product_exists() ) {
			$label = '' !== $sku ? sprintf( '"%s" (SKU %s)', $line->name(), $sku ) : sprintf( '"%s" (no SKU)', $line->name() );
			return LineResolution::error(
				$line,
				sprintf( 'The product %s was deleted from the website and KiotViet has no product with that code. Remove the line or add the product in KiotViet, then resync.', $label )
			);
		}

		$code = self::create_code( $line );
		if ( $code !== $sku ) {
			$found = $this->lookup( $code );
			if ( null !== $found ) {
				return LineResolution::resolved( $line, ResolvedLine::from_kiotviet_product( $line, $found ), 'code' );
			}
		}

		$on_hand = $line->stock_quantity();
		if ( null !== $on_hand && $stock_reduced ) {
			// Woo's stock no longer counts this order; KiotViet will reserve it on top of onHand.
			$on_hand += (float) $line->quantity();
		}
		return LineResolution::create(
			$line,
			new ProductCreateRequest(
				$code,
				'' !== $line->name() ? $line->name() : $code,
				Money::vnd( $line->gross_subtotal() / (float) $line->quantity() ),
				$this->website_category_id,
				$this->settings->branch_id(),
				$on_hand
			)
		);
	}

	/**
	 * Resolves every line of an order.
	 *
	 * @return array<int,LineResolution> Keyed by Woo item id.
	 */
	public function resolve_all( WooOrderSnapshot $order ): array {
		$out = array();
		foreach ( $order->lines() as $line ) {
			$out[ $line->item_id() ] = $this->resolve( $line, $order->stock_reduced() );
		}
		return $out;
	}

	/** The code a KiotViet product created for this line gets: the SKU, else "WEB-{variation or product id}". */
	public static function create_code( WooOrderLine $line ): string {
		if ( '' !== $line->sku() ) {
			return $line->sku();
		}
		return self::GENERATED_CODE_PREFIX . $line->woo_item_product_id();
	}

	private function from_mapping( WooOrderLine $line ): LineResolution {
		$code = '' !== $line->kiotviet_code() ? $line->kiotviet_code() : $line->sku();
		return LineResolution::resolved(
			$line,
			new ResolvedLine( $line->item_id(), (int) $line->kiotviet_id(), $code, $line->name() ),
			'mapping'
		);
	}

	/** @return array<string,mixed>|null */
	private function lookup( string $code ): ?array {
		$found = ( $this->find_by_code )( $code );
		if ( ! is_array( $found ) || (int) ( $found['id'] ?? 0 ) <= 0 ) {
			return null;
		}
		return $found;
	}
}
