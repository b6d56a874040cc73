/**
 * `npm run bench`: brings up two private sites with the simulator's bench seed (bench: the plugin's import;
 * benchraw: the naive WooCommerce baseline), runs the PHP workers in bench/php, compares the data both produced,
 * and writes bench/results.json + docs/benchmarks.md.
 *
 * Env: WOOCOMMERCE_DIR (real WooCommerce; else the stand-in, labelled), KVS_BENCH_ITEMS (default 10000),
 * KVS_BENCH_RAW_ITEMS (baseline subset, default 2000, ≥ 2000 for figures that count),
 * KVS_BENCH_MAX_SECONDS (cap of each timed write phase; 0 = none; a capped phase is reported by rate),
 * KVS_BENCH_SKIP_UP=1 (reuse running sites), KVS_BENCH_MEMORY_50K=0 (leave out the 50,000-item memory run),
 * KVS_BENCH_OPCACHE=0 (worker slices without opcache), KVS_BENCH_STEPS=1 (every step in one process),
 * KVS_BENCH_SITE / KVS_BENCH_SITE_PORT / KVS_BENCH_SIM_PORT (another site instead of `bench` 5520/5420),
 * KVS_BENCH_ONLY=checkout|webhooks|lists (one part on the running site; checkout merges into results.json,
 * webhooks and lists print their figures and merge only with KVS_BENCH_MERGE=1).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureWebhooks } from './webhooks';
import { measureCheckout } from './checkout';

const ROOT = resolve( __dirname, '..' );
const ITEMS = Number( process.env.KVS_BENCH_ITEMS ?? 10000 );
const RAW_ITEMS = Number( process.env.KVS_BENCH_RAW_ITEMS ?? 2000 );
const CAP = Number( process.env.KVS_BENCH_MAX_SECONDS ?? 0 );
const WOO = process.env.WOOCOMMERCE_DIR ?? '';
const SITES = {
	bench: {
		site: Number( process.env.KVS_BENCH_SITE_PORT ?? 5520 ),
		sim: Number( process.env.KVS_BENCH_SIM_PORT ?? 5420 ),
		dir: process.env.KVS_BENCH_SITE ?? 'bench',
	},
	benchraw: { site: 5521, sim: 5421, dir: 'benchraw' },
	bench50k: { site: 5522, sim: 5422, dir: 'bench50k' },
} as const;
type SiteName = keyof typeof SITES;
const started = Date.now();
/** Baseline subset: every Nth family (the same N for a time-capped plugin import's selection). */
const STRIDE = Math.max( 1, Math.floor( ITEMS / RAW_ITEMS ) );

function log( msg: string ): void {
	const s = ( ( Date.now() - started ) / 1000 ).toFixed( 0 ).padStart( 5 );
	process.stderr.write( `[bench ${ s }s] ${ msg }\n` );
}

function up( name: SiteName, items: number ): void {
	if ( process.env.KVS_BENCH_SKIP_UP === '1' ) {
		return;
	}
	const env = {
		...process.env,
		KVS_SITE_PORT: String( SITES[ name ].site ),
		KVS_SIM_PORT: String( SITES[ name ].sim ),
		KVS_SIM_SEED: 'bench',
		KVS_SIM_ITEMS: String( items ),
	};
	// A fresh site and a simulator started with the wanted item count.
	spawnSync( 'bash', [ 'scripts/stack/sim.sh', 'stop', SITES[ name ].dir ], {
		cwd: ROOT,
		env,
		stdio: 'inherit',
	} );
	spawnSync( 'bash', [ 'scripts/stack/site.sh', 'stop', SITES[ name ].dir ], {
		cwd: ROOT,
		env,
		stdio: 'inherit',
	} );
	const r = spawnSync(
		'bash',
		[ 'scripts/stack/up.sh', SITES[ name ].dir, '--fresh' ],
		{
			cwd: ROOT,
			env,
			stdio: 'inherit',
		}
	);
	if ( r.status !== 0 ) {
		throw new Error( `could not bring up site ${ name }` );
	}
}

function down( name: SiteName ): void {
	const env = {
		...process.env,
		KVS_SITE_PORT: String( SITES[ name ].site ),
		KVS_SIM_PORT: String( SITES[ name ].sim ),
	};
	spawnSync( 'bash', [ 'scripts/stack/sim.sh', 'stop', SITES[ name ].dir ], {
		cwd: ROOT,
		env,
		stdio: 'inherit',
	} );
	spawnSync( 'bash', [ 'scripts/stack/site.sh', 'stop', SITES[ name ].dir ], {
		cwd: ROOT,
		env,
		stdio: 'inherit',
	} );
}

