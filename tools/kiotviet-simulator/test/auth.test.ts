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

describe( 'OAuth token', () => {
	it( 'issues a Bearer token for 86400 s (form body, scopes or scope)', async () => {
		const r = await c.raw( 'POST', '/connect/token', {
			auth: false,
			form: {
				scopes: 'PublicApi.Access',
				grant_type: 'client_credentials',
				client_id: 'demo-client',
				client_secret: 'demo-secret',
			},
		} );
		expect( r.status ).toBe( 200 );
		expect( r.body.token_type ).toBe( 'Bearer' );
		expect( r.body.expires_in ).toBe( 86400 );
		const claims = JSON.parse(
			Buffer.from(
				r.body.access_token.split( '.' )[ 1 ],
				'base64url'
			).toString()
		);
		expect( claims.client_RetailerCode ).toBe( 'demo' );
		expect( claims.client_RetailerId ).toBe( '712345' );
		const r2 = await c.raw( 'POST', '/connect/token', {
			auth: false,
			form: {
				scope: 'PublicApi.Access',
				grant_type: 'client_credentials',
				client_id: 'demo-client',
				client_secret: 'demo-secret',
			},
		} );
		expect( r2.status ).toBe( 200 );
	} );

	it( 'wrong credentials → 400 invalid_client; wrong grant → unsupported_grant_type', async () => {
		const bad = await c.raw( 'POST', '/connect/token', {
			auth: false,
			form: {
				grant_type: 'client_credentials',
				client_id: 'demo-client',
				client_secret: 'nope',
			},
		} );
		expect( bad.status ).toBe( 400 );
		expect( bad.body ).toEqual( { error: 'invalid_client' } );
		const grant = await c.raw( 'POST', '/connect/token', {
			auth: false,
			form: {
				grant_type: 'password',
				client_id: 'demo-client',
				client_secret: 'demo-secret',
			},
		} );
		expect( grant.status ).toBe( 400 );
		expect( grant.body ).toEqual( { error: 'unsupported_grant_type' } );
	} );

	it( 'honours expiry (short TTL) and the forced-expiry hook', async () => {
		await c.sim( 'POST', '/config', { tokenTtlSeconds: 1 } );
		await c.login();
		expect( ( await c.get( '/branches' ) ).status ).toBe( 200 );
		const realNow = Date.now;
		Date.now = () => realNow() + 1500;
		try {
			const r = await c.get( '/branches' );
			expect( r.status ).toBe( 401 );
			expect( r.body.responseStatus.errorCode ).toBe( 'TokenException' );
		} finally {
			Date.now = realNow;
		}
		await c.sim( 'POST', '/config', { tokenTtlSeconds: 86400 } );
		await c.login();
		expect( ( await c.get( '/branches' ) ).status ).toBe( 200 );
		const ex = await c.sim( 'POST', '/token/expire' );
		expect( ex.body.expired ).toBeGreaterThan( 0 );
		const r = await c.get( '/branches' );
		expect( r.status ).toBe( 401 );
		expect( r.body.responseStatus.errorCode ).toBe( 'TokenException' );
	} );
} );

describe( 'Bearer + Retailer on every call', () => {
	it( 'missing or garbage token → 401 TokenException', async () => {
		const none = await c.raw( 'GET', '/products', {
			auth: false,
			headers: { Retailer: 'demo' },
		} );
		expect( none.status ).toBe( 401 );
		expect( none.body.responseStatus.errorCode ).toBe( 'TokenException' );
		const garbage = await c.raw( 'GET', '/products', {
			headers: { Authorization: 'Bearer abc' },
		} );
		expect( garbage.status ).toBe( 401 );
	} );

	it( 'missing/wrong Retailer → 400 RetailerException by default, 401 when configured', async () => {
		const missing = await c.raw( 'GET', '/products', {
			headers: { Authorization: `Bearer ${ c.token }` },
			auth: false,
		} );
		expect( missing.status ).toBe( 400 );
		expect( missing.body.responseStatus.errorCode ).toBe(
			'RetailerException'
		);
		const wrong = await c.raw( 'GET', '/products', {
			headers: { Retailer: 'othershop' },
		} );
		expect( wrong.status ).toBe( 400 );
		await c.sim( 'POST', '/config', { retailerErrorStatus: 401 } );
		const wrong401 = await c.raw( 'GET', '/products', {
			headers: { Retailer: 'othershop' },
		} );
		expect( wrong401.status ).toBe( 401 );
		expect( wrong401.body.responseStatus.errorCode ).toBe(
			'TokenException'
		);
		// Retailer code is case-insensitive.
		expect(
			(
				await c.raw( 'GET', '/products', {
					headers: { Retailer: 'DEMO' },
				} )
			).status
		).toBe( 200 );
	} );

	it( 'unknown routes answer with a responseStatus', async () => {
		const r = await c.get( '/nothing-here' );
		expect( r.status ).toBe( 404 );
		expect( r.body.responseStatus.errorCode ).toBeTruthy();
	} );
} );
