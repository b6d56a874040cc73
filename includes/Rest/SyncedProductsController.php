<?php
/**
 * Synced product list routes (seed 2.4 "Danh sách sản phẩm đồng bộ").
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Storage\MappingRepository;
use KiotVietSync\Storage\SyncedProductsQuery;
use KiotVietSync\Support\PluginException;
use KiotVietSync\Sync\Catalog\FieldLocks;
use WP_REST_Request;
use WP_REST_Server;

/**
 * GET /products (WooCommerce parent products, from KiotViet or created in WooCommerce, with their sync state)
 * and PUT /products/{id}/sync (the per-product switch "Đang đồng bộ / Ngừng đồng bộ").
 *
 * Pausing stores FieldLocks::PAUSED among the mapping row's per-product locks: the writer then treats every
 * field as locked (imports, product.update and stock webhooks change nothing on the product), other locks are kept.
 */
final class SyncedProductsController extends AbstractController {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'products';

	private SyncedProductsQuery $query;

	private MappingRepository $mapping;

	public function __construct( SyncedProductsQuery $query, MappingRepository $mapping ) {
		$this->query   = $query;
		$this->mapping = $mapping;
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/products',
			array(
				$this->endpoint(
					WP_REST_Server::READABLE,
					array( $this, 'get_items_page' ),
					self::object_schema(
						array(
						'source'   => array(
							'type'    => 'string',
							'enum'    => SyncedProductsQuery::SOURCES,
							'default' => 'all',
						),
						'state'    => array(
							'type'    => 'string',
							'enum'    => SyncedProductsQuery::STATES,
							'default' => 'all',
						),
						'search'   => array(
							'type'      => 'string',
							'default'   => '',
							'maxLength' => 200,
						),
						'page'     => array(
							'type'    => 'integer',
							'minimum' => 1,
							'default' => 1,
						),
						'per_page' => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 100,
							'default' => 20,
						),
						)
					)
				),
			)
		);
		register_rest_route(
			$this->namespace,
			'/products/(?P<id>\d+)/sync',
			array(
				$this->endpoint(
					'PUT',
					array( $this, 'put_sync' ),
					self::object_schema(
						array(
							'enabled' => array(
								'type'     => 'boolean',
								'required' => true,
							),
						)
					)
				),
			)
		);
	}

	/**
	 * GET /products.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function get_items_page( WP_REST_Request $request ): array {
		$page     = max( 1, (int) ( $request['page'] ?? 1 ) );
		$per_page = min( 100, max( 1, (int) ( $request['per_page'] ?? 20 ) ) );
		list( $rows, $total ) = $this->query->search(
			(string) ( $request['source'] ?? 'all' ),
			(string) ( $request['state'] ?? 'all' ),
			(string) ( $request['search'] ?? '' ),
			$page,
			$per_page
		);
		if ( array() !== $rows ) {
			_prime_post_caches( array_column( $rows, 'id' ), false, true );
		}
		$items = array();
		foreach ( $rows as $row ) {
			$item = self::item( $row );
			if ( null !== $item ) {
				$items[] = $item;
			}
		}
		return array(
			'items'       => $items,
			'total'       => $total,
			'page'        => $page,
			'per_page'    => $per_page,
			'total_pages' => (int) ceil( $total / $per_page ),
		);
	}

	/**
	 * PUT /products/{id}/sync.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 * @throws PluginException 400 without `enabled`, 404 unknown product, 409 not from KiotViet.
	 */
	public function put_sync( WP_REST_Request $request ): array {
		if ( ! is_bool( $request['enabled'] ) ) {
			throw new PluginException( 'kiotviet_sync_invalid_field', __( 'Some fields are missing or not valid.', 'kiotviet-sync' ), 400, array( 'enabled' => __( 'This field is required.', 'kiotviet-sync' ) ) );
		}
		$id      = (int) $request['id'];
		$product = wc_get_product( $id );
		if ( ! $product instanceof \WC_Product || 'product' !== get_post_type( $id ) ) {
			throw new PluginException( 'kiotviet_sync_not_found', __( 'This product does not exist.', 'kiotviet-sync' ), 404 );
		}
		$kv_id = $this->mapping->kv_id( MappingRepository::KIND_PRODUCT, $id );
		$row   = null === $kv_id ? null : $this->mapping->find( MappingRepository::KIND_PRODUCT, $kv_id );
		if ( null === $kv_id || null === $row ) {
			throw new PluginException( 'kiotviet_sync_not_synced', __( 'This product was created in WooCommerce; KiotViet does not update it.', 'kiotviet-sync' ), 409 );
		}
		$enabled = (bool) $request['enabled'];
		$locks   = array_values(
			array_filter(
				$row['locked_fields'],
				static function ( string $lock ): bool {
					return FieldLocks::PAUSED !== $lock;
				}
			)
		);
		if ( ! $enabled ) {
			$locks[] = FieldLocks::PAUSED;
		}
		$this->mapping->set_locked_fields( MappingRepository::KIND_PRODUCT, $kv_id, $locks );

		/**
		 * Fires after the merchant switched KiotViet updates of one product on or off (Synced product list).
		 *
		 * @since 0.2.0
		 *
		 * @param int  $woo_id  WooCommerce product id.
		 * @param int  $kv_id   KiotViet product id.
		 * @param bool $enabled Whether KiotViet updates the product.
		 */
		do_action( 'kiotviet_sync_product_sync_toggled', $id, $kv_id, $enabled );

		$fresh = $this->mapping->find( MappingRepository::KIND_PRODUCT, $kv_id );
		$item  = self::item(
			array(
				'id'         => $id,
				'kv_id'      => $kv_id,
				'kv_code'    => null !== $fresh ? $fresh['sku'] : null,
				'synced_at'  => null !== $fresh ? $fresh['synced_at'] : null,
				'last_error' => null !== $fresh && null !== $fresh['last_error'] && '' !== $fresh['last_error'] ? $fresh['last_error'] : null,
				'paused'     => ! $enabled,
			)
		);
		return (array) $item;
	}

	/**
	 * A query row as the REST item (null when the product cannot be loaded).
	 *
	 * @param array{id: int, kv_id: ?int, kv_code: ?string, synced_at: ?string, last_error: ?string, paused: bool} $row Row.
	 * @return array<string, mixed>|null
	 */
	public static function item( array $row ): ?array {
		$product = wc_get_product( $row['id'] );
		if ( ! $product instanceof \WC_Product ) {
			return null;
		}
		$variable = $product instanceof \WC_Product_Variable;
		if ( $variable ) {
			$prices = $product->get_variation_prices( false );
			$reg    = array_map( 'floatval', (array) ( $prices['price'] ?? array() ) );
			$price = array(
				'regular_price' => null,
				'sale_price'    => null,
				'min_price'     => array() === $reg ? null : self::money( min( $reg ) ),
				'max_price'     => array() === $reg ? null : self::money( max( $reg ) ),
			);
			$stock = null;
			if ( $product->get_manage_stock() ) {
				$stock = null === $product->get_stock_quantity() ? null : (int) $product->get_stock_quantity();
			} else {
				$sum   = 0;
				$known = false;
				foreach ( $product->get_children() as $child_id ) {
					$child = wc_get_product( $child_id );
					if ( $child instanceof \WC_Product && $child->managing_stock() && null !== $child->get_stock_quantity() ) {
						$sum  += (int) $child->get_stock_quantity();
						$known = true;
					}
				}
				$stock = $known ? $sum : null;
			}
		} else {
			$price = array(
				'regular_price' => '' === (string) $product->get_regular_price() ? null : (string) $product->get_regular_price(),
				'sale_price'    => '' === (string) $product->get_sale_price() ? null : (string) $product->get_sale_price(),
				'min_price'     => null,
				'max_price'     => null,
			);
			$stock = $product->managing_stock() && null !== $product->get_stock_quantity() ? (int) $product->get_stock_quantity() : null;
		}
		$image_id  = (int) $product->get_image_id();
		$image     = $image_id > 0 ? wp_get_attachment_image_url( $image_id, 'thumbnail' ) : false;
		$synced    = null !== $row['synced_at'] ? strtotime( $row['synced_at'] . ' UTC' ) : false;
		$kiotviet  = null !== $row['kv_id'];
		$edit_link = get_edit_post_link( $row['id'], 'raw' );
		return array_merge(
			array(
				'id'     => (int) $row['id'],
				'name'   => $product->get_name(),
				'sku'    => '' === (string) $product->get_sku() ? null : (string) $product->get_sku(),
				'type'   => $variable ? 'variable' : 'simple',
				'status' => (string) $product->get_status(),
			),
			$price,
			array(
				'stock_quantity' => $stock,
				'stock_status'   => (string) $product->get_stock_status(),
				'image_url'      => is_string( $image ) && '' !== $image ? $image : null,
				'source'         => $kiotviet ? 'kiotviet' : 'woocommerce',
				'kiotviet_id'    => $row['kv_id'],
				'kiotviet_code'  => $row['kv_code'],
				'sync_enabled'   => $kiotviet && ! $row['paused'],
				'last_synced_at' => false === $synced ? null : (string) wp_date( 'c', $synced ),
				'last_error'     => $row['last_error'],
				'edit_url'       => is_string( $edit_link ) && '' !== $edit_link ? $edit_link : admin_url( 'post.php?post=' . (int) $row['id'] . '&action=edit' ),
			)
		);
	}

	/**
	 * @param array<string, mixed> $properties
	 * @return array<string, mixed>
	 */
	private static function object_schema( array $properties ): array {
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => $properties,
		);
	}

	private static function money( float $value ): string {
		return wc_format_decimal( $value );
	}
}
