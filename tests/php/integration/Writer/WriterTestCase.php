<?php
/**
 * Base of the WooCommerce writer tests: demo catalog fetched from the simulator, an importer for retailer demo.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Writer;

use DateTimeImmutable;
use DateTimeZone;
use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Sync\Catalog\CatalogImporter;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Tests\Integration\TestCase;
use KiotVietSync\WooCommerce\CategoryWriter;
use KiotVietSync\WooCommerce\ProductWriter;

abstract class WriterTestCase extends TestCase {

	/** @var array{products: array<int, array<string, mixed>>, categories: array<int, array<string, mixed>>, books: array<int, array<string, mixed>>}|null */
	private static $seed = null;

	/** @var MappingRepository */
	protected $mapping;
	/** @var CatalogImporter */
	protected $importer;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->mapping  = new MappingRepository( $wpdb, static fn (): string => 'demo' );
		$this->importer = new CatalogImporter( $wpdb, $this->mapping, new ProductWriter(), new CategoryWriter(), \KiotVietSync\Plugin::instance()->services()->sync_log(), null );
		update_option( 'woocommerce_weight_unit', 'kg' );
	}

	/**
	 * Raw demo seed from the simulator's REST API (token, then products with inventories and price books).
	 *
	 * @return array{products: array<int, array<string, mixed>>, categories: array<int, array<string, mixed>>, books: array<int, array<string, mixed>>}
	 */
	protected function seed(): array {
		if ( null !== self::$seed ) {
			return self::$seed;
		}
		$sim   = $this->sim_url();
		$token = wp_remote_post(
			$sim . '/connect/token',
			array(
				'body'    => array(
					'client_id'     => 'demo-client',
					'client_secret' => 'demo-secret',
					'grant_type'    => 'client_credentials',
					'scopes'        => 'PublicApi.Access',
				),
				'timeout' => 10,
			)
		);
		self::assertFalse( is_wp_error( $token ), 'simulator token' );
		$access  = (string) json_decode( (string) wp_remote_retrieve_body( $token ), true )['access_token'];
		$headers = array(
			'Retailer'      => 'demo',
			'Authorization' => 'Bearer ' . $access,
		);
		$get     = static function ( string $path ) use ( $sim, $headers ): array {
			$response = wp_remote_get( $sim . $path, array( 'headers' => $headers, 'timeout' => 15 ) );
			self::assertFalse( is_wp_error( $response ), $path );
			$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
			self::assertIsArray( $data, $path );
			return $data;
		};
		$products = array();
		for ( $offset = 0; ; $offset += 100 ) {
			$page     = $get( '/products?includeInventory=true&includePricebook=true&pageSize=100&orderBy=id&orderDirection=Asc&currentItem=' . $offset );
			$products = array_merge( $products, $page['data'] );
			if ( count( $page['data'] ) < 100 ) {
				break;
			}
		}
		usort( $products, static fn ( array $a, array $b ): int => $a['id'] <=> $b['id'] );
		self::$seed = array(
			'products'   => $products,
			'categories' => $get( '/categories?pageSize=100' )['data'],
			'books'      => $get( '/pricebooks' )['data'],
		);
		return self::$seed;
	}

	/**
	 * @param callable(array<string, mixed>): array<string, mixed>|null $change Edits a raw product.
	 * @return KvProduct[]
	 */
	protected function products( ?array $codes = null, ?callable $change = null ): array {
		$out = array();
		foreach ( $this->seed()['products'] as $raw ) {
			if ( null !== $codes && ! in_array( $raw['code'], $codes, true ) ) {
				continue;
			}
			$out[] = KvProduct::from_array( null === $change ? $raw : $change( $raw ) );
		}
		return $out;
	}

	/**
	 * Products whose code starts with a prefix (families: POLO-, AOTHUN- …).
	 *
	 * @return KvProduct[]
	 */
	protected function family( string $prefix, ?callable $change = null ): array {
		$codes = array();
		foreach ( $this->seed()['products'] as $raw ) {
			if ( 0 === strpos( (string) $raw['code'], $prefix ) ) {
				$codes[] = (string) $raw['code'];
			}
		}
		return $this->products( $codes, $change );
	}

	/**
	 * @return KvCategory[]
	 */
	protected function categories(): array {
		return KvCategory::list_from_array( $this->seed()['categories'] );
	}

	/**
	 * @return array<int, KvPriceBook>
	 */
	protected function books(): array {
		return KvPriceBook::map_from_array( $this->seed()['books'] );
	}

	/**
	 * @param array<string, mixed> $overrides
	 */
	protected function settings( array $overrides = array() ): CatalogSettings {
		return CatalogSettings::from_array(
			array_merge(
				array(
					'stock_branch_id' => 5001,
					'stock_mode'      => 'branch',
					'regular_book_id' => 0,
					'sale_book_id'    => 78,
					'match_by_sku'    => false,
					'locked_fields'   => array(),
					'weight_unit'     => 'kg',
				),
				$overrides
			),
			new DateTimeImmutable( '2026-11-29T10:00:00', new DateTimeZone( 'Asia/Ho_Chi_Minh' ) )
		);
	}

	protected function woo_id( string $kind, int $kv_id ): int {
		$id = $this->mapping->woo_id( $kind, $kv_id );
		self::assertNotNull( $id, "mapping {$kind} {$kv_id}" );
		return (int) $id;
	}

	protected function kv_id_of( string $code ): int {
		foreach ( $this->seed()['products'] as $raw ) {
			if ( $raw['code'] === $code ) {
				return (int) $raw['id'];
			}
		}
		self::fail( 'no product ' . $code );
	}

	protected function product_by_code( string $code ): \WC_Product {
		$kv_id = $this->kv_id_of( $code );
		$id    = $this->mapping->woo_id( MappingRepository::KIND_VARIATION, $kv_id ) ?? $this->mapping->woo_id( MappingRepository::KIND_PRODUCT, $kv_id );
		self::assertNotNull( $id, 'mapped ' . $code );
		wp_cache_flush();
		$product = wc_get_product( (int) $id );
		self::assertInstanceOf( \WC_Product::class, $product );
		return $product;
	}

	protected function count_products(): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type IN ('product','product_variation')" );
	}

	/** Raw seed product by code. */
	protected function raw( string $code ): array {
		foreach ( $this->seed()['products'] as $raw ) {
			if ( $raw['code'] === $code ) {
				return $raw;
			}
		}
		self::fail( 'no product ' . $code );
	}
}
