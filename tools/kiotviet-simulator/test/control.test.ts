import { boot, Client, Receiver } from './helpers';
import { startSimulator, type RunningSimulator } from '../src/server';

let sim: RunningSimulator;
let c: Client;
let rx: Receiver;

beforeAll( async () => {
	( { sim, c } = await boot( { seed: 'demo' } ) );
	rx = new Receiver();
	await rx.start();
} );
afterAll( async () => {
	await sim.close();
	await rx.close();
} );
beforeEach( async () => {
	await c.sim( 'POST', '/reset' );
	await c.sim( 'POST', '/webhooks/config', { mode: 'manual' } );
	rx.received = [];
} );

const flush = () => c.sim( 'POST', '/webhooks/flush', { untilIdle: true } );
const hook = ( type: string ) =>
	c.post( '/webhooks', {
		Webhook: { Type: type, Url: rx.url, IsActive: true },
	} );

describe( 'shop-owner actions', () => {
	it( 'creates a variant product and a unit product like the KiotViet back office', async () => {
		await hook( 'product.update' );
		const master = sim.state.productByCode( 'AOTHUN-DEN-S' );
		const created = await c.sim( 'POST', '/products', {
			code: 'AOTHUN-DO-S',
			name: 'Áo thun basic',
			categoryId: master?.categoryId,
			basePrice: 159000,
			masterProductId: master?.id,
			attributes: [
				{ attributeName: 'MÀU', attributeValue: 'Đỏ' },
				{ attributeName: 'SIZE', attributeValue: 'S' },
			],
			inventories: [ { branchId: 5001, onHand: 4 } ],
		} );
		expect( created.status ).toBe( 200 );
		expect( created.body.fullName ).toBe( 'Áo thun basic - Đỏ - S' );
		expect( created.body.masterProductId ).toBe( master?.id );
		const base = sim.state.productByCode( 'PEPSI330' );
		const unit = await c.sim( 'POST', '/products', {
			code: 'PEPSI330-L6',
			name: 'Pepsi lon 330ml',
			unit: 'lốc 6',
			masterUnitId: base?.id,
			conversionValue: 6,
			basePrice: 58000,
			categoryId: base?.categoryId,
		} );
		expect( unit.body.masterUnitId ).toBe( base?.id );
		expect( unit.body.fullName ).toBe( 'Pepsi lon 330ml (lốc 6)' );
		const baseJson = ( await c.get( `/products/${ base?.id }` ) ).body;
		expect(
			baseJson.units.map( ( u: { code: string } ) => u.code )
		).toEqual( [ 'PEPSI330-L6', 'PEPSI330-T24' ] );
		await flush();
		expect( rx.actions() ).toEqual( [
			'product.update.712345',
			'product.update.712345',
		] );
	} );

	it( 'categories: create, rename, move, delete', async () => {
		const a = (
			await c.sim( 'POST', '/categories', { categoryName: 'Đồ chơi' } )
		).body;
		const b = (
			await c.sim( 'POST', '/categories', {
				categoryName: 'Lego',
				parentId: a.categoryId,
			} )
		).body;
		expect( b.parentId ).toBe( a.categoryId );
		const renamed = await c.sim( 'PUT', `/categories/${ b.categoryId }`, {
			name: 'Lắp ráp',
			parentId: 0,
		} );
		expect( renamed.body.categoryName ).toBe( 'Lắp ráp' );
		expect( renamed.body ).not.toHaveProperty( 'parentId' );
		expect(
			( await c.sim( 'DELETE', `/categories/${ b.categoryId }` ) ).status
		).toBe( 200 );
		expect(
			( await c.sim( 'DELETE', `/categories/${ b.categoryId }` ) ).status
		).toBe( 404 );
	} );

	it( 'customers via control and the API (PUT, DELETE → removedIds)', async () => {
		await hook( 'customer.delete' );
		const cu = (
			await c.sim( 'POST', '/customers', {
				name: 'Khách control',
				contactNumber: '0901999888',
			} )
		).body;
		const upd = await c.put( `/customers/${ cu.id }`, {
			email: 'a@example.test',
		} );
		expect( upd.body.data.email ).toBe( 'a@example.test' );
		expect( ( await c.del( `/customers/${ cu.id }` ) ).status ).toBe( 200 );
		const list = await c.get(
			'/customers?includeRemoveIds=true&pageSize=1'
		);
		expect( list.body.removedIds ).toEqual( [ cu.id ] );
		await flush();
		expect( rx.received[ 0 ]?.json.Notifications[ 0 ].Data ).toEqual( [
			cu.id,
		] );
	} );

	it( 'validation errors from the control API use the same error shape', async () => {
		const r = await c.sim( 'POST', '/stock', {
			productId: 1,
			branchId: 5001,
			onHand: 1,
		} );
		expect( r.status ).toBe( 404 );
		expect( r.body.responseStatus.message ).toBeTruthy();
		expect(
			( await c.sim( 'POST', '/faults', { rules: [ { status: 500 } ] } ) )
				.status
		).toBe( 400 );
		expect( ( await c.sim( 'GET', '/nope' ) ).status ).toBe( 404 );
	} );

	it( 'reset can install faults, webhook config, sim config and settings in one call', async () => {
		const r = await c.sim( 'POST', '/reset', {
			faults: [
				{ method: 'GET', path: '/branches', status: 503, count: 1 },
			],
			getBudgetPerHour: 100,
			webhooks: { mode: 'manual', signatureMode: 'hex' },
			config: { notFoundStatus: 400 },
			settings: { AllowOrderWhenOutStock: false },
		} );
		expect( r.status ).toBe( 200 );
		expect( ( await c.get( '/branches' ) ).status ).toBe( 503 );
		expect( ( await c.get( '/branches' ) ).status ).toBe( 200 );
		expect(
			( await c.sim( 'GET', '/faults' ) ).body.getBudgetPerHour
		).toBe( 100 );
		expect(
			( await c.sim( 'GET', '/webhooks/config' ) ).body.signatureMode
		).toBe( 'hex' );
		expect( ( await c.get( '/products/1' ) ).status ).toBe( 400 );
		expect(
			( await c.get( '/settings' ) ).body.AllowOrderWhenOutStock
		).toBe( false );
		const bad = await c.sim( 'POST', '/reset', {
			faults: [ { status: 500 } ],
		} );
		expect( bad.status ).toBe( 400 );
		await c.sim( 'POST', '/reset' );
		expect(
			( await c.get( '/settings' ) ).body.AllowOrderWhenOutStock
		).toBe( true );
	} );

	it( 'reset switches seeds', async () => {
		const r = await c.sim( 'POST', '/reset', {
			seed: 'bench',
			items: 1000,
		} );
		expect( r.body.counts.products ).toBe( 1000 );
		expect( ( await c.get( '/products?pageSize=1' ) ).body.total ).toBe(
			1000
		);
		await c.sim( 'POST', '/reset', { seed: 'demo' } );
		expect( ( await c.get( '/products?pageSize=1' ) ).body.total ).toBe(
			150
		);
	} );
} );

