<?php
/**
 * The fetch run: KiotViet catalog → local cache.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\KiotViet\Client;
use KiotVietSync\KiotViet\Page;
use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Support\Clock;
use KiotVietSync\Support\PluginException;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\Runs\CacheRow;
use KiotVietSync\Sync\Catalog\Runs\PageCursor;
use KiotVietSync\Sync\Catalog\Runs\Run;
use KiotVietSync\Sync\Catalog\Runs\RunHandler;
use KiotVietSync\Sync\Catalog\Runs\SettingsBuilder;
use KiotVietSync\Sync\Catalog\StockPolicy;
use KiotVietSync\Storage\SyncSettings;
use KiotVietSync\Sync\Connection\ConnectionService;

/**
 * Phases: categories (GET /categories, flat, every page), products (GET /products with inventories and
 * price books, orderBy id; full or incremental from the stored watermark), branches, price_books.
 * One step = one GET. A full fetch costs ⌈products/100⌉ + ⌈categories/100⌉ + 3 GETs (one catch-up page,
 * branches, price books).
 */
final class CatalogFetchJob implements RunHandler, Registerable {

	public const PHASES = array( 'categories', 'products', 'branches', 'price_books' );

	private ConnectionService $connection;

	private CatalogCacheRepository $cache;

	private SyncSettingsRepository $settings;

	private SyncLogWriter $log;

	private Clock $clock;

	public function __construct( ConnectionService $connection, CatalogCacheRepository $cache, SyncSettingsRepository $settings, SyncLogWriter $log, Clock $clock ) {
		$this->connection = $connection;
		$this->cache      = $cache;
		$this->settings   = $settings;
		$this->log        = $log;
		$this->clock      = $clock;
	}

	public function kind(): string {
		return Run::KIND_FETCH;
	}

	/**
	 * Recomputes cached stock when the stock branch or mode changes (before the automatic fetch starts, which
	 * then only needs an incremental pass).
	 */
	public function register(): void {
		add_action( 'kiotviet_sync_branch_selected', array( $this, 'on_branch_selected' ), 10, 1 );
		add_action( 'kiotviet_sync_settings_saved', array( $this, 'on_settings_saved' ), 10, 2 );
	}

	/**
	 * @param mixed $connection Connection.
	 */
	public function on_branch_selected( $connection ): void {
		if ( $connection instanceof \KiotVietSync\Sync\Connection\Connection && null !== $connection->retailer() ) {
			$this->recompute_stock( (string) $connection->retailer() );
		}
	}

	/**
	 * @param mixed $settings New settings.
	 * @param mixed $previous Previous settings.
	 */
	public function on_settings_saved( $settings, $previous ): void {
		if ( ! $settings instanceof SyncSettings || ! $previous instanceof SyncSettings || $settings->get( 'stock_mode' ) === $previous->get( 'stock_mode' ) ) {
			return;
		}
		$retailer = $this->connection->current()->retailer();
		if ( null !== $retailer && null !== $this->connection->current()->branch_id() ) {
			$this->recompute_stock( $retailer );
		}
	}

	/**
	 * Cached stock from the stored payloads (they carry every branch's inventory) for the current branch and
	 * mode, without calling KiotViet; 500 rows per query.
	 */
	public function recompute_stock( string $retailer ): void {
		$settings = $this->catalog_settings();
		$after    = 0;
		while ( true ) {
			$rows = $this->cache->payload_chunk( $retailer, $after, 500 );
			if ( array() === $rows ) {
				break;
			}
			$stock = array();
			foreach ( $rows as $id => $raw ) {
				$after   = max( $after, $id );
				$product = KvProduct::from_array( $raw );
				if ( ! $product->is_derived_unit() && $product->id() > 0 ) {
					$stock[ $product->id() ] = StockPolicy::quantity( $product, $settings );
				}
			}
			$this->cache->set_stock( $retailer, $stock );
		}
		$this->cache->update_derived_stock( $retailer );
		$this->cache->update_meta(
			$retailer,
			array(
				'stock_branch_id' => $settings->stock_branch_id(),
				'stock_mode'      => $settings->stock_mode(),
			)
		);
	}

	public function phases(): array {
		return self::PHASES;
	}

