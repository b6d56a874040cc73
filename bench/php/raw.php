<?php
/**
 * Bench worker: the naive WooCommerce baseline. How a straightforward importer writes: WooCommerce CRUD, one
 * save() per object (category terms, simple products, variable parents, variations), default autocommit,
 * no transactions, no preloading, no deferred counting.
 *
 * Untimed preparation: the KiotViet data is fetched into the plugin's cache (fetch run) and mapped with the
 * plugin's pure planner (ProductPlanner, the same rules), so both runs are asked to write the same data; the
 * timed part is only the WooCommerce writes. A representative subset (every Nth family, the same mix) may be
 * written; the rate is per item (simple product or variation).
 *
 *   php bench/php/raw.php SITE_DIR STRIDE [profile]
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

require __DIR__ . '/common.php';

use KiotVietSync\Plugin;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\ProductPlanner;
use KiotVietSync\Sync\Catalog\Runs\SettingsBuilder;
use KiotVietSync\Sync\Catalog\WooProductSpec as S;

$stride                   = max( 1, (int) ( $argv[2] ?? 1 ) );
KvsBenchQueries::$profile = 'profile' === ( $argv[3] ?? '' );
KvsBenchQueries::install();
kvs_bench_admin();
$services = Plugin::instance()->services();
$runner   = $services->catalog_run_runner();

// ---- Untimed preparation: fetch into the cache, plan with the plugin's rules. ----
$r = kvs_bench_rest( 'POST', 'kiotviet-sync/v1/connection', array( 'retailer' => 'demo', 'client_id' => 'demo-client', 'client_secret' => 'demo-secret' ) );
if ( 200 !== $r['status'] ) {
	fwrite( STDERR, 'connect failed: ' . wp_json_encode( $r ) . "\n" );
	exit( 1 );
}
$branches = kvs_bench_rest( 'GET', 'kiotviet-sync/v1/branches' );
kvs_bench_rest( 'PUT', 'kiotviet-sync/v1/connection/branch', array( 'branch_id' => (int) $branches['data']['branches'][0]['id'] ) );
$runner->run_until_idle( 100000 );
kvs_bench_rest( 'PUT', 'kiotviet-sync/v1/settings', array( 'regular_price_book_id' => 101, 'sale_price_book_id' => 103 ) );

$cache    = $services->catalog_cache();
$retailer = 'demo';
$meta     = $cache->meta( $retailer );
$books    = KvPriceBook::map_from_array( isset( $meta['price_books'] ) && is_array( $meta['price_books'] ) ? $meta['price_books'] : array() );
$settings = SettingsBuilder::build(
	$services->sync_settings_repository()->load(),
	(int) $services->connection_repository()->load()->branch_id(),
	(string) get_option( 'woocommerce_weight_unit', 'kg' ),
	time()
);
$categories = array();
foreach ( $cache->category_payloads( $retailer ) as $raw ) {
	$c = KvCategory::from_array( $raw );
	if ( $c->id() > 0 && ! $c->is_deleted() ) {
		$categories[ $c->id() ] = $c;
	}
}
$products = array();
$families = array();
$after    = 0;
while ( true ) {
	$rows = $cache->families_after( $retailer, $after, 500, false );
	if ( array() === $rows ) {
		break;
	}
	foreach ( $rows as $row ) {
		$p                         = KvProduct::from_array( $row['payload'] );
		$products[ $p->id() ]      = $p;
		$families[ (int) $row['family_id'] ][] = $p->id();
		$after                     = max( $after, (int) $row['family_id'] );
	}
}
ksort( $families );
$keep = array();
$i    = 0;
foreach ( $families as $family => $ids ) {
	if ( 0 === $i++ % $stride ) {
		foreach ( $ids as $id ) {
			$keep[ $id ] = true;
		}
	}
}
$set = ProductPlanner::plan( array_values( $products ), $books, $settings, $products );
$simple   = array();
$variable = array();
foreach ( $set->simple() as $plan ) {
	if ( isset( $keep[ $plan->product()->id() ] ) ) {
		$simple[] = $plan->spec()->to_array();
	}
}
foreach ( $set->variable() as $plan ) {
	if ( isset( $keep[ $plan->family_id() ] ) ) {
		$vars = array();
		foreach ( $plan->variations() as $spec ) {
			$vars[] = $spec->to_array();
		}
		$variable[] = array( 'parent' => $plan->parent()->to_array(), 'variations' => $vars );
	}
}
unset( $products, $set );
$items = count( $simple );
foreach ( $variable as $v ) {
	$items += count( $v['variations'] );
}

/** Naive field mapping (the plugin's spec keys are WC setter names). */
function kvs_raw_apply( WC_Product $p, array $f, array $terms ): void {
	$is_variation = $p instanceof WC_Product_Variation;
	if ( isset( $f[ S::NAME ] ) && ! $is_variation ) {
		$p->set_name( (string) $f[ S::NAME ] );
	}
	if ( isset( $f[ S::SKU ] ) && '' !== $f[ S::SKU ] ) {
		$p->set_sku( (string) $f[ S::SKU ] );
	}
	if ( array_key_exists( S::DESCRIPTION, $f ) && ! $is_variation ) {
		$p->set_description( (string) $f[ S::DESCRIPTION ] );
	}
	if ( isset( $f[ S::STATUS ] ) ) {
		$p->set_status( $is_variation && 'publish' !== $f[ S::STATUS ] ? 'private' : (string) $f[ S::STATUS ] );
	}
	if ( array_key_exists( S::MANAGE_STOCK, $f ) ) {
		$p->set_manage_stock( (bool) $f[ S::MANAGE_STOCK ] );
	}
	if ( isset( $f[ S::STOCK_QUANTITY ] ) ) {
		$p->set_stock_quantity( (int) $f[ S::STOCK_QUANTITY ] );
	}
	if ( array_key_exists( S::STOCK_STATUS, $f ) && ! $p instanceof WC_Product_Variable ) {
		$p->set_stock_status( (string) $f[ S::STOCK_STATUS ] );
	}
	if ( array_key_exists( S::LOW_STOCK_AMOUNT, $f ) ) {
		$p->set_low_stock_amount( null === $f[ S::LOW_STOCK_AMOUNT ] ? '' : (int) $f[ S::LOW_STOCK_AMOUNT ] );
	}
	if ( ! $p instanceof WC_Product_Variable ) {
		if ( array_key_exists( S::REGULAR_PRICE, $f ) ) {
			$p->set_regular_price( (string) $f[ S::REGULAR_PRICE ] );
		}
		if ( array_key_exists( S::SALE_PRICE, $f ) ) {
			$p->set_sale_price( (string) $f[ S::SALE_PRICE ] );
		}
		if ( array_key_exists( S::DATE_ON_SALE_FROM, $f ) ) {
			$p->set_date_on_sale_from( $f[ S::DATE_ON_SALE_FROM ] instanceof DateTimeImmutable ? $f[ S::DATE_ON_SALE_FROM ]->getTimestamp() : null );
		}
		if ( array_key_exists( S::DATE_ON_SALE_TO, $f ) ) {
			$p->set_date_on_sale_to( $f[ S::DATE_ON_SALE_TO ] instanceof DateTimeImmutable ? $f[ S::DATE_ON_SALE_TO ]->getTimestamp() : null );
		}
	}
	if ( array_key_exists( S::WEIGHT, $f ) ) {
		$p->set_weight( (string) $f[ S::WEIGHT ] );
	}
	if ( ! $is_variation && array_key_exists( S::CATEGORY_KV_ID, $f ) ) {
		$c = $f[ S::CATEGORY_KV_ID ];
		$p->set_category_ids( null !== $c && isset( $terms[ (int) $c ] ) ? array( $terms[ (int) $c ] ) : array() );
	}
	if ( isset( $f[ S::ATTRIBUTES ] ) && is_array( $f[ S::ATTRIBUTES ] ) ) {
		if ( $is_variation ) {
			$a = array();
			foreach ( $f[ S::ATTRIBUTES ] as $name => $value ) {
				$a[ sanitize_title( (string) $name ) ] = (string) $value;
			}
			$p->set_attributes( $a );
		} else {
			$list = array();
			$pos  = 0;
			foreach ( $f[ S::ATTRIBUTES ] as $name => $values ) {
				$attr = new WC_Product_Attribute();
				$attr->set_id( 0 );
				$attr->set_name( (string) $name );
				$attr->set_options( array_values( array_map( 'strval', (array) $values ) ) );
				$attr->set_position( $pos++ );
				$attr->set_visible( true );
				$attr->set_variation( true );
				$list[] = $attr;
			}
			$p->set_attributes( $list );
		}
	}
}

