<?php
/**
 * Downloaded product images and the products waiting for theirs.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * `{prefix}kiotviet_sync_images`: source URL (primary key sha1(url)) → attachment id, with failed attempts and
 * the time of the next try. A URL is downloaded once; lookups are by primary key (never a postmeta LIKE scan).
 * Products waiting for images carry the meta `_kiotviet_sync_images_pending` (found through the meta_key index).
 */
final class ImageRepository {

	public const TABLE        = 'kiotviet_sync_images';
	public const PENDING_META = '_kiotviet_sync_images_pending';

	private \wpdb $wpdb;

	public function __construct( \wpdb $wpdb ) {
		$this->wpdb = $wpdb;
	}

	public function table(): string {
		return $this->wpdb->prefix . self::TABLE;
	}

	/**
	 * @return array{url: string, attachment_id: int, attempts: int, last_error: ?string, next_attempt_at: ?string}|null
	 */
	public function find( string $url ): ?array {
		$table = $this->table();
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$table} WHERE url_hash = %s", sha1( $url ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! is_array( $row ) ) {
			return null;
		}
		return array(
			'url'             => (string) $row['url'],
			'attachment_id'   => (int) $row['attachment_id'],
			'attempts'        => (int) $row['attempts'],
			'last_error'      => isset( $row['last_error'] ) ? (string) $row['last_error'] : null,
			'next_attempt_at' => isset( $row['next_attempt_at'] ) ? (string) $row['next_attempt_at'] : null,
		);
	}

	public function save_attachment( string $url, int $attachment_id ): void {
		$table = $this->table();
		$this->wpdb->query(
			$this->wpdb->prepare(
				"INSERT INTO {$table} (url_hash, url, attachment_id, attempts, last_error, next_attempt_at, updated_at) VALUES (%s, %s, %d, 0, NULL, NULL, %s) ON DUPLICATE KEY UPDATE attachment_id = VALUES(attachment_id), attempts = 0, last_error = NULL, next_attempt_at = NULL, updated_at = VALUES(updated_at)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				sha1( $url ),
				$url,
				$attachment_id,
				gmdate( 'Y-m-d H:i:s' )
			)
		);
	}

	public function save_failure( string $url, string $error, int $retry_in_seconds ): void {
		$table = $this->table();
		$now   = time();
		$this->wpdb->query(
			$this->wpdb->prepare(
				"INSERT INTO {$table} (url_hash, url, attachment_id, attempts, last_error, next_attempt_at, updated_at) VALUES (%s, %s, 0, 1, %s, %s, %s) ON DUPLICATE KEY UPDATE attempts = attempts + 1, last_error = VALUES(last_error), next_attempt_at = VALUES(next_attempt_at), updated_at = VALUES(updated_at)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				sha1( $url ),
				$url,
				substr( $error, 0, 1000 ),
				gmdate( 'Y-m-d H:i:s', $now + $retry_in_seconds ),
				gmdate( 'Y-m-d H:i:s', $now )
			)
		);
	}

	/**
	 * Products (and variations) waiting for images, oldest first.
	 *
	 * @return int[]
	 */
	public function pending_products( int $limit ): array {
		$ids = $this->wpdb->get_col(
			$this->wpdb->prepare( "SELECT post_id FROM {$this->wpdb->postmeta} WHERE meta_key = %s ORDER BY meta_id ASC LIMIT %d", self::PENDING_META, $limit ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		);
		return array_map( 'intval', (array) $ids );
	}

	public function pending_count(): int {
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT COUNT(*) FROM {$this->wpdb->postmeta} WHERE meta_key = %s", self::PENDING_META ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
}
