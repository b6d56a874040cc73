<?php
/**
 * Catalog cache routes.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Storage\SyncSettings;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Support\Clock;
use KiotVietSync\Support\PluginException;
use KiotVietSync\Sync\Catalog\Runs\CatalogPreviewService;
use KiotVietSync\Sync\Catalog\Runs\CategoryTree;
use KiotVietSync\Sync\Catalog\Runs\Run;
use KiotVietSync\Sync\Catalog\Runs\SettingsBuilder;
use KiotVietSync\Sync\Connection\ConnectionService;
use WP_REST_Request;
use WP_REST_Server;

/**
 * GET /catalog/categories, GET /catalog/products, PUT /catalog/selection, PUT /catalog/products/{id}/locks,
 * GET /catalog/preview (docs/architecture.md "Catalog (issue 5)"). Everything reads the local cache with
 * indexed queries; nothing calls KiotViet.
 */
final class CatalogController extends AbstractController {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'catalog';

	private CatalogCacheRepository $cache;

	private ConnectionService $connection;

	private SyncSettingsRepository $settings;

	private CatalogPreviewService $preview;

	private Clock $clock;

	private ?MappingRepository $mapping;

	public function __construct( CatalogCacheRepository $cache, ConnectionService $connection, SyncSettingsRepository $settings, CatalogPreviewService $preview, Clock $clock, ?MappingRepository $mapping = null ) {
		$this->cache      = $cache;
		$this->connection = $connection;
		$this->settings   = $settings;
		$this->preview    = $preview;
		$this->clock      = $clock;
		$this->mapping    = $mapping;
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/catalog/categories',
			array( $this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_categories' ) ) )
		);
		register_rest_route(
			$this->namespace,
			'/catalog/products',
			array( $this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_products' ), self::products_query_schema() ) )
		);
		register_rest_route(
			$this->namespace,
			'/catalog/selection',
			array( $this->endpoint( 'PUT', array( $this, 'put_selection' ), self::selection_schema() ) )
		);
		register_rest_route(
			$this->namespace,
			'/catalog/products/(?P<id>\d+)/locks',
			array( $this->endpoint( 'PUT', array( $this, 'put_locks' ), self::locks_schema() ) )
		);
		register_rest_route(
			$this->namespace,
			'/catalog/preview',
			array( $this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_preview' ) ) )
		);
	}

	/**
	 * The connected retailer.
	 *
	 * @throws PluginException 409 when not connected.
	 */
	private function retailer(): string {
		$retailer = $this->connection->current()->retailer();
		if ( null === $retailer || '' === $retailer ) {
			throw new PluginException( 'kiotviet_sync_not_connected', __( 'Connect to KiotViet first.', 'kiotviet-sync' ), 409 );
		}
		return $retailer;
	}

	private function tree( string $retailer ): CategoryTree {
		return new CategoryTree( $this->cache->categories_with_counts( $retailer ) );
	}

	/**
	 * GET /catalog/categories.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function get_categories( WP_REST_Request $request ): array {
		unset( $request );
		return array( 'categories' => $this->tree( $this->retailer() )->flatten() );
	}

	/**
	 * GET /catalog/products.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function get_products( WP_REST_Request $request ): array {
		$retailer = $this->retailer();
		$page     = max( 1, (int) ( $request['page'] ?? 1 ) );
		$per_page = min( 100, max( 1, (int) ( $request['per_page'] ?? 50 ) ) );
		$search   = trim( (string) ( $request['search'] ?? '' ) );
		$filter   = (string) ( $request['filter'] ?? 'all' );
		$category = (int) ( $request['category_id'] ?? 0 );
		$cats     = $category > 0 ? $this->tree( $retailer )->descendants( $category ) : array();

		list( $rows, $total ) = $this->cache->search_products( $retailer, $search, $cats, $filter, $page, $per_page );
		return array(
			'items'       => array_map( array( self::class, 'item' ), $rows ),
			'total'       => $total,
			'page'        => $page,
			'per_page'    => $per_page,
			'total_pages' => (int) ceil( $total / $per_page ),
		);
	}

	/**
	 * A product row as the REST item.
	 *
	 * @param array<string, mixed> $row Row from CatalogCacheRepository.
	 * @return array<string, mixed>
	 */
	public static function item( array $row ): array {
		$locks = null;
		if ( isset( $row['locked_fields'] ) ) {
			$locks = json_decode( (string) $row['locked_fields'], true );
		} elseif ( isset( $row['map_locks'] ) ) {
			$locks = json_decode( (string) $row['map_locks'], true );
		}
		$locks  = is_array( $locks ) ? array_values( array_intersect( SyncSettings::LOCKABLE_FIELDS, $locks ) ) : array();
		$woo_id = isset( $row['woo_id'] ) && (int) $row['woo_id'] > 0 ? (int) $row['woo_id'] : null;
		$synced = isset( $row['synced_at'] ) && '' !== $row['synced_at'] ? strtotime( (string) $row['synced_at'] . ' UTC' ) : false;
		$error  = isset( $row['last_error'] ) && '' !== $row['last_error'] ? (string) $row['last_error'] : null;
		return array(
			'id'                => (int) $row['kv_id'],
			'code'              => (string) $row['code'],
			'name'              => (string) $row['name'],
			'full_name'         => (string) $row['full_name'],
			'category_id'       => null === $row['category_id'] || (int) $row['category_id'] <= 0 ? null : (int) $row['category_id'],
			'category_name'     => null === $row['category_name'] ? null : (string) $row['category_name'],
			'kind'              => (string) $row['kind'],
			'master_product_id' => null === $row['master_product_id'] ? null : (int) $row['master_product_id'],
			'unit'              => '' === (string) $row['unit'] ? null : (string) $row['unit'],
			'base_price'        => null === $row['base_price'] ? 0 : 0 + (float) $row['base_price'],
			'stock'             => null === $row['stock'] ? null : (int) $row['stock'],
			'is_active'         => 1 === (int) $row['is_active'],
			'allows_sale'       => 1 === (int) $row['allows_sale'],
			'selected'          => 1 === (int) $row['selected'],
			'synced'            => null !== $woo_id,
			'woo_product_id'    => $woo_id,
			'last_synced_at'    => false === $synced ? null : Run::iso( (int) $synced ),
			'last_error'        => $error,
			'locked_fields'     => $locks,
		);
	}

	/**
	 * PUT /catalog/selection.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, int>|\WP_Error
	 */
	public function put_selection( WP_REST_Request $request ) {
		$retailer = $this->retailer();
		$action   = (string) $request['action'];
		$scope    = (string) $request['scope'];
		$ids      = is_array( $request['ids'] ) ? array_map( 'intval', $request['ids'] ) : array();
		$category = (int) ( $request['category_id'] ?? 0 );
		$missing  = array();
		if ( ! in_array( $action, array( 'select', 'deselect' ), true ) ) {
			$missing['action'] = __( 'Choose select or deselect.', 'kiotviet-sync' );
		}
		if ( ! in_array( $scope, array( 'ids', 'all', 'new', 'category' ), true ) ) {
			$missing['scope'] = __( 'Choose which products to change.', 'kiotviet-sync' );
		}
		if ( array() !== $missing ) {
			return self::invalid_fields( $missing );
		}
		if ( 'ids' === $scope && array() === $ids ) {
			return self::invalid_fields( array( 'ids' => __( 'Choose at least one product.', 'kiotviet-sync' ) ) );
		}
		if ( 'category' === $scope && $category <= 0 ) {
			return self::invalid_fields( array( 'category_id' => __( 'Choose a category.', 'kiotviet-sync' ) ) );
		}
		$cats = 'category' === $scope ? $this->tree( $retailer )->descendants( $category ) : array();
		$this->cache->set_selected( $retailer, 'select' === $action, $scope, $ids, $cats );
		$counts = $this->cache->counts( $retailer );
		return array(
			'selected' => $counts['selected'],
			'total'    => $counts['products'],
		);
	}

	/**
	 * PUT /catalog/products/{id}/locks.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function put_locks( WP_REST_Request $request ): array {
		$retailer = $this->retailer();
		$id       = (int) $request['id'];
		if ( ! $this->cache->has_product( $retailer, $id ) ) {
			throw new PluginException( 'kiotviet_sync_not_found', __( 'This product is not in the KiotViet catalog. Fetch the data from KiotViet again.', 'kiotviet-sync' ), 404 );
		}
		if ( ! is_array( $request['locked_fields'] ) ) {
			throw new PluginException( 'kiotviet_sync_invalid_field', __( 'Some fields are missing or not valid.', 'kiotviet-sync' ), 400, array( 'locked_fields' => __( 'This field is required.', 'kiotviet-sync' ) ) );
		}
		$fields = array_values( array_intersect( SyncSettings::LOCKABLE_FIELDS, $request['locked_fields'] ) );
		$this->cache->set_locks( $retailer, $id, $fields );
		if ( null !== $this->mapping ) {
			// The writer reads per-product locks from the mapping; a variant's locks belong to its family's
			// parent product (FieldLocks: the parent's locks apply to its variations).
			$family = $this->cache->family_of( $retailer, $id );
			$stored = $this->mapping->find( MappingRepository::KIND_PRODUCT, $family ?? $id );
			// Keep the "Ngừng đồng bộ" switch of the Synced product list (FieldLocks::PAUSED).
			$paused = null !== $stored && \KiotVietSync\Sync\Catalog\FieldLocks::is_paused( $stored['locked_fields'] ) ? array( \KiotVietSync\Sync\Catalog\FieldLocks::PAUSED ) : array();
			$this->mapping->set_locked_fields( MappingRepository::KIND_PRODUCT, $family ?? $id, array_merge( $fields, $paused ) );
		}
		/**
		 * Fires after the merchant changed the per-product locked fields of a KiotViet product.
		 *
		 * @since 0.2.0
		 *
		 * @param int      $kv_id    KiotViet product id.
		 * @param string[] $fields   Locked fields (SyncSettings::LOCKABLE_FIELDS).
		 * @param string   $retailer Retailer.
		 */
		do_action( 'kiotviet_sync_product_locks_changed', $id, $fields, $retailer );
		$row = $this->cache->product_row( $retailer, $id );
		return null === $row ? array() : self::item( $row );
	}

	/**
	 * GET /catalog/preview.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function get_preview( WP_REST_Request $request ): array {
		unset( $request );
		$retailer = $this->retailer();
		$settings = SettingsBuilder::build(
			$this->settings->load(),
			(int) $this->connection->current()->branch_id(),
			(string) get_option( 'woocommerce_weight_unit', 'kg' ),
			$this->clock->now()
		);
		return $this->preview->preview( $retailer, $settings );
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function products_query_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'type'       => 'object',
			'properties' => array(
				'search'      => array(
					'type'      => 'string',
					'maxLength' => 200,
					'default'   => '',
				),
				'category_id' => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
				'filter'      => array(
					'type'    => 'string',
					'enum'    => array( 'all', 'selected', 'unselected', 'new', 'synced' ),
					'default' => 'all',
				),
				'page'        => array(
					'type'    => 'integer',
					'minimum' => 1,
					'default' => 1,
				),
				'per_page'    => array(
					'type'    => 'integer',
					'minimum' => 1,
					'maximum' => 100,
					'default' => 50,
				),
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function selection_schema(): array {
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'action'      => array(
					'type'     => 'string',
					'enum'     => array( 'select', 'deselect' ),
					'required' => true,
				),
				'scope'       => array(
					'type'     => 'string',
					'enum'     => array( 'ids', 'all', 'new', 'category' ),
					'required' => true,
				),
				'ids'         => array(
					'type'     => 'array',
					'items'    => array(
						'type'    => 'integer',
						'minimum' => 1,
					),
					'maxItems' => 10000,
				),
				'category_id' => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function locks_schema(): array {
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'locked_fields' => array(
					'type'     => 'array',
					'required' => true,
					'items'    => array(
						'type' => 'string',
						'enum' => SyncSettings::LOCKABLE_FIELDS,
					),
				),
			),
		);
	}
}
