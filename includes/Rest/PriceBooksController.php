<?php
/**
 * Price book list route.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Jobs\CatalogFetchJob;
use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Storage\SyncSettingsRepository;
use KiotVietSync\Support\Clock;
use KiotVietSync\Support\PluginException;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\PricePolicy;
use KiotVietSync\Sync\Catalog\Runs\Run;
use KiotVietSync\Sync\Connection\ConnectionService;
use WP_REST_Request;
use WP_REST_Server;

/**
 * GET /price-books: the general price list (id 0) and the active, not expired KiotViet books (seed 2.2), from
 * the catalog cache (fetched live once when the cache has none yet), plus the chosen regular/sale books.
 */
final class PriceBooksController extends AbstractController {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'price-books';

	private CatalogCacheRepository $cache;

	private ConnectionService $connection;

	private SyncSettingsRepository $settings;

	private CatalogFetchJob $fetch;

	private Clock $clock;

	public function __construct( CatalogCacheRepository $cache, ConnectionService $connection, SyncSettingsRepository $settings, CatalogFetchJob $fetch, Clock $clock ) {
		$this->cache      = $cache;
		$this->connection = $connection;
		$this->settings   = $settings;
		$this->fetch      = $fetch;
		$this->clock      = $clock;
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/price-books',
			array( $this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_price_books' ) ) )
		);
	}

	/**
	 * GET /price-books.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function get_price_books( WP_REST_Request $request ): array {
		unset( $request );
		$retailer = $this->connection->current()->retailer();
		if ( null === $retailer || '' === $retailer ) {
			throw new PluginException( 'kiotviet_sync_not_connected', __( 'Connect to KiotViet first.', 'kiotviet-sync' ), 409 );
		}
		$meta = $this->cache->meta( $retailer );
		if ( isset( $meta['price_books'] ) && is_array( $meta['price_books'] ) ) {
			$raw = $meta['price_books'];
		} else {
			$raw = $this->fetch->fetch_price_books();
			$this->cache->update_meta( $retailer, array( 'price_books' => $raw ) );
		}
		$now   = new \DateTimeImmutable( '@' . $this->clock->now() );
		$books = array(
			array(
				'id'         => KvPriceBook::GENERAL_PRICE_LIST_ID,
				'name'       => __( 'General price book', 'kiotviet-sync' ),
				'is_general' => true,
				'start_date' => null,
				'end_date'   => null,
			),
		);
		foreach ( PricePolicy::eligible_books( KvPriceBook::map_from_array( $raw ), $now ) as $book ) {
			$books[] = array(
				'id'         => $book->id(),
				'name'       => $book->name(),
				'is_general' => false,
				'start_date' => null === $book->start_date() ? null : Run::iso( $book->start_date()->getTimestamp() ),
				'end_date'   => null === $book->end_date() ? null : Run::iso( $book->end_date()->getTimestamp() ),
			);
		}
		$settings = $this->settings->load();
		$sale     = $settings->get( 'sale_price_book_id' );
		return array(
			'price_books'           => $books,
			'regular_price_book_id' => (int) $settings->get( 'regular_price_book_id' ),
			'sale_price_book_id'    => null === $sale ? null : (int) $sale,
		);
	}
}