function php(
	script: string,
	args: string[],
	env: Record< string, string > = {}
): any {
	const r = spawnSync(
		'php',
		[ '-d', 'memory_limit=512M', `bench/php/${ script }`, ...args ],
		{
			cwd: ROOT,
			env: { ...process.env, ...env },
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		}
	);
	const line = ( r.stdout ?? '' )
		.split( '\n' )
		.find( ( l ) => l.startsWith( 'KVS_BENCH_RESULT ' ) );
	if ( ! line ) {
		process.stderr.write(
			( r.stdout ?? '' ).slice( -3000 ) +
				( r.stderr ?? '' ).slice( -3000 )
		);
		throw new Error(
			`bench/php/${ script } produced no result (exit ${ r.status })`
		);
	}
	return JSON.parse( line.slice( 'KVS_BENCH_RESULT '.length ) );
}

async function sim(
	name: SiteName,
	path: string,
	body?: unknown
): Promise< any > {
	const res = await fetch(
		`http://127.0.0.1:${ SITES[ name ].sim }${ path }`,
		{
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify( body ),
		}
	);
	return res.json();
}

const siteDir = ( name: SiteName ) =>
	`${ ROOT }/.stack/sites/${ SITES[ name ].dir }`;

function versions( name: SiteName ): Record< string, string > {
	const out = execFileSync(
		'php',
		[
			'-r',
			`$_SERVER['HTTP_HOST']='127.0.0.1'; require '${ siteDir(
				name
			) }/wp-load.php'; global $wpdb; echo json_encode(['wordpress'=>get_bloginfo('version'),'woocommerce'=>defined('WC_VERSION')?WC_VERSION:'?','php'=>PHP_VERSION,'db'=>$wpdb->db_server_info()]);`,
		],
		{ cwd: ROOT, encoding: 'utf8' }
	);
	return JSON.parse( out.trim().split( '\n' ).pop() ?? '{}' );
}

/**
 * Deep diff of two normalised dumps over the keys both hold (the baseline may be a subset).
 * @param a
 * @param b
 */
function compare(
	a: any,
	b: any
): {
	equivalent: boolean;
	compared: number;
	missing: string[];
	diffs: string[];
} {
	const diffs: string[] = [];
	const missing: string[] = [];
	if ( JSON.stringify( a.categories ) !== JSON.stringify( b.categories ) ) {
		diffs.push(
			`categories differ (${ a.categories.length } vs ${ b.categories.length })`
		);
	}
	for ( const [ site, dump ] of [
		[ 'plugin', a ],
		[ 'raw', b ],
	] ) {
		for ( const e of ( dump.term_count_errors ?? [] ).slice( 0, 10 ) ) {
			diffs.push( `${ site } term count: ${ e }` );
		}
	}
	let compared = 0;
	for ( const key of Object.keys( b.products ) ) {
		const x = a.products[ key ];
		const y = b.products[ key ];
		if ( ! x ) {
			missing.push( key );
			continue;
		}
		compared++;
		// Term counts and child lists of a subset differ by construction only for parents: children are compared per variation.
		for ( const field of Object.keys( y ) ) {
			const xs = JSON.stringify( x[ field ] );
			const ys = JSON.stringify( y[ field ] );
			if ( xs !== ys ) {
				diffs.push(
					`${ key }.${ field }: plugin ${ xs?.slice(
						0,
						300
					) } ≠ raw ${ ys?.slice( 0, 300 ) }`
				);
			}
		}
	}
	return {
		equivalent:
			diffs.length === 0 &&
			( missing.length === 0 || CAP > 0 ) &&
			compared > 0,
		compared,
		missing,
		diffs,
	};
}

