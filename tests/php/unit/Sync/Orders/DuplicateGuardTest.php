<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use DateTimeImmutable;
use KiotVietSync\Sync\Orders\DuplicateGuard;
use KiotVietSync\Sync\Orders\OrderPayloadBuilder;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KiotVietSync\Sync\Orders\DuplicateGuard
 */
final class DuplicateGuardTest extends TestCase {

	private DuplicateGuard $guard;

	protected function setUp(): void {
		$this->guard = new DuplicateGuard();
	}

	public function test_marker_format(): void {
		$this->assertSame( '[WC#1058@shop1]', DuplicateGuard::marker( 1058, 'shop1' ) );
	}

	public function test_finds_the_order_we_built_among_other_orders(): void {
		$order   = OrderFixtures::order();
		$built   = ( new OrderPayloadBuilder() )->build( $order, OrderFixtures::settings(), 880012, OrderFixtures::resolved( $order ) );
		$orders  = array(
			array( 'id' => 660100, 'code' => 'DH000511', 'description' => 'Khách mua tại quầy' ),
			array( 'id' => 660099, 'code' => 'DH000510', 'description' => '[WC#105@shop1] Đơn hàng từ website, mã đơn hàng #105.' ),
			array( 'id' => 660098, 'code' => 'DH000509', 'description' => '[WC#1058@staging] Đơn hàng từ website, mã đơn hàng #1058.' ),
			array( 'id' => 660101, 'code' => 'DH000512', 'description' => $built->payload()['description'] ),
		);
		$found   = $this->guard->find( $orders, $built->marker() );

		$this->assertNotNull( $found );
		$this->assertSame( array( 'id' => 660101, 'code' => 'DH000512' ), DuplicateGuard::order_ref( $found ) );
	}

	public function test_not_found_when_no_description_carries_the_marker(): void {
		$orders = array(
			array( 'id' => 660099, 'description' => '[WC#10580@shop1]' ),
			array( 'id' => 660100 ),
			'garbage',
		);
		$this->assertNull( $this->guard->find( $orders, '[WC#1058@shop1]' ) );
		$this->assertNull( $this->guard->find( $orders, '' ) );
	}

	public function test_oldest_of_existing_duplicates_is_kept(): void {
		$orders = array(
			array( 'id' => 660200, 'code' => 'DH000600', 'description' => '[WC#1058@shop1] …' ),
			array( 'id' => 660150, 'code' => 'DH000550', 'description' => '[WC#1058@shop1] …' ),
		);
		$this->assertSame( 660150, $this->guard->find( $orders, '[WC#1058@shop1]' )['id'] );
		$this->assertSame( array( 660150, 660200 ), array_column( $this->guard->find_all( $orders, '[WC#1058@shop1]' ), 'id' ) );
	}

	public function test_lookup_query_starts_five_minutes_before_the_first_attempt_in_vietnam_time(): void {
		$query = $this->guard->lookup_query( 5001, new DateTimeImmutable( '2025-06-11T02:20:00+00:00' ), 880012 );
		$this->assertSame(
			array(
				'branchIds'        => array( 5001 ),
				'lastModifiedFrom' => '2025-06-11T09:15:00',
				'orderBy'          => 'createdDate',
				'orderDirection'   => 'Asc',
				'pageSize'         => 100,
				'currentItem'      => 0,
				'customerIds'      => array( 880012 ),
			),
			$query
		);
		$this->assertArrayNotHasKey( 'customerIds', $this->guard->lookup_query( 5001, new DateTimeImmutable( '2025-06-11T02:20:00+00:00' ), null, 100 ) );
		$this->assertSame( 100, $this->guard->lookup_query( 5001, new DateTimeImmutable(), null, 100 )['currentItem'] );
	}

	public function test_woo_order_id_from_a_webhook_description(): void {
		$this->assertSame( 1058, DuplicateGuard::woo_order_id_from( '[WC#1058@shop1] Đơn hàng từ website, mã đơn hàng #1058.', 'shop1' ) );
		$this->assertNull( DuplicateGuard::woo_order_id_from( '[WC#1058@staging] Đơn hàng từ website', 'shop1' ), 'another site' );
		$this->assertNull( DuplicateGuard::woo_order_id_from( 'Đơn hàng từ website, mã đơn hàng #1058.', 'shop1' ), 'no marker' );
		$this->assertNull( DuplicateGuard::woo_order_id_from( '[WC#1058@shop10]', 'shop1' ) );
	}

	public function test_paging(): void {
		$this->assertTrue( $this->guard->has_more( array( 'total' => 250, 'data' => array_fill( 0, 100, array() ) ), 0 ) );
		$this->assertTrue( $this->guard->has_more( array( 'total' => 250, 'data' => array_fill( 0, 100, array() ) ), 100 ) );
		$this->assertFalse( $this->guard->has_more( array( 'total' => 250, 'data' => array_fill( 0, 50, array() ) ), 200 ) );
		$this->assertFalse( $this->guard->has_more( array( 'total' => 250, 'data' => array() ), 100 ), 'an empty page ends the loop' );
	}
}
