<?php
/**
 * Disconnect "Xóa thông tin": deletes what the plugin synced into WooCommerce.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Storage\SettingsStore;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Sync\Connection\Connection;

/**
 * On `kiotviet_sync_disconnected` with `delete_products` / `delete_categories`: every Woo product / variation
 * of the mapping table (created or adopted) is force-deleted through WooCommerce CRUD (a variable parent with
 * its variations), mapped `product_cat` terms are deleted with wp_delete_term(), their mapping rows removed;
 * with products the catalog cache is cleared so a reconnect fetches from scratch. Up to BATCH products are
 * deleted in the request (filter `kiotviet_sync_erase_batch`); more → job `kiotviet_sync_erase_synced_data` deletes BATCH per run and re-schedules
 * itself; the pending state (option `kiotviet_sync_erase_state`) is reported as `deleting: true`.
 * One history row (channel connection, action delete_synced_data) records the counts when finished.
 */
final class SyncedDataEraser implements Registerable {

	public const HOOK = 'kiotviet_sync_erase_synced_data';

	public const STATE_OPTION = 'kiotviet_sync_erase_state';

	public const BATCH = 200;

	private MappingRepository $mapping;

	private CatalogCacheRepository $cache;

	private SettingsStore $options;

	private Scheduler $scheduler;

	private SyncLogWriter $log;

	public function __construct( MappingRepository $mapping, CatalogCacheRepository $cache, SettingsStore $options, Scheduler $scheduler, SyncLogWriter $log ) {
		$this->mapping   = $mapping;
		$this->cache     = $cache;
		$this->options   = $options;
		$this->scheduler = $scheduler;
		$this->log       = $log;
	}

	public function register(): void {
		add_action( 'kiotviet_sync_disconnected', array( $this, 'on_disconnected' ), 30, 2 );
		add_action( self::HOOK, array( $this, 'run' ) );
	}

	/**
	 * @param mixed $previous Previous connection.
	 * @param mixed $options  { delete_categories?: bool, delete_products?: bool }.
	 */
	public function on_disconnected( $previous, $options = array() ): void {
		if ( ! $previous instanceof Connection || null === $previous->retailer() || ! is_array( $options ) ) {
			return;
		}
		$this->start( (string) $previous->retailer(), ! empty( $options['delete_categories'] ), ! empty( $options['delete_products'] ) );
	}

	/** Whether a background deletion is pending. */
	public function is_deleting(): bool {
		$state = $this->options->get( self::STATE_OPTION, null );
		return is_array( $state );
	}

	/**
	 * Starts a deletion: inline when small, else in the background.
	 */
	public function start( string $retailer, bool $categories, bool $products ): void {
		if ( ! $categories && ! $products ) {
			return;
		}
		$state = array(
			'retailer'   => $retailer,
			'categories' => $categories,
			'products'   => $products,
			'counts'     => array(
				'products'   => 0,
				'variations' => 0,
				'categories' => 0,
			),
		);
		$this->options->set( self::STATE_OPTION, $state, false );
		$pending = $products ? $this->mapping->count_of( $retailer, MappingRepository::KIND_PRODUCT ) + $this->mapping->count_of( $retailer, MappingRepository::KIND_VARIATION ) : 0;
		if ( $pending > self::batch() ) {
			$this->scheduler->schedule_single( self::HOOK, array(), 0 );
			return;
		}
		$this->run();
	}

	/**
	 * Job callback: one batch; finishes or re-schedules.
	 */
	public function run(): void {
		$state = $this->options->get( self::STATE_OPTION, null );
		if ( ! is_array( $state ) || ! isset( $state['retailer'] ) ) {
			return;
		}
		$retailer = (string) $state['retailer'];
		if ( ! empty( $state['products'] ) ) {
			$budget = self::batch();
			foreach ( array( MappingRepository::KIND_PRODUCT, MappingRepository::KIND_VARIATION ) as $kind ) {
				while ( $budget > 0 ) {
					$rows = $this->mapping->woo_ids_of( $retailer, $kind, min( 50, $budget ) );
					if ( array() === $rows ) {
						break;
					}
					foreach ( $rows as $woo_id ) {
						$deleted = $this->delete_product( $woo_id );
						$state['counts']['products']   += $deleted[0];
						$state['counts']['variations'] += $deleted[1];
					}
					$this->mapping->delete_kv_ids( $retailer, $kind, array_keys( $rows ) );
					$budget -= count( $rows );
				}
			}
			if ( $this->mapping->count_of( $retailer, MappingRepository::KIND_PRODUCT ) + $this->mapping->count_of( $retailer, MappingRepository::KIND_VARIATION ) > 0 ) {
				$this->options->set( self::STATE_OPTION, $state, false );
				$this->scheduler->schedule_single( self::HOOK, array(), 0 );
				return;
			}
			$this->cache->clear( $retailer );
		}
		if ( ! empty( $state['categories'] ) ) {
			while ( true ) {
				$rows = $this->mapping->woo_ids_of( $retailer, MappingRepository::KIND_CATEGORY, 200 );
				if ( array() === $rows ) {
					break;
				}
				foreach ( $rows as $term_id ) {
					if ( $term_id > 0 && term_exists( $term_id, 'product_cat' ) ) {
						$result = wp_delete_term( $term_id, 'product_cat' );
						if ( true === $result ) {
							++$state['counts']['categories'];
						}
					}
				}
				$this->mapping->delete_kv_ids( $retailer, MappingRepository::KIND_CATEGORY, array_keys( $rows ) );
			}
		}
		$this->options->delete( self::STATE_OPTION );
		$counts = $state['counts'];
		$this->log->record(
			SyncLogWriter::CHANNEL_CONNECTION,
			'delete_synced_data',
			SyncLogWriter::RESULT_OK,
			sprintf( 'Synced data deleted after disconnecting: %d products, %d variations, %d categories.', $counts['products'], $counts['variations'], $counts['categories'] ),
			array(
				'retailer'          => $retailer,
				'delete_products'   => ! empty( $state['products'] ),
				'delete_categories' => ! empty( $state['categories'] ),
			) + $counts
		);
	}

	/** Products per request / job run (filter kiotviet_sync_erase_batch, default BATCH). */
	private static function batch(): int {
		return max( 1, (int) apply_filters( 'kiotviet_sync_erase_batch', self::BATCH ) );
	}

	/**
	 * Force-deletes one product (a variable parent with its variations) or variation.
	 *
	 * @return array{0: int, 1: int} Products and variations deleted.
	 */
	private function delete_product( int $woo_id ): array {
		if ( $woo_id <= 0 || ! function_exists( 'wc_get_product' ) ) {
			return array( 0, 0 );
		}
		$product = wc_get_product( $woo_id );
		if ( ! $product ) {
			return array( 0, 0 );
		}
		$variations = 0;
		if ( $product->is_type( 'variation' ) ) {
			return array( 0, $product->delete( true ) ? 1 : 0 );
		}
		if ( $product->is_type( 'variable' ) ) {
			foreach ( $product->get_children() as $child_id ) {
				$child = wc_get_product( $child_id );
				if ( $child && $child->delete( true ) ) {
					++$variations;
				}
			}
		}
		return array( $product->delete( true ) ? 1 : 0, $variations );
	}
}