async function main(): Promise< void > {
	log(
		`items ${ ITEMS }, baseline subset ${ RAW_ITEMS }, store ${
			WOO ? 'real WooCommerce' : 'STAND-IN'
		}, cap ${ CAP || 'none' }`
	);

	up( 'bench', ITEMS );
	up( 'benchraw', ITEMS );
	const v = versions( 'bench' );
	const storeLabel = WOO ? `woocommerce-${ v.woocommerce }` : 'stand-in';

	// 1. The plugin's import (fetch + import run), GET calls counted by the simulator.
	await sim( 'bench', '/__sim/requests/clear', {} );
	log( 'plugin import (fetch run + import run)…' );
	const imp = php(
		'import.php',
		[
			siteDir( 'bench' ),
			'0',
			process.env.KVS_BENCH_PROFILE === '1' ? 'profile' : '',
		],
		{
			KVS_BENCH_MAX_SECONDS: String( CAP ),
			KVS_BENCH_STRIDE: String( CAP > 0 ? STRIDE : 1 ),
		}
	);
	const reqs = await sim( 'bench', '/__sim/requests?countsOnly=true' );
	const getCalls = Number( reqs.counts.apiGet );
	const categories = Number( imp.catalog?.categories ?? 200 );
	const kvItems = Number( imp.catalog?.products ?? ITEMS );
	const budget =
		Math.ceil( kvItems / 100 ) + Math.ceil( categories / 100 ) + 10;
	const written = Number( imp.items_written );
	const importRate = written / imp.import.seconds;
	const importCapped = written < kvItems;
	// A capped import: the rest of the catalog at the rate of its product batches (categories are done first).
	const prodSteps = ( imp.import.log ?? [] ).filter(
		( l: any ) => l.phase === 'import_products' && l.items > 0
	);
	const prodItems = prodSteps.reduce(
		( a: number, l: any ) => a + l.items,
		0
	);
	const prodRate =
		prodItems /
		Math.max(
			0.001,
			prodSteps.reduce( ( a: number, l: any ) => a + l.seconds, 0 )
		);
	const prodQpi =
		prodSteps.reduce( ( a: number, l: any ) => a + l.queries, 0 ) /
		Math.max( 1, prodItems );
	const remaining = importCapped ? Math.max( 0, kvItems - written ) : 0;
	const importSeconds =
		imp.fetch.seconds +
		imp.connect_seconds +
		imp.import.seconds +
		( remaining > 0 ? remaining / prodRate : 0 );
	const importQueries = imp.import.queries + remaining * prodQpi;
	log(
		`import: ${ written } items in ${ imp.import.seconds.toFixed(
			1
		) } s (+ fetch ${ imp.fetch.seconds.toFixed( 1 ) } s), ${
			imp.import.queries
		} queries`
	);

	// 2. The naive baseline on the second site (a subset of every Nth family, same mix).
	log( `naive WooCommerce baseline (every ${ STRIDE }. family)…` );
	const raw = php(
		'raw.php',
		[
			siteDir( 'benchraw' ),
			String( STRIDE ),
			process.env.KVS_BENCH_PROFILE === '1' ? 'profile' : '',
		],
		{
			KVS_BENCH_MAX_SECONDS: String( CAP ),
		}
	);
	const rawSeconds = kvItems / raw.items_per_second + raw.category_seconds;
	log(
		`baseline: ${ raw.items } items, ${ raw.items_per_second.toFixed(
			2
		) } items/s, ${ raw.queries_per_item.toFixed( 1 ) } queries/item`
	);

	// 3. Equivalence.
	const dumpA = `${ ROOT }/bench/bench-dump.tmp`;
	const dumpB = `${ ROOT }/bench/benchraw-dump.tmp`;
	php( 'dump.php', [ siteDir( 'bench' ), dumpA ] );
	php( 'dump.php', [ siteDir( 'benchraw' ), dumpB ] );
	const eq = compare(
		JSON.parse( readFileSync( dumpA, 'utf8' ) ),
		JSON.parse( readFileSync( dumpB, 'utf8' ) )
	);
	if ( ! eq.equivalent ) {
		process.stderr.write(
			`\n!!! EQUIVALENCE FAILED: ${ eq.diffs.length } differences, ${ eq.missing.length } baseline objects missing from the plugin's import (compared ${ eq.compared }).\n` +
				[
					...eq.diffs.slice( 0, 25 ),
					...eq.missing
						.slice( 0, 10 )
						.map( ( k ) => `missing in plugin import: ${ k }` ),
				].join( '\n' ) +
				'\n\n'
		);
	}

	// 4. Products route.
	const lists = php( 'lists.php', [ siteDir( 'bench' ), '60' ] );

	// 4b. Webhooks: 200 signed stock.update deliveries of 100 items; visible time for a few of them.
	const wh = await webhooks();

	// 4c. Checkout overhead (Store API, push on vs off).
	const co = await checkout();

	// 5. Admin bundle.
	const bundle = `${ ROOT }/build/admin.js`;
	const bundleKb = existsSync( bundle )
		? Math.round(
				( gzipSync( readFileSync( bundle ) ).length / 1024 ) * 10
		  ) / 10
		: null;

	// 6. 50,000-item memory run: the whole fetch, then three import worker slices (categories, then product
	// batches) against a 50,000-item catalog; KVS_BENCH_MEMORY_50K=0 leaves it out.
	let mem50: number | null = null;
	let mem50Detail: any = null;
	if ( process.env.KVS_BENCH_MEMORY_50K !== '0' ) {
		log( '50,000-item memory run (fetch + 3 import worker slices)…' );
		up( 'bench50k', 50000 );
		const m = php( 'import.php', [ siteDir( 'bench50k' ), '3' ] );
		mem50 = Math.max( m.fetch.peak_mb, m.import.peak_mb );
		mem50Detail = {
			fetch_seconds: round( m.fetch.seconds ),
			fetch_peak_mb: m.fetch.peak_mb,
			import_slices: m.import.log,
			catalog: m.catalog,
		};
		log( `50k: peak ${ mem50 } MB` );
		down( 'bench50k' );
	}

	const results = {
		store: storeLabel,
		items: kvItems,
		import_seconds: round( importSeconds ),
		items_per_second: round( kvItems / importSeconds ),
		raw_wc_seconds: round( rawSeconds ),
		import_ratio_vs_raw_wc: round( importSeconds / rawSeconds, 3 ),
		kiotviet_get_calls: getCalls,
		get_call_budget: budget,
		peak_memory_mb_10k: Math.max( imp.fetch.peak_mb, imp.import.peak_mb ),
		peak_memory_mb_50k: mem50,
		webhook_ack_p50_ms: wh.ack_p50_ms ?? null,
		webhook_ack_p99_ms: wh.ack_p99_ms ?? null,
		webhook_visible_p95_ms: wh.visible_p95_ms ?? null,
		checkout_overhead_p50_ms: co.overhead_p50_ms ?? null,
		products_list_p95_ms: lists.p95_ms,
		admin_bundle_gz_kb: bundleKb,
		queries_per_item: round( importQueries / kvItems, 1 ),
		raw_wc_queries_per_item: round( raw.queries_per_item, 1 ),
		equivalent: eq.equivalent,
		details: {
			date: new Date().toISOString(),
			machine: `${ cpus().length } × ${
				cpus()[ 0 ]?.model ?? '?'
			}, ${ Math.round( totalmem() / 2 ** 30 ) } GB`,
			versions: v,
			cap_seconds: CAP,
			import: {
				items_written: written,
				capped: importCapped,
				import_run_seconds: round( imp.import.seconds ),
				fetch_seconds: round( imp.fetch.seconds ),
				connect_seconds: round( imp.connect_seconds ),
				items_per_second_import_run: round( importRate ),
				product_batch_items_per_second: round( prodRate ),
				product_batch_queries_per_item: round( prodQpi, 1 ),
				extrapolated_items: remaining,
				log: imp.import.log,
				queries: imp.import.queries,
				fetch_queries: imp.fetch.queries,
				steps: imp.import.steps,
				first_peaks_mb: imp.import.first_peaks,
				last_peaks_mb: imp.import.last_peaks,
				fetch_log: imp.fetch.log,
				memory_50k: mem50Detail,
				run: imp.import.run,
				top_query_shapes: imp.top_query_shapes,
			},
			raw: { ...raw, top_query_shapes: raw.top_query_shapes },
			equivalence: {
				compared: eq.compared,
				diffs: eq.diffs.slice( 0, 50 ),
				diff_count: eq.diffs.length,
				missing: eq.missing.length,
			},
			products_list: lists,
			webhooks: wh,
			checkout: co,
			simulator_requests: reqs.counts,
			bench_seconds: round( ( Date.now() - started ) / 1000 ),
		},
	};
	writeFileSync(
		`${ ROOT }/bench/results.json`,
		JSON.stringify( results, null, 2 ) + '\n'
	);
	log(
		`wrote bench/results.json (${
			statSync( `${ ROOT }/bench/results.json` ).size
		} bytes)`
	);
	writeTable( results );
	process.stdout.write( table( results ) );
	if ( ! eq.equivalent ) {
		process.exitCode = 1;
	}
}

