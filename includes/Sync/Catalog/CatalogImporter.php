<?php
/**
 * Writes KiotViet catalog batches into WooCommerce.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Storage\BatchTransaction;
use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Storage\MappingSnapshot;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\WooCommerce\CategoryWriter;
use KiotVietSync\WooCommerce\BatchTransients;
use KiotVietSync\WooCommerce\DeferredProductTermRecount;
use KiotVietSync\WooCommerce\NewProductShortcuts;
use KiotVietSync\WooCommerce\NewProductMetaBuffer;
use KiotVietSync\WooCommerce\ProductWriter;
use KiotVietSync\WooCommerce\SyncGuard;
use Throwable;

/**
 * The WooCommerce writer of the catalog sync: plans with the pure rules (ProductPlanner, CategoryPlanner,
 * IdentityResolver, FieldLocks), writes through WooCommerce CRUD, and keeps the mapping table in step.
 *
 * One batch = one database transaction (START TRANSACTION … COMMIT, or a savepoint when the caller already
 * runs one); each item (a simple product, or a whole variant family) runs under its own savepoint, so a failing
 * product rolls back only itself and is recorded (mapping last_error + sync history) while the rest commits.
 * Term counting is deferred for the batch, identity data is preloaded in a few queries, post/meta/term caches
 * of the mapped objects are primed at once, and variable parents are synced once per family.
 */
final class CatalogImporter {

	public const IMAGES_HOOK = 'kiotviet_sync_import_images';

	/** Delay before the image job runs after a batch (product data first). */
	private const IMAGES_DELAY = 20;

	private \wpdb $wpdb;
	private MappingRepository $mapping;
	private ProductWriter $products;
	private CategoryWriter $categories;
	private SyncLogWriter $log;
	private ?Scheduler $scheduler;

	public function __construct( \wpdb $wpdb, MappingRepository $mapping, ProductWriter $products, CategoryWriter $categories, SyncLogWriter $log, ?Scheduler $scheduler = null ) {
		$this->wpdb       = $wpdb;
		$this->mapping    = $mapping;
		$this->products   = $products;
		$this->categories = $categories;
		$this->log        = $log;
		$this->scheduler  = $scheduler;
	}

	/**
	 * Categories only (parents before children; adopts same-name terms under the same parent).
	 *
	 * @param KvCategory[] $categories
	 */
	public function import_categories( array $categories ): ImportBatchResult {
		$result = new ImportBatchResult();
		$this->in_batch(
			function ( BatchTransaction $tx ) use ( $categories, $result ): void {
				$this->write_categories( $categories, $result, $tx );
			},
			$result
		);
		return $result;
	}

	/**
	 * One batch of products (families complete, or single members from webhooks), after its categories.
	 *
	 * @param KvProduct[]             $products
	 * @param KvCategory[]            $categories Written first (may be empty when already imported).
	 * @param array<int, KvPriceBook> $books
	 * @param array<int, KvProduct>   $base_units Base units of derived units that are not in the batch.
	 */
	public function import_batch( array $products, array $categories, array $books, CatalogSettings $settings, array $base_units = array() ): ImportBatchResult {
		$settings = $this->with_store_weight_unit( $settings );
		$result   = new ImportBatchResult();
		$this->in_batch(
			function ( BatchTransaction $tx ) use ( $products, $categories, $books, $settings, $base_units, $result ): void {
				if ( array() !== $categories ) {
					$this->write_categories( $categories, $result, $tx );
				}
				$this->write_products( $products, $books, $settings, $base_units, $result, $tx );
			},
			$result
		);
		if ( $result->images_queued() > 0 ) {
			$this->schedule_images();
		}
		return $result;
	}

	/**
	 * Stock only (stock.update webhooks, /productOnHands deltas): for each mapped product or variation, the
	 * stock spec of ProductPlanner::stock_spec(), with the stock lock (global or the product's own; the
	 * parent's for variations) honoured. Unknown stock changes nothing; unmapped products are skipped.
	 *
	 * @param KvProduct[]           $products   Products carrying inventories.
	 * @param array<int, KvProduct> $base_units Base units by id, for derived units.
	 */
	public function update_stock( array $products, CatalogSettings $settings, array $base_units = array() ): ImportBatchResult {
		$result = new ImportBatchResult();
		$by_id  = $base_units;
		foreach ( $products as $product ) {
			$by_id[ $product->id() ] = $product;
		}
		$this->in_batch(
			function ( BatchTransaction $tx ) use ( $products, $settings, $by_id, $result ): void {
				foreach ( $products as $product ) {
					$base = null === $product->master_unit_id() ? null : ( $by_id[ $product->master_unit_id() ] ?? null );
					$this->write_stock_item(
						$product->id(),
						$result,
						$tx,
						static function ( string $type ) use ( $product, $settings, $base ): WooProductSpec {
							return ProductPlanner::stock_spec( $product, $type, $settings, $base );
						},
						$settings
					);
				}
			},
			$result
		);
		return $result;
	}