	public function assert_can_start(): void {
		$connection = $this->connection->current();
		if ( ! $connection->is_connected() ) {
			throw new PluginException( 'kiotviet_sync_not_connected', __( 'Connect to KiotViet first.', 'kiotviet-sync' ), 409 );
		}
		if ( null === $connection->branch_id() ) {
			throw new PluginException( 'kiotviet_sync_no_branch', __( 'Choose the product sync branch first.', 'kiotviet-sync' ), 409 );
		}
	}

	public function step( Run $run ): bool {
		switch ( $run->phase() ) {
			case 'categories':
				$this->categories( $run );
				return true;
			case 'products':
				$this->products( $run );
				return true;
			case 'branches':
				$this->branches( $run );
				return true;
			case 'price_books':
				$this->price_books( $run );
				return 'done' !== $run->phase();
		}
		return false;
	}

	private function client(): Client {
		return $this->connection->client();
	}

	private function now_sql(): string {
		return gmdate( 'Y-m-d H:i:s', $this->clock->now() );
	}

	private function catalog_settings(): CatalogSettings {
		return SettingsBuilder::build(
			$this->settings->load(),
			(int) $this->connection->current()->branch_id(),
			(string) get_option( 'woocommerce_weight_unit', 'kg' ),
			$this->clock->now()
		);
	}

	/** One page of categories. */
	private function categories( Run $run ): void {
		$cursor = $run->cursor();
		$offset = (int) ( $cursor['offset'] ?? 0 );
		$body   = $this->client()->get(
			'/categories',
			array(
				'hierachicalData' => false,
				'orderBy'         => 'categoryId',
				'pageSize'        => Client::PAGE_SIZE,
				'currentItem'     => $offset,
			)
		);
		$page = Page::from_envelope( $body, $offset );
		$rows = array();
		foreach ( $page->data() as $raw ) {
			$category = KvCategory::from_array( $raw );
			if ( $category->id() <= 0 || $category->is_deleted() ) {
				continue;
			}
			$rows[] = CacheRow::category( $category, $raw );
		}
		$this->cache->upsert_categories( $run->retailer(), $rows, $run->id(), $this->now_sql() );

		list( $next, $done ) = PageCursor::advance( $offset, count( $page->data() ), $page->total(), isset( $cursor['total'] ) ? (int) $cursor['total'] : null );
		$run->progress( min( $next, (int) $page->total() ), $page->total() );
		if ( ! $done ) {
			$run->set_cursor(
				array(
					'offset' => $next,
					'total'  => $page->total(),
				)
			);
			return;
		}
		$this->cache->delete_unseen_categories( $run->retailer(), $run->id() );
		$run->next_phase( $this->products_start( $run ) );
	}

	/**
	 * Checkpoint of the products phase: incremental from the watermark when the previous fetch of this retailer
	 * completed for the same stock branch and mode; full otherwise.
	 *
	 * @return array<string, mixed>
	 */
	private function products_start( Run $run ): array {
		$meta     = $this->cache->meta( $run->retailer() );
		$settings = $this->catalog_settings();
		$same     = isset( $meta['watermark'], $meta['stock_branch_id'], $meta['stock_mode'] )
			&& (int) $meta['stock_branch_id'] === $settings->stock_branch_id()
			&& (string) $meta['stock_mode'] === $settings->stock_mode()
			&& $this->cache->counts( $run->retailer() )['products'] > 0;
		if ( $same ) {
			return array(
				'mode'   => 'incremental',
				'since'  => (string) $meta['watermark'],
				'offset' => 0,
			);
		}
		return array(
			'mode'   => 'full',
			'offset' => 0,
		);
	}