/**
 * Replaces the table between the markers in docs/benchmarks.md (creates the file when missing).
 * @param results
 */
function writeTable( results: any ): void {
	const file = `${ ROOT }/docs/benchmarks.md`;
	const begin = '<!-- bench:table -->';
	const end = '<!-- /bench:table -->';
	const block = `${ begin }\n${ table( results ) }${ end }`;
	let doc = existsSync( file )
		? readFileSync( file, 'utf8' )
		: `# Benchmarks\n\n${ begin }\n${ end }\n`;
	if ( ! doc.includes( begin ) ) {
		doc += `\n${ begin }\n${ end }\n`;
	}
	doc =
		doc.slice( 0, doc.indexOf( begin ) ) +
		block +
		doc.slice( doc.indexOf( end ) + end.length );
	writeFileSync( file, doc );
}

function round( x: number, d = 2 ): number {
	return Math.round( x * 10 ** d ) / 10 ** d;
}

/**
 * A target's verdict in the results table.
 *
 * @param ok Whether the target was met, null when not measured.
 */
function verdict( ok: boolean | null ): string {
	if ( ok === null ) {
		return '—';
	}
	return ok ? 'met' : '**missed**';
}

/**
 * The results table for docs/benchmarks.md.
 *
 * @param r The results.
 */
