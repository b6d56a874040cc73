<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use KiotVietSync\Sync\Orders\CustomerMatcher;
use KiotVietSync\Sync\Orders\Phone;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KiotVietSync\Sync\Orders\CustomerMatcher
 * @covers \KiotVietSync\Sync\Orders\CustomerCreateRequest
 * @covers \KiotVietSync\Sync\Orders\Phone
 */
final class CustomerMatcherTest extends TestCase {

	private CustomerMatcher $matcher;

	protected function setUp(): void {
		$this->matcher = new CustomerMatcher();
	}

	/**
	 * @dataProvider phones
	 */
	public function test_phone_normalisation( string $input, string $expected ): void {
		$this->assertSame( $expected, Phone::normalise( $input ) );
	}

	/** @return array<string,array{string,string}> */
	public static function phones(): array {
		return array(
			'international with spaces' => array( '+84 903 123 456', '0903123456' ),
			'international with 0'      => array( '+84 (0) 903 123 456', '0903123456' ),
			'84 prefix'                 => array( '84903123456', '0903123456' ),
			'0084 prefix'               => array( '0084-903-123-456', '0903123456' ),
			'dots'                      => array( '0903.123.456', '0903123456' ),
			'dashes and parentheses'    => array( '(090) 312-3456', '0903123456' ),
			'trunk 0 dropped'           => array( '903123456', '0903123456' ),
			'084 carrier kept'          => array( '0849 123 456', '0849123456' ),
			'landline 11 digits'        => array( '028 3829 5555', '02838295555' ),
			'landline +84'              => array( '+84 28 3829 5555', '02838295555' ),
			'foreign number'            => array( '+1 415 555 0100', '+14155550100' ),
			'empty'                     => array( '  ', '' ),
			'no digits'                 => array( 'không có', '' ),
		);
	}

	public function test_short_phones_are_not_usable(): void {
		$this->assertFalse( Phone::is_usable( '12345' ) );
		$this->assertTrue( Phone::is_usable( '+84 903 123 456' ) );
	}

	public function test_exact_normalised_match_among_loose_results(): void {
		$results = array(
			array( 'id' => 880020, 'name' => 'Trần Văn Minh', 'contactNumber' => '09031234567' ),
			array( 'id' => 880012, 'name' => 'Nguyễn Thị Lan', 'contactNumber' => '0903 123 456' ),
			array( 'id' => 880031, 'name' => 'Lê Hoàng Nam', 'contactNumber' => '1903123456' ),
		);
		$this->assertSame( 880012, $this->matcher->pick( $results, '+84 903 123 456', 5001, false ) );
	}

	public function test_no_exact_match_means_create(): void {
		$results = array( array( 'id' => 880020, 'name' => 'Trần Văn Minh', 'contactNumber' => '09031234567' ) );
		$this->assertNull( $this->matcher->pick( $results, '0903123456', 5001, false ) );
		$this->assertNull( $this->matcher->pick( array(), '0903123456', 5001, false ) );
	}

	public function test_single_result_without_contact_number_is_taken(): void {
		$results = array( array( 'id' => 880012, 'name' => 'Nguyễn Thị Lan' ) );
		$this->assertSame( 880012, $this->matcher->pick( $results, '0903 123 456', 5001, false ) );
	}

	public function test_result_without_contact_number_is_not_taken_for_a_short_phone_or_among_several(): void {
		$this->assertNull( $this->matcher->pick( array( array( 'id' => 880012 ) ), '123456', 5001, false ) );
		$this->assertNull( $this->matcher->pick( array( array( 'id' => 880012 ), array( 'id' => 880013 ) ), '0903123456', 5001, false ) );
	}

	public function test_oldest_of_several_equal_customers_wins(): void {
		$results = array(
			array( 'id' => 880090, 'contactNumber' => '0903123456' ),
			array( 'id' => 880012, 'contactNumber' => '+84903123456' ),
			array( 'id' => 880050, 'contactNumber' => '0903.123.456' ),
		);
		$this->assertSame( 880012, $this->matcher->pick( $results, '0903123456', 5001, false ) );
	}

	public function test_several_numbers_in_one_field(): void {
		$results = array( array( 'id' => 880012, 'contactNumber' => '0912000111 / 0903123456' ) );
		$this->assertSame( 880012, $this->matcher->pick( $results, '0903123456', 5001, false ) );
	}

