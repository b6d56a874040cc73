/**
 * `npm run soak [-- --json]`: fault soak of issue 10 on a private site `soak` (KVS_SITE_PORT 5524, simulator 5424,
 * bench seed). Each scenario: set up faults → run → heal → converge → verify. The PHP worker (soak/php/worker.php)
 * loads the soak site's wp-load.php to drive runs, orders and webhooks and to compare WooCommerce with the
 * simulator (expected values from the plugin's own ProductPlanner over the simulator's current products).
 *
 * Env: WOOCOMMERCE_DIR (real WooCommerce; else the stand-in, labelled), KVS_SOAK_ITEMS (default 1000),
 * KVS_SOAK_ORDERS (default 60), KVS_SOAK_SKIP_UP=1 (reuse the running site — it must be fresh).
 * `--json` writes bench/soak.json. docs/reliability.md is written by hand from that file.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	existsSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve( __dirname, '..' );
const SITE = 'soak';
const SITE_PORT = 5524;
const SIM_PORT = 5424;
const SIM = `http://127.0.0.1:${ SIM_PORT }`;
const SITE_DIR = resolve( ROOT, '.stack/sites', SITE );
const LOGS = resolve( ROOT, '.stack/logs' );
const ITEMS = Number( process.env.KVS_SOAK_ITEMS ?? 1000 );
const ORDERS = Number( process.env.KVS_SOAK_ORDERS ?? 60 );
const WOO = process.env.WOOCOMMERCE_DIR ?? '';
const JSON_OUT = process.argv.includes( '--json' );
const ENV = {
	...process.env,
	KVS_SITE_PORT: String( SITE_PORT ),
	KVS_SIM_PORT: String( SIM_PORT ),
	KVS_SIM_SEED: 'bench',
	KVS_SIM_ITEMS: String( ITEMS ),
};
const started = Date.now();
let faultsInjected = 0;

type Json = Record< string, any >; // eslint-disable-line @typescript-eslint/no-explicit-any

function log( msg: string ): void {
	const s = ( ( Date.now() - started ) / 1000 ).toFixed( 0 ).padStart( 5 );
	process.stderr.write( `[soak ${ s }s] ${ msg }\n` );
}

function stack( script: string, ...args: string[] ): void {
	const r = spawnSync( 'bash', [ `scripts/stack/${ script }.sh`, ...args ], {
		cwd: ROOT,
		env: ENV,
		stdio: [ 'ignore', 'inherit', 'inherit' ],
	} );
	if ( r.status !== 0 ) {
		throw new Error( `${ script }.sh ${ args.join( ' ' ) } failed` );
	}
}

function parse( out: string ): Json {
	const line = out
		.split( '\n' )
		.find( ( l ) => l.startsWith( 'KVS_SOAK_RESULT ' ) );
	return line
		? JSON.parse( line.slice( 16 ) )
		: { error: 'no result', out: out.slice( -2000 ) };
}

/**
 * Runs the worker synchronously.
 * @param {...any} args
 */
