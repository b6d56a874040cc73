<?php
/**
 * Tests for SubscriptionPlanner and WebhookUrl.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Webhooks;

use KiotVietSync\Sync\Webhooks\SubscriptionPlan;
use KiotVietSync\Sync\Webhooks\SubscriptionPlanner;
use KiotVietSync\Sync\Webhooks\WebhookType;
use KiotVietSync\Sync\Webhooks\WebhookUrl;
use PHPUnit\Framework\TestCase;

/**
 * Only this site's subscriptions are ever deleted; other integrations are reported, not touched.
 */
final class SubscriptionPlannerTest extends TestCase {

	private const OURS  = 'https://shop.example.test/wp-json/kiotviet-sync/v1/ab12cd34ef/webhook/?noecho';
	private const OTHER = 'https://mykiot.example.vn/hooks/kiotviet';

	private SubscriptionPlanner $planner;

	protected function setUp(): void {
		$this->planner = new SubscriptionPlanner();
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function sub( int $id, string $type, string $url, bool $active = true ): array {
		return array(
			'id'          => $id,
			'type'        => $type,
			'url'         => $url,
			'isActive'    => $active,
			'description' => 'Webhook',
			'retailerId'  => 712345,
		);
	}

	public function test_wanted_types_are_the_ten_of_issue_6(): void {
		self::assertSame(
			array( 'product.update', 'product.delete', 'stock.update', 'pricebook.update', 'pricebook.delete', 'pricebookdetail.update', 'pricebookdetail.delete', 'category.update', 'category.delete', 'order.update' ),
			WebhookType::WANTED
		);
	}

	public function test_nothing_registered_creates_every_wanted_type(): void {
		$plan = $this->planner->plan( array(), self::OURS );

		self::assertSame( WebhookType::WANTED, $plan->create() );
		self::assertSame( array(), $plan->delete() );
		self::assertSame( array(), $plan->keep() );
		self::assertSame( array(), $plan->conflicts() );
		self::assertSame( array_fill_keys( WebhookType::WANTED, SubscriptionPlan::STATE_MISSING ), $plan->states() );
		self::assertTrue( $plan->has_changes() );
	}

	public function test_all_active_and_ours_is_kept_without_changes(): void {
		$existing = array();
		foreach ( WebhookType::WANTED as $i => $type ) {
			$existing[] = self::sub( 120000 + $i, $type, self::OURS );
		}

		$plan = $this->planner->plan( $existing, self::OURS );

		self::assertSame( array(), $plan->create() );
		self::assertSame( array(), $plan->delete() );
		self::assertCount( 10, $plan->keep() );
		self::assertFalse( $plan->has_changes() );
		self::assertSame( array_fill_keys( WebhookType::WANTED, SubscriptionPlan::STATE_ACTIVE ), $plan->states() );
	}

	public function test_another_integration_is_never_deleted_and_is_reported(): void {
		$existing = array(
			self::sub( 900, 'product.update', self::OTHER ),
			self::sub( 901, 'order.update', self::OTHER, false ),
			self::sub( 902, 'customer.update', self::OTHER ),
			self::sub( 903, 'stock.update', 'https://shop.example.test/wp-json/kiotviet-sync/v1/OTHERKEY/webhook/?noecho' ),
		);

		$plan = $this->planner->plan( $existing, self::OURS );

		self::assertSame( array(), $plan->delete() );
		self::assertNotContains( 'product.update', $plan->create() );
		self::assertNotContains( 'order.update', $plan->create() );
		self::assertNotContains( 'stock.update', $plan->create() );
		self::assertContains( 'product.delete', $plan->create() );
		self::assertCount( 7, $plan->create() );
		self::assertSame(
			array(
				array( 'type' => 'product.update', 'id' => 900, 'url' => self::OTHER, 'is_active' => true ),
				array( 'type' => 'stock.update', 'id' => 903, 'url' => 'https://shop.example.test/wp-json/kiotviet-sync/v1/OTHERKEY/webhook/?noecho', 'is_active' => true ),
				array( 'type' => 'order.update', 'id' => 901, 'url' => self::OTHER, 'is_active' => false ),
			),
			$plan->conflicts()
		);
		self::assertSame( SubscriptionPlan::STATE_CONFLICT, $plan->states()['product.update'] );
		self::assertSame( SubscriptionPlan::STATE_CONFLICT, $plan->states()['order.update'] );
		self::assertSame( SubscriptionPlan::STATE_MISSING, $plan->states()['product.delete'] );
	}

	public function test_inactive_ours_is_deleted_and_recreated(): void {
		$plan = $this->planner->plan( array( self::sub( 120045, 'stock.update', self::OURS, false ) ), self::OURS );

		self::assertSame( array( 120045 ), $plan->delete() );
		self::assertContains( 'stock.update', $plan->create() );
		self::assertSame( SubscriptionPlan::STATE_INACTIVE, $plan->states()['stock.update'] );
	}

	public function test_duplicates_of_ours_keep_the_lowest_active_id(): void {
		$existing = array(
			self::sub( 130, 'stock.update', self::OURS ),
			self::sub( 120, 'stock.update', self::OURS, false ),
			self::sub( 125, 'stock.update', self::OURS ),
		);

		$plan = $this->planner->plan( $existing, self::OURS );

		self::assertSame( array( 125 ), $plan->keep() );
		self::assertSame( array( 120, 130 ), $plan->delete() );
		self::assertNotContains( 'stock.update', $plan->create() );
	}

	public function test_ours_for_types_no_longer_wanted_is_deleted(): void {
		$existing = array(
			self::sub( 10, 'customer.update', self::OURS ),
			self::sub( 11, 'invoice.update', self::OURS, false ),
			self::sub( 12, 'customer.update', self::OTHER ),
		);

		$plan = $this->planner->plan( $existing, self::OURS );

		self::assertSame( array( 10, 11 ), $plan->delete() );
		self::assertSame( array(), $plan->conflicts() );
	}

	public function test_recreate_deletes_all_ours_and_registers_again_but_not_over_others(): void {
		$existing = array(
			self::sub( 1, 'product.update', self::OURS ),
			self::sub( 2, 'stock.update', self::OURS, false ),
			self::sub( 3, 'order.update', self::OTHER ),
		);

		$plan = $this->planner->plan( $existing, self::OURS, true );

		self::assertSame( array( 1, 2 ), $plan->delete() );
		self::assertSame( array(), $plan->keep() );
		self::assertContains( 'product.update', $plan->create() );
		self::assertContains( 'stock.update', $plan->create() );
		self::assertNotContains( 'order.update', $plan->create() );
		self::assertCount( 9, $plan->create() );
		self::assertSame( SubscriptionPlan::STATE_ACTIVE, $plan->states()['product.update'] );
	}

	public function test_url_variations_of_ours_count_as_ours(): void {
		$variants = array(
			'HTTPS://Shop.Example.Test/wp-json/kiotviet-sync/v1/ab12cd34ef/webhook/?noecho',
			'https://shop.example.test/wp-json/kiotviet-sync/v1/ab12cd34ef/webhook?noecho',
			'https://shop.example.test:443/wp-json/kiotviet-sync/v1/ab12cd34ef/webhook/?noecho',
			'https://shop.example.test/wp-json/kiotviet-sync/v1/ab12cd34ef/webhook/?noecho#frag',
		);
		foreach ( $variants as $i => $url ) {
			$plan = $this->planner->plan( array( self::sub( 50 + $i, 'stock.update', $url ) ), self::OURS );
			self::assertSame( array( 50 + $i ), $plan->keep(), $url );
			self::assertSame( array(), $plan->conflicts(), $url );
		}
	}

	public function test_query_order_does_not_matter_but_path_case_and_scheme_do(): void {
		self::assertTrue( WebhookUrl::same( 'https://a.test/hook?b=2&a=1', 'https://A.test/hook/?a=1&b=2' ) );
		self::assertFalse( WebhookUrl::same( 'https://a.test/Hook', 'https://a.test/hook' ) );
		self::assertFalse( WebhookUrl::same( 'http://a.test/hook', 'https://a.test/hook' ) );
		self::assertFalse( WebhookUrl::same( 'https://a.test/hook', 'https://a.test.evil.test/hook' ) );
		self::assertFalse( WebhookUrl::same( 'https://a.test/hook', 'https://a.test/hook?x=1' ) );
		self::assertFalse( WebhookUrl::same( 'https://a.test:8443/hook', 'https://a.test/hook' ) );
		self::assertFalse( WebhookUrl::same( '', '' ) );
		self::assertFalse( WebhookUrl::same( 'not a url', 'not a url' ) );
		self::assertFalse( WebhookUrl::same( 'ftp://a.test/hook', 'ftp://a.test/hook' ) );
		self::assertSame( 'http://127.0.0.1:5480/wp-json/x?noecho', WebhookUrl::normalise( 'http://127.0.0.1:5480/wp-json/x/?noecho' ) );
	}

	public function test_url_that_merely_contains_ours_is_not_ours(): void {
		$existing = array(
			self::sub( 60, 'stock.update', self::OURS . '&extra=1' ),
			self::sub( 61, 'product.update', 'https://evil.test/?u=' . rawurlencode( self::OURS ) ),
		);

		$plan = $this->planner->plan( $existing, self::OURS );

		self::assertSame( array(), $plan->delete() );
		self::assertCount( 2, $plan->conflicts() );
	}

	public function test_previous_urls_of_this_site_count_as_ours(): void {
		$old      = 'http://shop.example.test/wp-json/kiotviet-sync/v1/oldkey/webhook/?noecho';
		$existing = array( self::sub( 70, 'stock.update', $old ) );

		$plan = $this->planner->plan( $existing, self::OURS, true, array( $old ) );

		self::assertSame( array( 70 ), $plan->delete() );
		self::assertContains( 'stock.update', $plan->create() );
		self::assertSame( array(), $plan->conflicts() );
	}

	public function test_case_and_shape_variations_of_entries(): void {
		$existing = array(
			array( 'Id' => 80, 'Type' => 'Stock.Update', 'Url' => self::OURS, 'IsActive' => true ),
			array( 'id' => '81', 'type' => 'product.update', 'url' => self::OURS ),
			array( 'id' => 82, 'type' => 'order.update', 'url' => self::OURS, 'isActive' => 'false' ),
			array( 'type' => 'category.update', 'url' => self::OURS ),
			array( 'id' => 84 ),
			'garbage',
			null,
			array( 'id' => 85, 'type' => array( 'x' ), 'url' => self::OURS ),
			array( 'id' => 86, 'type' => 'category.delete', 'url' => 42 ),
		);

		$plan = $this->planner->plan( $existing, self::OURS );

		self::assertSame( array( 81, 80 ), $plan->keep() ); // In WANTED order: product.update, stock.update.
		self::assertSame( array( 82 ), $plan->delete() );
		self::assertContains( 'order.update', $plan->create() );
		self::assertContains( 'category.update', $plan->create() );
		self::assertContains( 'category.delete', $plan->create() );
		self::assertSame( array(), $plan->conflicts() );
	}

	public function test_custom_wanted_list(): void {
		$plan = ( new SubscriptionPlanner( array( 'stock.update', 'STOCK.UPDATE', '' ) ) )->plan( array( self::sub( 1, 'product.update', self::OURS ) ), self::OURS );

		self::assertSame( array( 'stock.update' ), $plan->create() );
		self::assertSame( array( 1 ), $plan->delete() );
	}
}