	/**
	 * Stock quantities already computed by the caller (e.g. StockPolicy::quantity_from_inventories() for a
	 * stock.update item): KiotViet id => quantity; null = unknown, left as it is. Services (no managed stock in
	 * WooCommerce) are left alone; the stock lock is honoured.
	 *
	 * @param array<int, int|null> $quantities
	 */
	public function set_stock_quantities( array $quantities, CatalogSettings $settings ): ImportBatchResult {
		$result = new ImportBatchResult();
		$this->in_batch(
			function ( BatchTransaction $tx ) use ( $quantities, $settings, $result ): void {
				foreach ( $quantities as $kv_id => $quantity ) {
					$this->write_stock_item(
						(int) $kv_id,
						$result,
						$tx,
						static function ( string $type ) use ( $kv_id, $quantity ): WooProductSpec {
							$fields = array(
								WooProductSpec::TYPE  => $type,
								WooProductSpec::KV_ID => (int) $kv_id,
							);
							if ( null !== $quantity ) {
								$fields[ WooProductSpec::STOCK_QUANTITY ] = (int) $quantity;
								$fields[ WooProductSpec::STOCK_STATUS ]   = $quantity > 0 ? 'instock' : 'outofstock';
							}
							return new WooProductSpec( $fields );
						},
						$settings,
						true
					);
				}
			},
			$result
		);
		return $result;
	}

	/**
	 * product.delete: the mapped product becomes a draft (a variation is disabled: private); never deleted,
	 * so order history keeps its links. A later import of the same KiotViet id publishes it again.
	 *
	 * @param int[] $kv_ids
	 */
	public function unpublish( array $kv_ids ): ImportBatchResult {
		$result = new ImportBatchResult();
		$this->in_batch(
			function ( BatchTransaction $tx ) use ( $kv_ids, $result ): void {
				foreach ( array_values( array_unique( array_map( 'intval', $kv_ids ) ) ) as $kv_id ) {
					$done = false;
					foreach ( array( MappingRepository::KIND_PRODUCT, MappingRepository::KIND_VARIATION ) as $kind ) {
						$woo_id  = $this->mapping->woo_id( $kind, $kv_id );
						$product = null === $woo_id ? null : wc_get_product( $woo_id );
						if ( ! $product instanceof \WC_Product ) {
							continue;
						}
						$done = true;
						$tx->item_begin();
						try {
							$status = $product instanceof \WC_Product_Variation ? 'private' : 'draft';
							if ( $product->get_status( 'edit' ) !== $status ) {
								$product->set_status( $status );
								$product->update_meta_data( ProductWriter::META_UNPUBLISHED, '1' );
								SyncGuard::apply( static fn () => $product->save() );
							}
							// The next import of this id must write (and republish) even with an unchanged payload.
							$this->mapping->upsert( $kind, $kv_id, array( 'payload_hash' => null ) );
							$tx->item_commit();
							$result->add( $kind, $kv_id, ImportBatchResult::UPDATED, (int) $woo_id );
						} catch ( Throwable $e ) {
							$tx->item_rollback();
							$this->item_discard();
							$this->fail( $result, $kind, $kv_id, (int) $woo_id, $e->getMessage() );
						}
					}
					if ( ! $done ) {
						$result->add( MappingRepository::KIND_PRODUCT, $kv_id, ImportBatchResult::SKIPPED, null, 'not_mapped' );
					}
				}
			},
			$result
		);
		return $result;
	}

	// ------------------------------------------------------------------ batch frame