function table( r: any ): string {
	const row = ( k: string, target: string, ok: boolean | null ) =>
		`| ${ k } | ${
			r[ k ] === null ? 'not measured' : r[ k ]
		} | ${ target } | ${ verdict( ok ) } |`;
	const le = ( k: string, t: number ) =>
		r[ k ] === null ? null : r[ k ] <= t;
	return [
		`Run ${ r.details.date } · store ${ r.store } · WordPress ${ r.details.versions.wordpress } · WooCommerce ${ r.details.versions.woocommerce } · PHP ${ r.details.versions.php } · ${ r.details.versions.db } · ${ r.details.machine }`,
		'',
		'| figure | value | target | |',
		'|---|---|---|---|',
		row( 'items', '', null ),
		row( 'import_seconds', '', null ),
		row( 'items_per_second', '', null ),
		row( 'raw_wc_seconds', '', null ),
		row(
			'import_ratio_vs_raw_wc',
			'≤ 0.35',
			le( 'import_ratio_vs_raw_wc', 0.35 )
		),
		row( 'queries_per_item', '≤ 60', le( 'queries_per_item', 60 ) ),
		row( 'raw_wc_queries_per_item', '', null ),
		row( 'equivalent', 'true', r.equivalent === true ),
		row(
			'kiotviet_get_calls',
			`≤ ${ r.get_call_budget }`,
			r.kiotviet_get_calls <= r.get_call_budget
		),
		row( 'get_call_budget', '', null ),
		row( 'peak_memory_mb_10k', '≤ 64', le( 'peak_memory_mb_10k', 64 ) ),
		row( 'peak_memory_mb_50k', '≤ 64', le( 'peak_memory_mb_50k', 64 ) ),
		row( 'webhook_ack_p50_ms', '', null ),
		row( 'webhook_ack_p99_ms', '≤ 50', le( 'webhook_ack_p99_ms', 50 ) ),
		row(
			'webhook_visible_p95_ms',
			'≤ 2000',
			le( 'webhook_visible_p95_ms', 2000 )
		),
		row(
			'checkout_overhead_p50_ms',
			'≤ 5',
			le( 'checkout_overhead_p50_ms', 5 )
		),
		row(
			'products_list_p95_ms',
			'≤ 150',
			le( 'products_list_p95_ms', 150 )
		),
		row( 'admin_bundle_gz_kb', '≤ 100', le( 'admin_bundle_gz_kb', 100 ) ),
		'',
	].join( '\n' );
}

async function checkout(): Promise< any > {
	log( 'checkout…' );
	try {
		const setup = php( 'checkout-setup.php', [
			siteDir( 'bench' ),
			'off',
		] );
		const res: any = await measureCheckout(
			`http://127.0.0.1:${ SITES.bench.site }`,
			Number( setup.product_id ),
			( on ) => {
				php( 'checkout-setup.php', [
					siteDir( 'bench' ),
					on ? 'on' : 'off',
				] );
			},
			() =>
				php( 'checkout-settle.php', [
					siteDir( 'bench' ),
					process.env.KVS_BENCH_CHECKOUT_SETTLE_SECONDS ?? '30',
				] ),
			Number( process.env.KVS_BENCH_CHECKOUT_BLOCKS ?? 3 ),
			Number( process.env.KVS_BENCH_CHECKOUT_PER_BLOCK ?? 10 )
		);
		res.product_id = setup.product_id;
		res.settings_error = setup.settings_error;
		return res;
	} catch ( e ) {
		return { error: String( e ) };
	}
}

