<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use KiotVietSync\Sync\Orders\KvOrderTotals;
use KiotVietSync\Sync\Orders\Money;
use KiotVietSync\Sync\Orders\OrderPayloadBuilder;
use KiotVietSync\Sync\Orders\WooOrderSnapshot;
use PHPUnit\Framework\TestCase;

/**
 * Property: for generated carts (odd VND prices, quantities, percent and fixed coupons, taxes included or added,
 * shipping with tax, positive and negative fees) KiotViet's total formula applied to the built body gives the
 * Woo total minus exactly what was deliberately not sent, and no line has a negative price or discount.
 *
 * @covers \KiotVietSync\Sync\Orders\OrderPayloadBuilder
 */
final class OrderTotalsPropertyTest extends TestCase {

	private const CARTS = 600;

	public function test_kiotviet_total_reproduces_the_woo_total_for_generated_carts(): void {
		mt_srand( 20251129 );
		$builder = new OrderPayloadBuilder();
		$exact   = 0;
		for ( $n = 0; $n < self::CARTS; $n++ ) {
			$case     = $this->generate_cart( $n );
			$order    = WooOrderSnapshot::from_array( $case['order'] );
			$settings = OrderFixtures::settings( $case['settings'] );
			$result   = $builder->build( $order, $settings, 880012, OrderFixtures::resolved( $order ) );
			$payload  = $result->payload();
			$label    = sprintf( 'cart #%d: %s', $n, json_encode( $case, JSON_UNESCAPED_UNICODE ) );

			$this->assertSame( (int) round( $case['order']['total'] ), $result->woo_total(), $label );
			$this->assertSame( (float) $result->expected_kiotviet_total(), KvOrderTotals::total( $payload ), $label );
			$this->assertSame( $result->woo_total(), $result->expected_kiotviet_total() + $result->unsent_shipping() + $result->unsent_fees(), $label );
			if ( $case['everything_sent'] ) {
				$this->assertTrue( $result->totals_match(), $label );
				$this->assertSame( (float) $result->woo_total(), KvOrderTotals::total( $payload ), $label );
				++$exact;
			}
			$this->assertGreaterThanOrEqual( 0, $payload['discount'], $label );
			$this->assertIsInt( $payload['discount'], $label );
			$tolerance = count( $order->lines() ) + count( $order->fees() ) + 1;
			foreach ( $payload['orderDetails'] as $i => $detail ) {
				$line = $order->lines()[ $i ];
				$this->assertIsInt( $detail['price'], $label );
				$this->assertIsInt( $detail['discount'], $label );
				$this->assertGreaterThanOrEqual( 0, $detail['price'], $label );
				$this->assertGreaterThanOrEqual( 0, $detail['discount'], $label );
				$paid = $detail['quantity'] * $detail['price'] - $detail['discount'];
				$this->assertLessThanOrEqual( $tolerance, abs( $paid - $line->gross_total() ), $label . ' line ' . $i );
				$shelf = Money::vnd( $line->gross_subtotal() / $line->quantity() );
				if ( $line->quantity() * $shelf >= $paid ) {
					// The shelf price is kept; only a line paid above it (rounding remainder) gets a higher price.
					$this->assertSame( $shelf, $detail['price'], $label );
				} else {
					$this->assertSame( (int) ceil( $paid / $line->quantity() ), $detail['price'], $label );
				}
			}
		}
		$this->assertGreaterThan( self::CARTS / 4, $exact, 'enough carts exercise the exact-match path' );
	}

	/**
	 * A cart computed the way WooCommerce computes it (VND, 0 decimals; taxes at 6 decimals).
	 *
	 * @return array{order:array<string,mixed>,settings:array<string,mixed>,everything_sent:bool}
	 */
	private function generate_cart( int $n ): array {
		$tax_modes = array( 'none', 'incl10', 'incl8', 'excl10' );
		$tax_mode  = $tax_modes[ mt_rand( 0, 3 ) ];
		$rate      = 'none' === $tax_mode ? 0.0 : ( false !== strpos( $tax_mode, '8' ) ? 0.08 : 0.10 );
		$inclusive = 0 === strpos( $tax_mode, 'incl' );

		$count = mt_rand( 1, 6 );
		$gross = array();
		$qtys  = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$unit = mt_rand( 1, 5000 ) * 100;
			if ( 0 === mt_rand( 0, 3 ) ) {
				$unit += mt_rand( 1, 99 ); // Odd amounts: 149.037đ.
			}
			$qtys[ $i ]  = 0 === mt_rand( 0, 9 ) ? mt_rand( 6, 24 ) : mt_rand( 1, 5 );
			$gross[ $i ] = $unit * $qtys[ $i ]; // Shelf amount the customer sees (incl. tax when inclusive).
		}

