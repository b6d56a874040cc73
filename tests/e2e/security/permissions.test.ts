/**
 * Issue 10 — permissions matrix: every route of kiotviet-sync/v1 (discovered from the namespace index) ×
 * {anonymous, customer, shop manager, administrator} × {with nonce, cookie only, wrong nonce}.
 * Only manage_woocommerce with a valid nonce gets past the permission check; mutating calls carry a body
 * with an undeclared field so nothing can succeed by accident (400 after the permission check). The
 * public webhook receiver is the exception: anyone may POST, nothing unverified changes data
 * (webhooks.test.ts).
 */
import {
	adminSession,
	createUser,
	deleteUser,
	NS,
	Session,
	type TestUser,
} from './helpers';
import { resetSimulator } from '../env';

interface Probe {
	route: string;
	method: string;
	path: string;
}

const RECEIVER = /\/webhook\/\(\?P<site_key>/;
// The inbox processor's loopback: machine-to-machine, allowed by the site's process key only (no role).
const PROCESS = /\/webhook-process$/;

let admin: Session;
const users: TestUser[] = [];
const sessions: Record< string, Session > = {};
let probes: Probe[] = [];

/**
 * A concrete path for a route pattern: numeric ids → 999999999, alternations → their first word.
 * @param route
 */
function expand( route: string ): string {
	return route.replace(
		/\(\?P<(\w+)>([^)]*)\)/g,
		( _m, _name, pattern: string ) => {
			const words = /^[a-z|_-]+$/i.test( pattern )
				? pattern.split( '|' )[ 0 ]
				: null;
			if ( words ) {
				return words;
			}
			if ( /\\d|0-9/.test( pattern ) ) {
				return '999999999';
			}
			return 'probe';
		}
	);
}

beforeAll( async () => {
	await resetSimulator();
	admin = await adminSession();
	for ( const role of [ 'customer', 'shop_manager', 'administrator' ] ) {
		const user = await createUser( admin, role );
		users.push( user );
		const s = new Session( role );
		await s.login( user.login, user.password );
		sessions[ role ] = s;
	}
	sessions.anonymous = new Session( 'anonymous' );

	const index = await admin.ok( 'GET', NS );
	for ( const [ route, info ] of Object.entries< any >( index.routes ) ) {
		// eslint-disable-line @typescript-eslint/no-explicit-any
		if (
			route === '/kiotviet-sync/v1' ||
			RECEIVER.test( route ) ||
			PROCESS.test( route )
		) {
			continue;
		}
		for ( const endpoint of info.endpoints ) {
			for ( const method of endpoint.methods as string[] ) {
				probes.push( {
					route,
					method,
					path: `/wp-json${ expand( route ) }`,
				} );
			}
		}
	}
	probes = probes.filter(
		( p, i ) =>
			probes.findIndex(
				( q ) => q.path === p.path && q.method === p.method
			) === i
	);
} );

afterAll( async () => {
	for ( const user of users ) {
		await deleteUser( admin, user );
	}
} );

/**
 * One call of the matrix: GET without body; anything else with an undeclared field.
 * @param who
 * @param probe
 * @param nonce
 */
function call( who: Session, probe: Probe, nonce: boolean | string ) {
	return who.request( probe.method, probe.path, {
		nonce,
		body: probe.method === 'GET' ? undefined : { kvs_probe_field: 'x' },
	} );
}

test( 'the namespace lists the admin routes of every feature', () => {
	const routes = new Set( probes.map( ( p ) => p.route ) );
	for ( const r of [
		'/connection',
		'/settings',
		'/history',
		'/sync/status',
		'/catalog/products',
		'/webhooks',
		'/orders',
		'/price-books',
	] ) {
		expect( routes ).toContain( `/kiotviet-sync/v1${ r }` );
	}
	expect( probes.length ).toBeGreaterThan( 20 );
} );

