<?php
/**
 * Tests for RereadPlanner.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Webhooks;

use KiotVietSync\Sync\Webhooks\DeliveryParser;
use KiotVietSync\Sync\Webhooks\RereadPlanner;
use PHPUnit\Framework\TestCase;

/**
 * An unverified delivery may at most trigger bounded re-reads of the entities it names.
 */
final class RereadPlannerTest extends TestCase {

	public function test_maps_events_to_entities_and_deduplicates(): void {
		$parser = new DeliveryParser();
		$events = array_merge(
			$parser->parse( WebhookPayloads::stock_update() )->events(),
			$parser->parse( WebhookPayloads::product_update() )->events(),
			$parser->parse( WebhookPayloads::pricebookdetail_delete() )->events(),
			$parser->parse( WebhookPayloads::category_delete() )->events(),
			$parser->parse( WebhookPayloads::pricebook_update() )->events(),
			$parser->parse( WebhookPayloads::order_update() )->events(),
			$parser->parse( WebhookPayloads::bare_remove_id() )->events()
		);

		self::assertSame(
			array(
				array( 'entity' => 'product', 'id' => 31000102 ),
				array( 'entity' => 'product', 'id' => 31000103 ),
				array( 'entity' => 'category', 'id' => 901 ),
				array( 'entity' => 'category', 'id' => 902 ),
				array( 'entity' => 'pricebook', 'id' => 77 ),
				array( 'entity' => 'order', 'id' => 660101 ),
			),
			( new RereadPlanner() )->plan( $events )
		);
	}

	public function test_is_capped(): void {
		$ids    = implode( ',', range( 1, 500 ) );
		$events = ( new DeliveryParser() )->parse( '{"Id":"r-1","Notifications":[{"Action":"product.delete.1","Data":[' . $ids . ']}]}' )->events();

		self::assertCount( 20, ( new RereadPlanner() )->plan( $events ) );
		self::assertCount( 5, ( new RereadPlanner() )->plan( $events, 5 ) );
		self::assertSame( array(), ( new RereadPlanner() )->plan( $events, 0 ) );
	}
}
