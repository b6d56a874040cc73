<?php
/**
 * Import run end to end: cache → WooCommerce through the real writer.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Catalog;

/**
 * Connect, fetch, select, import; products appear in WooCommerce; a second import updates without duplicating;
 * per-product locks reach the writer.
 */
final class ImportRunTest extends CatalogTestCase {

	/**
	 * Selects products by code (whole families follow).
	 *
	 * @param string[] $codes Codes.
	 */
	private function select_codes( array $codes ): void {
		$ids = array();
		foreach ( $codes as $code ) {
			$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'search' => $code ) ) );
			foreach ( $page['items'] as $item ) {
				if ( $item['code'] === $code ) {
					$ids[] = $item['id'];
				}
			}
		}
		self::assertCount( count( $codes ), $ids );
		$this->rest( 'PUT', 'catalog/selection', array( 'action' => 'select', 'scope' => 'ids', 'ids' => $ids ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function import(): array {
		$r = $this->rest( 'POST', 'sync/import' );
		self::assertSame( 202, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
		self::assertSame( 'import', $this->data( $r )['run']['kind'] );
		$this->runner()->run_until_idle( 200 );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'done', $status['run']['state'], (string) wp_json_encode( $status ) );
		return $status;
	}

	public function test_selected_products_are_written_to_woocommerce_once(): void {
		$this->connect_and_fetch();
		$this->select_codes( array( 'POLO-DO-S', 'COCA330', 'COCA330-T24' ) );
		$selected = $this->data( $this->rest( 'GET', 'sync/status' ) )['catalog']['selected'];
		self::assertGreaterThan( 3, $selected, 'the Polo family is selected as a whole' );

		$status = $this->import();
		self::assertSame( 0, $status['run']['counts']['failed'], (string) wp_json_encode( $status ) );
		self::assertGreaterThan( 0, $status['run']['counts']['created'] );
		self::assertNotNull( $status['last_import_at'] );

		$coca = wc_get_product_id_by_sku( 'COCA330' );
		self::assertGreaterThan( 0, $coca );
		self::assertGreaterThan( 0, wc_get_product_id_by_sku( 'COCA330-T24' ) );
		$variation = wc_get_product( wc_get_product_id_by_sku( 'POLO-DO-S' ) );
		self::assertInstanceOf( \WC_Product::class, $variation );
		self::assertSame( 'variation', $variation->get_type() );
		$parent = wc_get_product( $variation->get_parent_id() );
		self::assertSame( 'variable', $parent->get_type() );
		self::assertSame( 'Áo Polo', $parent->get_name() );

		$synced = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'filter' => 'synced', 'per_page' => 100 ) ) );
		self::assertSame( $selected, $synced['total'] );
		foreach ( $synced['items'] as $item ) {
			self::assertTrue( $item['synced'] );
			self::assertNotNull( $item['woo_product_id'] );
			self::assertNotNull( $item['last_synced_at'] );
		}
		$new = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'filter' => 'new' ) ) );
		self::assertSame( $status['catalog']['products'] - $selected, $new['total'] );

		// Preview now sees updates, not creations.
		$preview = $this->data( $this->rest( 'GET', 'catalog/preview' ) );
		self::assertSame( 0, $preview['products']['create'] );
		self::assertSame( 0, $preview['variations']['create'] );

		// A second import never duplicates.
		$count_before = count( wc_get_products( array( 'limit' => -1, 'return' => 'ids', 'type' => array( 'simple', 'variable' ) ) ) );
		$status       = $this->import();
		self::assertSame( 0, $status['run']['counts']['created'] );
		self::assertSame( 0, $status['run']['counts']['failed'] );
		self::assertSame( $count_before, count( wc_get_products( array( 'limit' => -1, 'return' => 'ids', 'type' => array( 'simple', 'variable' ) ) ) ) );
	}

	public function test_per_product_locks_reach_the_writer(): void {
		$this->connect_and_fetch();
		$this->select_codes( array( 'COCA330' ) );
		$this->import();
		$woo_id = wc_get_product_id_by_sku( 'COCA330' );
		$name   = wc_get_product( $woo_id )->get_name();

		$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'search' => 'COCA330' ) ) );
		$id   = 0;
		foreach ( $page['items'] as $item ) {
			if ( 'COCA330' === $item['code'] ) {
				$id = $item['id'];
			}
		}
		$r = $this->rest( 'PUT', "catalog/products/{$id}/locks", array( 'locked_fields' => array( 'name' ) ) );
		self::assertSame( array( 'name' ), $this->data( $r )['locked_fields'] );

		$this->sim_post( "/__sim/products/{$id}", array( 'name' => 'Coca đổi tên' ), 'PUT' );
		$this->rest( 'POST', 'sync/fetch' );
		$this->runner()->run_until_idle( 50 );
		$this->import();
		wp_cache_flush();
		self::assertSame( $name, wc_get_product( $woo_id )->get_name() );
	}
}
