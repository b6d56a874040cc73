<?php
/**
 * Tests for FreshnessGuard.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Webhooks;

use DateTimeImmutable;
use DateTimeZone;
use KiotVietSync\Sync\Webhooks\DeliveryParser;
use KiotVietSync\Sync\Webhooks\Event;
use KiotVietSync\Sync\Webhooks\FreshnessGuard;
use PHPUnit\Framework\TestCase;

/**
 * Older updates never overwrite newer ones; duplicates are skipped; undated retries are re-read.
 */
final class FreshnessGuardTest extends TestCase {

	private FreshnessGuard $guard;

	protected function setUp(): void {
		$this->guard = new FreshnessGuard();
	}

	private static function product( string $modified, int $price = 159000, int $attempt = 1 ): Event {
		$body = '{"Id":"f-1","Attempt":' . $attempt . ',"Notifications":[{"Action":"product.update.712345","Data":[{"Id":31000102,"BasePrice":' . $price . ',"ModifiedDate":"' . $modified . '"}]}]}';
		return ( new DeliveryParser() )->parse( $body )->events()[0];
	}

	private static function stock( int $on_hand, int $attempt = 1 ): Event {
		$body = '{"Id":"f-2","Attempt":' . $attempt . ',"Notifications":[{"Action":"stock.update.712345","Data":[{"ProductId":31000102,"BranchId":5001,"OnHand":' . $on_hand . ',"Reserved":0}]}]}';
		return ( new DeliveryParser() )->parse( $body )->events()[0];
	}

	private static function date_at( string $text ): DateTimeImmutable {
		return new DateTimeImmutable( $text );
	}

	public function test_first_event_for_an_entity_is_applied(): void {
		self::assertSame( FreshnessGuard::APPLY, $this->guard->decide( self::product( '2025-06-10T14:03:11.5570000+07:00' ), null, null ) );
		self::assertTrue( $this->guard->should_apply( self::stock( 5 ), null, null ) );
	}

	public function test_strictly_older_update_is_skipped(): void {
		$event = self::product( '2025-06-10T14:03:11.5570000+07:00' );

		self::assertSame( FreshnessGuard::SKIP_OLDER, $this->guard->decide( $event, self::date_at( '2025-06-10T14:03:11.558+07:00' ), 'other' ) );
		self::assertFalse( $this->guard->should_apply( $event, self::date_at( '2025-06-10T14:03:11.558+07:00' ), 'other' ) );
	}

	public function test_older_is_judged_by_instant_not_by_timezone_or_text(): void {
		// 14:03 +07:00 is 07:03 UTC: later than 07:00 UTC, earlier than 07:05 UTC.
		$event = self::product( '2025-06-10T14:03:00.0000000+07:00' );

		self::assertTrue( $this->guard->should_apply( $event, new DateTimeImmutable( '2025-06-10 07:00:00', new DateTimeZone( 'UTC' ) ), 'x' ) );
		self::assertFalse( $this->guard->should_apply( $event, new DateTimeImmutable( '2025-06-10 07:05:00', new DateTimeZone( 'UTC' ) ), 'x' ) );
	}

	public function test_offsetless_date_is_vietnam_time(): void {
		$event = self::product( '2025-06-10T14:03:00.0000000' );

		self::assertTrue( $this->guard->should_apply( $event, self::date_at( '2025-06-10T07:02:59Z' ), 'x' ) );
		self::assertFalse( $this->guard->should_apply( $event, self::date_at( '2025-06-10T07:03:01Z' ), 'x' ) );
	}

	public function test_newer_update_is_applied(): void {
		$event = self::product( '2025-06-10T14:03:11.5570000+07:00' );

		self::assertSame( FreshnessGuard::APPLY, $this->guard->decide( $event, self::date_at( '2025-06-10T14:03:11.556+07:00' ), $event->payload_hash() ) );
	}

	public function test_same_date_same_payload_is_a_duplicate(): void {
		$event = self::product( '2025-06-10T14:03:11.5570000+07:00' );

		self::assertSame( FreshnessGuard::SKIP_DUPLICATE, $this->guard->decide( $event, self::date_at( '2025-06-10T07:03:11.557Z' ), $event->payload_hash() ) );
	}

