<?php
/**
 * Builds the POST /orders body for a WooCommerce order.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use DateTimeZone;

/**
 * Turns a WooOrderSnapshot into the body of POST /orders (spec §5.8) so that KiotViet's total
 * (Σ(quantity × price − line discount) − order discount + Σ surcharges) equals the WooCommerce total.
 *
 * Money rules:
 * - Every amount is whole đồng (VND has no minor unit). Orders in another currency are refused: KiotViet
 *   stores VND and converting silently would corrupt the books.
 * - Amounts are tax-inclusive. KiotViet must show what the customer owes; we send no `OrderDetailTaxs`
 *   because WooCommerce tax rates have no reliable mapping to KiotViet's TaxIds, so tax is folded into prices
 *   whether the shop enters prices with or without tax.
 * - Line price = shelf price per unit (line subtotal incl. tax / quantity); line discount = the line's share of
 *   coupons as an amount (subtotal − total, incl. tax). So qty × price − discount is what the customer paid for
 *   the line and coupons stay visible in KiotViet as discounts.
 * - Rounding: each line's paid amount is rounded to whole đồng; the remainder that makes the lines add up to
 *   the target is put on the last line (on the largest line if the last cannot absorb it).
 * - Shipping ("Đồng bộ phí ship trong đơn hàng" on): a surcharge line with the shipping surcharge
 *   (THKSHIPPINGWEB) for the shipping incl. tax; `orderDelivery.price` stays 0 (it is the carrier's fee).
 *   Off: shipping is not sent, KiotViet's total is the Woo total minus shipping, and the description says so.
 * - Fees: negative fees (discounts such as "Giảm 2% khi chuyển khoản") become the order-level `discount`, the
 *   only discount that cannot be attributed to lines. Positive fees go in one surcharge line when a fee
 *   surcharge is configured; otherwise they are not sent (like shipping when off) and named in the description.
 *
 * Other fields: `purchaseDate` = order creation time in Vietnam local time; `method` from the gateway
 * (cod → Cash, bacs/cheque → Transfer, card processors → Card, anything else → Transfer); `totalPayment` = 0
 * unless "record payments" is on and the order was paid online (date_paid set, not COD), then the KiotViet total
 * (with `accountId` when configured). `makeInvoice` false: the order reserves stock until staff complete it.
 */
final class OrderPayloadBuilder {

	public const TIMEZONE = 'Asia/Ho_Chi_Minh';

	/** Longest customer note copied into the description. */
	public const NOTE_MAX_CHARS = 300;

	/** Longest Woo line name copied into a line note. */
	public const LINE_NOTE_MAX_CHARS = 100;

	public const WALK_IN_NAME = 'Khách hàng website';

