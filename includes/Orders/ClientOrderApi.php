<?php
/**
 * KiotVietOrderApi over the KiotViet client.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Orders;

use KiotVietSync\KiotViet\Client;
use KiotVietSync\KiotViet\Exception\NotFoundException;
use KiotVietSync\Sync\Orders\KiotVietOrderApi;
use KiotVietSync\Sync\Orders\SurchargeRef;

/**
 * The seven calls of the order push plus the shipping surcharge (GET/POST /surchages, THKSHIPPINGWEB).
 * Exceptions of the client propagate; OrderPusher classifies them.
 */
final class ClientOrderApi implements KiotVietOrderApi {

	/**
	 * KiotViet client.
	 *
	 * @var Client
	 */
	private Client $client;

	/**
	 * Cached ManagerCustomerByBranch.
	 *
	 * @var bool|null
	 */
	private ?bool $by_branch = null;

	/**
	 * Creates the adapter.
	 *
	 * @param Client $client KiotViet client.
	 */
	public function __construct( Client $client ) {
		$this->client = $client;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $code Product code.
	 * @return array<string,mixed>|null
	 */
	public function find_product_by_code( string $code ): ?array {
		try {
			$product = $this->client->get( '/products/code/' . rawurlencode( $code ) );
		} catch ( NotFoundException $e ) {
			return null;
		}
		return self::unwrap( $product );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param array<string,mixed> $payload Product.
	 * @return array<string,mixed>
	 */
	public function create_product( array $payload ): array {
		return self::unwrap( $this->client->post( '/products', $payload ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param array<string,mixed> $query Query.
	 * @return array<int,array<string,mixed>>
	 */
	public function search_customers( array $query ): array {
		$envelope = $this->client->get( '/customers', $query );
		$items    = array();
		foreach ( (array) ( $envelope['data'] ?? array() ) as $item ) {
			if ( is_array( $item ) ) {
				$items[] = $item;
			}
		}
		return $items;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param array<string,mixed> $payload Customer.
	 * @return array<string,mixed>
	 */
	public function create_customer( array $payload ): array {
		return $this->client->post( '/customers', $payload );
	}

	/**
	 * {@inheritDoc}
	 */
	public function manages_customers_by_branch(): bool {
		if ( null === $this->by_branch ) {
			$settings        = $this->client->get( '/settings' );
			$this->by_branch = (bool) ( $settings['ManagerCustomerByBranch'] ?? $settings['managerCustomerByBranch'] ?? false );
		}
		return $this->by_branch;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param array<string,mixed> $query Query.
	 * @return array<string,mixed>
	 */
	public function list_orders( array $query ): array {
		return $this->client->get( '/orders', $query );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param array<string,mixed> $payload Order.
	 * @return array<string,mixed>
	 */
	public function create_order( array $payload ): array {
		return self::unwrap( $this->client->post( '/orders', $payload ) );
	}

	/**
	 * The active shipping surcharge THKSHIPPINGWEB, created when missing.
	 */
	public function shipping_surcharge(): SurchargeRef {
		$offset = 0;
		for ( $page = 0; $page < 10; $page++ ) {
			$envelope = $this->client->get(
				'/surchages',
				array(
					'pageSize'    => 100,
					'currentItem' => $offset,
				)
			);
			$items    = (array) ( $envelope['data'] ?? array() );
			foreach ( $items as $item ) {
				if ( is_array( $item ) && SurchargeRef::SHIPPING_CODE === (string) ( $item['surchargeCode'] ?? $item['code'] ?? '' ) ) {
					return new SurchargeRef( (int) $item['id'], SurchargeRef::SHIPPING_CODE );
				}
			}
			$offset += count( $items );
			if ( array() === $items || $offset >= (int) ( $envelope['total'] ?? 0 ) ) {
				break;
			}
		}
		$created = self::unwrap(
			$this->client->post(
				'/surchages',
				array(
					'name'  => 'Phí vận chuyển (Website)',
					'code'  => SurchargeRef::SHIPPING_CODE,
					'value' => 0,
				)
			)
		);
		return new SurchargeRef( (int) ( $created['id'] ?? 0 ), SurchargeRef::SHIPPING_CODE );
	}

	/**
	 * The object of a possibly wrapped ({message, data}) response.
	 *
	 * @param array<string,mixed> $response Response.
	 * @return array<string,mixed>
	 */
	private static function unwrap( array $response ): array {
		if ( ! isset( $response['id'] ) && isset( $response['data'] ) && is_array( $response['data'] ) && isset( $response['data']['id'] ) ) {
			return $response['data'];
		}
		return $response;
	}
}
