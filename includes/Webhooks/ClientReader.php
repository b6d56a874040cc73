<?php
/**
 * KiotVietReader over the connection's client.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\KiotViet\Client;
use KiotVietSync\KiotViet\Exception\NotFoundException;

/**
 * Builds the client lazily (only when a GET is needed), so processing that needs no call never loads a token.
 */
final class ClientReader implements KiotVietReader {

	/**
	 * Client factory.
	 *
	 * @var callable(): Client
	 */
	private $client_factory;

	/**
	 * Built client.
	 *
	 * @var Client|null
	 */
	private ?Client $client = null;

	/**
	 * Creates the reader.
	 *
	 * @param callable(): Client $client_factory Factory (throws when not connected).
	 */
	public function __construct( callable $client_factory ) {
		$this->client_factory = $client_factory;
	}

	/**
	 * The client.
	 */
	private function client(): Client {
		if ( null === $this->client ) {
			$this->client = ( $this->client_factory )();
		}
		return $this->client;
	}

	/**
	 * GET /products/{id}.
	 *
	 * @param int $id Id.
	 * @return array<mixed>|null
	 */
	public function product( int $id ): ?array {
		try {
			return $this->client()->get( '/products/' . $id );
		} catch ( NotFoundException $e ) {
			return null;
		}
	}

	/**
	 * GET /pricebooks, all pages.
	 *
	 * @return list<array<mixed>>
	 */
	public function price_books(): array {
		$out = array();
		foreach ( $this->client()->paginate( '/pricebooks', array( 'pageSize' => 100 ) ) as $page ) {
			foreach ( $page->data() as $item ) {
				if ( is_array( $item ) ) {
					$out[] = $item;
				}
			}
		}
		return $out;
	}

	/**
	 * GET /categories/{id}.
	 *
	 * @param int $id Id.
	 * @return array<mixed>|null
	 */
	public function category( int $id ): ?array {
		try {
			$data = $this->client()->get( '/categories/' . $id );
		} catch ( NotFoundException $e ) {
			return null;
		}
		return isset( $data['data'] ) && is_array( $data['data'] ) ? $data['data'] : $data;
	}

	/**
	 * Pages of a list.
	 *
	 * @param string       $path  Path.
	 * @param array<mixed> $query Query.
	 * @return iterable<\KiotVietSync\KiotViet\Page>
	 */
	public function pages( string $path, array $query ): iterable {
		return $this->client()->paginate( $path, $query );
	}
}
