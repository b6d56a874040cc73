<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\PriceDecision;
use KiotVietSync\Sync\Catalog\PricePolicy;
use PHPUnit\Framework\TestCase;

/**
 * Price book rules of seed user guide §2.2.
 */
final class PricePolicyTest extends TestCase {

	public function test_general_price_list_is_the_default_regular_price(): void {
		$p = CatalogFixtures::priced( 159000, array( CatalogFixtures::BOOK_ONLINE => 149000 ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings() );
		self::assertSame( 159000.0, $d->regular() );
		self::assertSame( PriceDecision::SOURCE_GENERAL, $d->regular_source() );
		self::assertTrue( $d->sale_known() );
		self::assertNull( $d->sale() );
		self::assertSame( array(), $d->warnings() );
	}

	public function test_regular_price_from_the_chosen_book(): void {
		$p = CatalogFixtures::priced( 159000, array( CatalogFixtures::BOOK_ONLINE => 149000 ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'regular_book_id' => CatalogFixtures::BOOK_ONLINE ) ) );
		self::assertSame( 149000.0, $d->regular() );
		self::assertSame( PriceDecision::SOURCE_BOOK, $d->regular_source() );
	}

	/**
	 * @return array<string, array{0: int}>
	 */
	public function unusable_regular_books(): array {
		return array(
			'deactivated'   => array( CatalogFixtures::BOOK_INACTIVE ),
			'expired'       => array( CatalogFixtures::BOOK_EXPIRED ),
			'deleted'       => array( 99 ),
			'not yet valid' => array( CatalogFixtures::BOOK_FUTURE ),
		);
	}