function php( ...args: string[] ): Json {
	const r = spawnSync(
		'php',
		[ '-d', 'memory_limit=512M', 'soak/php/worker.php', SITE_DIR, ...args ],
		{ cwd: ROOT, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	);
	const res = parse( r.stdout );
	res.exit = r.status;
	if ( r.status !== 0 && r.status !== 3 ) {
		log(
			`worker ${ args[ 0 ] } exit ${ r.status }: ${ r.stderr.slice(
				-1500
			) }`
		);
	}
	return res;
}

/**
 * Runs the worker as a child we can kill; resolves with the exit status / signal.
 * @param {...any} args
 */
function phpChild( ...args: string[] ): {
	done: Promise< {
		code: number | null;
		signal: string | null;
		out: string;
	} >;
	kill: () => void;
	steps: () => number;
} {
	const child = spawn(
		'php',
		[ '-d', 'memory_limit=512M', 'soak/php/worker.php', SITE_DIR, ...args ],
		{ cwd: ROOT, env: ENV }
	);
	let out = '';
	let steps = 0;
	child.stdout.on( 'data', ( d ) => ( out += d ) );
	child.stderr.on( 'data', ( d ) => {
		steps += ( String( d ).match( /^step /gm ) ?? [] ).length;
	} );
	const done = new Promise< {
		code: number | null;
		signal: string | null;
		out: string;
	} >( ( res ) =>
		child.on( 'exit', ( code, signal ) => res( { code, signal, out } ) )
	);
	return { done, kill: () => child.kill( 'SIGKILL' ), steps: () => steps };
}

async function sim(
	method: string,
	path: string,
	body?: unknown,
	attempt = 1
): Promise< Json > {
	let r: Response;
	try {
		r = await fetch( SIM + path, {
			method,
			headers:
				body === undefined
					? {}
					: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify( body ),
		} );
	} catch ( e ) {
		// A kept-alive socket closed by the simulator while a PHP worker ran: send again on a new one.
		if ( attempt < 4 ) {
			await sleep( 200 );
			return sim( method, path, body, attempt + 1 );
		}
		throw e;
	}
	const t = await r.text();
	try {
		return JSON.parse( t );
	} catch {
		return { status: r.status, text: t.slice( 0, 500 ) };
	}
}

const sleep = ( ms: number ) => new Promise( ( r ) => setTimeout( r, ms ) );

async function waitFor( cond: () => boolean, ms: number ): Promise< boolean > {
	const end = Date.now() + ms;
	while ( Date.now() < end ) {
		if ( cond() ) {
			return true;
		}
		await sleep( 100 );
	}
	return cond();
}

/** Faulted KiotViet requests answered so far (status ≥ 400 or held), from the simulator's request log. */
async function faultedRequests(): Promise< number > {
	const r = await sim( 'GET', '/__sim/requests?countsOnly=true' );
	let n = 0;
	for ( const [ status, count ] of Object.entries(
		r.counts?.byStatus ?? {}
	) ) {
		if ( status === 'timeout' || Number( status ) >= 400 ) {
			n += Number( count );
		}
	}
	return n;
}

/**
 * Drives the active run(s) to the end; a failed import/fetch is started again (the documented retry).
 * @param kind
 * @param maxRetries
 */
function converge( kind: 'import' | 'fetch', maxRetries = 3 ): Json {
	let last: Json = {};
	for ( let i = 0; i <= maxRetries; i++ ) {
		php( 'stale' ); // a dead worker's claim is taken over (RunRunner::STALL_SECONDS)
		last = php( 'drive', '0' );
		const run = last.run ?? {};
		log(
			`converge ${ kind }: run ${ run.id } ${ run.kind } ${ run.state } ${
				run.phase
			} ${ run.message ?? '' }`
		);
		if ( run.state === 'done' && run.kind === kind ) {
			return { ...last, retries: i };
		}
		if (
			run.state === 'done' ||
			run.state === 'failed' ||
			run.state === 'cancelled'
		) {
			log( `  starting a new ${ kind } run` );
			php( 'import', kind === 'fetch' ? 'fetch' : 'import' );
		}
	}
	return { ...last, retries: maxRetries, not_converged: true };
}

function logSizes(): Record< string, number > {
	const out: Record< string, number > = {};
	for ( const f of [
		`${ SITE }-php.log`,
		`${ SITE }-debug.log`,
		`${ SITE }-server.log`,
	] ) {
		const p = resolve( LOGS, f );
		out[ f ] = existsSync( p ) ? statSync( p ).size : 0;
	}
	return out;
}

function newLogLines(
	before: Record< string, number >
): { file: string; line: string }[] {
	const lines: { file: string; line: string }[] = [];
	for ( const [ f, size ] of Object.entries( before ) ) {
		const p = resolve( LOGS, f );
		if ( ! existsSync( p ) ) {
			continue;
		}
		const text = readFileSync( p ).subarray( size ).toString( 'utf8' );
		for ( const line of text.split( '\n' ) ) {
			if ( line.trim() !== '' ) {
				lines.push( { file: f, line } );
			}
		}
	}
	return lines;
}

async function main(): Promise< void > {
	const scenarios: Json = {};
	if ( process.env.KVS_SOAK_SKIP_UP !== '1' ) {
		log(
			`bringing up site ${ SITE } (${
				WOO ? 'real WooCommerce' : 'stand-in'
			}, bench seed ${ ITEMS } items)`
		);
		spawnSync( 'bash', [ 'scripts/stack/sim.sh', 'stop', SITE ], {
			cwd: ROOT,
			env: ENV,
			stdio: 'inherit',
		} );
		spawnSync( 'bash', [ 'scripts/stack/site.sh', 'stop', SITE ], {
			cwd: ROOT,
			env: ENV,
			stdio: 'inherit',
		} );
		stack( 'up', SITE, '--fresh' );
	}
	const logsBefore = logSizes();
	await sim( 'POST', '/__sim/reset', { seed: 'bench', items: ITEMS } );

	// ── 1. Fetch + import with 500s, timeouts, 429 (GET budget exhausted) and the token expired mid-way. ──
	log( 'scenario 1: fetch with 500/429/timeouts, token expiry' );
	const s1: Json = { faults: {} };
	// Connect and choose the branch while KiotViet is healthy (a refused connection is the setup screen's business);
	// the branch choice queues the fetch run, which then meets the faults.
	const setup = php( 'setup' );
	s1.setup_run = setup.run;
	await sim( 'POST', '/__sim/requests/clear' );
	await sim( 'POST', '/__sim/faults', {
		rules: [
			{ method: 'GET', path: '/products', errorRate: 0.25, status: 500 },
			{
				method: 'GET',
				path: '/pricebooks',
				errorRate: 0.25,
				status: 503,
			},
			{ method: 'GET', path: '/categories', count: 1, timeout: true },
			{ method: 'GET', path: '/products', count: 1, timeout: true },
			{ method: 'GET', path: '/branches', count: 2, status: 429 },
		],
		getBudgetPerHour: 12,
	} );
	let d = php( 'drive', '3' );
	s1.after_3_steps = d.run;
	await sim( 'POST', '/__sim/token/expire' );
	s1.token_expired_at_step = 3;
	d = php( 'drive', '6' );
	s1.after_budget = d.run;
	s1.faults.before_heal = await faultedRequests();
	// Heal: clear rules and restore the 5,000 GET budget.
	await sim( 'DELETE', '/__sim/faults' );
	s1.fetch = converge( 'fetch' ).run;
	const sel = php( 'select' );
	s1.selected = sel.selected;
	s1.import_start = sel.import_status;
	// Token expiry again at the start of the import run (image downloads / lookups use the token).
	await sim( 'POST', '/__sim/token/expire' );
	const reqs = await sim( 'GET', '/__sim/requests?countsOnly=true' );
	s1.requests = reqs.counts?.byStatus;
	s1.faults_injected = await faultedRequests();
	faultsInjected += s1.faults_injected + 2; // + two token expiries
	scenarios.import_faults = s1;

	// ── 2. The PHP worker killed mid-import (SIGKILL), the stalled run taken over. ──
	log( 'scenario 2: worker SIGKILLed mid-import' );
	const s2: Json = {};
	const child = phpChild( 'drive', '0' );
	await waitFor( () => child.steps() >= 2, 120_000 );
	await sleep( 300 ); // inside the next batch
	child.kill();
	const killed = await child.done;
	s2.killed = { signal: killed.signal, after_steps: child.steps() };
	s2.run_after_kill = php( 'status' ).run;
	faultsInjected++;
	// Resume some steps (takes over the claim after the stale heartbeat), then check nothing is twice so far.
	php( 'stale' );
	s2.resume = php( 'drive', '1' ).run;
	const partial = php( 'verify', SIM );
	s2.partial = {
		products_duplicate: partial.products_duplicate,
		map_duplicates: partial.map_duplicates,
		woo_posts: partial.woo_posts,
	};
	scenarios.worker_killed = s2;

	// ── 3. MariaDB restarted while a worker drives the import. ──
	log( 'scenario 3: MariaDB restarted mid-import' );
	const s3: Json = {};
	const child3 = phpChild( 'drive', '0' );
	const base3 = child3.steps();
	await waitFor( () => child3.steps() >= base3 + 1, 120_000 );
	await sleep( 200 );
	const t0 = Date.now();
	stack( 'db', 'stop' );
	faultsInjected++;
	await sleep( 3000 );
	stack( 'db', 'start' );
	s3.db_down_ms = Date.now() - t0;
	const r3 = await Promise.race( [
		child3.done,
		sleep( 120_000 ).then( () => null ),
	] );
	if ( r3 === null ) {
		child3.kill();
		s3.worker = 'hung, killed after 120 s';
	} else {
		s3.worker = {
			code: r3.code,
			signal: r3.signal,
			result: parse( r3.out ),
		};
	}
	s3.run_after_restart = php( 'status' ).run;
	s3.converge = converge( 'import' ).run;
	const v3 = php( 'verify', SIM );
	s3.verify = v3;
	scenarios.mariadb_restart = s3;
	scenarios.import_faults.verify = v3; // one import carried scenarios 1-3
	scenarios.worker_killed.verify = {
		products_duplicate: v3.products_duplicate,
		products_wrong: v3.products_wrong,
	};

	// ── 4. Orders with commit-then-fail / commit-then-timeout / 500 / 503. ──
	log( `scenario 4: ${ ORDERS } orders with faults` );
	const s4: Json = {};
	await sim( 'POST', '/__sim/requests/clear' );
	await sim( 'POST', '/__sim/faults', {
		rules: [
			{
				method: 'POST',
				path: '/orders',
				errorRate: 0.1,
				mode: 'commit-then-timeout',
			},
			{
				method: 'POST',
				path: '/orders',
				errorRate: 0.1,
				mode: 'commit-then-fail',
			},
			{ method: 'POST', path: '/orders', errorRate: 0.05, status: 500 },
			{ method: 'POST', path: '/orders', errorRate: 0.05, status: 503 },
			{ method: 'GET', path: '/orders', errorRate: 0.1, status: 500 },
		],
	} );
	const created = php( 'orders', String( ORDERS ) );
	const ids: number[] = created.ids ?? [];
	let drained = php( 'drain', SIM, ids.join( ',' ) );
	s4.faults_injected = await faultedRequests();
	faultsInjected += s4.faults_injected;
	await sim( 'DELETE', '/__sim/faults' );
	if ( drained.lost_orders > 0 ) {
		drained = php( 'drain', SIM, ids.join( ',' ) ); // after healing: whatever waits for a retry
	}
	Object.assign( s4, drained );
	scenarios.orders = s4;

	// ── 5. Webhooks dropped, duplicated, reordered, and the site unreachable; then one reconciliation run. ──
	log( 'scenario 5: webhooks dropped/duplicated/reordered, site down' );
	const s5: Json = {};
	const wh = php(
		'wh-setup',
		String( Number( process.env.KVS_SOAK_WH_PRODUCTS ?? 20 ) )
	);
	s5.register_status = wh.register_status;
	const products: { kv_id: string; woo_id: string }[] = wh.products ?? [];
	const branch = Number( wh.branch_id );
	await sim( 'POST', '/__sim/webhooks/deliveries/clear' );
	await sim( 'POST', '/__sim/webhooks/config', {
		mode: 'manual',
		drop: 0.2,
		duplicate: 0.2,
		reorder: true,
		retryDelaysMs: [ 500, 1000, 2000, 4000 ],
	} );
	const change = async ( round: number ) => {
		for ( const [ i, p ] of products.entries() ) {
			await sim( 'POST', '/__sim/stock', {
				productId: Number( p.kv_id ),
				branchId: branch,
				onHand: 10 + ( ( i * 7 + round * 13 ) % 50 ),
			} );
			if ( i % 3 === round % 3 ) {
				await sim( 'POST', '/__sim/prices', {
					priceBookId: 101,
					productId: Number( p.kv_id ),
					price: 100000 + round * 1000 + i * 500,
				} );
			}
		}
	};
	await change( 1 );
	await change( 2 ); // two changes per product in one reordered batch: the older must not win
	await sim( 'POST', '/__sim/webhooks/flush', { untilIdle: true } );
	// Site unreachable while KiotViet sends.
	stack( 'site', 'stop', SITE );
	faultsInjected++;
	await change( 3 );
	await sim( 'POST', '/__sim/webhooks/flush', {} );
	await sleep( 600 );
	await sim( 'POST', '/__sim/webhooks/flush', {} );
	stack( 'site', 'serve', SITE );
	await sim( 'POST', '/__sim/webhooks/config', {
		drop: 0,
		duplicate: 0,
		reorder: false,
	} );
	await sim( 'POST', '/__sim/webhooks/flush', { untilIdle: true } );
	const deliveries = await sim( 'GET', '/__sim/webhooks/deliveries' );
	const list: Json[] = Array.isArray( deliveries )
		? deliveries
		: deliveries.deliveries ?? [];
	const byStatus: Record< string, number > = {};
	for ( const dl of list ) {
		const k = dl.duplicate ? 'duplicate' : String( dl.status );
		byStatus[ k ] = ( byStatus[ k ] ?? 0 ) + 1;
	}
	s5.deliveries = byStatus;
	const whFaults =
		( byStatus.dropped ?? 0 ) +
		( byStatus.duplicate ?? 0 ) +
		( byStatus.error ?? 0 ) +
		( byStatus.refused ?? 0 ) +
		( byStatus.timeout ?? 0 );
	faultsInjected += whFaults;
	s5.faults_injected = whFaults;
	s5.converge = php( 'wh-converge' );
	const v5 = php( 'verify', SIM );
	s5.verify = v5;
	scenarios.webhooks = s5;

	// ── 6. PHP warnings/notices/deprecations emitted during the soak. ──
	const lines = newLogLines( logsBefore );
	const warn = lines.filter( ( l ) =>
		/PHP (Warning|Notice|Deprecated|Fatal error|Parse error)|E_(WARNING|NOTICE|DEPRECATED)/.test(
			l.line
		)
	);
	// Ours: the message names a file of this plugin (its checkout, the site's plugins/kiotviet-sync, or soak/).
	// ROOT, not a fixed path: the soak may run from another clone (with its own MariaDB, KVS_DB_PORT).
	const rootRe = ROOT.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
	const oursRe = new RegExp(
		`plugins/kiotviet-sync/|${ rootRe }/(includes|soak|kiotviet-sync\\.php|uninstall\\.php)|kiotviet_sync|KiotVietSync`
	);
	// A deprecated hook is reported from wp-includes/functions.php, but WordPress only reports it when a callback
	// listens: ours when this plugin's source names that hook (e.g. `setted_transient`, deprecated in 6.8).
	const includes = readdirSync( resolve( ROOT, 'includes' ), {
		recursive: true,
	} ) as string[];
	const files = [ 'kiotviet-sync.php', 'uninstall.php' ].concat(
		includes.map( ( f ) => `includes/${ f }` )
	);
	const source = files
		.filter( ( f ) => f.endsWith( '.php' ) )
		.filter( ( f ) => existsSync( resolve( ROOT, f ) ) )
		.map( ( f ) => readFileSync( resolve( ROOT, f ), 'utf8' ) )
		.join( '\n' );
	const ourDeprecatedHook = ( line: string ): boolean => {
		const hook = /Hook (\S+) is <strong>deprecated/.exec( line )?.[ 1 ];
		return hook !== undefined && source.includes( `'${ hook }'` );
	};
	const ours = warn.filter(
		( l ) => oursRe.test( l.line ) || ourDeprecatedHook( l.line )
	);
	const other: Record< string, number > = {};
	for ( const l of warn ) {
		if ( ! ours.includes( l ) ) {
			const key = l.line.replace( /^\[[^\]]*\]\s*/, '' ).slice( 0, 160 );
			other[ key ] = ( other[ key ] ?? 0 ) + 1;
		}
	}
	scenarios.php_log = {
		new_lines: lines.length,
		warnings_ours: ours.length,
		warnings_all: warn.length,
		ours_samples: ours.slice( 0, 10 ),
		other_by_message: other,
	};

	const productsWrong = Math.max(
		v3.products_wrong ?? 1,
		v5.products_wrong ?? 1
	);
	const result = {
		generated_at: new Date().toISOString(),
		woocommerce: WOO ? 'real' : 'stand-in',
		items: ITEMS,
		seconds: Math.round( ( Date.now() - started ) / 1000 ),
		faults_injected: faultsInjected,
		orders_expected: s4.orders_expected,
		orders_in_kiotviet: s4.orders_in_kiotviet,
		duplicate_orders: s4.duplicate_orders,
		lost_orders: s4.lost_orders,
		products_expected: v5.products_expected,
		products_wrong: productsWrong,
		php_warnings: ours.length,
		php_warnings_any_path: warn.length,
		scenarios,
	};
	log( JSON.stringify( { ...result, scenarios: undefined } ) );
	if ( JSON_OUT ) {
		writeFileSync(
			resolve( ROOT, 'bench/soak.json' ),
			JSON.stringify( result, null, '\t' ) + '\n'
		);
		log( 'wrote bench/soak.json' );
	}
	const ok =
		result.lost_orders === 0 &&
		result.duplicate_orders === 0 &&
		result.products_wrong === 0 &&
		result.php_warnings === 0;
	process.exit( ok ? 0 : 1 );
}

main().catch( ( e ) => {
	process.stderr.write( String( e?.stack ?? e ) + '\n' );
	process.exit( 2 );
} );
