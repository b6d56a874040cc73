import { boot, Client } from './helpers';
import type { RunningSimulator } from '../src/server';

let sim: RunningSimulator;
let c: Client;

beforeAll( async () => {
	( { sim, c } = await boot( { seed: 'demo' } ) );
} );
afterAll( async () => sim.close() );
beforeEach( async () => {
	await c.sim( 'POST', '/reset' );
	await c.login();
} );

const orderBody = () => ( {
	branchId: 5001,
	orderDetails: [
		{
			productId: sim.state.productByCode( 'OREO133' )?.id,
			quantity: 1,
			price: 22000,
		},
	],
} );

describe( 'fault rules', () => {
	it( 'status on the next N matching requests (count), by method and path prefix', async () => {
		await c.sim( 'POST', '/faults', {
			rules: [
				{ method: 'GET', path: '/products', status: 503, count: 2 },
			],
		} );
		expect( ( await c.get( '/branches' ) ).status ).toBe( 200 );
		const a = await c.get( '/products' );
		expect( a.status ).toBe( 503 );
		expect( a.body.responseStatus.errorCode ).toBeTruthy();
		expect( ( await c.get( '/products/code/OREO133' ) ).status ).toBe(
			503
		);
		expect( ( await c.get( '/products' ) ).status ).toBe( 200 );
	} );

	it( 'regex paths', async () => {
		await c.sim( 'POST', '/faults', {
			rules: [ { path: '^/products/\\d+$', status: 500 } ],
		} );
		expect( ( await c.get( '/products' ) ).status ).toBe( 200 );
		const id = [ ...sim.state.products.keys() ][ 0 ];
		expect( ( await c.get( `/products/${ id }` ) ).status ).toBe( 500 );
	} );

	it( 'errorRate is a probability (deterministic stream)', async () => {
		await c.sim( 'POST', '/faults', {
			rules: [ { path: '/branches', errorRate: 0.5, status: 500 } ],
		} );
		let failed = 0;
		for ( let i = 0; i < 40; i++ ) {
			if ( ( await c.get( '/branches' ) ).status === 500 ) {
				failed++;
			}
		}
		expect( failed ).toBeGreaterThan( 5 );
		expect( failed ).toBeLessThan( 35 );
	} );

	it( 'latency', async () => {
		await c.sim( 'POST', '/faults', {
			rules: [ { path: '/settings', latencyMs: 120 } ],
		} );
		const t = Date.now();
		expect( ( await c.get( '/settings' ) ).status ).toBe( 200 );
		expect( Date.now() - t ).toBeGreaterThanOrEqual( 110 );
	} );

	it( 'timeout holds the request until the client gives up', async () => {
		await c.sim( 'POST', '/faults', {
			rules: [ { path: '/settings', timeout: true, count: 1 } ],
		} );
		await expect(
			c.raw( 'GET', '/settings', { signal: AbortSignal.timeout( 150 ) } )
		).rejects.toThrow();
		expect( ( await c.get( '/settings' ) ).status ).toBe( 200 );
		const log = ( await c.sim( 'GET', '/requests?path=/settings' ) ).body;
		expect(
			log.requests.map( ( r: { status: unknown } ) => r.status )
		).toEqual( [ 'timeout', 200 ] );
	} );

	it( 'commit-then-fail on POST /orders: the order exists but the reply is a 500', async () => {
		await c.sim( 'POST', '/faults', {
			rules: [
				{
					method: 'POST',
					path: '/orders',
					mode: 'commit-then-fail',
					count: 1,
				},
			],
		} );
		const r = await c.post( '/orders', orderBody() );
		expect( r.status ).toBe( 500 );
		expect( r.body.responseStatus ).toBeTruthy();
		const state = ( await c.sim( 'GET', '/state?only=orders' ) ).body;
		expect( state.orders ).toHaveLength( 1 );
		expect( ( await c.get( '/orders' ) ).body.total ).toBe( 1 );
	} );

	it( 'commit-then-timeout on POST /orders: the order exists, no reply', async () => {
		await c.sim( 'POST', '/faults', {
			rules: [
				{
					method: 'POST',
					path: '/orders',
					mode: 'commit-then-timeout',
					count: 1,
				},
			],
		} );
		await expect(
			c.raw( 'POST', '/orders', {
				body: orderBody(),
				signal: AbortSignal.timeout( 150 ),
			} )
		).rejects.toThrow();
		expect( sim.state.orders.size ).toBe( 1 );
		expect( ( await c.post( '/orders', orderBody() ) ).status ).toBe( 200 );
		expect( sim.state.orders.size ).toBe( 2 );
	} );

	it( 'DELETE /__sim/faults clears rules', async () => {
		await c.sim( 'POST', '/faults', {
			rules: [ { path: '/', status: 500 } ],
		} );
		expect( ( await c.get( '/branches' ) ).status ).toBe( 500 );
		expect( ( await c.sim( 'GET', '/faults' ) ).body.rules ).toHaveLength(
			1
		);
		await c.sim( 'DELETE', '/faults' );
		expect( ( await c.get( '/branches' ) ).status ).toBe( 200 );
	} );
} );