	/**
	 * @dataProvider unusable_regular_books
	 */
	public function test_unusable_regular_book_falls_back_to_the_general_price_list( int $book ): void {
		$p = CatalogFixtures::priced( 159000, array( $book => 120000 ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'regular_book_id' => $book ) ) );
		self::assertSame( 159000.0, $d->regular() );
		self::assertSame( PriceDecision::SOURCE_FALLBACK, $d->regular_source() );
		self::assertSame( array( PricePolicy::WARNING_REGULAR_FALLBACK ), $d->warning_codes() );
	}

	public function test_product_missing_from_the_regular_book_uses_base_price(): void {
		$p = CatalogFixtures::priced( 159000, array() );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'regular_book_id' => CatalogFixtures::BOOK_ONLINE ) ) );
		self::assertSame( 159000.0, $d->regular() );
		self::assertSame( PriceDecision::SOURCE_FALLBACK, $d->regular_source() );
		self::assertSame( array(), $d->warnings() );
	}

	public function test_payload_without_price_books_leaves_book_prices_unknown(): void {
		$p = KvProduct::from_array( array( 'id' => 1, 'code' => 'SP1', 'name' => 'X', 'basePrice' => 100000 ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'regular_book_id' => 77, 'sale_book_id' => 78 ) ) );
		self::assertNull( $d->regular() );
		self::assertFalse( $d->sale_known() );

		$general = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'sale_book_id' => 78 ) ) );
		self::assertSame( 100000.0, $general->regular() );
		self::assertFalse( $general->sale_known(), 'sale book price unknown: do not clear' );
	}

	public function test_dated_sale_book_sets_sale_price_and_dates_in_vietnam_time(): void {
		$p = CatalogFixtures::priced( 250000, array( CatalogFixtures::BOOK_PROMO => 199000 ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'sale_book_id' => CatalogFixtures::BOOK_PROMO ) ) );
		self::assertSame( 250000.0, $d->regular() );
		self::assertSame( 199000.0, $d->sale() );
		self::assertSame( '2026-11-27T00:00:00+07:00', $d->sale_from()->format( DATE_ATOM ) );
		self::assertSame( '2026-12-01T23:59:59+07:00', $d->sale_to()->format( DATE_ATOM ) );
		self::assertSame( '2026-12-01T16:59:59+00:00', $d->sale_to()->setTimezone( new \DateTimeZone( 'UTC' ) )->format( DATE_ATOM ) );
	}

	public function test_webhook_entry_dates_with_offset_are_used_without_book_headers(): void {
		$data                = CatalogFixtures::webhook_variant_child();
		$data['PriceBooks'][0]['StartDate'] = '2026-11-28T08:00:00.0000000+07:00';
		$data['PriceBooks'][0]['EndDate']   = '2026-11-30T22:00:00.0000000+07:00';
		$p = KvProduct::from_array( $data );
		$d = PricePolicy::resolve( $p, array(), CatalogFixtures::settings( array( 'sale_book_id' => 77 ) ) );
		self::assertSame( 149000.0, $d->sale() );
		self::assertSame( '2026-11-28T08:00:00+07:00', $d->sale_from()->format( DATE_ATOM ) );
		self::assertSame( '2026-11-30T22:00:00+07:00', $d->sale_to()->format( DATE_ATOM ) );
	}

	/**
	 * @return array<string, array{0: float}>
	 */
	public function not_lower(): array {
		return array(
			'equal'  => array( 250000.0 ),
			'higher' => array( 260000.0 ),
		);
	}

	/**
	 * @dataProvider not_lower
	 */
	public function test_sale_not_strictly_lower_is_not_applied_and_reported( float $sale ): void {
		$p = CatalogFixtures::priced( 250000, array( CatalogFixtures::BOOK_PROMO => $sale ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'sale_book_id' => CatalogFixtures::BOOK_PROMO ) ) );
		self::assertTrue( $d->sale_known() );
		self::assertNull( $d->sale() );
		self::assertNull( $d->sale_from() );
		self::assertSame( array( PricePolicy::WARNING_SALE_NOT_LOWER ), $d->warning_codes() );
		self::assertSame( $sale, $d->warnings()[0]['sale'] );
		self::assertSame( 250000.0, $d->warnings()[0]['regular'] );
	}

	public function test_sale_is_compared_with_the_resolved_regular_book_price(): void {
		$p = CatalogFixtures::priced( 300000, array( CatalogFixtures::BOOK_ONLINE => 200000, CatalogFixtures::BOOK_PROMO => 250000 ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'regular_book_id' => 77, 'sale_book_id' => 78 ) ) );
		self::assertSame( 200000.0, $d->regular() );
		self::assertNull( $d->sale() );
		self::assertSame( array( PricePolicy::WARNING_SALE_NOT_LOWER ), $d->warning_codes() );
	}

	/**
	 * @return array<string, array{0: int}>
	 */
	public function unusable_sale_books(): array {
		return array(
			'deactivated' => array( CatalogFixtures::BOOK_INACTIVE ),
			'expired'     => array( CatalogFixtures::BOOK_EXPIRED ),
			'deleted'     => array( 99 ),
		);
	}

	/**
	 * @dataProvider unusable_sale_books
	 */
	public function test_unusable_sale_book_clears_the_sale_price( int $book ): void {
		$p = CatalogFixtures::priced( 250000, array( $book => 99000 ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'sale_book_id' => $book ) ) );
		self::assertSame( 250000.0, $d->regular() );
		self::assertTrue( $d->sale_known(), 'known: the stale sale price must be cleared' );
		self::assertNull( $d->sale() );
	}

	public function test_entry_marked_inactive_in_a_webhook_vetoes_the_book(): void {
		$data = CatalogFixtures::webhook_variant_child();
		$data['PriceBooks'][0]['IsActive'] = false;
		$p = KvProduct::from_array( $data );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'sale_book_id' => 77 ) ) );
		self::assertTrue( $d->sale_known() );
		self::assertNull( $d->sale() );
	}

	public function test_future_sale_book_schedules_the_sale(): void {
		$p = CatalogFixtures::priced( 250000, array( CatalogFixtures::BOOK_FUTURE => 219000 ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'sale_book_id' => CatalogFixtures::BOOK_FUTURE ) ) );
		self::assertSame( 219000.0, $d->sale() );
		self::assertSame( '2027-01-20T00:00:00+07:00', $d->sale_from()->format( DATE_ATOM ) );
	}

	public function test_product_not_in_sale_book_has_no_sale(): void {
		$p = CatalogFixtures::priced( 250000, array( CatalogFixtures::BOOK_ONLINE => 200000 ) );
		$d = PricePolicy::resolve( $p, CatalogFixtures::books(), CatalogFixtures::settings( array( 'sale_book_id' => CatalogFixtures::BOOK_PROMO ) ) );
		self::assertTrue( $d->sale_known() );
		self::assertNull( $d->sale() );
		self::assertSame( array(), $d->warnings() );
	}

	public function test_eligible_books_are_active_and_not_expired(): void {
		$ids = array_keys( PricePolicy::eligible_books( CatalogFixtures::books(), CatalogFixtures::now() ) );
		self::assertSame( array( 77, 78, 81 ), $ids );
	}

	public function test_validate_books(): void {
		$books = CatalogFixtures::books();
		$now   = CatalogFixtures::now();
		self::assertSame( array(), PricePolicy::validate_books( 0, null, $books, $now ), 'neither is mandatory' );
		self::assertSame( array(), PricePolicy::validate_books( 77, 78, $books, $now ) );
		self::assertSame( array(), PricePolicy::validate_books( 77, 0, $books, $now ) );
		self::assertSame( array( 'sale_book_id' => 'same_book' ), PricePolicy::validate_books( 77, 77, $books, $now ) );
		self::assertSame( array( 'sale_book_id' => 'same_book' ), PricePolicy::validate_books( 0, 0, $books, $now ) );
		self::assertSame( array( 'regular_book_id' => 'unavailable' ), PricePolicy::validate_books( 80, null, $books, $now ) );
		self::assertSame( array( 'regular_book_id' => 'unavailable', 'sale_book_id' => 'unavailable' ), PricePolicy::validate_books( 79, 99, $books, $now ) );
		self::assertSame( array( 'regular_book_id' => 'invalid' ), PricePolicy::validate_books( -1, null, $books, $now ) );
	}

	public function test_next_change_at_is_the_nearest_book_boundary(): void {
		$books = CatalogFixtures::books();
		$next  = PricePolicy::next_change_at( $books, CatalogFixtures::settings( array( 'regular_book_id' => 77, 'sale_book_id' => 78 ) ) );
		self::assertSame( '2026-12-01T23:59:59+07:00', $next->format( DATE_ATOM ) );
		self::assertNull( PricePolicy::next_change_at( $books, CatalogFixtures::settings() ) );
	}
}