	/**
	 * Transaction, deferred term counting, guard and query counting around one batch. A throwable escaping
	 * the items (a fatal of the batch itself) rolls everything back and is rethrown.
	 *
	 * @param callable(BatchTransaction): void $work
	 * @throws Throwable From the batch frame.
	 */
	private function in_batch( callable $work, ImportBatchResult $result ): void {
		$tx      = new BatchTransaction( $this->wpdb );
		$before  = (int) $this->wpdb->num_queries;
		$counted = function_exists( 'wp_defer_term_counting' );
		if ( $counted ) {
			wp_defer_term_counting( true );
		}
		$recount    = $this->held_recount ?? new DeferredProductTermRecount();
		$meta       = new NewProductMetaBuffer( $this->wpdb );
		$transients = new BatchTransients( $this->wpdb );
		$shortcuts  = new NewProductShortcuts( $this->wpdb, $meta );
		$recount->start();
		/**
		 * Whether the writer buffers the post meta of the products it creates (one multi-row INSERT per object)
		 * and keeps transients in the runtime cache until the end of the batch (default true; false = every
		 * WooCommerce write goes to the database as it happens, e.g. to measure the difference).
		 */
		if ( apply_filters( 'kiotviet_sync_batch_write_buffer', true ) ) {
			$meta->start();
			$transients->start();
			$shortcuts->start();
			$this->meta_buffer = $meta;
			$this->shortcuts   = $shortcuts;
		}
		SyncGuard::enter();
		$tx->begin();
		try {
			$work( $tx );
			$meta->flush();
			if ( $counted ) {
				wp_defer_term_counting( false ); // Recounts the touched terms, inside the transaction.
				$counted = false;
			}
			$this->sync_deferred_parents();
			if ( null === $this->held_recount ) {
				$recount->finish(); // WooCommerce's product_count_* term meta, once per batch instead of once per save.
			}
			$shortcuts->stop();
			$meta->finish();
			$transients->finish(); // The batch's last transient operations, once.
			$tx->commit();
			$this->release_caches( $result );
		} catch ( Throwable $e ) {
			$shortcuts->stop();
			$meta->stop();
			$transients->stop();
			$tx->rollback();
			$this->flush_runtime_cache();
			$this->log->record( SyncLogWriter::CHANNEL_IMPORT, 'batch', SyncLogWriter::RESULT_ERROR, 'Import batch rolled back: ' . $e->getMessage() );
			throw $e;
		} finally {
			if ( $counted ) {
				wp_defer_term_counting( false );
			}
			$recount->stop();
			$shortcuts->stop();
			$meta->stop();
			$transients->stop();
			$this->meta_buffer = null;
			$this->shortcuts   = null;
			SyncGuard::release();
			$result->set_queries( (int) $this->wpdb->num_queries - $before );
		}
	}

	/**
	 * From now on batches collect the products whose WooCommerce category counts need a recount, and
	 * flush_term_recount() recounts them once (an import run's worker slice: many batches, one recount).
	 */
	public function hold_term_recount(): void {
		if ( null === $this->held_recount ) {
			$this->held_recount = new DeferredProductTermRecount();
		}
	}

	/**
	 * Recounts what the held batches collected (in one transaction) and goes back to one recount per batch.
	 */
	public function flush_term_recount(): void {
		$recount            = $this->held_recount;
		$this->held_recount = null;
		if ( null === $recount ) {
			return;
		}
		$tx = new BatchTransaction( $this->wpdb );
		$tx->begin();
		try {
			$recount->recount();
			$tx->commit();
		} catch ( Throwable $e ) {
			$tx->rollback();
			$this->log->record( SyncLogWriter::CHANNEL_IMPORT, 'batch', SyncLogWriter::RESULT_ERROR, 'Category product counts could not be updated: ' . $e->getMessage() );
		}
	}

	/**
	 * The batch's objects are written: their post, meta and term caches are not needed by the next batch
	 * (other products), so a worker running several batches in one process does not keep growing.
	 */
	private function release_caches( ImportBatchResult $result ): void {
		foreach ( $result->items() as $item ) {
			$id = (int) ( $item['woo_id'] ?? 0 );
			if ( $id <= 0 || MappingRepository::KIND_CATEGORY === $item['kind'] ) {
				continue;
			}
			wp_cache_delete( $id, 'posts' );
			wp_cache_delete( $id, 'post_meta' );
			foreach ( array( 'product_cat', 'product_tag', 'product_type', 'product_visibility', 'product_shipping_class' ) as $taxonomy ) {
				wp_cache_delete( $id, $taxonomy . '_relationships' );
			}
			// WooCommerce's per-object entries: lookup row and cache-group prefixes.
			wp_cache_delete( 'lookup_table', 'object_' . $id );
			wp_cache_delete( 'wc_object_' . $id . '_cache_prefix', 'object_' . $id );
			wp_cache_delete( 'wc_product_' . $id . '_cache_prefix', 'product_' . $id );
		}
		// Query results cached under the previous last_changed keys are unreachable after the batch's writes;
		// in WordPress's runtime cache (no persistent object cache) they would only accumulate.
		if ( ! wp_using_ext_object_cache() && function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( 'post-queries' );
			wp_cache_flush_group( 'term-queries' );
		}
	}

