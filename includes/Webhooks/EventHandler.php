<?php
/**
 * Applies webhook events.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\Decimal;
use KiotVietSync\Sync\Catalog\FieldLocks;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\PricePolicy;
use KiotVietSync\Sync\Catalog\ProductPlanner;
use KiotVietSync\Sync\Catalog\StockPolicy;
use KiotVietSync\Sync\Catalog\WooProductSpec;
use KiotVietSync\Sync\Webhooks\Event;
use KiotVietSync\Sync\Webhooks\RereadPlanner;
use KiotVietSync\Sync\Webhooks\WebhookType;

/**
 * Dispatches one verified, fresh event by type:
 * - stock.update → stock of the mapped product at the connection branch (all-branches mode: re-read the
 *   product, a webhook names one branch only), stock lock honoured;
 * - product.update → re-read GET /products/{id} and import it through the writer (unmapped products only
 *   when auto_add_new_products is on);
 * - product.delete → the Woo product goes to draft (never deleted);
 * - category.update → rename/re-parent the mapped term; category.delete → unmap, the term stays;
 * - pricebook.* of a chosen book → every mapped product is re-priced (scheduled);
 *   pricebookdetail.* → that product is re-read and re-priced;
 * - order.update → the `kiotviet_sync_webhook_order_update` action (orders feature).
 */
final class EventHandler {

	/**
	 * Writer port.
	 *
	 * @var CatalogGateway
	 */
	private CatalogGateway $gateway;

	/**
	 * KiotViet reads.
	 *
	 * @var KiotVietReader
	 */
	private KiotVietReader $reader;

	/**
	 * Settings snapshot.
	 *
	 * @var LiveSettings
	 */
	private LiveSettings $settings;

	/**
	 * order.update listener: fn(array $item, Event $event): void.
	 *
	 * @var callable
	 */
	private $on_order;

	/**
	 * Schedules a re-price of every mapped product: fn(): void.
	 *
	 * @var callable
	 */
	private $schedule_reprice;

	/**
	 * Price books, loaded once per run.
	 *
	 * @var array<int, KvPriceBook>|null
	 */
	private ?array $books = null;

	/**
	 * Creates the handler.
	 *
	 * @param CatalogGateway $gateway          Writer port.
	 * @param KiotVietReader $reader           KiotViet reads.
	 * @param LiveSettings   $settings         Settings.
	 * @param callable       $on_order         fn(array $item, Event $event): void.
	 * @param callable       $schedule_reprice fn(): void.
	 */
	public function __construct( CatalogGateway $gateway, KiotVietReader $reader, LiveSettings $settings, callable $on_order, callable $schedule_reprice ) {
		$this->gateway          = $gateway;
		$this->reader           = $reader;
		$this->settings         = $settings;
		$this->on_order         = $on_order;
		$this->schedule_reprice = $schedule_reprice;
	}

	/**
	 * Applies one event.
	 *
	 * @param Event $event Event.
	 */
	public function apply( Event $event ): HandlerResult {
		switch ( $event->type() ) {
			case WebhookType::STOCK_UPDATE:
				return $this->stock( $event );
			case WebhookType::PRODUCT_UPDATE:
			case WebhookType::PRICEBOOKDETAIL_UPDATE:
			case WebhookType::PRICEBOOKDETAIL_DELETE:
				return $this->reread_product( $event->kiotviet_id() );
			case WebhookType::PRODUCT_DELETE:
				return $this->product_delete( $event->kiotviet_id() );
			case WebhookType::CATEGORY_UPDATE:
				return $this->category_update( KvCategory::from_array( $event->payload() ) );
			case WebhookType::CATEGORY_DELETE:
				return $this->category_delete( $event->kiotviet_id() );
			case WebhookType::PRICEBOOK_UPDATE:
			case WebhookType::PRICEBOOK_DELETE:
				return $this->price_book( $event->kiotviet_id() );
			case WebhookType::ORDER_UPDATE:
				( $this->on_order )( $event->payload(), $event );
				return HandlerResult::applied( 'order_hook', sprintf( 'Order %d handed to the orders feature.', $event->kiotviet_id() ) );
		}
		return HandlerResult::skipped( 'unsupported', sprintf( 'Event type %s is not handled.', $event->type() ) );
	}

