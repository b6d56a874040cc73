<?php
/**
 * ClientOrderApi over a fake transport.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Orders;

use KiotVietSync\Orders\ClientOrderApi;
use KiotVietSync\Tests\Unit\Fakes\ClientKit;
use KiotVietSync\Tests\Unit\Fakes\FakeTransport;
use PHPUnit\Framework\TestCase;

/**
 * Unwrapping, 404 as "no product", the customer-by-branch flag and the shipping surcharge.
 */
final class ClientOrderApiTest extends TestCase {

	public function test_product_lookup_is_null_on_404_and_created_objects_are_unwrapped(): void {
		$kit = new ClientKit();
		$kit->transport->queue(
			FakeTransport::error( 404, 'NotFound', 'Không tìm thấy' ),
			FakeTransport::json(
				200,
				array(
					'id'   => 31000102,
					'code' => 'POLO-DO-M',
				)
			),
			FakeTransport::json(
				200,
				array(
					'message' => 'ok',
					'data'    => array(
						'id'   => 55,
						'code' => 'WEB-12',
					),
				)
			),
			FakeTransport::json(
				200,
				array(
					'id'   => 660101,
					'code' => 'DH000001',
				)
			)
		);
		$api = new ClientOrderApi( $kit->client );
		self::assertNull( $api->find_product_by_code( 'NOPE' ) );
		self::assertSame( 31000102, $api->find_product_by_code( 'POLO-DO-M' )['id'] );
		self::assertSame( 55, $api->create_product( array( 'code' => 'WEB-12' ) )['id'] );
		self::assertSame( 'DH000001', $api->create_order( array( 'branchId' => 5001 ) )['code'] );
		$paths = array_map(
			static function ( array $r ): string {
				return $r['method'] . ' ' . (string) parse_url( $r['url'], PHP_URL_PATH ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url
			},
			$kit->transport->api_requests()
		);
		self::assertStringStartsWith( 'GET', $paths[0] );
		self::assertStringEndsWith( '/products/code/NOPE', $paths[0] );
		self::assertStringEndsWith( '/orders', $paths[3] );
		self::assertStringStartsWith( 'POST', $paths[3] );
	}

	public function test_customer_search_returns_items_and_branch_flag_is_cached(): void {
		$kit = new ClientKit();
		$kit->transport->queue(
			FakeTransport::json(
				200,
				array(
					'total' => 1,
					'data'  => array( array( 'id' => 880001 ), 'junk' ),
				)
			),
			FakeTransport::json( 200, array( 'ManagerCustomerByBranch' => true ) )
		);
		$api = new ClientOrderApi( $kit->client );
		self::assertSame( array( array( 'id' => 880001 ) ), $api->search_customers( array( 'contactNumber' => '0903123456' ) ) );
		self::assertTrue( $api->manages_customers_by_branch() );
		self::assertTrue( $api->manages_customers_by_branch() );
		self::assertCount( 2, $kit->transport->api_requests() );
	}

	public function test_shipping_surcharge_is_found_or_created(): void {
		$kit = new ClientKit();
		$kit->transport->queue(
			FakeTransport::json(
				200,
				array(
					'total' => 2,
					'data'  => array(
						array(
							'id'            => 3301,
							'surchargeCode' => 'PDGQ',
						),
						array(
							'id'            => 3303,
							'surchargeCode' => 'THKSHIPPINGWEB',
						),
					),
				)
			),
			FakeTransport::json(
				200,
				array(
					'total' => 1,
					'data'  => array(
						array(
							'id'            => 3301,
							'surchargeCode' => 'PDGQ',
						),
					),
				)
			),
			FakeTransport::json(
				200,
				array(
					'message' => 'ok',
					'data'    => array(
						'id'            => 3304,
						'surchargeCode' => 'THKSHIPPINGWEB',
					),
				)
			)
		);
		$found = ( new ClientOrderApi( $kit->client ) )->shipping_surcharge();
		self::assertSame( 3303, $found->id() );
		$created = ( new ClientOrderApi( $kit->client ) )->shipping_surcharge();
		self::assertSame( 3304, $created->id() );
		self::assertSame( 'THKSHIPPINGWEB', $created->code() );
		$last = $kit->transport->api_requests()[2];
		self::assertSame( 'POST', $last['method'] );
		self::assertStringContainsString( '"code":"THKSHIPPINGWEB"', (string) $last['body'] );
	}
}