	/** Meta buffer of the running batch (null when off). */
	private ?NewProductMetaBuffer $meta_buffer = null;

	private ?NewProductShortcuts $shortcuts = null;

	/** Set between hold_term_recount() and flush_term_recount(): the slice's collector of recounts. */
	private ?DeferredProductTermRecount $held_recount = null;

	/** Writes the buffered meta of the item just written (before its savepoint is released). */
	private function item_flush(): void {
		if ( null !== $this->meta_buffer ) {
			$this->meta_buffer->flush();
		}
	}

	/** The item's savepoint was rolled back: its buffered meta goes with it. */
	private function item_discard(): void {
		NewProductShortcuts::forget_all_terms(); // Terms the item created are gone with it.
		if ( null !== $this->meta_buffer ) {
			$this->meta_buffer->discard();
		}
	}

	/**
	 * Variations queue their parent for WooCommerce's shutdown sync; we sync each parent ourselves (once, with
	 * the guard up), so drop the queued ids that are already in step.
	 */
	private function sync_deferred_parents(): void {
		if ( empty( $GLOBALS['wc_deferred_product_sync'] ) || array() === $this->synced_parents ) {
			return;
		}
		$GLOBALS['wc_deferred_product_sync'] = array_values( array_diff( wp_parse_id_list( $GLOBALS['wc_deferred_product_sync'] ), array_keys( $this->synced_parents ) ) );
		$this->synced_parents                = array();
	}

	/** @var array<int, true> Parents synced by this batch. */
	private array $synced_parents = array();

	private function flush_runtime_cache(): void {
		NewProductShortcuts::forget_all_terms(); // A rolled-back term must not be "known to exist".
		if ( function_exists( 'wp_cache_flush_runtime' ) ) {
			wp_cache_flush_runtime();
		} else {
			wp_cache_flush();
		}
	}

	// ------------------------------------------------------------------ categories

	/**
	 * @param KvCategory[] $categories
	 */
	private function write_categories( array $categories, ImportBatchResult $result, BatchTransaction $tx ): void {
		$plan    = CategoryPlanner::plan( $categories, $this->categories->existing_terms(), $this->mapping->category_terms() );
		$written = array();
		foreach ( $plan->issues() as $issue ) {
			$result->add_issue( $issue );
		}
		$now = gmdate( 'Y-m-d H:i:s' );
		foreach ( $plan->decisions() as $decision ) {
			$kv_id = $decision->kv_id();
			if ( CategoryDecision::CONFLICT === $decision->action() ) {
				$message = null === $decision->issue() ? 'conflict' : $decision->issue()->code();
				$this->mapping->record_error( MappingRepository::KIND_CATEGORY, $kv_id, $message );
				$this->log->record( SyncLogWriter::CHANNEL_IMPORT, 'category', SyncLogWriter::RESULT_SKIPPED, sprintf( 'Category "%s" not written: %s', $decision->name(), $message ), array( 'issue' => null === $decision->issue() ? null : $decision->issue()->to_array() ), array( 'object_type' => 'category', 'kiotviet_id' => $kv_id ) );
				$result->add( MappingRepository::KIND_CATEGORY, $kv_id, ImportBatchResult::FAILED, null, $message );
				continue;
			}
			$tx->item_begin();
			try {
				$term_id = $this->categories->write( $decision, $written );
				if ( null !== $term_id ) {
					$written[ $kv_id ] = $term_id;
					if ( CategoryDecision::SKIP !== $decision->action() ) {
						$this->mapping->upsert(
							MappingRepository::KIND_CATEGORY,
							$kv_id,
							array(
								'woo_id'     => $term_id,
								'synced_at'  => $now,
								'last_error' => null,
							)
						);
					}
				}
				$tx->item_commit();
				$action = array(
					CategoryDecision::CREATE => ImportBatchResult::CREATED,
					CategoryDecision::ADOPT  => ImportBatchResult::UPDATED,
					CategoryDecision::UPDATE => ImportBatchResult::UPDATED,
				)[ $decision->action() ] ?? ImportBatchResult::SKIPPED;
				$result->add( MappingRepository::KIND_CATEGORY, $kv_id, $action, $term_id, $decision->action() );
			} catch ( Throwable $e ) {
				$tx->item_rollback();
				$this->flush_runtime_cache();
				$this->fail( $result, MappingRepository::KIND_CATEGORY, $kv_id, null, $e->getMessage() );
			}
		}
	}

	// ------------------------------------------------------------------ products