/**
 * The committed `_stock` of a product on a bench site, read with the mariadb client (what WooCommerce loads next).
 * @param name  site key of SITES
 * @param wooId product id
 */
function readStock( name: SiteName, wooId: string ): Promise< string > {
	const id = String( Number( wooId ) );
	return new Promise( ( done ) => {
		execFile(
			'mariadb',
			[
				'-h127.0.0.1',
				`-P${ process.env.KVS_DB_PORT ?? 5436 }`,
				'-ukvs',
				'-pkvs',
				'-N',
				'-B',
				`kvs_${ SITES[ name ].dir }`,
				'-e',
				`SELECT meta_value FROM wp_postmeta WHERE post_id = ${ id } AND meta_key = '_stock' ORDER BY meta_id DESC LIMIT 1`,
			],
			( err, out ) =>
				done( err ? '' : String( out ).trim().replace( /\.0+$/, '' ) )
		);
	} );
}

async function webhooks(): Promise< any > {
	log( 'webhooks…' );
	try {
		const wsetup = php( 'webhook-setup.php', [ siteDir( 'bench' ) ] );
		const wh: any = await measureWebhooks(
			`http://127.0.0.1:${ SITES.bench.site }`,
			`http://127.0.0.1:${ SITES.bench.sim }`,
			wsetup,
			Number( process.env.KVS_BENCH_WEBHOOKS ?? 200 ),
			Number( process.env.KVS_BENCH_VISIBLE_SAMPLES ?? 5 ),
			70000,
			( wooId ) => readStock( 'bench', wooId )
		);
		wh.scheduler = wsetup.scheduler;
		return wh;
	} catch ( e ) {
		return { error: String( e ) };
	}
}

/**
 * KVS_BENCH_ONLY=webhooks|lists: one part on the running bench site; printed, merged with KVS_BENCH_MERGE=1.
 * @param part
 */
async function partOnly( part: 'webhooks' | 'lists' ): Promise< void > {
	const out =
		part === 'webhooks'
			? await webhooks()
			: php( 'lists.php', [ siteDir( 'bench' ), '60' ] );
	process.stdout.write( JSON.stringify( out, null, 2 ) + '\n' );
	if ( process.env.KVS_BENCH_MERGE !== '1' ) {
		return;
	}
	const file = `${ ROOT }/bench/results.json`;
	const results = JSON.parse( readFileSync( file, 'utf8' ) );
	if ( part === 'webhooks' ) {
		results.webhook_ack_p50_ms = out.ack_p50_ms ?? null;
		results.webhook_ack_p99_ms = out.ack_p99_ms ?? null;
		results.webhook_visible_p95_ms = out.visible_p95_ms ?? null;
		results.details.webhooks = out;
	} else {
		results.products_list_p95_ms = out.p95_ms;
		results.details.products_list = out;
	}
	writeFileSync( file, JSON.stringify( results, null, 2 ) + '\n' );
	writeTable( results );
}

/** KVS_BENCH_ONLY=checkout: measure it on the running bench site and merge into bench/results.json. */
async function checkoutOnly(): Promise< void > {
	const file = `${ ROOT }/bench/results.json`;
	const results = JSON.parse( readFileSync( file, 'utf8' ) );
	const co = await checkout();
	results.checkout_overhead_p50_ms = co.overhead_p50_ms ?? null;
	results.details.checkout = co;
	writeFileSync( file, JSON.stringify( results, null, 2 ) + '\n' );
	writeTable( results );
	process.stdout.write( table( results ) );
}

function entry(): Promise< void > {
	const only = process.env.KVS_BENCH_ONLY ?? '';
	if ( only === 'checkout' ) {
		return checkoutOnly();
	}
	if ( only === 'webhooks' || only === 'lists' ) {
		return partOnly( only );
	}
	return main();
}

entry().catch( ( e ) => {
	process.stderr.write( String( e?.stack ?? e ) + '\n' );
	process.exit( 1 );
} );
