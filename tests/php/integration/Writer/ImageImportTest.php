<?php
/**
 * Product images: background job, one download per URL, failures retried later.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Writer;

use KiotVietSync\Storage\ImageRepository;
use KiotVietSync\WooCommerce\ImageImporter;
use KiotVietSync\WooCommerce\ProductWriter;

final class ImageImportTest extends WriterTestCase {

	private function images(): ImageImporter {
		global $wpdb;
		return new ImageImporter( new ImageRepository( $wpdb ), \KiotVietSync\Plugin::instance()->services()->sync_log(), $this->sim_url() );
	}

	public function test_images_are_downloaded_once_by_the_job_and_set_featured_and_gallery(): void {
		$shared = $this->sim_url() . '/images/polo-do-s-1.png';
		$second = $this->sim_url() . '/images/kvs-writer-gallery.png';
		$result = $this->importer->import_batch(
			$this->products(
				array( 'SAC20W', 'CAP-C-2M' ),
				static function ( array $raw ) use ( $shared, $second ): array {
					$raw['images'] = 'SAC20W' === $raw['code'] ? array( $shared, $second ) : array( $shared );
					return $raw;
				}
			),
			array(),
			$this->books(),
			$this->settings()
		);
		self::assertSame( 2, $result->images_queued() );
		$charger = $this->product_by_code( 'SAC20W' );
		self::assertSame( 0, (int) $charger->get_image_id(), 'product data first, images later' );

		$outcome = $this->images()->run( 10 );
		self::assertSame( 2, $outcome['processed'] );
		self::assertSame( 0, $outcome['remaining'] );

		$charger = $this->product_by_code( 'SAC20W' );
		$cable   = $this->product_by_code( 'CAP-C-2M' );
		self::assertGreaterThan( 0, (int) $charger->get_image_id() );
		self::assertCount( 1, $charger->get_gallery_image_ids() );
		self::assertSame( $charger->get_image_id(), $cable->get_image_id(), 'same URL, same attachment' );
		self::assertSame( 'image/png', get_post_mime_type( (int) $charger->get_image_id() ) );
		self::assertSame( array( $shared, $second ), $charger->get_meta( ProductWriter::META_IMAGES, true ) );

		// Re-import with the same URLs queues nothing.
		$again = $this->importer->import_batch( $this->products( array( 'SAC20W' ), static function ( array $raw ) use ( $shared, $second ): array {
			$raw['images'] = array( $shared, $second );
			$raw['name']   = 'Sạc nhanh 20W USB-C (2)';
			return $raw;
		} ), array(), $this->books(), $this->settings() );
		self::assertSame( 0, $again->images_queued() );
	}

	public function test_a_failing_image_is_retried_later_without_blocking_product_data(): void {
		$missing = $this->sim_url() . '/nope/missing.png';
		$this->importer->import_batch( $this->products( array( 'CAP-C-L1M' ), static function ( array $raw ) use ( $missing ): array {
			$raw['images'] = array( $missing );
			return $raw;
		} ), array(), $this->books(), $this->settings() );
		$outcome = $this->images()->run( 10 );
		self::assertSame( 0, $outcome['processed'] );
		self::assertSame( 1, $outcome['remaining'] );
		self::assertGreaterThan( 0, $outcome['retry_in'] );
		global $wpdb;
		$row = ( new ImageRepository( $wpdb ) )->find( $missing );
		self::assertSame( 1, $row['attempts'] );
		self::assertSame( 'Cáp USB-C to Lightning 1m', $this->product_by_code( 'CAP-C-L1M' )->get_name() );
	}

	public function test_images_lock_keeps_the_merchant_images(): void {
		$this->importer->import_batch( $this->products( array( 'OP-IP15' ) ), array(), $this->books(), $this->settings() );
		$this->images()->run( 10 );
		$before = (int) $this->product_by_code( 'OP-IP15' )->get_image_id();
		$result = $this->importer->import_batch( $this->products( array( 'OP-IP15' ), function ( array $raw ): array {
			$raw['images'] = array( $this->sim_url() . '/images/other.png' );
			return $raw;
		} ), array(), $this->books(), $this->settings( array( 'locked_fields' => array( 'images' ) ) ) );
		self::assertSame( 0, $result->images_queued() );
		self::assertSame( $before, (int) $this->product_by_code( 'OP-IP15' )->get_image_id() );
	}

	public function test_loopback_hosts_other_than_the_api_base_stay_refused(): void {
		self::assertFalse( wp_http_validate_url( $this->sim_url() . '/images/x.png' ), 'WordPress refuses loopback by default' );
		$attachment = $this->images()->attachment_for( 'http://127.0.0.2:5999/images/x.png' );
		self::assertLessThan( 0, $attachment, 'not downloaded, retried later' );
	}
}