	/**
	 * Re-reads an entity from KiotViet instead of trusting a payload (unverified delivery, retried undated event).
	 *
	 * @param string $entity RereadPlanner::ENTITY_*.
	 * @param int    $id     Id.
	 */
	public function reread( string $entity, int $id ): HandlerResult {
		if ( RereadPlanner::ENTITY_PRODUCT === $entity ) {
			return $this->reread_product( $id );
		}
		if ( RereadPlanner::ENTITY_CATEGORY === $entity ) {
			if ( null === $this->gateway->category_term( $id ) ) {
				return HandlerResult::skipped( 'unmapped', sprintf( 'Category %d is not synced.', $id ) );
			}
			$data = $this->reader->category( $id );
			if ( null === $data ) {
				return $this->category_delete( $id );
			}
			return $this->category_update( KvCategory::from_array( $data ) );
		}
		if ( RereadPlanner::ENTITY_PRICEBOOK === $entity ) {
			return $this->price_book( $id );
		}
		return HandlerResult::skipped( 'no_reread', sprintf( 'A %s cannot be re-read by live sync.', $entity ) );
	}

	/**
	 * stock.update.
	 *
	 * @param Event $event Event.
	 */
	private function stock( Event $event ): HandlerResult {
		$kv_id  = $event->kiotviet_id();
		$target = $this->gateway->product_target( $kv_id );
		if ( null === $target ) {
			return HandlerResult::skipped( 'unmapped', sprintf( 'Product %d is not synced.', $kv_id ) );
		}
		$catalog = $this->settings->catalog();
		if ( CatalogSettings::STOCK_ALL_BRANCHES === $catalog->stock_mode() ) {
			// One branch per webhook: the sum over branches needs the product's other rows.
			return $this->reread_product( $kv_id );
		}
		if ( null === $event->branch_id() || $event->branch_id() !== $catalog->stock_branch_id() ) {
			return HandlerResult::skipped( 'other_branch', sprintf( 'Stock of product %d changed at branch %s, not the sync branch.', $kv_id, (string) $event->branch_id() ), $target['woo_id'] );
		}
		$product = KvProduct::from_array(
			array(
				'id'          => $kv_id,
				'inventories' => array(
					array(
						'branchId' => $event->branch_id(),
						'onHand'   => $event->get( 'OnHand' ),
						'reserved' => $event->get( 'Reserved' ),
					),
				),
			)
		);
		$via_writer = $this->gateway->writer_stock( $kv_id, StockPolicy::quantity_from_inventories( $product->inventories(), $catalog ), $catalog );
		if ( null !== $via_writer ) {
			return $via_writer
				? HandlerResult::applied( 'stock', sprintf( 'Stock of product %d updated from KiotViet.', $kv_id ), $target['woo_id'] )
				: HandlerResult::skipped( 'unchanged', sprintf( 'Stock of product %d unchanged (same value or locked).', $kv_id ), $target['woo_id'] );
		}
		$type = WooProductSpec::TYPE_VARIATION === $target['type'] ? WooProductSpec::TYPE_VARIATION : WooProductSpec::TYPE_SIMPLE;
		$spec = ProductPlanner::stock_spec( $product, $type, $catalog );
		$spec = FieldLocks::apply( $spec, $catalog->locked_fields(), $target['locked_fields'], false );
		if ( ! $spec->has( WooProductSpec::STOCK_QUANTITY ) ) {
			return HandlerResult::skipped( 'stock_locked', sprintf( 'Stock of product %d is locked or unknown.', $kv_id ), $target['woo_id'] );
		}
		$changed = $this->gateway->write_fields( $target['woo_id'], $spec );
		return $changed
			? HandlerResult::applied( 'stock', sprintf( 'Stock of product %d set to %d.', $kv_id, (int) $spec->get( WooProductSpec::STOCK_QUANTITY ) ), $target['woo_id'] )
			: HandlerResult::skipped( 'unchanged', sprintf( 'Stock of product %d already %d.', $kv_id, (int) $spec->get( WooProductSpec::STOCK_QUANTITY ) ), $target['woo_id'] );
	}

