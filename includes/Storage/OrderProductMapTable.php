<?php
/**
 * Reads and writes product links in the catalog mapping table for the order push.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Orders\ProductMap;

/**
 * ProductMap over `{prefix}kiotviet_sync_map` (retailer, kind product|variation|category, kv_id, woo_id, sku, …;
 * UNIQUE(retailer, kind, kv_id), KEY(kind, woo_id)) as pinned in docs/architecture.md. The table belongs to the
 * catalog (migration step 2, Storage\MappingRepository); until it exists lookups find nothing and links are
 * not recorded (orders still resolve by SKU or by creating/finding the WEB- product).
 */
final class OrderProductMapTable implements ProductMap {

	public const TABLE = 'kiotviet_sync_map';

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Retailer of the current connection.
	 *
	 * @var string
	 */
	private string $retailer;

	/**
	 * Whether the table exists (null = not checked yet).
	 *
	 * @var bool|null
	 */
	private ?bool $exists = null;

	/**
	 * Creates the map.
	 *
	 * @param \wpdb  $wpdb     Database.
	 * @param string $retailer Retailer of the current connection.
	 */
	public function __construct( \wpdb $wpdb, string $retailer ) {
		$this->wpdb     = $wpdb;
		$this->retailer = $retailer;
	}

	/**
	 * Full table name.
	 */
	private function table(): string {
		return $this->wpdb->prefix . self::TABLE;
	}

	/**
	 * Whether the table exists.
	 */
	private function exists(): bool {
		if ( null === $this->exists ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$found        = $this->wpdb->get_var( $this->wpdb->prepare( 'SHOW TABLES LIKE %s', $this->wpdb->esc_like( $this->table() ) ) );
			$this->exists = null !== $found;
		}
		return $this->exists;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param int $woo_id Product or variation id.
	 * @return array{id:int,code:string}|null
	 */
	public function kiotviet_product( int $woo_id ): ?array {
		if ( $woo_id <= 0 || ! $this->exists() ) {
			return null;
		}
		$suppress = $this->wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$row = $this->wpdb->get_row(
			$this->wpdb->prepare(
				"SELECT kv_id, sku FROM {$this->table()} WHERE kind IN ('product','variation') AND woo_id = %d AND retailer = %s ORDER BY id DESC LIMIT 1", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$woo_id,
				$this->retailer
			),
			ARRAY_A
		);
		$this->wpdb->suppress_errors( $suppress );
		if ( ! is_array( $row ) || (int) $row['kv_id'] <= 0 ) {
			return null;
		}
		return array(
			'id'   => (int) $row['kv_id'],
			'code' => (string) ( $row['sku'] ?? '' ),
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param int    $woo_id       Product or variation id.
	 * @param bool   $is_variation Whether it is a variation.
	 * @param int    $kiotviet_id  KiotViet product id.
	 * @param string $code         KiotViet product code.
	 * @param string $sku          Woo SKU.
	 */
	public function remember( int $woo_id, bool $is_variation, int $kiotviet_id, string $code, string $sku ): void {
		if ( $woo_id <= 0 || $kiotviet_id <= 0 || ! $this->exists() || null !== $this->kiotviet_product( $woo_id ) ) {
			return;
		}
		unset( $sku );
		$suppress = $this->wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->wpdb->query(
			$this->wpdb->prepare(
				"INSERT IGNORE INTO {$this->table()} (retailer, kind, kv_id, woo_id, sku, synced_at) VALUES (%s, %s, %d, %d, %s, %s)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$this->retailer,
				$is_variation ? 'variation' : 'product',
				$kiotviet_id,
				$woo_id,
				$code,
				gmdate( 'Y-m-d H:i:s' )
			)
		);
		$this->wpdb->suppress_errors( $suppress );
	}
}