test( 'matrix: only manage_woocommerce with a valid nonce passes; nothing succeeds with a probe body', async () => {
	const rows: string[] = [];
	const failures: string[] = [];
	const check = async ( probe: Probe ) => {
		const cells: Record< string, number > = {};
		const [ anon, custNonce, custCookie, ...rest ] = await Promise.all( [
			call( sessions.anonymous!, probe, false ),
			call( sessions.customer!, probe, true ),
			call( sessions.customer!, probe, false ),
			call( sessions.shop_manager!, probe, true ),
			call( sessions.shop_manager!, probe, false ),
			call( sessions.shop_manager!, probe, 'deadbeef00' ),
			call( sessions.administrator!, probe, true ),
			call( sessions.administrator!, probe, false ),
			call( sessions.administrator!, probe, 'deadbeef00' ),
		] );
		const [ smNonce, smCookie, smWrong, adNonce, adCookie, adWrong ] = rest;
		const expectStatus = (
			cell: string,
			status: number,
			want: ( s: number ) => boolean,
			label: string
		) => {
			cells[ cell ] = status;
			if ( ! want( status ) ) {
				failures.push(
					`${ probe.method } ${ probe.path } ${ cell }: ${ status } (want ${ label })`
				);
			}
		};
		expectStatus( 'anonymous', anon.status, ( s ) => s === 401, '401' );
		expectStatus(
			'customer+nonce',
			custNonce.status,
			( s ) => s === 403,
			'403'
		);
		// Cookie without nonce: core treats the request as logged out.
		expectStatus(
			'customer cookie only',
			custCookie.status,
			( s ) => s === 401,
			'401'
		);
		for ( const [ role, withNonce, cookieOnly, wrong ] of [
			[ 'shop_manager', smNonce!, smCookie!, smWrong! ],
			[ 'administrator', adNonce!, adCookie!, adWrong! ],
		] as const ) {
			expectStatus(
				`${ role }+nonce`,
				withNonce.status,
				( s ) =>
					s !== 401 &&
					s !== 403 &&
					s < 500 &&
					( probe.method === 'GET' || s >= 400 ),
				probe.method === 'GET'
					? 'allowed, < 500'
					: 'allowed, 4xx for the probe body'
			);
			expectStatus(
				`${ role } cookie only`,
				cookieOnly.status,
				( s ) => s === 401,
				'401'
			);
			expectStatus(
				`${ role } wrong nonce`,
				wrong.status,
				( s ) => s === 403,
				'403 rest_cookie_invalid_nonce'
			);
			if (
				wrong.status === 403 &&
				wrong.json?.code !== 'rest_cookie_invalid_nonce'
			) {
				failures.push(
					`${ probe.method } ${ probe.path } ${ role } wrong nonce: code ${ wrong.json?.code }`
				);
			}
		}
		// Denied answers carry no data of ours.
		for ( const denied of [ anon, custNonce, custCookie ] ) {
			if (
				denied.json &&
				typeof denied.json === 'object' &&
				! ( 'code' in denied.json )
			) {
				failures.push(
					`${ probe.method } ${
						probe.path
					}: a denied answer has data: ${ denied.text.slice(
						0,
						120
					) }`
				);
			}
		}
		rows.push(
			`${ probe.method.padEnd( 6 ) } ${ probe.path.padEnd(
				70
			) } ${ JSON.stringify( cells ) }`
		);
	};
	// A few probes at a time (the site serves 4 PHP workers; each probe is 9 requests).
	for ( let i = 0; i < probes.length; i += 2 ) {
		await Promise.all( probes.slice( i, i + 2 ).map( check ) );
	}
	rows.sort();
	// The matrix is part of the report (vitest prints it with --reporter=verbose or on failure).
	console.log(
		`permissions matrix (${
			probes.length
		} route/method pairs)\n${ rows.join( '\n' ) }`
	); // eslint-disable-line no-console
	expect( failures ).toEqual( [] );
} );

test( 'the inbox processor loopback refuses every role, with or without a nonce, without the process key', async () => {
	const index = await admin.ok( 'GET', NS );
	expect(
		Object.keys( index.routes ).some( ( r ) => PROCESS.test( r ) )
	).toBe( true );
	for ( const who of [
		'anonymous',
		'customer',
		'shop_manager',
		'administrator',
	] ) {
		for ( const nonce of who === 'anonymous'
			? [ false ]
			: [ true, false ] ) {
			const r = await sessions[ who ]!.request(
				'POST',
				`${ NS }/webhook-process`,
				{ nonce, headers: { 'X-KVS-Process-Key': 'not-the-key' } }
			);
			expect( [ 401, 403 ], `${ who } nonce=${ nonce }` ).toContain(
				r.status
			);
		}
	}
} );

test( 'the webhook receiver is public but answers anonymous probes with 200 and no data', async () => {
	for ( const who of [ 'anonymous', 'customer', 'administrator' ] ) {
		const r = await sessions[ who ]!.request(
			'POST',
			`${ NS }/webhook/not-our-key`,
			{
				body: { Id: 'probe', Notifications: [] },
			}
		);
		expect( r.status ).toBe( 200 );
		expect( Object.keys( r.json ?? {} ) ).toEqual( [ 'received' ] );
	}
	// Any 4xx of core on this route is answered 200 too (a 4xx would disable a KiotViet subscription).
	const get = await sessions.anonymous!.request(
		'GET',
		`${ NS }/webhook/not-our-key`
	);
	expect( get.status ).toBe( 200 );
	expect( get.json ).toEqual( { received: false } );
} );