	public function test_same_date_different_payload_is_applied(): void {
		$applied = self::product( '2025-06-10T14:03:11.5570000+07:00', 159000 );
		$event   = self::product( '2025-06-10T14:03:11.5570000+07:00', 149000 );

		self::assertSame( FreshnessGuard::APPLY, $this->guard->decide( $event, $applied->modified_at(), $applied->payload_hash() ) );
	}

	public function test_dated_event_without_stored_date_is_applied_unless_identical(): void {
		$event = self::product( '2025-06-10T14:03:11.5570000+07:00' );

		self::assertSame( FreshnessGuard::APPLY, $this->guard->decide( $event, null, 'something-else' ) );
		self::assertSame( FreshnessGuard::SKIP_DUPLICATE, $this->guard->decide( $event, null, $event->payload_hash() ) );
	}

	public function test_dated_retry_is_judged_by_its_date(): void {
		$event = self::product( '2025-06-10T14:03:11.5570000+07:00', 159000, 3 );

		self::assertSame( FreshnessGuard::APPLY, $this->guard->decide( $event, self::date_at( '2025-06-10T14:00:00+07:00' ), 'x' ) );
		self::assertSame( FreshnessGuard::SKIP_OLDER, $this->guard->decide( $event, self::date_at( '2025-06-10T14:05:00+07:00' ), 'x' ) );
	}

	public function test_update_without_date_is_applied_on_first_attempt(): void {
		$event = ( new DeliveryParser() )->parse( '{"Id":"f-3","Notifications":[{"Action":"category.update.1","Data":[{"Id":901,"Name":"Áo"}]}]}' )->events()[0];

		self::assertNull( $event->modified_at() );
		self::assertSame( FreshnessGuard::APPLY, $this->guard->decide( $event, self::date_at( '2030-01-01T00:00:00+07:00' ), 'x' ) );
	}

	public function test_stock_first_attempt_applies_in_arrival_order(): void {
		$applied = self::stock( 13 );
		$later   = self::stock( 12 );

		self::assertSame( FreshnessGuard::APPLY, $this->guard->decide( $later, null, $applied->payload_hash() ) );
	}

	public function test_stock_with_same_payload_is_a_duplicate(): void {
		$applied = self::stock( 13 );

		self::assertSame( FreshnessGuard::SKIP_DUPLICATE, $this->guard->decide( self::stock( 13 ), null, $applied->payload_hash() ) );
		self::assertSame( FreshnessGuard::SKIP_DUPLICATE, $this->guard->decide( self::stock( 13, 2 ), null, $applied->payload_hash() ) );
	}

	public function test_stock_retry_with_different_values_is_re_read_not_applied(): void {
		$applied = self::stock( 12 );
		$retry   = self::stock( 13, 2 );

		self::assertSame( FreshnessGuard::REREAD, $this->guard->decide( $retry, null, $applied->payload_hash() ) );
		self::assertFalse( $this->guard->should_apply( $retry, null, $applied->payload_hash() ) );
		self::assertSame( FreshnessGuard::REREAD, $this->guard->decide( $retry, null, null ) );
	}

	public function test_pricebookdetail_retry_is_re_read(): void {
		$event = ( new DeliveryParser() )->parse( '{"Id":"f-4","Attempt":2,"Notifications":[{"Action":"pricebookdetail.update.1","Data":[{"PriceBookId":77,"ProductId":1,"Price":139000}]}]}' )->events()[0];

		self::assertSame( FreshnessGuard::REREAD, $this->guard->decide( $event, null, null ) );
	}

	public function test_deletes_apply_even_on_retry_and_skip_when_already_applied(): void {
		$events = ( new DeliveryParser() )->parse( WebhookPayloads::product_delete() )->events();
		$delete = $events[0];

		self::assertSame( 2, $delete->attempt() );
		self::assertSame( FreshnessGuard::APPLY, $this->guard->decide( $delete, self::date_at( '2030-01-01T00:00:00Z' ), 'x' ) );
		self::assertSame( FreshnessGuard::SKIP_DUPLICATE, $this->guard->decide( $delete, null, $delete->payload_hash() ) );
	}
}
