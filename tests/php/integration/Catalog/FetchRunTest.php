<?php
/**
 * Fetch run against the simulator's demo shop, through the real REST server.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Catalog;

/**
 * Connect → fetch → cache counts, categories, search, selection, preview, resume after a crash, GET budget,
 * permissions.
 */
final class FetchRunTest extends CatalogTestCase {

	public function test_branch_selection_starts_a_fetch_that_fills_the_cache_within_the_get_budget(): void {
		$this->connect_demo();
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'fetch', $status['run']['kind'] );
		self::assertSame( 'queued', $status['run']['state'] );

		$this->sim_post( '/__sim/requests/clear' );
		$steps = $this->runner()->run_until_idle( 500 );
		self::assertGreaterThan( 3, $steps );

		$sim    = $this->sim_get( '/__sim/state' );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'done', $status['run']['state'], (string) wp_json_encode( $status ) );
		self::assertSame( 'done', $status['run']['phase'] );
		self::assertSame( $sim['counts']['products'], $status['catalog']['products'] );
		self::assertSame( $sim['counts']['categories'], $status['catalog']['categories'] );
		self::assertSame( 0, $status['catalog']['selected'] );
		self::assertNotNull( $status['last_fetch_at'] );
		foreach ( $status['run']['phases'] as $phase ) {
			self::assertSame( 'done', $phase['state'], $phase['name'] );
		}

		$budget = (int) ( ceil( $sim['counts']['products'] / 100 ) + ceil( $sim['counts']['categories'] / 100 ) + 10 );
		self::assertLessThanOrEqual( $budget, $this->api_gets() );

		// Stock of the chosen branch: onHand − reserved at 5001, never negative; services have none.
		$products = array();
		foreach ( $sim['products'] as $p ) {
			$products[ (int) $p['id'] ] = $p;
		}
		$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'per_page' => 100, 'search' => 'COCA330' ) ) );
		self::assertGreaterThanOrEqual( 2, $page['total'] );
		foreach ( $page['items'] as $item ) {
			if ( 'unit' === $item['kind'] ) {
				self::assertNotNull( $item['stock'] );
				continue;
			}
			$inv      = $products[ $item['id'] ]['inventories']['5001'] ?? null;
			self::assertNotNull( $inv, $item['code'] );
			$expected = max( 0, (float) $inv['onHand'] - (float) ( $inv['reserved'] ?? 0 ) );
			self::assertSame( (int) floor( $expected ), $item['stock'], $item['code'] );
		}
	}

	public function test_a_second_fetch_is_incremental_and_applies_changes_and_deletions(): void {
		$this->connect_and_fetch();
		$sim   = $this->sim_get( '/__sim/state?only=products' );
		$first = $sim['products'][0];
		$last  = $sim['products'][ count( $sim['products'] ) - 1 ];
		$this->sim_post( '/__sim/products/' . $first['id'], array( 'name' => 'Tên mới 100% _test_' ), 'PUT' );
		$this->sim_post( '/__sim/products/' . $last['id'], array(), 'DELETE' );

		$this->sim_post( '/__sim/requests/clear' );
		$r = $this->rest( 'POST', 'sync/fetch' );
		self::assertSame( 202, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
		$this->runner()->run_until_idle( 100 );
		self::assertLessThanOrEqual( 5, $this->api_gets() );

		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( count( $sim['products'] ) - 1, $status['catalog']['products'] );
		$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'search' => '100% _test_' ) ) );
		self::assertSame( 1, $page['total'] );
		self::assertSame( (int) $first['id'], $page['items'][0]['id'] );
	}

	public function test_changing_the_branch_recomputes_stock_without_a_full_refetch(): void {
		$this->connect_and_fetch();
		$sim = $this->sim_get( '/__sim/state?only=products' );
		$coca = null;
		foreach ( $sim['products'] as $p ) {
			if ( 'COCA330' === $p['code'] ) {
				$coca = $p;
			}
		}
		self::assertNotNull( $coca );
		$this->sim_post( '/__sim/requests/clear' );
		$r = $this->rest( 'PUT', 'connection/branch', array( 'branch_id' => 5002 ) );
		self::assertSame( 200, $r->get_status() );

		$item     = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'search' => 'COCA330' ) ) )['items'];
		$by_code  = array_column( $item, null, 'code' );
		$inv      = $coca['inventories']['5002'];
		$expected = (int) floor( max( 0, $inv['onHand'] - ( $inv['reserved'] ?? 0 ) ) );
		self::assertSame( $expected, $by_code['COCA330']['stock'], 'recomputed before any KiotViet call' );
		self::assertSame( (int) floor( $expected / 24 ), $by_code['COCA330-T24']['stock'] );

		$this->runner()->run_until_idle( 50 );
		self::assertLessThanOrEqual( 6, $this->api_gets(), 'the fetch after a branch change is incremental' );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'done', $status['run']['state'] );
	}

	public function test_categories_tree_counts_include_descendants_and_parents_come_first(): void {
		$this->connect_and_fetch();
		$cats = $this->data( $this->rest( 'GET', 'catalog/categories' ) )['categories'];
		$sim  = $this->sim_get( '/__sim/state?only=categories,products' );
		self::assertCount( count( $sim['categories'] ), $cats );

		$seen = array();
		foreach ( $cats as $c ) {
			if ( null !== $c['parent_id'] ) {
				self::assertArrayHasKey( $c['parent_id'], $seen, 'parent listed before child' );
			}
			$seen[ $c['id'] ] = $c;
		}
		// Roots add up to every product that has a category.
		$with_category = 0;
		foreach ( $sim['products'] as $p ) {
			if ( isset( $p['categoryId'] ) ) {
				++$with_category;
			}
		}
		$roots = 0;
		foreach ( $cats as $c ) {
			if ( null === $c['parent_id'] ) {
				$roots += $c['product_count'];
			}
		}
		self::assertSame( $with_category, $roots );

		// category_id filter includes descendants.
		$root = null;
		foreach ( $cats as $c ) {
			if ( null === $c['parent_id'] && $c['product_count'] > 0 ) {
				$root = $c;
				break;
			}
		}
		self::assertNotNull( $root );
		$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'category_id' => $root['id'] ) ) );
		self::assertSame( $root['product_count'], $page['total'] );
	}

	public function test_search_by_name_and_code_treats_sql_metacharacters_as_text(): void {
		$this->connect_and_fetch();
		$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'search' => 'POLO-DO-S' ) ) );
		self::assertGreaterThanOrEqual( 1, $page['total'] );
		self::assertSame( 'POLO-DO-S', $page['items'][0]['code'] );

		$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'search' => 'Áo Polo' ) ) );
		self::assertGreaterThanOrEqual( 2, $page['total'] );

		foreach ( array( '%', '_', "'", '\\', "%' OR 1=1 -- " ) as $needle ) {
			$r = $this->rest( 'GET', 'catalog/products', array(), array( 'search' => $needle ) );
			self::assertSame( 200, $r->get_status() );
			$data     = $this->data( $r );
			$expected = 0;
			foreach ( $this->sim_get( '/__sim/state?only=products' )['products'] as $p ) {
				$hay = ( $p['name'] ?? '' ) . "\n" . ( $p['fullName'] ?? '' ) . "\n" . ( $p['code'] ?? '' );
				if ( false !== mb_stripos( $hay, $needle ) ) {
					++$expected;
				}
			}
			self::assertSame( $expected, $data['total'], 'search ' . $needle );
		}

		// Pagination.
		$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'per_page' => 20, 'page' => 2 ) ) );
		self::assertCount( 20, $page['items'] );
		self::assertSame( 2, $page['page'] );
		self::assertSame( (int) ceil( $page['total'] / 20 ), $page['total_pages'] );
	}

	public function test_selection_scopes_and_families(): void {
		$this->connect_and_fetch();
		$page   = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'search' => 'POLO-DO-S' ) ) );
		$member = $page['items'][0];
		self::assertSame( 'variant', $member['kind'] );
		$family_size = 0;
		foreach ( $this->sim_get( '/__sim/state?only=products' )['products'] as $p ) {
			$master = $member['master_product_id'] ?? $member['id'];
			if ( (int) $p['id'] === $master || (int) ( $p['masterProductId'] ?? 0 ) === $master ) {
				if ( ! isset( $p['masterUnitId'] ) ) {
					++$family_size;
				}
			}
		}
		$r = $this->data(
			$this->rest(
				'PUT',
				'catalog/selection',
				array(
					'action' => 'select',
					'scope'  => 'ids',
					'ids'    => array( $member['id'] ),
				)
			)
		);
		self::assertSame( $family_size, $r['selected'] );
		self::assertGreaterThan( 1, $family_size );

		$r = $this->data( $this->rest( 'PUT', 'catalog/selection', array( 'action' => 'select', 'scope' => 'all' ) ) );
		self::assertSame( $r['total'], $r['selected'] );
		$r = $this->data( $this->rest( 'PUT', 'catalog/selection', array( 'action' => 'deselect', 'scope' => 'all' ) ) );
		self::assertSame( 0, $r['selected'] );
		$r = $this->data( $this->rest( 'PUT', 'catalog/selection', array( 'action' => 'select', 'scope' => 'new' ) ) );
		self::assertSame( $r['total'], $r['selected'] );
		$this->rest( 'PUT', 'catalog/selection', array( 'action' => 'deselect', 'scope' => 'all' ) );

		$cats = $this->data( $this->rest( 'GET', 'catalog/categories' ) )['categories'];
		$root = null;
		foreach ( $cats as $c ) {
			if ( null === $c['parent_id'] && $c['product_count'] > 0 ) {
				$root = $c;
				break;
			}
		}
		$r = $this->data(
			$this->rest(
				'PUT',
				'catalog/selection',
				array(
					'action'      => 'select',
					'scope'       => 'category',
					'category_id' => $root['id'],
				)
			)
		);
		self::assertGreaterThanOrEqual( $root['product_count'], $r['selected'] );
		$cats = $this->data( $this->rest( 'GET', 'catalog/categories' ) )['categories'];
		foreach ( $cats as $c ) {
			if ( $c['id'] === $root['id'] ) {
				self::assertSame( $c['product_count'], $c['selected_count'] );
			}
		}
		$filtered = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'filter' => 'selected', 'per_page' => 100 ) ) );
		self::assertSame( $r['selected'], $filtered['total'] );

		// Validation.
		$bad = $this->rest( 'PUT', 'catalog/selection', array( 'action' => 'select', 'scope' => 'ids' ) );
		self::assertSame( 400, $bad->get_status() );
		self::assertSame( 'kiotviet_sync_invalid_field', $bad->as_error()->get_error_code() );
		$bad = $this->rest( 'PUT', 'catalog/selection', array( 'action' => 'nope', 'scope' => 'all' ) );
		self::assertSame( 400, $bad->get_status() );
	}

	public function test_locks_and_preview(): void {
		$this->connect_and_fetch();
		$page = $this->data( $this->rest( 'GET', 'catalog/products', array(), array( 'search' => 'COCA330' ) ) );
		$id   = $page['items'][0]['id'];
		$r    = $this->rest( 'PUT', 'catalog/products/' . $id . '/locks', array( 'locked_fields' => array( 'name', 'stock' ) ) );
		self::assertSame( 200, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
		self::assertSame( array( 'name', 'stock' ), $this->data( $r )['locked_fields'] );
		self::assertSame( 404, $this->rest( 'PUT', 'catalog/products/999/locks', array( 'locked_fields' => array() ) )->get_status() );
		self::assertSame( 400, $this->rest( 'PUT', 'catalog/products/' . $id . '/locks', array( 'locked_fields' => array( 'sku' ) ) )->get_status() );

		$this->rest( 'PUT', 'catalog/selection', array( 'action' => 'select', 'scope' => 'all' ) );
		$r = $this->rest( 'GET', 'catalog/preview' );
		self::assertSame( 200, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
		$preview = $this->data( $r );
		$sim     = $this->sim_get( '/__sim/state' );
		$planned = 0;
		foreach ( array( 'products', 'variations' ) as $key ) {
			$planned += $preview[ $key ]['create'] + $preview[ $key ]['update'] + $preview[ $key ]['skip'] + $preview[ $key ]['conflict'];
		}
		self::assertGreaterThan( 0, $preview['products']['create'] );
		self::assertGreaterThan( 0, $preview['variations']['create'] );
		self::assertSame( $sim['counts']['categories'], $preview['categories']['create'] + $preview['categories']['conflict'] );
		self::assertGreaterThanOrEqual( $sim['counts']['products'], $planned );
		foreach ( $preview['conflicts'] as $conflict ) {
			self::assertArrayHasKey( 'kiotviet_id', $conflict );
			self::assertArrayHasKey( 'message', $conflict );
		}
	}

	public function test_a_killed_fetch_resumes_to_the_same_cache(): void {
		// Reference: an uninterrupted fetch.
		$this->connect_and_fetch();
		$reference = $this->cache()->fingerprint( 'demo' );
		self::assertNotEmpty( $reference );

		// Forget the cache and the watermark, then fetch again but "crash" after 2 steps.
		global $wpdb;
		$wpdb->query( "DELETE FROM {$this->cache()->products_table()}" ); // phpcs:ignore
		$this->cache()->update_meta( 'demo', array( 'watermark' => null ) );
		$r = $this->data( $this->rest( 'POST', 'sync/fetch' ) );
		$id = $r['run']['id'];
		$repo = $this->runner()->repository();
		self::assertTrue( $repo->claim( $id, 'dead-worker', time(), time() - 300 ) );
		self::assertSame( 0, $this->runner()->run_until_idle( 10 ), 'a live lock blocks other workers' );
		$repo->release( $id, 'dead-worker' );
		self::assertSame( 2, $this->runner()->run_until_idle( 2 ) );
		self::assertTrue( $repo->claim( $id, 'dead-worker', time(), time() - 300 ) );
		$repo->set_heartbeat( $id, time() - 3600 );

		$this->runner()->run_until_idle( 500 );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'done', $status['run']['state'] );
		self::assertSame( $reference, $this->cache()->fingerprint( 'demo' ) );
	}

	public function test_one_run_at_a_time_and_pause_resume_cancel(): void {
		$this->connect_demo();
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		$id     = $status['run']['id'];
		$r      = $this->rest( 'POST', 'sync/fetch' );
		self::assertSame( 409, $r->get_status() );
		self::assertSame( 'kiotviet_sync_run_active', $r->as_error()->get_error_code() );
		self::assertSame( 409, $this->rest( 'POST', 'sync/import' )->get_status() );

		$this->runner()->run_until_idle( 1 );
		$r = $this->data( $this->rest( 'POST', "sync/runs/{$id}/pause" ) );
		self::assertSame( 'paused', $r['run']['state'] );
		self::assertSame( 0, $this->runner()->run_until_idle( 10 ) );
		$r = $this->data( $this->rest( 'POST', "sync/runs/{$id}/resume" ) );
		self::assertSame( 'queued', $r['run']['state'] );
		self::assertGreaterThan( 0, $this->runner()->run_until_idle( 1 ) );
		$r = $this->data( $this->rest( 'POST', "sync/runs/{$id}/cancel" ) );
		self::assertSame( 'cancelled', $r['run']['state'] );
		self::assertSame( 0, $this->runner()->run_until_idle( 10 ) );
		self::assertSame( 409, $this->rest( 'POST', "sync/runs/{$id}/resume" )->get_status() );
		self::assertSame( 404, $this->rest( 'POST', 'sync/runs/999999/pause' )->get_status() );

		// A new run may start now.
		self::assertSame( 202, $this->rest( 'POST', 'sync/fetch' )->get_status() );
	}

	public function test_disconnect_cancels_the_active_run(): void {
		$this->connect_demo();
		$this->rest( 'DELETE', 'connection' );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'cancelled', $status['run']['state'] );
		$r = $this->rest( 'POST', 'sync/fetch' );
		self::assertSame( 409, $r->get_status() );
		self::assertSame( 'kiotviet_sync_not_connected', $r->as_error()->get_error_code() );
	}

	public function test_price_books_lists_the_general_list_and_valid_books(): void {
		$this->connect_and_fetch();
		$r = $this->data( $this->rest( 'GET', 'price-books' ) );
		self::assertSame( 0, $r['price_books'][0]['id'] );
		self::assertTrue( $r['price_books'][0]['is_general'] );
		$ids = array_column( $r['price_books'], 'id' );
		self::assertContains( 77, $ids );
		self::assertSame( 0, $r['regular_price_book_id'] );
		self::assertNull( $r['sale_price_book_id'] );

		$this->sim_post( '/__sim/pricebooks/77', array( 'isActive' => false ) );
		$this->rest( 'POST', 'sync/fetch' );
		$this->runner()->run_until_idle( 50 );
		$ids = array_column( $this->data( $this->rest( 'GET', 'price-books' ) )['price_books'], 'id' );
		self::assertNotContains( 77, $ids );
	}

	/**
	 * @return array<int, array{0: string, 1: string, 2: array<string, mixed>}>
	 */
	private static function routes(): array {
		return array(
			array( 'GET', 'sync/status', array() ),
			array( 'POST', 'sync/fetch', array() ),
			array( 'POST', 'sync/import', array() ),
			array( 'POST', 'sync/runs/1/pause', array() ),
			array( 'GET', 'catalog/categories', array() ),
			array( 'GET', 'catalog/products', array() ),
			array(
				'PUT',
				'catalog/selection',
				array(
					'action' => 'select',
					'scope'  => 'all',
				),
			),
			array( 'PUT', 'catalog/products/1/locks', array( 'locked_fields' => array() ) ),
			array( 'GET', 'catalog/preview', array() ),
			array( 'GET', 'price-books', array() ),
		);
	}

	public function test_permissions(): void {
		foreach ( array( 'anonymous' => 401, 'customer' => 403 ) as $role => $code ) {
			$this->as_role( $role );
			foreach ( self::routes() as $route ) {
				$r = $this->rest( $route[0], $route[1], $route[2] );
				self::assertSame( $code, $r->get_status(), $role . ' ' . $route[0] . ' ' . $route[1] );
			}
		}
	}
}
