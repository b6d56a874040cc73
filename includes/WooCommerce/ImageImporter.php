<?php
/**
 * Product images from KiotViet URLs.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\WooCommerce;

use KiotVietSync\Storage\ImageRepository;
use KiotVietSync\Storage\SyncLogWriter;

/**
 * Downloads the images products wait for (meta `_kiotviet_sync_images_pending`, set by the catalog import),
 * once per source URL (ImageRepository), with a size limit, a timeout and the MIME type read from the file,
 * then sets them through CRUD: first = featured image (variation image), rest = gallery. A failed download is
 * retried later with backoff and never blocks product data; after MAX_ATTEMPTS the URL is given up and the
 * product gets the images that did work.
 */
final class ImageImporter {

	public const MAX_BYTES    = 5242880;
	public const TIMEOUT      = 10;
	public const MAX_ATTEMPTS = 5;

	private const MIME_EXTENSIONS = array(
		'image/jpeg' => 'jpg',
		'image/png'  => 'png',
		'image/gif'  => 'gif',
		'image/webp' => 'webp',
	);

	private ImageRepository $images;
	private SyncLogWriter $log;
	/** Host (and port) of KIOTVIET_SYNC_API_BASE: the only non-public host downloads may reach. */
	private string $trusted_host;
	private int $trusted_port;

	public function __construct( ImageRepository $images, SyncLogWriter $log, string $api_base ) {
		$this->images       = $images;
		$this->log          = $log;
		$parts              = wp_parse_url( $api_base );
		$this->trusted_host = is_array( $parts ) && isset( $parts['host'] ) ? strtolower( (string) $parts['host'] ) : '';
		$this->trusted_port = is_array( $parts ) && isset( $parts['port'] ) ? (int) $parts['port'] : 0;
	}

	/**
	 * Handles up to $limit waiting products.
	 *
	 * @return array{processed: int, remaining: int, retry_in: int} retry_in: seconds until a failed URL may be retried (0 = none waiting).
	 */
	public function run( int $limit = 10 ): array {
		$processed = 0;
		$retry_in  = 0;
		$waiting   = 0;
		foreach ( $this->images->pending_products( $limit + 50 ) as $product_id ) {
			if ( $processed >= $limit ) {
				break;
			}
			$outcome = $this->process_product( $product_id );
			if ( is_int( $outcome ) ) {
				++$waiting;
				$retry_in = 0 === $retry_in ? $outcome : min( $retry_in, $outcome );
				continue;
			}
			++$processed;
		}
		$remaining = $this->images->pending_count();
		return array(
			'processed' => $processed,
			'remaining' => $remaining,
			'retry_in'  => $remaining > $waiting ? 0 : max( 1, $retry_in ),
		);
	}

	/**
	 * @return string|int 'done' | 'gone', or seconds to wait when a download must be retried later.
	 */
	public function process_product( int $product_id ) {
		$product = wc_get_product( $product_id );
		if ( ! $product instanceof \WC_Product ) {
			delete_post_meta( $product_id, ImageRepository::PENDING_META );
			return 'gone';
		}
		$urls = json_decode( (string) $product->get_meta( ImageRepository::PENDING_META, true ), true );
		$urls = is_array( $urls ) ? array_values( array_map( 'strval', $urls ) ) : array();
		$ids  = array();
		$wait = 0;
		foreach ( $urls as $url ) {
			$outcome = $this->attachment_for( $url, $product_id );
			if ( $outcome > 0 ) {
				$ids[] = $outcome;
			} elseif ( $outcome < 0 ) {
				$wait = 0 === $wait ? -$outcome : min( $wait, -$outcome );
			}
		}
		if ( $wait > 0 ) {
			return $wait;
		}
		if ( $product instanceof \WC_Product_Variation ) {
			$product->set_image_id( $ids[0] ?? '' );
		} else {
			$product->set_image_id( $ids[0] ?? '' );
			$product->set_gallery_image_ids( array_slice( $ids, 1 ) );
		}
		$product->update_meta_data( ProductWriter::META_IMAGES, $urls );
		$product->delete_meta_data( ImageRepository::PENDING_META );
		SyncGuard::apply( static fn () => $product->save() );
		return 'done';
	}