	/**
	 * @param KvProduct[]             $products
	 * @param array<int, KvPriceBook> $books
	 * @param array<int, KvProduct>   $base_units
	 */
	private function write_products( array $products, array $books, CatalogSettings $settings, array $base_units, ImportBatchResult $result, BatchTransaction $tx ): void {
		$set = ProductPlanner::plan( $products, $books, $settings, $base_units );

		$blocked = array();
		foreach ( $set->issues() as $issue ) {
			$result->add_issue( $issue );
			if ( $issue->is_blocking() ) {
				$blocked[ $issue->kv_id() ] = $issue;
			} elseif ( CatalogIssue::SEVERITY_CONFLICT === $issue->severity() ) {
				$this->log->record( SyncLogWriter::CHANNEL_IMPORT, $issue->entity(), SyncLogWriter::RESULT_SKIPPED, self::issue_message( $issue ), array( 'issue' => $issue->to_array() ), array( 'object_type' => $issue->entity(), 'kiotviet_id' => $issue->kv_id() ) );
			}
		}
		foreach ( $blocked as $kv_id => $issue ) {
			$kind = CatalogIssue::ENTITY_VARIATION === $issue->entity() ? MappingRepository::KIND_VARIATION : MappingRepository::KIND_PRODUCT;
			$this->fail( $result, $kind, (int) $kv_id, null, self::issue_message( $issue ) );
		}

		// Preload identity data, category terms and the caches of every mapped object.
		$product_ids   = array();
		$variation_ids = array();
		$skus          = array();
		foreach ( $set->simple() as $plan ) {
			$product_ids[] = $plan->spec()->kv_id();
			$skus[]        = $plan->spec()->sku();
		}
		foreach ( $set->variable() as $plan ) {
			$product_ids[] = $plan->family_id();
			foreach ( $plan->variations() as $kv_id => $spec ) {
				$variation_ids[] = (int) $kv_id;
				$skus[]          = $spec->sku();
			}
		}
		$snapshot = $this->mapping->snapshot( $product_ids, $variation_ids, $skus );
		$terms    = $this->mapping->category_terms();
		$this->prime_caches( $snapshot, $product_ids, $variation_ids );

		$match_by_sku = $settings->match_by_sku();
		$locks        = $settings->locked_fields();

		foreach ( $set->simple() as $plan ) {
			$spec     = $plan->spec();
			$kv_id    = $spec->kv_id();
			$decision = IdentityResolver::resolve_simple( $plan, $snapshot, $match_by_sku );
			if ( IdentityDecision::CONFLICT === $decision->action() ) {
				$this->conflict( $result, MappingRepository::KIND_PRODUCT, $spec, $decision );
				continue;
			}
			$backup = clone $snapshot;
			$tx->item_begin();
			try {
				$this->write_one( MappingRepository::KIND_PRODUCT, $spec, $decision, $snapshot, $terms, $locks, $snapshot->locks( MappingRepository::KIND_PRODUCT, $kv_id ), $plan->product(), $result, 0, true );
				$this->item_flush();
				$tx->item_commit();
			} catch ( Throwable $e ) {
				$tx->item_rollback();
				$this->item_discard();
				$snapshot = $backup;
				$this->flush_runtime_cache();
				$this->fail( $result, MappingRepository::KIND_PRODUCT, $kv_id, $decision->woo_id(), $e->getMessage() );
			}
		}

		foreach ( $set->variable() as $plan ) {
			$backup = clone $snapshot;
			$tx->item_begin();
			try {
				$this->write_family( $plan, $snapshot, $terms, $locks, $match_by_sku, $result );
				$this->item_flush();
				$tx->item_commit();
			} catch ( Throwable $e ) {
				$tx->item_rollback();
				$this->item_discard();
				$snapshot = $backup;
				$this->flush_runtime_cache();
				$this->fail( $result, MappingRepository::KIND_PRODUCT, $plan->family_id(), null, $e->getMessage(), false );
				foreach ( array_keys( $plan->variations() ) as $kv_id ) {
					$this->fail( $result, MappingRepository::KIND_VARIATION, (int) $kv_id, null, $e->getMessage() );
				}
			}
		}

		$summary = sprintf( 'Imported %d products: %d created, %d updated, %d unchanged, %d failed.', count( $products ), $result->created(), $result->updated(), $result->skipped(), $result->failed() );
		$this->log->record( SyncLogWriter::CHANNEL_IMPORT, 'batch', $result->failed() > 0 ? SyncLogWriter::RESULT_ERROR : SyncLogWriter::RESULT_OK, $summary, array( 'counts' => $result->counts(), 'issues' => $result->issue_codes() ) );
	}