	/**
	 * @param int|null       $customer_id    KiotViet customer id (CustomerMatcher), null for a walk-in ("Khách lẻ")
	 *                                       when the order has no usable phone number.
	 * @param ResolvedLine[] $resolved_lines One per Woo line (any keys; matched by item id).
	 * @throws OrderSyncException On a non-VND order, an unresolved line or a missing shipping surcharge.
	 */
	public function build( WooOrderSnapshot $order, OrderSyncSettings $settings, ?int $customer_id, array $resolved_lines ): OrderPayload {
		if ( 'VND' !== $order->currency() ) {
			throw new OrderSyncException(
				OrderSyncException::UNSUPPORTED_CURRENCY,
				sprintf( 'Order #%s is in %s; KiotViet only records VND.', $order->number(), '' !== $order->currency() ? $order->currency() : 'an unknown currency' )
			);
		}
		$by_item = array();
		foreach ( $resolved_lines as $resolved ) {
			if ( $resolved instanceof ResolvedLine ) {
				$by_item[ $resolved->item_id() ] = $resolved;
			}
		}
		foreach ( $order->lines() as $line ) {
			if ( ! isset( $by_item[ $line->item_id() ] ) ) {
				throw new OrderSyncException(
					OrderSyncException::UNRESOLVED_LINE,
					sprintf( 'The line "%s" of order #%s has no KiotViet product.', $line->name(), $order->number() )
				);
			}
		}

		$notes     = array();
		$woo_total = Money::vnd( $order->total() );

		// Surcharges and what is left out.
		$surcharges      = array();
		$unsent_shipping = 0;
		$shipping        = Money::vnd( $order->shipping_gross() );
		if ( $shipping > 0 ) {
			if ( $settings->sync_shipping() ) {
				$ref = $settings->shipping_surcharge();
				if ( null === $ref ) {
					throw new OrderSyncException(
						OrderSyncException::MISSING_SURCHARGE,
						'Shipping sync is on but the KiotViet shipping surcharge (THKSHIPPINGWEB) is not set up. Check that surcharges ("thu khác") are enabled in KiotViet.'
					);
				}
				$surcharges[] = $ref->line( $shipping );
			} else {
				$unsent_shipping = $shipping;
				$notes[]         = sprintf( 'Shipping (%d VND) is not synced; the KiotViet total excludes it.', $shipping );
			}
		}

		$positive_fees = 0.0;
		$negative_fees = 0.0;
		foreach ( $order->fees() as $fee ) {
			if ( $fee->gross() >= 0 ) {
				$positive_fees += $fee->gross();
			} else {
				$negative_fees += $fee->gross();
			}
		}
		$positive_fees  = Money::vnd( $positive_fees );
		$order_discount = Money::vnd( -$negative_fees );
		$unsent_fees    = 0;
		if ( $positive_fees > 0 ) {
			$ref = $settings->fee_surcharge();
			if ( null !== $ref ) {
				$surcharges = self::add_surcharge( $surcharges, $ref, $positive_fees );
			} else {
				$unsent_fees = $positive_fees;
				$notes[]     = sprintf( 'Fees (%d VND) have no KiotViet surcharge; the KiotViet total excludes them.', $positive_fees );
			}
		}

		// What the lines must add up to.
		$expected     = $woo_total - $unsent_shipping - $unsent_fees;
		$surcharge_sum = 0;
		foreach ( $surcharges as $s ) {
			$surcharge_sum += (int) $s['price'];
		}
		$lines_target = $expected - $surcharge_sum + $order_discount;

		$lines = $order->lines();
		$paid  = array();
		foreach ( $lines as $i => $line ) {
			$paid[ $i ] = max( 0, Money::vnd( $line->gross_total() ) );
		}
		$remainder = $lines_target - array_sum( $paid );
		if ( 0 !== $remainder ) {
			$tolerance = count( $lines ) + count( $order->fees() ) + 1;
			if ( abs( $remainder ) > $tolerance ) {
				$notes[] = sprintf( 'The Woo total differs from the sum of its lines, shipping and fees by %d VND; the difference was put on a line.', $remainder );
			}
			$target_index = count( $lines ) - 1;
			if ( $paid[ $target_index ] + $remainder < 0 ) {
				$target_index = (int) array_keys( $paid, max( $paid ), true )[0];
			}
			$paid[ $target_index ] += $remainder;
			if ( $paid[ $target_index ] < 0 ) {
				$order_discount       += -$paid[ $target_index ];
				$paid[ $target_index ] = 0;
			}
		}

		$details = array();
		foreach ( $lines as $i => $line ) {
			$details[] = $this->detail( $line, $by_item[ $line->item_id() ], $paid[ $i ] );
		}

		$payload = array(
			'branchId' => $settings->branch_id(),
		);
		if ( $settings->send_purchase_date() ) {
			$payload['purchaseDate'] = $order->date_created()->setTimezone( new DateTimeZone( self::TIMEZONE ) )->format( 'Y-m-d\TH:i:s' );
		}
		if ( null !== $customer_id && $customer_id > 0 ) {
			$payload['customerId'] = $customer_id;
		}
		if ( null !== $settings->sale_channel_id() ) {
			$payload['saleChannelId'] = $settings->sale_channel_id();
		}
		$marker = DuplicateGuard::marker( $order->id(), $settings->site_key() );

		$payload['discount']     = $order_discount;
		$payload['description']  = $this->description( $order, $marker, $unsent_shipping, $unsent_fees );
		$payload['method']       = $settings->method_for( $order->payment_method() );
		$payload['totalPayment'] = 0;
		if ( $settings->record_payments() && $order->is_paid_online() ) {
			$payload['totalPayment'] = $expected;
			if ( null !== $settings->payment_account_id() ) {
				$payload['accountId'] = $settings->payment_account_id();
			}
		}
		$payload['makeInvoice']  = false;
		$payload['orderDetails'] = $details;

		$delivery = $settings->send_delivery() ? $this->delivery( $order ) : null;
		if ( null !== $delivery ) {
			$payload['orderDelivery'] = $delivery;
		}
		if ( array() !== $surcharges ) {
			$payload['surchages'] = $surcharges;
		}
		$book = $settings->sale_book();
		if ( null !== $book ) {
			$payload['Extra'] = (string) json_encode(
				array(
					'PriceBookId' => array(
						'Id'   => $book['id'],
						'Name' => $book['name'],
					),
				),
				JSON_UNESCAPED_UNICODE
			);
		}

		return new OrderPayload( $payload, $marker, $woo_total, $unsent_shipping, $unsent_fees, $notes );
	}