	/**
	 * Attachment for a source URL, downloading it the first time.
	 *
	 * @return int Attachment id (> 0); 0 = given up; negative = retry in that many seconds.
	 */
	public function attachment_for( string $url, int $parent_id = 0 ): int {
		$row = $this->images->find( $url );
		if ( null !== $row && $row['attachment_id'] > 0 && 'attachment' === get_post_type( $row['attachment_id'] ) ) {
			return $row['attachment_id'];
		}
		if ( null !== $row && $row['attachment_id'] <= 0 ) {
			if ( $row['attempts'] >= self::MAX_ATTEMPTS ) {
				return 0;
			}
			$next = null === $row['next_attempt_at'] ? 0 : (int) strtotime( $row['next_attempt_at'] . ' UTC' );
			if ( $next > time() ) {
				return -( $next - time() );
			}
		}
		$attempts = null === $row ? 0 : $row['attempts'];
		try {
			$id = $this->download( $url, $parent_id );
			$this->images->save_attachment( $url, $id );
			return $id;
		} catch ( \RuntimeException $e ) {
			$delay = (int) min( 3600, 60 * ( 2 ** $attempts ) );
			$this->images->save_failure( $url, $e->getMessage(), $delay );
			$given_up = $attempts + 1 >= self::MAX_ATTEMPTS;
			$this->log->record(
				SyncLogWriter::CHANNEL_IMPORT,
				'image',
				SyncLogWriter::RESULT_ERROR,
				sprintf( $given_up ? 'Image given up after %2$d attempts: %1$s' : 'Image download failed (attempt %2$d, retried later): %1$s', $e->getMessage(), $attempts + 1 ),
				array( 'url' => $url ),
				array(
					'object_type' => 'product',
					'object_id'   => $parent_id,
				)
			);
			return $given_up ? 0 : -$delay;
		}
	}

	/**
	 * @throws \RuntimeException On any failure (network, status, size, type, sideload).
	 */
	private function download( string $url, int $parent_id ): int {
		if ( ! function_exists( 'media_handle_sideload' ) ) {
			require_once ABSPATH . 'wp-admin/includes/file.php';
			require_once ABSPATH . 'wp-admin/includes/media.php';
			require_once ABSPATH . 'wp-admin/includes/image.php';
		}
		$tmp = wp_tempnam( 'kiotviet-image' );
		if ( ! is_string( $tmp ) || '' === $tmp ) {
			throw new \RuntimeException( 'No temporary file.' );
		}
		$trust_host  = function ( $external, $host ) {
			return $external || ( '' !== $this->trusted_host && strtolower( (string) $host ) === $this->trusted_host );
		};
		$trust_port  = function ( $ports, $host ) {
			if ( is_array( $ports ) && $this->trusted_port > 0 && strtolower( (string) $host ) === $this->trusted_host ) {
				$ports[] = $this->trusted_port;
			}
			return $ports;
		};
		add_filter( 'http_request_host_is_external', $trust_host, 10, 2 );
		add_filter( 'http_allowed_safe_ports', $trust_port, 10, 2 );
		try {
			$response = wp_safe_remote_get(
				$url,
				array(
					'timeout'             => self::TIMEOUT,
					'redirection'         => 2,
					'stream'              => true,
					'filename'            => $tmp,
					'limit_response_size' => self::MAX_BYTES + 1,
				)
			);
		} finally {
			remove_filter( 'http_request_host_is_external', $trust_host, 10 );
			remove_filter( 'http_allowed_safe_ports', $trust_port, 10 );
		}
		try {
			if ( is_wp_error( $response ) ) {
				throw new \RuntimeException( $response->get_error_message() );
			}
			$status = (int) wp_remote_retrieve_response_code( $response );
			if ( 200 !== $status ) {
				throw new \RuntimeException( 'HTTP ' . $status );
			}
			clearstatcache( true, $tmp );
			$size = (int) filesize( $tmp );
			if ( $size <= 0 ) {
				throw new \RuntimeException( 'Empty image.' );
			}
			if ( $size > self::MAX_BYTES ) {
				throw new \RuntimeException( sprintf( 'Image larger than %d bytes.', self::MAX_BYTES ) );
			}
			$mime = (string) wp_get_image_mime( $tmp );
			if ( ! isset( self::MIME_EXTENSIONS[ $mime ] ) ) {
				throw new \RuntimeException( 'Not a supported image (' . ( '' === $mime ? 'unknown type' : $mime ) . ').' );
			}
			$file = array(
				'name'     => 'kiotviet-' . substr( sha1( $url ), 0, 16 ) . '.' . self::MIME_EXTENSIONS[ $mime ],
				'tmp_name' => $tmp,
				'type'     => $mime,
				'size'     => (string) $size,
			);
			$id = media_handle_sideload( $file, $parent_id );
			if ( is_wp_error( $id ) ) {
				throw new \RuntimeException( $id->get_error_message() );
			}
			return (int) $id;
		} finally {
			if ( file_exists( $tmp ) ) {
				wp_delete_file( $tmp );
			}
		}
	}
}
