<?php
/**
 * Inbox processing, freshness, coalescing, unverified deliveries, and the event handler.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Webhooks;

use KiotVietSync\Support\SecretBox;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Tests\Unit\Fakes\FakeClock;
use KiotVietSync\Tests\Unit\Fakes\InMemorySettingsStore;
use KiotVietSync\Webhooks\EventHandler;
use KiotVietSync\Webhooks\InboxProcessor;
use KiotVietSync\Webhooks\LiveSettings;
use KiotVietSync\Webhooks\Storage\InboxStore;
use KiotVietSync\Webhooks\WebhookOptions;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Fakes.php';

final class InboxProcessorTest extends TestCase {

	private MemoryInbox $inbox;
	private MemoryAppliedState $state;
	private FakeGateway $gateway;
	private FakeReader $reader;
	private RecordingLog $log;
	private WebhookOptions $options;
	/** @var list<array<mixed>> */
	private array $orders = array();
	private int $reprices = 0;
	private string $stock_mode = CatalogSettings::STOCK_BRANCH;
	private bool $auto_add = false;
	/** @var list<string> */
	private array $locks = array();

	protected function setUp(): void {
		$this->inbox   = new MemoryInbox();
		$this->state   = new MemoryAppliedState();
		$this->gateway = new FakeGateway();
		$this->reader  = new FakeReader();
		$this->log     = new RecordingLog();
		$this->options = new WebhookOptions( new InMemorySettingsStore(), new SecretBox( str_repeat( 'k', 32 ) ) );
		$this->gateway->products[31000102] = array(
			'woo_id'        => 55,
			'type'          => 'simple',
			'locked_fields' => array(),
		);
	}

	private function handler(): EventHandler {
		$settings = new CatalogSettings( 5001, $this->stock_mode, 77, 78, false, $this->locks, 'kg', new \DateTimeImmutable( '2026-11-29T08:00:00+00:00' ) );
		return new EventHandler(
			$this->gateway,
			$this->reader,
			new LiveSettings( $settings, $this->auto_add ),
			function ( array $item, $event ): void {
				$this->orders[] = $item;
			},
			function (): void {
				++$this->reprices;
			}
		);
	}

	private function processor(): InboxProcessor {
		return new InboxProcessor( $this->inbox, $this->state, fn (): EventHandler => $this->handler(), $this->log, new FakeClock(), $this->options );
	}

	/**
	 * @param array<mixed> $items
	 */
	private function add( string $id, string $type, array $items, bool $verified = true, int $attempt = 1 ): void {
		$body = (string) json_encode(
			array(
				'Id'            => $id,
				'Attempt'       => $attempt,
				'Notifications' => array(
					array(
						'Action' => $type . '.712345',
						'Data'   => $items,
					),
				),
			)
		);
		$this->inbox->insert(
			array(
				'delivery_id'  => $verified ? $id : 'u:' . $id,
				'received_at'  => '2026-11-29 08:00:00',
				'attempt'      => $attempt,
				'verified'     => $verified,
				'verification' => $verified ? 'ok' : 'mismatch',
				'state'        => InboxStore::STATE_RECEIVED,
				'body'         => $body,
				'body_bytes'   => strlen( $body ),
				'events'       => count( $items ),
				'error'        => null,
			)
		);
	}

	/** @return array<mixed> */
	private static function stock( int $on_hand, int $branch = 5001, int $product = 31000102 ): array {
		return array(
			'ProductId' => $product,
			'BranchId'  => $branch,
			'OnHand'    => $on_hand,
			'Reserved'  => 3,
		);
	}

	public function test_stock_at_the_sync_branch_is_written_other_branches_skipped(): void {
		$this->add( 'a', 'stock.update', array( self::stock( 13 ), self::stock( 40, 5002 ), self::stock( 5, 5001, 999 ) ) );
		$totals = $this->processor()->process_pending();
		self::assertSame( 1, $totals['applied'] );
		self::assertSame( 2, $totals['skipped'] );
		self::assertCount( 1, $this->gateway->writes );
		self::assertSame( 55, $this->gateway->writes[0][0] );
		self::assertSame( 10, $this->gateway->writes[0][1]['stock_quantity'] );
		self::assertSame( InboxStore::STATE_PROCESSED, $this->inbox->rows[1]['state'] );
		self::assertSame( array(), $this->reader->product_calls, 'no KiotViet call for a stock event' );
		$results = array_column( $this->log->rows, 'result' );
		self::assertSame( array( 'ok', 'skipped', 'skipped' ), $results );
		self::assertSame( 'webhook', $this->log->rows[0]['channel'] );
	}

	public function test_the_stock_lock_holds(): void {
		$this->locks = array( 'stock' );
		$this->add( 'a', 'stock.update', array( self::stock( 13 ) ) );
		$this->processor()->process_pending();
		self::assertSame( array(), $this->gateway->writes );
		self::assertSame( 'stock_locked', $this->log->rows[0]['context']['reason'] );
	}

	public function test_same_payload_twice_applies_once_and_batches_coalesce(): void {
		$this->add( 'a', 'stock.update', array( self::stock( 13 ) ) );
		$this->processor()->process_pending();
		$this->add( 'b', 'stock.update', array( self::stock( 13 ) ) );
		$this->processor()->process_pending();
		self::assertCount( 1, $this->gateway->writes );

		$this->add( 'c', 'stock.update', array( self::stock( 20 ) ) );
		$this->add( 'd', 'stock.update', array( self::stock( 21 ) ) );
		$this->processor()->process_pending();
		self::assertCount( 2, $this->gateway->writes );
		self::assertSame( 18, $this->gateway->writes[1][1]['stock_quantity'], 'last arrival wins' );
	}

	public function test_retried_stock_event_is_re_read_instead_of_trusted(): void {
		$this->reader->products[31000102] = array(
			'id'          => 31000102,
			'inventories' => array(
				array(
					'branchId' => 5001,
					'onHand'   => 2,
					'reserved' => 0,
				),
			),
		);
		$this->add( 'a', 'stock.update', array( self::stock( 99 ) ), true, 2 );
		$this->processor()->process_pending();
		self::assertSame( array( 31000102 ), $this->reader->product_calls );
		self::assertSame( array( array( 31000102 ) ), $this->gateway->imports );
	}

	public function test_older_dated_update_is_skipped(): void {
		$this->reader->products[31000102] = array( 'id' => 31000102 );
		$this->add( 'a', 'product.update', array( array( 'Id' => 31000102, 'ModifiedDate' => '2026-11-29T10:00:00.0000000+07:00' ) ) );
		$this->processor()->process_pending();
		$this->add( 'b', 'product.update', array( array( 'Id' => 31000102, 'ModifiedDate' => '2026-11-29T09:00:00.0000000+07:00' ) ) );
		$this->processor()->process_pending();
		self::assertCount( 1, $this->gateway->imports );
		self::assertSame( 'older', end( $this->log->rows )['context']['reason'] );

		// Reordered inside one batch: the newer one is applied, the older recorded.
		$this->add( 'c', 'product.update', array( array( 'Id' => 31000102, 'ModifiedDate' => '2026-11-29T12:00:00.0000000+07:00' ) ) );
		$this->add( 'd', 'product.update', array( array( 'Id' => 31000102, 'ModifiedDate' => '2026-11-29T11:00:00.0000000+07:00' ) ) );
		$this->processor()->process_pending();
		self::assertCount( 2, $this->gateway->imports );
	}

	public function test_unverified_delivery_only_re_reads_capped_and_rate_limited(): void {
		$items = array();
		for ( $i = 1; $i <= 30; $i++ ) {
			$items[] = self::stock( 0, 5001, 31000000 + $i );
			$this->gateway->products[ 31000000 + $i ] = array(
				'woo_id'        => 1000 + $i,
				'type'          => 'simple',
				'locked_fields' => array(),
			);
			$this->reader->products[ 31000000 + $i ] = array( 'id' => 31000000 + $i );
		}
		$this->add( 'forged', 'stock.update', $items, false );
		$this->processor()->process_pending();
		self::assertSame( array(), $this->gateway->writes, 'never applied' );
		self::assertCount( InboxProcessor::REREADS_PER_DELIVERY, $this->reader->product_calls, 'capped per delivery' );
		self::assertSame( InboxStore::STATE_IGNORED, $this->inbox->rows[1]['state'] );
		self::assertSame( 'error', $this->log->rows[0]['result'] );

		// The hourly allowance runs out.
		for ( $n = 0; $n < 15; $n++ ) {
			$this->add( 'forged-' . $n, 'stock.update', $items, false );
		}
		$this->processor()->process_pending( 100 );
		self::assertSame( InboxProcessor::REREADS_PER_HOUR, count( $this->reader->product_calls ), 'hourly allowance' );
	}

	public function test_unmapped_product_update_makes_no_call_unless_auto_add(): void {
		$this->add( 'a', 'product.update', array( array( 'Id' => 777, 'ModifiedDate' => '2026-11-29T10:00:00.0000000+07:00' ) ) );
		$this->processor()->process_pending();
		self::assertSame( array(), $this->reader->product_calls );

		$this->auto_add                = true;
		$this->reader->products[778] = array( 'id' => 778 );
		$this->add( 'b', 'product.update', array( array( 'Id' => 778, 'ModifiedDate' => '2026-11-29T10:00:00.0000000+07:00' ) ) );
		$this->processor()->process_pending();
		self::assertSame( array( 778 ), $this->reader->product_calls );
		self::assertSame( array( array( 778 ) ), $this->gateway->imports );
	}

	public function test_delete_drafts_order_update_fires_book_change_schedules_reprice(): void {
		$this->add( 'a', 'product.delete', array( 31000102 ) );
		$this->add( 'b', 'order.update', array( array( 'Id' => 660101, 'Code' => 'DH000512' ) ) );
		$this->add( 'c', 'pricebook.update', array( array( 'Id' => 77, 'IsActive' => false ) ) );
		$this->add( 'd', 'pricebook.update', array( array( 'Id' => 12, 'IsActive' => false ) ) );
		$this->processor()->process_pending();
		self::assertSame( array( 55 ), $this->gateway->unpublished );
		self::assertSame( 'DH000512', $this->orders[0]['Code'] );
		self::assertSame( 1, $this->reprices );
	}

	public function test_category_update_and_delete(): void {
		$this->gateway->categories[901] = 15;
		$this->add( 'a', 'category.update', array( array( 'Id' => 901, 'Name' => 'Áo thun mới', 'ParentId' => 900 ) ) );
		$this->add( 'b', 'category.delete', array( 901 ) );
		$this->processor()->process_pending();
		self::assertSame( 'Áo thun mới', $this->gateway->category_updates[0]->name() );
		self::assertArrayNotHasKey( 901, $this->gateway->categories );
	}

	public function test_all_branches_mode_re_reads_the_product(): void {
		$this->stock_mode                 = CatalogSettings::STOCK_ALL_BRANCHES;
		$this->reader->products[31000102] = array( 'id' => 31000102 );
		$this->add( 'a', 'stock.update', array( self::stock( 13, 5002 ) ) );
		$this->processor()->process_pending();
		self::assertSame( array( 31000102 ), $this->reader->product_calls );
	}

	public function test_a_failing_write_marks_the_row_failed_and_the_rest_continues(): void {
		$processor = new InboxProcessor(
			$this->inbox,
			$this->state,
			function (): EventHandler {
				throw new \RuntimeException( 'not connected' );
			},
			$this->log,
			new FakeClock(),
			$this->options
		);
		$this->add( 'a', 'stock.update', array( self::stock( 13 ) ) );
		$totals = $processor->process_pending();
		self::assertSame( 1, $totals['rejected'] );
		self::assertSame( InboxStore::STATE_FAILED, $this->inbox->rows[1]['state'] );
		self::assertStringContainsString( 'not connected', (string) $this->inbox->rows[1]['error'] );
		self::assertSame( array(), $this->state->rows, 'a failure is not remembered as applied' );
	}
}