	public function test_customers_by_branch_prefer_the_order_branch(): void {
		$results = array(
			array( 'id' => 880001, 'contactNumber' => '0903123456', 'branchId' => 5002 ),
			array( 'id' => 880012, 'contactNumber' => '0903123456', 'branchId' => 5001 ),
			array( 'id' => 880005, 'contactNumber' => '0903123456' ),
		);
		$this->assertSame( 880012, $this->matcher->pick( $results, '0903123456', 5001, true ) );
		$this->assertSame( 880001, $this->matcher->pick( $results, '0903123456', 5001, false ), 'without the setting, branches do not matter' );
	}

	public function test_customers_by_branch_use_unknown_branch_then_create(): void {
		$other   = array( array( 'id' => 880001, 'contactNumber' => '0903123456', 'branchId' => 5002 ) );
		$unknown = array_merge( $other, array( array( 'id' => 880005, 'contactNumber' => '0903123456' ) ) );
		$this->assertSame( 880005, $this->matcher->pick( $unknown, '0903123456', 5001, true ) );
		$this->assertNull( $this->matcher->pick( $other, '0903123456', 5001, true ), 'a customer of another branch is not used' );
	}

	public function test_search_query_uses_the_normalised_phone(): void {
		$this->assertSame( '0903123456', $this->matcher->search_query( '+84 903 123 456' )['contactNumber'] );
	}

	public function test_create_request_for_a_vietnamese_customer(): void {
		$payload = $this->matcher->create_request( OrderFixtures::order(), 5001 )->to_payload();
		$this->assertSame(
			array(
				'name'          => 'Nguyễn Thị Lan',
				'contactNumber' => '0903123456',
				'branchId'      => 5001,
				'comments'      => 'Khách hàng tạo từ website',
				'email'         => 'lan.nguyen@example.test',
				'address'       => '45 Nguyễn Trãi',
				'locationName'  => 'Hồ Chí Minh - Quận 5',
				'wardName'      => 'Phường 7',
			),
			$payload
		);
		$this->assertArrayNotHasKey( 'code', $payload, 'KiotViet assigns the code' );
		$this->assertArrayNotHasKey( 'gender', $payload );
	}

	public function test_create_request_name_fallbacks(): void {
		$foreign = OrderFixtures::order( array( 'billing' => OrderFixtures::billing( array( 'first_name' => 'Anna', 'last_name' => 'Schmidt', 'country' => 'DE' ) ) ) );
		$this->assertSame( 'Anna Schmidt', $this->matcher->create_request( $foreign, 5001 )->name() );

		$company = OrderFixtures::order( array( 'billing' => OrderFixtures::billing( array( 'first_name' => '', 'last_name' => '', 'company' => 'Công ty TNHH Sao Mai' ) ) ) );
		$this->assertSame( 'Công ty TNHH Sao Mai', $this->matcher->create_request( $company, 5001 )->name() );

		$nobody = OrderFixtures::order( array( 'billing' => OrderFixtures::billing( array( 'first_name' => '', 'last_name' => '' ) ), 'shipping' => array() ) );
		$this->assertSame( 'Khách hàng website', $this->matcher->create_request( $nobody, 5001 )->name() );
	}

	public function test_orders_without_a_usable_phone_get_no_customer(): void {
		$this->assertTrue( CustomerMatcher::needs_customer( OrderFixtures::order() ) );
		$this->assertFalse( CustomerMatcher::needs_customer( OrderFixtures::order( array( 'billing' => OrderFixtures::billing( array( 'phone' => '' ) ) ) ) ) );
		$this->assertTrue(
			CustomerMatcher::needs_customer( OrderFixtures::order( array( 'billing' => OrderFixtures::billing( array( 'phone' => '' ) ), 'shipping' => OrderFixtures::shipping( array( 'phone' => '0912000111' ) ) ) ) ),
			'the shipping phone is used when billing has none'
		);
	}

	public function test_created_id_reads_the_wrapped_response(): void {
		$this->assertSame( 880013, CustomerMatcher::created_id( array( 'message' => 'Thêm mới khách hàng thành công', 'data' => array( 'id' => 880013, 'code' => 'KH000246' ) ) ) );
		$this->assertSame( 880014, CustomerMatcher::created_id( array( 'id' => 880014 ) ) );
		$this->assertNull( CustomerMatcher::created_id( array( 'message' => 'lỗi' ) ) );
	}
}