	/**
	 * Re-reads a product and applies it through the writer.
	 *
	 * @param int $kv_id Product id.
	 */
	public function reread_product( int $kv_id ): HandlerResult {
		$target = $this->gateway->product_target( $kv_id );
		if ( null === $target && ! $this->settings->auto_add_new_products() ) {
			return HandlerResult::skipped( 'unmapped', sprintf( 'Product %d is not synced and new products are not added automatically.', $kv_id ) );
		}
		$data = $this->reader->product( $kv_id );
		if ( null === $data ) {
			return null === $target
				? HandlerResult::skipped( 'not_found', sprintf( 'Product %d no longer exists in KiotViet.', $kv_id ) )
				: $this->product_delete( $kv_id );
		}
		return $this->apply_products( array( KvProduct::from_array( $data ) ), null === $target ? null : $target['woo_id'] );
	}

	/**
	 * Applies a product read from a list page (reconciliation): mapped, or new when auto-add is on.
	 *
	 * @param KvProduct $product Product.
	 */
	public function reread_product_from( KvProduct $product ): HandlerResult {
		$target = $this->gateway->product_target( $product->id() );
		if ( null === $target && ! $this->settings->auto_add_new_products() ) {
			return HandlerResult::skipped( 'unmapped', sprintf( 'Product %d is not synced.', $product->id() ) );
		}
		return $this->apply_products( array( $product ), null === $target ? null : $target['woo_id'] );
	}

	/**
	 * Applies fresh products (from the API) through the writer.
	 *
	 * @param list<KvProduct> $products Products.
	 * @param int|null        $woo_id   Woo id for the history, when one product.
	 */
	public function apply_products( array $products, ?int $woo_id = null ): HandlerResult {
		$result = $this->gateway->import_products( $products, $this->books(), $this->settings->catalog() );
		$ids    = implode( ', ', array_map( static fn ( KvProduct $p ): string => (string) $p->id(), $products ) );
		if ( $result['failed'] > 0 ) {
			return new HandlerResult( HandlerResult::REJECTED, 'write_failed', sprintf( 'Product %s could not be written: %s', $ids, implode( '; ', $result['messages'] ) ), $woo_id );
		}
		if ( $result['created'] + $result['updated'] > 0 ) {
			return HandlerResult::applied( $result['created'] > 0 ? 'created' : 'updated', sprintf( 'Product %s updated from KiotViet.', $ids ), $woo_id );
		}
		return HandlerResult::skipped( 'unchanged', sprintf( 'Product %s: nothing to change. %s', $ids, implode( '; ', $result['messages'] ) ), $woo_id );
	}

	/**
	 * Price fields of a product from the current books (used by the re-price run when no writer import is wanted).
	 *
	 * @param KvProduct $product Product.
	 * @param string    $type    Spec type.
	 */
	public function price_spec( KvProduct $product, string $type ): WooProductSpec {
		$fields   = array(
			WooProductSpec::TYPE  => $type,
			WooProductSpec::KV_ID => $product->id(),
		);
		$decision = PricePolicy::resolve( $product, $this->books(), $this->settings->catalog() );
		if ( null !== $decision->regular() ) {
			$fields[ WooProductSpec::REGULAR_PRICE ] = Decimal::format( $decision->regular() );
		}
		if ( $decision->sale_known() ) {
			$fields[ WooProductSpec::SALE_PRICE ]        = null === $decision->sale() ? '' : Decimal::format( $decision->sale() );
			$fields[ WooProductSpec::DATE_ON_SALE_FROM ] = $decision->sale_from();
			$fields[ WooProductSpec::DATE_ON_SALE_TO ]   = $decision->sale_to();
		}
		return new WooProductSpec( $fields );
	}