describe( 'GET budget (429)', () => {
	it( 'counts GETs in a sliding hour; past the budget → 429 RateLimitException + Retry-After; writes and control calls are not counted', async () => {
		await c.sim( 'POST', '/faults', { getBudgetPerHour: 3 } );
		for ( let i = 0; i < 3; i++ ) {
			expect( ( await c.get( '/branches' ) ).status ).toBe( 200 );
			await c.sim( 'GET', '/state?only=counts' );
			await c.sim( 'GET', '/requests' );
		}
		expect( ( await c.post( '/orders', orderBody() ) ).status ).toBe( 200 );
		const r = await c.get( '/branches' );
		expect( r.status ).toBe( 429 );
		expect( r.body.responseStatus.errorCode ).toBe( 'RateLimitException' );
		expect( Number( r.headers.get( 'retry-after' ) ) ).toBeGreaterThan(
			3500
		);
		// The window slides: an hour later the budget is back.
		const realNow = Date.now;
		Date.now = () => realNow() + 3_600_001;
		try {
			expect( ( await c.get( '/branches' ) ).status ).toBe( 200 );
		} finally {
			Date.now = realNow;
		}
	} );

	it( 'default budget is 5,000 per hour', async () => {
		expect(
			( await c.sim( 'GET', '/faults' ) ).body.getBudgetPerHour
		).toBe( 5000 );
	} );
} );

describe( 'introspection', () => {
	it( 'records every KiotViet request (method, path, query, status) with counts; control calls are separate', async () => {
		await c.get( '/products?pageSize=5&branchIds=5001' );
		await c.get( '/products/code/NOPE' );
		await c.post( '/orders', orderBody() );
		await c.sim( 'GET', '/state?only=counts' );
		const r = ( await c.sim( 'GET', '/requests' ) ).body;
		const api = r.requests.filter(
			( x: { kind: string } ) => x.kind === 'api'
		);
		expect(
			api.map(
				( x: { method: string; path: string; status: number } ) => [
					x.method,
					x.path,
					x.status,
				]
			)
		).toEqual( [
			[ 'GET', '/products', 200 ],
			[ 'GET', '/products/code/NOPE', 404 ],
			[ 'POST', '/orders', 200 ],
		] );
		expect( api[ 0 ].query ).toEqual( {
			pageSize: '5',
			branchIds: '5001',
		} );
		expect( r.counts.apiGet ).toBe( 2 );
		expect( r.counts.token ).toBe( 1 );
		expect( r.counts.byRoute[ 'GET /products/code/{code}' ] ).toBe( 1 );
		expect( r.counts.byRoute[ 'POST /orders' ] ).toBe( 1 );
		expect( r.counts.control ).toBeGreaterThan( 0 );
		expect(
			r.requests.some( ( x: { path: string } ) =>
				x.path.startsWith( '/__sim' )
			)
		).toBe( false );
		await c.sim( 'POST', '/requests/clear' );
		expect( ( await c.sim( 'GET', '/requests' ) ).body.counts.total ).toBe(
			0
		);
	} );

	it( 'GET /__sim/state returns the full state; reset restores the seed', async () => {
		await c.post( '/orders', orderBody() );
		const s = ( await c.sim( 'GET', '/state' ) ).body;
		expect( s.orders ).toHaveLength( 1 );
		expect( s.products.length ).toBe( s.counts.products );
		expect( s.retailerCode ).toBe( 'demo' );
		await c.sim( 'POST', '/reset' );
		expect(
			( await c.sim( 'GET', '/state?only=orders' ) ).body.orders
		).toHaveLength( 0 );
	} );
} );