	/** One page of products. */
	private function products( Run $run ): void {
		$cursor   = $run->cursor();
		if ( ! isset( $cursor['mode'] ) ) {
			$cursor = $this->products_start( $run );
		}
		$mode     = (string) $cursor['mode'];
		$offset   = (int) ( $cursor['offset'] ?? 0 );
		$settings = $this->catalog_settings();
		$query    = array(
			'pageSize'         => Client::PAGE_SIZE,
			'currentItem'      => $offset,
			'orderBy'          => 'id',
			'orderDirection'   => 'Asc',
			'includeInventory' => true,
			'includePricebook' => true,
		);
		if ( 'full' !== $mode ) {
			$query['lastModifiedFrom'] = (string) $cursor['since'];
			$query['includeRemoveIds'] = true;
		}
		$page = Page::from_envelope( $this->client()->get( '/products', $query ), $offset );

		$rows = array();
		foreach ( $page->data() as $raw ) {
			$product = KvProduct::from_array( $raw );
			if ( $product->id() <= 0 ) {
				continue;
			}
			$rows[] = CacheRow::product( $product, $raw, $settings );
		}
		$this->cache->upsert_products( $run->retailer(), $rows, $run->id(), $this->now_sql() );
		if ( array() !== $page->removed_ids() ) {
			$this->cache->delete_products( $run->retailer(), $page->removed_ids() );
		}

		if ( 0 === $offset && null !== $page->timestamp() ) {
			// The watermark of this pass: the server time of its first page.
			$cursor['pass_watermark'] = $page->timestamp();
		}
		list( $next, $done ) = PageCursor::advance( $offset, count( $page->data() ), $page->total(), isset( $cursor['total'] ) ? (int) $cursor['total'] : null );
		$base = (int) ( $cursor['base_done'] ?? 0 );
		$run->progress( $base + min( $next, (int) $page->total() ), 'catchup' === $mode ? null : $page->total() );
		if ( ! $done ) {
			$cursor['offset'] = $next;
			$cursor['total']  = $page->total();
			$run->set_cursor( $cursor );
			return;
		}
		if ( 'full' === $mode ) {
			// Catch what changed while paging (creates, updates, deletes) with one incremental pass.
			$run->set_cursor(
				array(
					'mode'      => 'catchup',
					'since'     => (string) ( $cursor['pass_watermark'] ?? '' ),
					'offset'    => 0,
					'base_done' => min( $next, (int) $page->total() ),
					'full'      => true,
				)
			);
			if ( '' !== (string) ( $cursor['pass_watermark'] ?? '' ) ) {
				return;
			}
			$cursor = array( 'full' => true );
		}
		if ( ! empty( $cursor['full'] ) ) {
			$this->cache->delete_unseen_products( $run->retailer(), $run->id() );
		}
		$this->cache->update_derived_stock( $run->retailer() );
		$update = array(
			'stock_branch_id' => $settings->stock_branch_id(),
			'stock_mode'      => $settings->stock_mode(),
		);
		if ( isset( $cursor['pass_watermark'] ) ) {
			$update['watermark'] = (string) $cursor['pass_watermark'];
		}
		$this->cache->update_meta( $run->retailer(), $update );
		$run->next_phase();
	}

	/** Branches (one page: shops have few). */
	private function branches( Run $run ): void {
		$page     = Page::from_envelope( $this->client()->get( '/branches', array( 'pageSize' => Client::PAGE_SIZE, 'orderBy' => 'id' ) ), 0 );
		$branches = array();
		foreach ( $page->data() as $item ) {
			if ( isset( $item['id'] ) && is_numeric( $item['id'] ) ) {
				$branches[] = array(
					'id'      => (int) $item['id'],
					'name'    => isset( $item['branchName'] ) && is_scalar( $item['branchName'] ) ? (string) $item['branchName'] : '',
					'code'    => isset( $item['branchCode'] ) && is_scalar( $item['branchCode'] ) ? (string) $item['branchCode'] : '',
					'address' => isset( $item['address'] ) && is_scalar( $item['address'] ) ? (string) $item['address'] : '',
				);
			}
		}
		$this->cache->update_meta( $run->retailer(), array( 'branches' => $branches ) );
		$run->progress( count( $branches ), count( $branches ) );
		$run->next_phase();
	}

	/** Price books (one page), then the fetch is complete. */
	private function price_books( Run $run ): void {
		$books = $this->fetch_price_books();
		$this->cache->update_meta(
			$run->retailer(),
			array(
				'price_books'   => $books,
				'last_fetch_at' => $this->clock->now(),
			)
		);
		$run->progress( count( $books ), count( $books ) );
		$run->next_phase();
		$counts = $this->cache->counts( $run->retailer() );
		$this->log->record(
			SyncLogWriter::CHANNEL_IMPORT,
			'fetch',
			SyncLogWriter::RESULT_OK,
			sprintf( 'Fetched the KiotViet catalog: %d products, %d categories.', $counts['products'], $counts['categories'] ),
			array( 'run_id' => $run->id() )
		);
	}

	/**
	 * Raw price book items (GET /pricebooks, one page of 100).
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function fetch_price_books(): array {
		$page = Page::from_envelope( $this->client()->get( '/pricebooks', array( 'pageSize' => Client::PAGE_SIZE, 'orderBy' => 'id' ) ), 0 );
		return array_values( $page->data() );
	}
}