	/**
	 * @param array<int, int> $terms
	 * @param string[]        $locks
	 */
	private function write_family( VariablePlan $plan, MappingSnapshot $snapshot, array $terms, array $locks, bool $match_by_sku, ImportBatchResult $result ): void {
		$family       = IdentityResolver::resolve_family( $plan, $snapshot, $match_by_sku );
		$parent_id    = $plan->family_id();
		$parent_locks = $snapshot->locks( MappingRepository::KIND_PRODUCT, $parent_id );
		$parent_spec  = $family->parent()->is_new() ? $plan->parent() : $plan->parent_for_update();

		$woo_parent = $this->write_one( MappingRepository::KIND_PRODUCT, $parent_spec, $family->parent(), $snapshot, $terms, $locks, $parent_locks, null, $result, 0, false );

		$changed = false;
		foreach ( $plan->variations() as $kv_id => $spec ) {
			$decision = $family->variations()[ $kv_id ];
			if ( IdentityDecision::CONFLICT === $decision->action() ) {
				$this->conflict( $result, MappingRepository::KIND_VARIATION, $spec, $decision );
				continue;
			}
			$member   = $plan->members()[ $kv_id ] ?? null;
			$written  = $this->write_one( MappingRepository::KIND_VARIATION, $spec, $decision, $snapshot, $terms, $locks, $parent_locks, $member, $result, $woo_parent, true );
			$item     = $result->item( MappingRepository::KIND_VARIATION, (int) $kv_id );
			$changed  = $changed || ( null !== $item && ImportBatchResult::SKIPPED !== $item['action'] );
			unset( $written );
		}
		$parent_item = $result->item( MappingRepository::KIND_PRODUCT, $parent_id );
		if ( $changed || ( null !== $parent_item && ImportBatchResult::SKIPPED !== $parent_item['action'] ) ) {
			// Prices, stock status and the children list of the parent, once per family (WooCommerce reads the
			// children's meta with its own SQL here: buffered rows go to the database first).
			$this->item_flush();
			\WC_Product_Variable::sync( $woo_parent );
			$this->synced_parents[ $woo_parent ] = true;
			$this->mapping->upsert( MappingRepository::KIND_PRODUCT, $parent_id, array( 'synced_at' => gmdate( 'Y-m-d H:i:s' ) ) );
		}
	}

	/**
	 * Creates or updates one simple product, variable parent or variation, and its mapping row.
	 *
	 * @param array<int, int> $terms
	 * @param string[]        $global_locks
	 * @param string[]        $own_locks
	 * @return int WooCommerce id.
	 */
	private function write_one( string $kind, WooProductSpec $spec, IdentityDecision $decision, MappingSnapshot $snapshot, array $terms, array $global_locks, array $own_locks, ?KvProduct $source, ImportBatchResult $result, int $parent_woo_id, bool $counted ): int {
		$kv_id  = $spec->kv_id();
		$is_new = $decision->is_new();
		$spec   = FieldLocks::apply( $spec, $global_locks, $own_locks, $is_new );
		$woo_id = $decision->woo_id();
		$warn   = $decision->warnings();
		$hash   = sha1( (string) wp_json_encode( array( $spec->to_array(), $parent_woo_id, $warn, isset( $spec->to_array()[ WooProductSpec::CATEGORY_KV_ID ] ) ? ( $terms[ (int) $spec->get( WooProductSpec::CATEGORY_KV_ID ) ] ?? null ) : null ) ) );

		if ( ! $is_new && null !== $woo_id && $this->unchanged( $snapshot->row( $kind, $kv_id ), $woo_id, $hash, $spec ) ) {
			$result->add( $kind, $kv_id, ImportBatchResult::SKIPPED, $woo_id, 'unchanged', $counted );
			return $woo_id;
		}

		$product = $this->products->object_for( $spec, $is_new ? null : $woo_id );
		if ( $product instanceof \WC_Product_Variation && $parent_woo_id > 0 && $product->get_parent_id( 'edit' ) !== $parent_woo_id ) {
			$product->set_parent_id( $parent_woo_id );
		}
		$write_sku = ! in_array( IdentityDecision::WARN_SKU_TAKEN, $warn, true );
		if ( $write_sku && null !== $this->shortcuts && '' !== $spec->sku() ) {
			// The snapshot's SKU holders decided this SKU is free for this object: WooCommerce need not look again.
			$this->shortcuts->expect_unique_sku( $spec->sku(), $is_new ? 0 : (int) $woo_id );
		}
		try {
			$warnings = $this->products->apply( $product, $spec, $terms, $is_new, $write_sku );
		} finally {
			if ( null !== $this->shortcuts ) {
				$this->shortcuts->forget_unique_sku();
			}
		}
		$queued    = '' !== (string) $product->get_meta( ProductWriter::META_IMAGES_PENDING, true ) && array_key_exists( WooProductSpec::IMAGE_URLS, $spec->to_array() );
		$id        = (int) $product->save();
		if ( $id <= 0 ) {
			throw new \RuntimeException( 'WooCommerce did not save the product.' );
		}
		if ( $queued ) {
			$result->image_queued();
		}
		if ( in_array( IdentityDecision::WARN_REMAP, $warn, true ) ) {
			// SKU mode re-linked this object: drop the other KiotViet id's link to it.
			$other = $snapshot->mapped_kv_id( $kind, $id );
			if ( null !== $other && $other !== $kv_id ) {
				$this->mapping->upsert( $kind, $other, array( 'woo_id' => 0, 'last_error' => 'remapped_to_' . $kv_id ) );
			}
		}
		$modified = null === $source || null === $source->modified_date() ? null : $source->modified_date()->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
		$this->mapping->upsert(
			$kind,
			$kv_id,
			array(
				'woo_id'         => $id,
				'sku'            => '' === $spec->sku() ? null : $spec->sku(),
				'kv_modified_at' => $modified,
				'synced_at'      => gmdate( 'Y-m-d H:i:s' ),
				'last_error'     => array() === $warnings ? null : implode( ',', $warnings ),
				'payload_hash'   => $hash,
			)
		);
		$snapshot->remember( $kind, $kv_id, $id, $write_sku ? $spec->sku() : '', $parent_woo_id );
		$result->add( $kind, $kv_id, $is_new ? ImportBatchResult::CREATED : ImportBatchResult::UPDATED, $id, array() === $warn ? null : implode( ',', $warn ), $counted );
		return $id;
	}

