<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\KiotViet;

use KiotVietSync\KiotViet\HttpResponse;
use KiotVietSync\KiotViet\Page;
use KiotVietSync\Tests\Unit\Fakes\ClientKit;
use KiotVietSync\Tests\Unit\Fakes\FakeTransport;
use PHPUnit\Framework\TestCase;

/**
 * paginate(): offset paging by the number of items actually returned, robust to servers that cap pageSize.
 */
final class PaginationTest extends TestCase {

	/**
	 * A list server over $total items that serves at most $cap per page, whatever pageSize says.
	 *
	 * @param int  $total      Items.
	 * @param int  $cap        Largest page served.
	 * @param bool $echo_asked Echo the requested pageSize (a silent cap) instead of the effective one.
	 * @param bool $with_total Include "total".
	 * @return callable
	 */
	private static function server( int $total, int $cap, bool $echo_asked = false, bool $with_total = true ): callable {
		return static function ( string $method, string $url ) use ( $total, $cap, $echo_asked, $with_total ): HttpResponse {
			parse_str( (string) parse_url( $url, PHP_URL_QUERY ), $query );
			$offset = (int) ( $query['currentItem'] ?? 0 );
			$asked  = (int) ( $query['pageSize'] ?? 20 );
			$size   = min( $asked, $cap );
			$data   = array();
			for ( $i = $offset; $i < min( $total, $offset + $size ); $i++ ) {
				$data[] = array( 'id' => 1000 + $i );
			}
			$body = array(
				'pageSize'   => $echo_asked ? $asked : $size,
				'data'       => $data,
				'removedIds' => 0 === $offset ? array( 7, 8 ) : array(),
				'timestamp'  => '2025-06-11T08:00:00.1230000+07:00',
			);
			if ( $with_total ) {
				$body['total'] = $total;
			}
			return FakeTransport::json( 200, $body );
		};
	}

	/**
	 * @param iterable<Page> $pages Pages.
	 * @return int[]
	 */
	private static function ids( iterable $pages ): array {
		$ids = array();
		foreach ( $pages as $page ) {
			foreach ( $page->data() as $item ) {
				$ids[] = (int) $item['id'];
			}
		}
		return $ids;
	}

	/**
	 * @param ClientKit $kit Kit.
	 * @return array<int, array<string, string>>
	 */
	private static function queries( ClientKit $kit ): array {
		$out = array();
		foreach ( $kit->transport->api_requests() as $request ) {
			parse_str( (string) parse_url( $request['url'], PHP_URL_QUERY ), $query );
			$out[] = $query;
		}
		return $out;
	}

	public function test_reads_more_than_100_items_in_pages_of_100(): void {
		$kit = new ClientKit();
		$kit->transport->fallback( self::server( 250, 100 ) );

		$pages = iterator_to_array( $kit->client->paginate( '/products', array( 'includeInventory' => true ) ), false );

		self::assertCount( 3, $pages );
		self::assertSame( range( 1000, 1249 ), self::ids( $pages ) );
		self::assertSame( array( '0', '100', '200' ), array_column( self::queries( $kit ), 'currentItem' ) );
		self::assertSame( array( '100', '100', '100' ), array_column( self::queries( $kit ), 'pageSize' ) );
		self::assertSame( 'true', self::queries( $kit )[0]['includeInventory'] );
		self::assertSame( array( 7, 8 ), $pages[0]->removed_ids() );
		self::assertSame( '2025-06-11T08:00:00.1230000+07:00', $pages[0]->timestamp() );
		self::assertSame( 250, $pages[0]->total() );
		self::assertSame( 200, $pages[2]->offset() );
	}

	public function test_a_server_that_silently_caps_page_size_is_read_completely(): void {
		$kit = new ClientKit();
		$kit->transport->fallback( self::server( 250, 50, true ) );

		$ids = self::ids( $kit->client->paginate( '/products' ) );

		self::assertSame( range( 1000, 1249 ), $ids, 'no item skipped, none duplicated' );
		self::assertSame( array( '0', '50', '100', '150', '200' ), array_column( self::queries( $kit ), 'currentItem' ) );
	}

	public function test_a_server_returning_fewer_items_than_asked_and_uneven_pages(): void {
		$kit   = new ClientKit();
		$sizes = array( 37, 100, 1, 60 );
		$kit->transport->fallback(
			static function ( string $method, string $url ) use ( &$sizes ): HttpResponse {
				parse_str( (string) parse_url( $url, PHP_URL_QUERY ), $query );
				$offset = (int) $query['currentItem'];
				$size   = (int) array_shift( $sizes );
				$data   = array();
				for ( $i = $offset; $i < min( 198, $offset + $size ); $i++ ) {
					$data[] = array( 'id' => $i );
				}
				return FakeTransport::json( 200, array( 'total' => 198, 'data' => $data ) );
			}
		);

		self::assertSame( range( 0, 197 ), self::ids( $kit->client->paginate( '/customers' ) ) );
		self::assertSame( array( '0', '37', '137', '138' ), array_column( self::queries( $kit ), 'currentItem' ) );
	}

	public function test_stops_on_an_empty_page_even_if_total_claims_more(): void {
		$kit = new ClientKit();
		$kit->transport->queue(
			FakeTransport::json( 200, array( 'total' => 500, 'data' => array( array( 'id' => 1 ), array( 'id' => 2 ) ) ) ),
			FakeTransport::json( 200, array( 'total' => 500, 'data' => array() ) )
		);
		self::assertSame( array( 1, 2 ), self::ids( $kit->client->paginate( '/products' ) ) );
		self::assertCount( 2, $kit->transport->api_requests() );
	}

	public function test_without_total_it_reads_until_a_page_is_empty(): void {
		$kit = new ClientKit();
		$kit->transport->fallback( self::server( 130, 100, false, false ) );
		self::assertCount( 130, self::ids( $kit->client->paginate( '/categories' ) ) );
		self::assertCount( 3, $kit->transport->api_requests() );
	}

	public function test_empty_list_is_one_request(): void {
		$kit = new ClientKit();
		$kit->transport->fallback( self::server( 0, 100 ) );
		$pages = iterator_to_array( $kit->client->paginate( '/branches' ), false );
		self::assertCount( 1, $pages );
		self::assertSame( array(), $pages[0]->data() );
		self::assertCount( 1, $kit->transport->api_requests() );
	}

	public function test_resumes_from_a_given_offset(): void {
		$kit = new ClientKit();
		$kit->transport->fallback( self::server( 250, 100 ) );
		self::assertSame( range( 1200, 1249 ), self::ids( $kit->client->paginate( '/products', array( 'currentItem' => 200 ) ) ) );
	}

	public function test_pages_are_fetched_lazily(): void {
		$kit = new ClientKit();
		$kit->transport->fallback( self::server( 1000, 100 ) );
		foreach ( $kit->client->paginate( '/products' ) as $page ) {
			self::assertCount( 100, $page->data() );
			break;
		}
		self::assertCount( 1, $kit->transport->api_requests() );
	}
}
