<?php
/**
 * MappingLookup over {prefix}kiotviet_sync_map.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks\Woo;

/**
 * Reads the mapping table of the architecture contract (retailer, kind, kv_id, woo_id, locked_fields …),
 * scoped to the connected retailer. Uses Storage\MappingRepository when it exists; queries the table
 * read-only otherwise, and answers "unmapped" while the table does not exist yet.
 */
final class MapTableLookup implements MappingLookup {

	public const TABLE = 'kiotviet_sync_map';

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Retailer.
	 *
	 * @var string
	 */
	private string $retailer;

	/**
	 * Whether the table exists (checked once).
	 *
	 * @var bool|null
	 */
	private ?bool $exists = null;

	/**
	 * Creates the lookup.
	 *
	 * @param \wpdb  $wpdb     Database.
	 * @param string $retailer Connected retailer.
	 */
	public function __construct( \wpdb $wpdb, string $retailer ) {
		$this->wpdb     = $wpdb;
		$this->retailer = $retailer;
	}

	/**
	 * Mapped product or variation.
	 *
	 * @param int $kv_id Id.
	 * @return array{woo_id: int, kind: string, locked_fields: list<string>}|null
	 */
	public function product( int $kv_id ): ?array {
		if ( ! $this->exists() ) {
			return null;
		}
		$table = $this->wpdb->prefix . self::TABLE;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT kind, woo_id, locked_fields FROM {$table} WHERE retailer = %s AND kind IN ('product','variation') AND kv_id = %d ORDER BY kind = 'variation' DESC LIMIT 1", $this->retailer, $kv_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! is_array( $row ) || (int) $row['woo_id'] <= 0 ) {
			return null;
		}
		$locks = json_decode( (string) ( $row['locked_fields'] ?? '' ), true );
		return array(
			'woo_id'        => (int) $row['woo_id'],
			'kind'          => (string) $row['kind'],
			'locked_fields' => is_array( $locks ) ? array_values( array_map( 'strval', $locks ) ) : array(),
		);
	}

	/**
	 * Mapped term.
	 *
	 * @param int $kv_id Id.
	 */
	public function category( int $kv_id ): ?int {
		if ( ! $this->exists() ) {
			return null;
		}
		$table = $this->wpdb->prefix . self::TABLE;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
		$id = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT woo_id FROM {$table} WHERE retailer = %s AND kind = 'category' AND kv_id = %d", $this->retailer, $kv_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_numeric( $id ) && (int) $id > 0 ? (int) $id : null;
	}

	/**
	 * Unlinks a category.
	 *
	 * @param int $kv_id Id.
	 */
	public function unmap_category( int $kv_id ): void {
		if ( ! $this->exists() ) {
			return;
		}
		$this->wpdb->delete( // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
			$this->wpdb->prefix . self::TABLE,
			array(
				'retailer' => $this->retailer,
				'kind'     => 'category',
				'kv_id'    => $kv_id,
			),
			array( '%s', '%s', '%d' )
		);
	}

	/**
	 * Whether the mapping table exists.
	 */
	private function exists(): bool {
		if ( null === $this->exists ) {
			$table        = $this->wpdb->prefix . self::TABLE;
			$this->exists = $table === $this->wpdb->get_var( $this->wpdb->prepare( 'SHOW TABLES LIKE %s', $this->wpdb->esc_like( $table ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
		}
		return $this->exists;
	}
}