	/**
	 * Stock of a mapped product from inventory rows (GET /productOnHands item), every branch present.
	 *
	 * @param int          $kv_id       Product id.
	 * @param array<mixed> $inventories Raw inventory rows.
	 */
	public function stock_from_rows( int $kv_id, array $inventories ): HandlerResult {
		$target = $this->gateway->product_target( $kv_id );
		if ( null === $target || WooProductSpec::TYPE_VARIABLE === $target['type'] ) {
			return HandlerResult::skipped( 'unmapped', sprintf( 'Product %d is not synced.', $kv_id ) );
		}
		$catalog = $this->settings->catalog();
		$product = KvProduct::from_array(
			array(
				'id'          => $kv_id,
				'inventories' => $inventories,
			)
		);
		$spec    = ProductPlanner::stock_spec( $product, $target['type'], $catalog );
		$spec    = FieldLocks::apply( $spec, $catalog->locked_fields(), $target['locked_fields'], false );
		if ( ! $spec->has( WooProductSpec::STOCK_QUANTITY ) ) {
			return HandlerResult::skipped( 'stock_locked', sprintf( 'Stock of product %d is locked or unknown.', $kv_id ), $target['woo_id'] );
		}
		return $this->gateway->write_fields( $target['woo_id'], $spec )
			? HandlerResult::applied( 'stock', sprintf( 'Stock of product %d repaired to %d.', $kv_id, (int) $spec->get( WooProductSpec::STOCK_QUANTITY ) ), $target['woo_id'] )
			: HandlerResult::skipped( 'unchanged', sprintf( 'Stock of product %d already right.', $kv_id ), $target['woo_id'] );
	}

	/**
	 * product.delete.
	 *
	 * @param int $kv_id Product id.
	 */
	public function product_delete( int $kv_id ): HandlerResult {
		$target = $this->gateway->product_target( $kv_id );
		if ( null === $target ) {
			return HandlerResult::skipped( 'unmapped', sprintf( 'Deleted product %d was not synced.', $kv_id ) );
		}
		$changed = $this->gateway->writer_unpublish( $kv_id );
		if ( null === $changed ) {
			$changed = $this->gateway->unpublish( $target['woo_id'] );
		}
		return $changed
			? HandlerResult::applied( 'draft', sprintf( 'Product %d was deleted in KiotViet; the WooCommerce product is now a draft.', $kv_id ), $target['woo_id'] )
			: HandlerResult::skipped( 'already_draft', sprintf( 'Product %d was deleted in KiotViet; the WooCommerce product was already unpublished.', $kv_id ), $target['woo_id'] );
	}

	/**
	 * category.update.
	 *
	 * @param KvCategory $category Category.
	 */
	private function category_update( KvCategory $category ): HandlerResult {
		$term = $this->gateway->category_term( $category->id() );
		if ( null === $term ) {
			return HandlerResult::skipped( 'unmapped', sprintf( 'Category %d is not synced.', $category->id() ) );
		}
		if ( $category->is_deleted() ) {
			return $this->category_delete( $category->id() );
		}
		$changed = $this->gateway->update_category( $category );
		return $changed
			? HandlerResult::applied( 'category', sprintf( 'Category %d updated.', $category->id() ), $term )
			: HandlerResult::skipped( 'unchanged', sprintf( 'Category %d unchanged.', $category->id() ), $term );
	}

	/**
	 * category.delete.
	 *
	 * @param int $kv_id Category id.
	 */
	private function category_delete( int $kv_id ): HandlerResult {
		$term = $this->gateway->unmap_category( $kv_id );
		if ( null === $term ) {
			return HandlerResult::skipped( 'unmapped', sprintf( 'Deleted category %d was not synced.', $kv_id ) );
		}
		return HandlerResult::applied( 'unmapped', sprintf( 'Category %d was deleted in KiotViet; the WooCommerce category stays, no longer linked.', $kv_id ), $term );
	}

	/**
	 * pricebook.update / pricebook.delete.
	 *
	 * @param int $book_id Book id.
	 */
	private function price_book( int $book_id ): HandlerResult {
		$catalog = $this->settings->catalog();
		if ( $book_id !== $catalog->regular_book_id() && $book_id !== $catalog->sale_book_id() ) {
			return HandlerResult::skipped( 'book_not_used', sprintf( 'Price book %d is not used by the sync.', $book_id ) );
		}
		( $this->schedule_reprice )();
		return HandlerResult::applied( 'reprice_scheduled', sprintf( 'Price book %d changed; every synced product will be re-priced.', $book_id ) );
	}

	/**
	 * Price book headers, once per run.
	 *
	 * @return array<int, KvPriceBook>
	 */
	public function books(): array {
		if ( null === $this->books ) {
			$this->books = KvPriceBook::map_from_array( $this->reader->price_books() );
		}
		return $this->books;
	}
}
