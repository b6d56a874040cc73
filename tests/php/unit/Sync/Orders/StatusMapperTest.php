<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use KiotVietSync\Sync\Orders\StatusMapper;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KiotVietSync\Sync\Orders\StatusMapper
 * @covers \KiotVietSync\Sync\Orders\StatusDecision
 */
final class StatusMapperTest extends TestCase {

	private StatusMapper $mapper;

	protected function setUp(): void {
		$this->mapper = new StatusMapper();
	}

	/**
	 * @dataProvider table
	 */
	public function test_status_table( ?int $status, ?string $text, ?string $expected ): void {
		$this->assertSame( $expected, $this->mapper->woo_status_for( $status, $text ) );
	}

	/** @return array<string,array{?int,?string,?string}> */
	public static function table(): array {
		return array(
			'1 Phiếu tạm'            => array( 1, 'Phiếu tạm', null ),
			'2 Đang giao hàng'       => array( 2, 'Đang giao hàng', 'processing' ),
			'3 Hoàn thành'           => array( 3, 'Hoàn thành', 'completed' ),
			'4 Đã hủy'               => array( 4, 'Đã hủy', 'cancelled' ),
			'5 Đã xác nhận'          => array( 5, 'Đã xác nhận', 'processing' ),
			'Đang xử lý text only'   => array( null, 'Đang xử lý', 'processing' ),
			'code only 3'            => array( 3, null, 'completed' ),
			'code only 4, empty text' => array( 4, '', 'cancelled' ),
			'upper case text'        => array( null, 'HOÀN THÀNH', 'completed' ),
			'huỷ tone placement'     => array( null, 'Đã huỷ', 'cancelled' ),
			'extra spaces'           => array( null, '  Đang   giao hàng ', 'processing' ),
			'unknown code and text'  => array( 9, 'Không giao được', null ),
			'nothing'                => array( null, null, null ),
		);
	}

	public function test_decomposed_unicode_text_is_recognised(): void {
		if ( ! class_exists( \Normalizer::class ) ) {
			$this->markTestSkipped( 'intl not available' );
		}
		$decomposed = \Normalizer::normalize( 'Hoàn thành', \Normalizer::FORM_D );
		$this->assertNotSame( 'Hoàn thành', $decomposed );
		$this->assertSame( 'completed', $this->mapper->woo_status_for( null, $decomposed ) );
	}

	public function test_text_wins_over_a_disagreeing_code(): void {
		$decision = $this->mapper->decide( 2, 'Hoàn thành', 'processing' );
		$this->assertSame( 'completed', $decision->target() );
		$this->assertStringContainsString( 'disagrees', $decision->reason() );
	}

	public function test_unknown_status_is_logged_and_never_pending(): void {
		$decision = $this->mapper->decide( 9, 'Không giao được', 'processing' );
		$this->assertNull( $decision->target() );
		$this->assertFalse( $decision->changes() );
		$this->assertFalse( $decision->is_known_status() );
		$this->assertStringContainsString( '9 "Không giao được"', $decision->reason() );
	}

	public function test_draft_does_not_promote_an_on_hold_order(): void {
		$decision = $this->mapper->decide( 1, 'Phiếu tạm', 'on-hold' );
		$this->assertFalse( $decision->changes() );
		$this->assertTrue( $decision->is_known_status() );
	}

	/**
	 * @dataProvider moves
	 */
	public function test_moves( int $status, string $text, string $current, ?string $expected ): void {
		$this->assertSame( $expected, $this->mapper->decide( $status, $text, $current )->target() );
	}

	/** @return array<string,array{int,string,string,?string}> */
	public static function moves(): array {
		return array(
			'on-hold confirmed'                => array( 5, 'Đã xác nhận', 'on-hold', 'processing' ),
			'processing completed'             => array( 3, 'Hoàn thành', 'processing', 'completed' ),
			'wc- prefix accepted'              => array( 3, 'Hoàn thành', 'wc-processing', 'completed' ),
			'processing cancelled'             => array( 4, 'Đã hủy', 'processing', 'cancelled' ),
			'on-hold cancelled'                => array( 4, 'Đã hủy', 'on-hold', 'cancelled' ),
			'pending completed'                => array( 3, 'Hoàn thành', 'pending', 'completed' ),
			'already processing'               => array( 2, 'Đang giao hàng', 'processing', null ),
			'late delivering after completed'  => array( 2, 'Đang giao hàng', 'completed', null ),
			'late confirmed after completed'   => array( 5, 'Đã xác nhận', 'completed', null ),
			'completed is not auto-cancelled'  => array( 4, 'Đã hủy', 'completed', null ),
			'cancelled is final'               => array( 3, 'Hoàn thành', 'cancelled', null ),
			'refunded is final'                => array( 2, 'Đang giao hàng', 'refunded', null ),
			'failed is final'                  => array( 5, 'Đã xác nhận', 'failed', null ),
			'custom status not moved back'     => array( 2, 'Đang giao hàng', 'shipping', null ),
			'custom status completed'          => array( 3, 'Hoàn thành', 'shipping', 'completed' ),
			'custom status cancelled'          => array( 4, 'Đã hủy', 'shipping', 'cancelled' ),
		);
	}

	public function test_cancel_restocks_and_says_why(): void {
		$decision = $this->mapper->decide( 4, 'Đã hủy', 'processing' );
		$this->assertTrue( $decision->restocks() );
		$this->assertSame( 'KiotViet status 4 "Đã hủy": processing → cancelled.', $decision->reason() );
		$this->assertFalse( $this->mapper->decide( 3, 'Hoàn thành', 'processing' )->restocks() );
	}

	public function test_webhook_item(): void {
		$item = array( 'Id' => 660101, 'Code' => 'DH000512', 'Status' => 4, 'StatusValue' => 'Đã hủy', 'ModifiedDate' => '2025-06-11T10:02:00.0000000+07:00' );
		$this->assertSame( 'cancelled', $this->mapper->decide_for_item( $item, 'processing' )->target() );
		$this->assertSame( 'completed', $this->mapper->decide_for_item( array( 'status' => '3' ), 'processing' )->target() );
		$this->assertFalse( $this->mapper->decide_for_item( array(), 'processing' )->is_known_status() );
	}

	public function test_completed_order_cancelled_in_kiotviet_asks_for_a_person(): void {
		$this->assertStringContainsString( 'cancel or refund it manually', $this->mapper->decide( 4, 'Đã hủy', 'completed' )->reason() );
	}
}