describe( 'remaining KiotViet endpoints', () => {
	it( 'PUT /surchages, GET /salechannel, GET /branches/{id}, PUT /webhooks/{id}', async () => {
		const s = await c.put( '/surchages/3301', { value: 25000 } );
		expect( s.body.data.value ).toBe( 25000 );
		const sc = await c.get( '/salechannel' );
		expect( sc.body.data[ 0 ] ).toEqual(
			expect.objectContaining( {
				id: 1,
				name: 'Bán trực tiếp',
				isActive: true,
			} )
		);
		expect( ( await c.get( '/branches/5003' ) ).body.branchName ).toBe(
			'Chi nhánh Hà Nội'
		);
		const w = ( await hook( 'order.update' ) ).body;
		const u = await c.put( `/webhooks/${ w.id }`, {
			Webhook: { IsActive: false },
		} );
		expect( u.body.isActive ).toBe( false );
	} );

	it( 'custom credentials', async () => {
		const other = await startSimulator( {
			port: 0,
			retailer: 'shop2',
			clientId: 'cid',
			clientSecret: 'sec',
		} );
		const oc = new Client( other.url );
		try {
			const tok = await oc.raw( 'POST', '/connect/token', {
				auth: false,
				form: {
					grant_type: 'client_credentials',
					client_id: 'cid',
					client_secret: 'sec',
				},
			} );
			expect( tok.status ).toBe( 200 );
			oc.token = tok.body.access_token;
			oc.retailer = 'shop2';
			expect( ( await oc.get( '/branches' ) ).status ).toBe( 200 );
		} finally {
			await other.close();
		}
	} );
} );