	/**
	 * Nothing to write: same payload as the last sync, the object not edited since, and its stock still what
	 * we wrote (orders may have moved it).
	 *
	 * @param array<string, mixed>|null $row
	 */
	private function unchanged( ?array $row, int $woo_id, string $hash, WooProductSpec $spec ): bool {
		if ( null === $row || empty( $row['live'] ) || (int) $row['woo_id'] !== $woo_id || $hash !== $row['payload_hash'] || null === $row['synced_at'] ) {
			return false;
		}
		if ( null !== $row['post_modified_gmt'] && (string) $row['post_modified_gmt'] > (string) $row['synced_at'] ) {
			return false;
		}
		if ( $spec->has( WooProductSpec::STOCK_QUANTITY ) && (float) $row['stock'] !== (float) $spec->get( WooProductSpec::STOCK_QUANTITY ) ) {
			return false;
		}
		return true;
	}

	/**
	 * Loads posts, meta and terms of every mapped object of the batch in three queries (wc_get_product then
	 * reads from the cache instead of querying per object).
	 *
	 * @param int[] $product_ids
	 * @param int[] $variation_ids
	 */
	private function prime_caches( MappingSnapshot $snapshot, array $product_ids, array $variation_ids ): void {
		$ids = array();
		foreach ( array( MappingRepository::KIND_PRODUCT => $product_ids, MappingRepository::KIND_VARIATION => $variation_ids ) as $kind => $kv_ids ) {
			foreach ( $kv_ids as $kv_id ) {
				$woo_id = $snapshot->mapped_woo_id( $kind, (int) $kv_id );
				if ( null !== $woo_id ) {
					$ids[] = $woo_id;
				}
			}
		}
		if ( array() !== $ids && function_exists( '_prime_post_caches' ) ) {
			_prime_post_caches( array_values( array_unique( $ids ) ), true, true );
		}
	}

