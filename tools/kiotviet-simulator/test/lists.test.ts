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
} );

describe( 'list envelope and paging', () => {
	it( 'default pageSize 20, envelope keys, timestamp with 7 digits and +07:00', async () => {
		const r = await c.get( '/products' );
		expect( r.status ).toBe( 200 );
		expect( r.body.pageSize ).toBe( 20 );
		expect( r.body.data ).toHaveLength( 20 );
		expect( r.body.total ).toBe( sim.state.products.size );
		expect( r.body.timestamp ).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+07:00$/
		);
		expect( r.body ).not.toHaveProperty( 'removedIds' );
		expect( r.body.data[ 0 ].createdDate ).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/
		);
	} );

	it( 'caps pageSize at 100 and echoes the effective value; cap can be lifted', async () => {
		const r = await c.get( '/products?pageSize=1000' );
		expect( r.body.pageSize ).toBe( 100 );
		expect( r.body.data ).toHaveLength( 100 );
		await c.sim( 'POST', '/config', { capPageSize: false } );
		const r2 = await c.get( '/products?pageSize=1000' );
		expect( r2.body.data.length ).toBe( r2.body.total );
	} );

	it( 'currentItem is an offset; paging visits every item once; empty data past the end', async () => {
		const seen = new Set< number >();
		let currentItem = 0;
		let total = Infinity;
		while ( currentItem < total ) {
			const r = await c.get(
				`/products?pageSize=100&currentItem=${ currentItem }`
			);
			total = r.body.total;
			for ( const p of r.body.data ) {
				seen.add( p.id );
			}
			currentItem += r.body.data.length;
		}
		expect( seen.size ).toBe( total );
		const past = await c.get( `/products?currentItem=${ total }` );
		expect( past.body.data ).toEqual( [] );
		expect( past.body.total ).toBe( total );
	} );

	it( 'orderBy / orderDirection (case-insensitive)', async () => {
		const asc = await c.get( '/products?orderBy=code&pageSize=5' );
		const codes = asc.body.data.map( ( p: { code: string } ) => p.code );
		expect(
			[ ...codes ].sort( ( a, b ) => a.localeCompare( b, 'vi' ) )
		).toEqual( codes );
		const desc = await c.get(
			'/products?orderBy=id&orderDirection=DESC&pageSize=3'
		);
		const ids = desc.body.data.map( ( p: { id: number } ) => p.id );
		expect( ids[ 0 ] ).toBeGreaterThan( ids[ 1 ] );
		expect( ids[ 0 ] ).toBe( Math.max( ...sim.state.products.keys() ) );
	} );

	it( 'lastModifiedFrom + includeRemoveIds → removedIds (empty array when nothing deleted)', async () => {
		const first = await c.get( '/products?pageSize=1' );
		const ts = first.body.timestamp;
		const none = await c.get(
			`/products?lastModifiedFrom=${ encodeURIComponent(
				ts
			) }&includeRemoveIds=true`
		);
		expect( none.body.total ).toBe( 0 );
		expect( none.body.removedIds ).toEqual( [] );
		const ids = [ ...sim.state.products.keys() ];
		await c.sim( 'PUT', `/products/${ ids[ 3 ] }`, { basePrice: 123000 } );
		await c.sim( 'DELETE', `/products/${ ids[ 4 ] }` );
		const delta = await c.get(
			`/products?lastModifiedFrom=${ encodeURIComponent(
				ts
			) }&includeRemoveIds=true&orderBy=modifiedDate`
		);
		expect( delta.body.data.map( ( p: { id: number } ) => p.id ) ).toEqual(
			[ ids[ 3 ] ]
		);
		expect( delta.body.data[ 0 ].basePrice ).toBe( 123000 );
		expect( delta.body.removedIds ).toEqual( [ ids[ 4 ] ] );
		// Without lastModifiedFrom every removal is listed.
		const all = await c.get( '/products?includeRemoveIds=true&pageSize=1' );
		expect( all.body.removedIds ).toEqual( [ ids[ 4 ] ] );
		// Date-only and offset forms are accepted.
		expect(
			( await c.get( '/products?lastModifiedFrom=2025-01-01' ) ).status
		).toBe( 200 );
		expect(
			( await c.get( '/products?lastModifiedFrom=not-a-date' ) ).status
		).toBe( 400 );
	} );

	it( 'includeInventory, includePricebook and branchIds in all three array styles', async () => {
		const plain = await c.get( '/products?pageSize=1' );
		expect( plain.body.data[ 0 ] ).not.toHaveProperty( 'inventories' );
		expect( plain.body.data[ 0 ] ).not.toHaveProperty( 'priceBooks' );
		const full = await c.get(
			'/products?pageSize=1&includeInventory=TRUE&includePricebook=true'
		);
		expect( full.body.data[ 0 ].inventories ).toHaveLength( 3 );
		expect( full.body.data[ 0 ].priceBooks.length ).toBeGreaterThan( 0 );
		for ( const q of [
			'branchIds=5001,5003',
			'branchIds=5001&branchIds=5003',
			'branchIds[]=5001&branchIds[]=5003',
			'BranchIds[0]=5001&BranchIds[1]=5003',
		] ) {
			const r = await c.get(
				`/products?pageSize=1&includeInventory=true&${ q }`
			);
			expect(
				r.body.data[ 0 ].inventories.map(
					( i: { branchId: number } ) => i.branchId
				)
			).toEqual( [ 5001, 5003 ] );
		}
	} );

	it( 'isActive filter', async () => {
		const all = ( await c.get( '/products?pageSize=1' ) ).body.total;
		const active = await c.get( '/products?isActive=true&pageSize=100' );
		const inactive = await c.get( '/products?isActive=false&pageSize=100' );
		expect( active.body.total + inactive.body.total ).toBe( all );
		expect( inactive.body.total ).toBeGreaterThanOrEqual( 1 );
		expect(
			inactive.body.data.every(
				( p: { isActive: boolean } ) => ! p.isActive
			)
		).toBe( true );
	} );

	it( 'other filters: productType, categoryId, masterUnitId, name', async () => {
		const services = await c.get( '/products?productType=3&pageSize=100' );
		expect( services.body.total ).toBeGreaterThan( 0 );
		expect(
			services.body.data.every( ( p: { type: number } ) => p.type === 3 )
		).toBe( true );
		const coca = sim.state.productByCode( 'COCA330' );
		const units = await c.get( `/products?masterUnitId=${ coca?.id }` );
		expect(
			units.body.data.map( ( p: { code: string } ) => p.code )
		).toEqual( [ 'COCA330-T24' ] );
		const byName = await c.get(
			`/products?name=${ encodeURIComponent( 'áo polo' ) }&pageSize=100`
		);
		expect( byName.body.total ).toBe( 12 );
	} );
} );