	/**
	 * One `orderDetails` entry whose qty × price − discount is exactly $paid.
	 *
	 * @return array<string,mixed>
	 */
	private function detail( WooOrderLine $line, ResolvedLine $resolved, int $paid ): array {
		$qty   = $line->quantity();
		$price = max( 0, Money::vnd( $line->gross_subtotal() / (float) $qty ) );
		if ( $qty * $price < $paid ) {
			// Paid more than the shelf price (a line edited upward in the admin): no negative discounts.
			$price = (int) ceil( $paid / $qty - 1e-9 );
		}
		$discount = is_int( $qty ) ? $qty * $price - $paid : round( $qty * $price - $paid, 4 );

		$note = '';
		if ( '' !== $line->name() && 0 !== strcasecmp( $line->name(), $resolved->product_name() ) ) {
			$note = self::truncate( $line->name(), self::LINE_NOTE_MAX_CHARS );
		}
		return array(
			'productId'     => $resolved->product_id(),
			'productCode'   => $resolved->product_code(),
			'productName'   => $resolved->product_name(),
			'quantity'      => $qty,
			'price'         => $price,
			'discount'      => $discount,
			'discountRatio' => 0,
			'note'          => $note,
		);
	}

	/**
	 * Marker first (survives any truncation by KiotViet), then the order number, payment, what was not synced and
	 * the customer's note. Vietnamese: it is data for the shop's staff in KiotViet, like the official plugin's.
	 */
	private function description( WooOrderSnapshot $order, string $marker, int $unsent_shipping, int $unsent_fees ): string {
		$parts = array( $marker, sprintf( 'Đơn hàng từ website, mã đơn hàng #%s.', $order->number() ) );
		if ( '' !== $order->payment_method_title() ) {
			$parts[] = sprintf( 'Thanh toán: %s%s.', self::one_line( $order->payment_method_title() ), $order->is_paid_online() ? ' (đã thanh toán)' : '' );
		}
		if ( $unsent_shipping > 0 ) {
			$parts[] = sprintf( 'Phí vận chuyển %s không tính vào tổng.', self::format_vnd( $unsent_shipping ) );
		}
		if ( $unsent_fees > 0 ) {
			$parts[] = sprintf( 'Phí khác %s không tính vào tổng.', self::format_vnd( $unsent_fees ) );
		}
		if ( '' !== $order->customer_note() ) {
			$parts[] = 'Ghi chú của khách: ' . self::truncate( self::one_line( $order->customer_note() ), self::NOTE_MAX_CHARS );
		}
		return implode( ' ', $parts );
	}

	/**
	 * `orderDelivery` from the shipping address; from billing when the order charges shipping but has no shipping
	 * address (checkouts that only collect billing); omitted when there is no street to deliver to.
	 *
	 * @return array<string,mixed>|null
	 */
	private function delivery( WooOrderSnapshot $order ): ?array {
		$address = $order->shipping();
		if ( ! $address->has_street() ) {
			if ( $order->shipping_gross() <= 0 || ! $order->billing()->has_street() ) {
				return null;
			}
			$address = $order->billing();
		}
		$receiver = $address->person_name();
		if ( '' === $receiver ) {
			$receiver = '' !== $order->billing()->person_name() ? $order->billing()->person_name() : $address->company();
		}
		$phone    = '' !== $address->phone() ? $address->phone() : $order->customer_phone();
		$delivery = array(
			'type'          => 1,
			'price'         => 0,
			'receiver'      => '' !== $receiver ? $receiver : self::WALK_IN_NAME,
			'contactNumber' => Phone::normalise( $phone ),
			'address'       => $address->street(),
		);
		if ( '' !== $address->location_name() ) {
			$delivery['locationName'] = $address->location_name();
		}
		if ( '' !== $address->ward_name() ) {
			$delivery['wardName'] = $address->ward_name();
		}
		return $delivery;
	}

	/**
	 * @param array<int,array<string,mixed>> $surcharges Current lines.
	 * @return array<int,array<string,mixed>>
	 */
	private static function add_surcharge( array $surcharges, SurchargeRef $ref, int $price ): array {
		foreach ( $surcharges as $i => $s ) {
			if ( $s['id'] === $ref->id() ) {
				$surcharges[ $i ]['price'] += $price;
				return $surcharges;
			}
		}
		$surcharges[] = $ref->line( $price );
		return $surcharges;
	}

	private static function one_line( string $text ): string {
		return trim( (string) preg_replace( '/\s+/u', ' ', strip_tags( $text ) ) );
	}

	private static function truncate( string $text, int $max ): string {
		if ( mb_strlen( $text, 'UTF-8' ) <= $max ) {
			return $text;
		}
		return rtrim( mb_substr( $text, 0, $max - 1, 'UTF-8' ) ) . '…';
	}

	/** 1.250.000đ */
	private static function format_vnd( int $amount ): string {
		return number_format( $amount, 0, ',', '.' ) . 'đ';
	}
}
