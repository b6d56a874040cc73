<?php
/**
 * Realistic Vietnamese order data for the order rule tests.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use KiotVietSync\Sync\Orders\OrderSyncSettings;
use KiotVietSync\Sync\Orders\ResolvedLine;
use KiotVietSync\Sync\Orders\WooOrderSnapshot;

/**
 * Builders with sensible defaults; every test overrides only what it is about.
 */
final class OrderFixtures {

	public const BRANCH = 5001;

	/**
	 * Order #1058: Nguyễn Thị Lan, 2 × Áo thun basic - Đen - L at 149.000đ, COD, no coupon, no shipping.
	 *
	 * @param array<string,mixed> $overrides Snapshot keys to replace.
	 */
	public static function order( array $overrides = array() ): WooOrderSnapshot {
		return WooOrderSnapshot::from_array( array_merge( self::order_data(), $overrides ) );
	}

	/**
	 * The plain data of order(), for tests that build their own variants.
	 *
	 * @return array<string,mixed>
	 */
	public static function order_data(): array {
		return array(
			'id'                   => 1058,
			'number'               => '1058',
			'status'               => 'processing',
			'created_via'          => 'checkout',
			'currency'             => 'VND',
			'customer_note'        => '',
			'payment_method'       => 'cod',
			'payment_method_title' => 'Trả tiền mặt khi nhận hàng',
			'date_created'         => '2025-06-11T02:20:00+00:00',
			'date_paid'            => null,
			'billing'              => self::billing(),
			'shipping'             => self::shipping(),
			'lines'                => array( self::line() ),
			'shipping_total'       => 0,
			'shipping_tax'         => 0,
			'discount_total'       => 0,
			'fees'                 => array(),
			'total'                => 298000,
		);
	}

	/**
	 * @param array<string,mixed> $overrides Line keys to replace.
	 * @return array<string,mixed>
	 */
	public static function line( array $overrides = array() ): array {
		return array_merge(
			array(
				'item_id'      => 11,
				'product_id'   => 201,
				'variation_id' => 0,
				'name'         => 'Áo thun basic - Đen - L',
				'sku'          => 'AOTHUN-DEN-L',
				'quantity'     => 2,
				'subtotal'     => 298000,
				'total'        => 298000,
				'subtotal_tax' => 0,
				'total_tax'    => 0,
				'kiotviet_id'  => 31000102,
			),
			$overrides
		);
	}

	/**
	 * @param array<string,string> $overrides Fields to replace.
	 * @return array<string,string>
	 */
	public static function billing( array $overrides = array() ): array {
		return array_merge(
			array(
				'first_name' => 'Thị Lan',
				'last_name'  => 'Nguyễn',
				'company'    => '',
				'address_1'  => '45 Nguyễn Trãi',
				'address_2'  => 'Phường 7',
				'city'       => 'Quận 5',
				'state'      => 'Hồ Chí Minh',
				'postcode'   => '',
				'country'    => 'VN',
				'email'      => 'lan.nguyen@example.test',
				'phone'      => '+84 903 123 456',
			),
			$overrides
		);
	}

	/**
	 * @param array<string,string> $overrides Fields to replace.
	 * @return array<string,string>
	 */
	public static function shipping( array $overrides = array() ): array {
		return array_merge(
			array(
				'first_name' => 'Thị Lan',
				'last_name'  => 'Nguyễn',
				'company'    => '',
				'address_1'  => '45 Nguyễn Trãi',
				'address_2'  => 'Phường 7',
				'city'       => 'Quận 5',
				'state'      => 'Hồ Chí Minh',
				'postcode'   => '',
				'country'    => 'VN',
				'phone'      => '',
			),
			$overrides
		);
	}

	/** @param array<string,mixed> $overrides Settings keys to replace. */
	public static function settings( array $overrides = array() ): OrderSyncSettings {
		return OrderSyncSettings::from_array(
			array_merge(
				array(
					'branch_id'          => self::BRANCH,
					'site_key'           => 'shop1',
					'sync_shipping'      => true,
					'shipping_surcharge' => array(
						'id'   => 3301,
						'code' => 'THKSHIPPINGWEB',
					),
				),
				$overrides
			)
		);
	}

	/**
	 * Every line resolved to a KiotViet product derived from its item id.
	 *
	 * @return ResolvedLine[]
	 */
	public static function resolved( WooOrderSnapshot $order ): array {
		$out = array();
		foreach ( $order->lines() as $line ) {
			$out[] = new ResolvedLine(
				$line->item_id(),
				null !== $line->kiotviet_id() ? $line->kiotviet_id() : 31000000 + $line->item_id(),
				'' !== $line->sku() ? $line->sku() : 'SP' . $line->item_id(),
				$line->name()
			);
		}
		return $out;
	}
}