	/**
	 * @param callable(string): WooProductSpec $spec_for Builds the stock spec for the object type.
	 */
	private function write_stock_item( int $kv_id, ImportBatchResult $result, BatchTransaction $tx, callable $spec_for, CatalogSettings $settings, bool $skip_unmanaged = false ): void {
		$kind   = MappingRepository::KIND_PRODUCT;
		$row    = $this->mapping->find( MappingRepository::KIND_PRODUCT, $kv_id );
		$woo_id = null !== $row && $row['woo_id'] > 0 ? $row['woo_id'] : null;
		$locks  = $this->mapping->locks( MappingRepository::KIND_PRODUCT, $kv_id );
		$type   = WooProductSpec::TYPE_SIMPLE;
		$variation = $this->mapping->find( MappingRepository::KIND_VARIATION, $kv_id );
		if ( null !== $variation && $variation['woo_id'] > 0 ) {
			$kind   = MappingRepository::KIND_VARIATION;
			$woo_id = $variation['woo_id'];
			$type   = WooProductSpec::TYPE_VARIATION;
		}
		$product = null === $woo_id ? null : wc_get_product( $woo_id );
		if ( ! $product instanceof \WC_Product || $product instanceof \WC_Product_Variable ) {
			$result->add( $kind, $kv_id, ImportBatchResult::SKIPPED, $woo_id, 'not_mapped' );
			return;
		}
		if ( $product instanceof \WC_Product_Variation ) {
			$parent_kv = $this->mapping->kv_id( MappingRepository::KIND_PRODUCT, $product->get_parent_id( 'edit' ) );
			$locks     = null === $parent_kv ? array() : $this->mapping->locks( MappingRepository::KIND_PRODUCT, $parent_kv );
		}
		$spec = FieldLocks::apply( $spec_for( $type ), $settings->locked_fields(), $locks, false );
		if ( ! $spec->has( WooProductSpec::STOCK_QUANTITY ) || ( $skip_unmanaged && ! $product->get_manage_stock( 'edit' ) ) ) {
			$result->add( $kind, $kv_id, ImportBatchResult::SKIPPED, $woo_id, 'stock_unchanged' );
			return;
		}
		$tx->item_begin();
		try {
			$this->products->apply( $product, $spec, array(), false );
			$product->save();
			$this->mapping->upsert( $kind, $kv_id, array( 'synced_at' => gmdate( 'Y-m-d H:i:s' ) ) );
			$tx->item_commit();
			$result->add( $kind, $kv_id, ImportBatchResult::UPDATED, $woo_id );
		} catch ( Throwable $e ) {
			$tx->item_rollback();
			$this->fail( $result, $kind, $kv_id, $woo_id, $e->getMessage() );
		}
	}

	private function conflict( ImportBatchResult $result, string $kind, WooProductSpec $spec, IdentityDecision $decision ): void {
		$issue = new CatalogIssue( (string) $decision->reason(), CatalogIssue::SEVERITY_BLOCKING, $kind, $spec->kv_id(), $spec->sku(), array( 'woo_id' => $decision->woo_id() ) );
		$result->add_issue( $issue );
		$this->fail( $result, $kind, $spec->kv_id(), $decision->woo_id(), self::issue_message( $issue ) );
	}

	/**
	 * Records a failed item: mapping row last_error (woo_id untouched), sync history, result.
	 */
	private function fail( ImportBatchResult $result, string $kind, int $kv_id, ?int $woo_id, string $message, bool $counted = true ): void {
		$this->mapping->record_error( $kind, $kv_id, $message );
		$this->log->record(
			SyncLogWriter::CHANNEL_IMPORT,
			$kind,
			SyncLogWriter::RESULT_ERROR,
			sprintf( 'KiotViet %s %d not written: %s', $kind, $kv_id, $message ),
			array(),
			array(
				'object_type' => $kind,
				'object_id'   => $woo_id,
				'kiotviet_id' => $kv_id,
			)
		);
		$result->add( $kind, $kv_id, ImportBatchResult::FAILED, $woo_id, $message, $counted );
	}

	private static function issue_message( CatalogIssue $issue ): string {
		$details = $issue->details();
		return $issue->code() . ( '' !== $issue->sku() ? ' (' . $issue->sku() . ')' : '' ) . ( array() === $details ? '' : ' ' . (string) wp_json_encode( $details ) );
	}

	/** The store's weight unit wins over whatever the settings were built with. */
	private function with_store_weight_unit( CatalogSettings $settings ): CatalogSettings {
		$unit = (string) get_option( 'woocommerce_weight_unit', 'kg' );
		if ( ! in_array( $unit, CatalogSettings::WEIGHT_UNITS, true ) || $unit === $settings->weight_unit() ) {
			return $settings;
		}
		return new CatalogSettings( $settings->stock_branch_id(), $settings->stock_mode(), $settings->regular_book_id(), $settings->sale_book_id(), $settings->match_by_sku(), $settings->locked_fields(), $unit, $settings->now() );
	}

	private function schedule_images(): void {
		if ( null !== $this->scheduler && ! $this->scheduler->is_scheduled( self::IMAGES_HOOK ) ) {
			$this->scheduler->schedule_single( self::IMAGES_HOOK, array(), self::IMAGES_DELAY, true );
		}
	}
}