		// Coupon on the shelf amounts, split per line like WooCommerce (whole đồng, remainder to the first lines).
		$coupon   = mt_rand( 0, 2 );
		$discount = array_fill( 0, $count, 0 );
		$sum      = array_sum( $gross );
		if ( 1 === $coupon ) {
			$percent = array( 5, 10, 15, 30, 50, 100 )[ mt_rand( 0, 5 ) ];
			foreach ( $gross as $i => $g ) {
				$discount[ $i ] = (int) floor( $g * $percent / 100 );
			}
		} elseif ( 2 === $coupon ) {
			$amount = min( $sum, mt_rand( 1, 50 ) * 10000 + ( mt_rand( 0, 1 ) ? 0 : mt_rand( 1, 999 ) ) );
			$given  = 0;
			foreach ( $gross as $i => $g ) {
				$discount[ $i ] = (int) floor( $amount * $g / $sum );
				$given         += $discount[ $i ];
			}
			for ( $i = 0; $given < $amount; $i = ( $i + 1 ) % $count ) {
				if ( $discount[ $i ] < $gross[ $i ] ) {
					++$discount[ $i ];
					++$given;
				}
			}
		}

		$lines       = array();
		$woo_total   = 0.0;
		$total_disc  = 0.0;
		foreach ( $gross as $i => $g ) {
			$paid = $g - $discount[ $i ];
			if ( $inclusive ) {
				$sub_ex = round( $g / ( 1 + $rate ), 6 );
				$tot_ex = round( $paid / ( 1 + $rate ), 6 );
				$sub_tx = round( $g - $sub_ex, 6 );
				$tot_tx = round( $paid - $tot_ex, 6 );
			} else {
				$sub_ex = (float) $g;
				$tot_ex = (float) $paid;
				$sub_tx = round( $g * $rate, 6 );
				$tot_tx = round( $paid * $rate, 6 );
			}
			$lines[]     = array(
				'item_id'      => 100 + $i,
				'product_id'   => 500 + $i,
				'name'         => 'Sản phẩm thử ' . $i,
				'sku'          => sprintf( 'SP-%03d-%d', $n, $i ),
				'quantity'     => $qtys[ $i ],
				'subtotal'     => $sub_ex,
				'total'        => $tot_ex,
				'subtotal_tax' => $sub_tx,
				'total_tax'    => $tot_tx,
			);
			$woo_total  += $tot_ex + $tot_tx;
			$total_disc += $sub_ex - $tot_ex;
		}

		$shipping     = 0 === mt_rand( 0, 2 ) ? 0 : mt_rand( 15, 50 ) * 1000;
		$shipping_tax = ( $shipping > 0 && 'none' !== $tax_mode ) ? round( $shipping * $rate, 6 ) : 0.0;
		$woo_total   += $shipping + $shipping_tax;

		$fees = array();
		for ( $f = mt_rand( 0, 2 ); $f > 0; $f-- ) {
			$amount = ( mt_rand( 0, 1 ) ? 1 : -1 ) * ( mt_rand( 1, 40 ) * 1000 + mt_rand( 0, 1 ) * mt_rand( 1, 999 ) );
			if ( $amount < 0 && -$amount > $woo_total ) {
				$amount = (int) -floor( $woo_total ); // WooCommerce never lets a discount fee push the total below 0.
			}
			if ( 0 === $amount ) {
				continue;
			}
			$fee_tax    = ( $amount > 0 && 'excl10' === $tax_mode ) ? round( $amount * $rate, 6 ) : 0.0;
			$fees[]     = array( 'name' => $amount > 0 ? 'Phí dịch vụ' : 'Giảm giá thành viên', 'total' => $amount, 'total_tax' => $fee_tax );
			$woo_total += $amount + $fee_tax;
		}
		$woo_total = round( $woo_total );

		$sync_shipping = 0 !== mt_rand( 0, 2 );
		$fee_surcharge = 0 !== mt_rand( 0, 2 );
		$positive_fees = array_filter( $fees, static function ( array $f ): bool {
			return $f['total'] > 0;
		} );
		$settings = array( 'sync_shipping' => $sync_shipping );
		if ( $fee_surcharge ) {
			$settings['fee_surcharge'] = array( 'id' => 3302, 'code' => 'THKPHIWEB' );
		}
		return array(
			'order'           => array(
				'id'             => 3000 + $n,
				'lines'          => $lines,
				'shipping_total' => $shipping,
				'shipping_tax'   => $shipping_tax,
				'discount_total' => $total_disc,
				'fees'           => $fees,
				'total'          => $woo_total,
			) + OrderFixtures::order_data(),
			'settings'        => $settings,
			'everything_sent' => ( $sync_shipping || 0 === $shipping ) && ( $fee_surcharge || array() === $positive_fees ),
		);
	}
}