// ---- Timed: the writes. ----
KvsBenchQueries::$shapes = array();
$q0 = KvsBenchQueries::$count;
$t0 = microtime( true );

$terms   = array();
$pending = $categories;
while ( $pending ) {
	$progress = false;
	foreach ( $pending as $id => $c ) {
		$parent = $c->parent_id();
		if ( null !== $parent && isset( $categories[ $parent ] ) && ! isset( $terms[ $parent ] ) ) {
			continue;
		}
		$res = wp_insert_term( $c->name(), 'product_cat', array( 'parent' => null !== $parent && isset( $terms[ $parent ] ) ? $terms[ $parent ] : 0 ) );
		if ( ! is_wp_error( $res ) ) {
			$terms[ $id ] = (int) $res['term_id'];
		}
		unset( $pending[ $id ] );
		$progress = true;
	}
	if ( ! $progress ) {
		break;
	}
}
$t_cat = microtime( true ) - $t0;

$cap     = (float) ( getenv( 'KVS_BENCH_MAX_SECONDS' ) ?: 0 );
$written = 0;
// Interleave simple products and families in the seed's proportions so a time-capped run keeps the mix.
$queue = array();
$ratio = count( $variable ) > 0 ? count( $simple ) / count( $variable ) : 0;
$si    = 0;
foreach ( $variable as $fi => $family ) {
	while ( $si < count( $simple ) && $si < ( $fi + 1 ) * $ratio ) {
		$queue[] = array( 's', $simple[ $si++ ] );
	}
	$queue[] = array( 'v', $family );
}
while ( $si < count( $simple ) ) {
	$queue[] = array( 's', $simple[ $si++ ] );
}
foreach ( $queue as $job ) {
	if ( $cap > 0 && microtime( true ) - $t0 > $cap ) {
		break;
	}
	if ( 'v' === $job[0] ) {
		$family = $job[1];
		$parent = new WC_Product_Variable();
		kvs_raw_apply( $parent, $family['parent'], $terms );
		$parent_id = $parent->save();
		foreach ( $family['variations'] as $f ) {
			$v = new WC_Product_Variation();
			$v->set_parent_id( $parent_id );
			kvs_raw_apply( $v, $f, $terms );
			$v->save();
			++$written;
		}
		WC_Product_Variable::sync( $parent_id );
		continue;
	}
	$f = $job[1];
	$p = new WC_Product_Simple();
	kvs_raw_apply( $p, $f, $terms );
	$p->save();
	++$written;
}
$seconds = microtime( true ) - $t0;
$queries = KvsBenchQueries::$count - $q0;
$out     = array(
	'stride'            => $stride,
	'planned_items'     => $items,
	'items'             => $written,
	'capped'            => $written < $items,
	'simple'            => count( $simple ),
	'families'          => count( $variable ),
	'categories'        => count( $terms ),
	'seconds'           => $seconds,
	'category_seconds'  => $t_cat,
	'queries'           => $queries,
	'items_per_second'  => $written / max( 0.001, $seconds - $t_cat ),
	'queries_per_item'  => $queries / max( 1, $written ),
);
if ( KvsBenchQueries::$profile ) {
	$out['top_query_shapes'] = KvsBenchQueries::top( 25 );
}
kvs_bench_out( $out );
