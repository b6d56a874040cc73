import { boot, Client, Receiver, waitFor } from './helpers';
import { signBody } from '../src/signature';
import type { RunningSimulator } from '../src/server';

let sim: RunningSimulator;
let c: Client;
let rx: Receiver;
const SECRET = 'c2hvcC1zZWNyZXQtMjAyNQ==';

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
	await c.sim( 'POST', '/webhooks/config', {
		mode: 'manual',
		retryDelaysMs: [ 5, 5, 5 ],
		timeoutMs: 100,
	} );
	rx.received = [];
	rx.script = [];
	rx.defaultStatus = 200;
} );

const register = (
	type: string,
	secret: string | undefined = SECRET,
	url = rx.url
) =>
	c.post( '/webhooks', {
		Webhook: {
			Type: type,
			Url: url,
			IsActive: true,
			Description: `Webhook for ${ type }`,
			Secret: secret,
		},
	} );
const byCode = ( code: string ) => {
	const p = sim.state.productByCode( code );
	if ( ! p ) {
		throw new Error( code );
	}
	return p;
};
const flush = () => c.sim( 'POST', '/webhooks/flush', { untilIdle: true } );

describe( 'registration', () => {
	it( 'POST (PascalCase) → unwrapped; list has no secret; one per Type; DELETE', async () => {
		const r = await register( 'stock.update' );
		expect( r.status ).toBe( 200 );
		expect( r.body ).toEqual(
			expect.objectContaining( {
				id: expect.any( Number ),
				type: 'stock.update',
				url: rx.url,
				isActive: true,
				retailerId: 712345,
			} )
		);
		const dup = await register( 'stock.update' );
		expect( dup.status ).toBe( 400 );
		expect( dup.body.responseStatus.message ).toContain(
			'Type đã tồn tại'
		);
		await register( 'product.update' );
		const list = await c.get( '/webhooks' );
		expect( list.body.total ).toBe( 2 );
		expect( list.text ).not.toContain( SECRET );
		expect( ( await c.get( `/webhooks/${ r.body.id }` ) ).body.type ).toBe(
			'stock.update'
		);
		const del = await c.del( `/webhooks/${ r.body.id }` );
		expect( del.body.message ).toBe( 'Hủy đăng ký webhook thành công' );
		expect( ( await register( 'stock.update' ) ).status ).toBe( 200 );
		expect( ( await register( 'product.updated' ) ).status ).toBe( 400 );
	} );
} );

describe( 'payloads', () => {
	it( 'stock.update: envelope, Action=<type>.<retailerId>, __type first, camelCase isActive, signed body bytes', async () => {
		await register( 'stock.update' );
		const p = byCode( 'OREO133' );
		await c.sim( 'POST', '/stock', {
			productId: p.id,
			branchId: 5001,
			onHand: 13,
			reserved: 3,
		} );
		expect( rx.received ).toHaveLength( 0 );
		await flush();
		expect( rx.received ).toHaveLength( 1 );
		const got = rx.received[ 0 ]!;
		expect( Object.keys( got.json ) ).toEqual( [
			'Id',
			'Attempt',
			'Notifications',
		] );
		expect( got.json.Id ).toMatch( /^[0-9a-f-]{36}$/ );
		expect( got.json.Attempt ).toBe( 1 );
		expect( got.json.Notifications[ 0 ].Action ).toBe(
			'stock.update.712345'
		);
		const item = got.json.Notifications[ 0 ].Data[ 0 ];
		expect( Object.keys( item )[ 0 ] ).toBe( '__type' );
		expect( item ).toEqual( {
			__type: 'KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductStockRes, KiotViet.OmniChannelCore.Api.Shared',
			ProductId: p.id,
			ProductCode: 'OREO133',
			ProductName: 'Bánh Oreo 133g',
			BranchId: 5001,
			BranchName: 'Chi nhánh trung tâm',
			Cost: expect.any( Number ),
			OnHand: 13,
			Reserved: 3,
			MinQuantity: expect.any( Number ),
			MaxQuantity: 999999999,
			isActive: true,
		} );
		expect( got.headers[ 'x-hub-signature' ] ).toBe(
			signBody( got.body, SECRET )
		);
		expect( got.headers[ 'x-hub-signature' ] ).toMatch(
			/^sha1=[0-9a-f]{64}$/
		);
		expect( got.headers[ 'content-type' ] ).toContain( 'application/json' );
	} );

	it( 'signature variants are configurable; no header without a Secret', async () => {
		await register( 'stock.update' );
		await register( 'product.update', '' );
		const p = byCode( 'OREO133' );
		for ( const [ signatureMode, keyMode ] of [
			[ 'hex', 'as-registered' ],
			[ 'sha256-prefixed-hex', 'as-registered' ],
			[ 'base64', 'as-registered' ],
			[ 'hex', 'base64-decoded' ],
		] as const ) {
			rx.received = [];
			await c.sim( 'POST', '/webhooks/config', {
				signatureMode,
				keyMode,
			} );
			await c.sim( 'POST', '/stock', {
				productId: p.id,
				branchId: 5001,
				onHand: 5,
			} );
			await flush();
			const got = rx.received[ 0 ]!;
			expect( got.headers[ 'x-hub-signature' ] ).toBe(
				signBody( got.body, SECRET, signatureMode, keyMode )
			);
		}
		rx.received = [];
		await c.sim( 'POST', '/prices', {
			priceBookId: 0,
			productId: p.id,
			price: 25000,
		} );
		await flush();
		expect( rx.received[ 0 ]!.headers ).not.toHaveProperty(
			'x-hub-signature'
		);
	} );

	it( 'product.update: PascalCase, +07:00 dates, MasterProductId only on variant children, all branches, price books, image URLs', async () => {
		await register( 'product.update' );
		const child = byCode( 'POLO-XN-L' );
		await c.sim( 'PUT', `/products/${ child.id }`, { basePrice: 260000 } );
		const simple = byCode( 'SAC20W' );
		await c.sim( 'PUT', `/products/${ simple.id }`, {
			description: '<p>Mới</p>',
		} );
		await flush();
		const [ a, b ] = rx.received.map(
			( r ) => r.json.Notifications[ 0 ].Data[ 0 ]
		);
		expect( a.__type ).toContain( 'WebhookProductUpdateRes' );
		expect( a.Id ).toBe( child.id );
		expect( a.RetailerId ).toBe( 712345 );
		expect( a.MasterProductId ).toBe( byCode( 'POLO-DO-S' ).id );
		expect( a.HasVariants ).toBe( true );
		expect( a.BasePrice ).toBe( 260000 );
		expect( a.isActive ).toBe( true );
		expect( a ).not.toHaveProperty( 'IsActive' );
		expect( a.ModifiedDate ).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+07:00$/
		);
		expect( a.Attributes ).toEqual( [
			{
				ProductId: child.id,
				AttributeName: 'MÀU',
				AttributeValue: 'Xanh navy',
			},
			{ ProductId: child.id, AttributeName: 'SIZE', AttributeValue: 'L' },
		] );
		expect( a.Inventories ).toHaveLength( 3 );
		expect( a.Inventories[ 0 ] ).toHaveProperty( 'isActive' );
		expect( a.PriceBooks[ 0 ] ).toEqual(
			expect.objectContaining( {
				PriceBookId: 77,
				PriceBookName: 'Giá online',
				IsActive: true,
				StartDate: '2025-01-01T00:00:00.0000000+07:00',
			} )
		);
		expect( a.Images ).toEqual( [ `${ sim.url }/images/polo-xn-l-1.png` ] );
		expect( a.Serials ).toEqual( [] );
		expect( b ).not.toHaveProperty( 'MasterProductId' );
		expect( b ).not.toHaveProperty( 'MasterUnitId' );
		expect( b.Attributes ).toEqual( [] );
		const carton = byCode( 'COCA330-T24' );
		rx.received = [];
		await c.sim( 'POST', '/webhooks/config', { imagesAsObjects: true } );
		await c.sim( 'POST', '/prices', {
			priceBookId: 0,
			productId: carton.id,
			price: 220000,
		} );
		await flush();
		const u = rx.received[ 0 ]!.json.Notifications[ 0 ].Data[ 0 ];
		expect( u.MasterUnitId ).toBe( byCode( 'COCA330' ).id );
		expect( u.ConversionValue ).toBe( 24 );
		expect( u.Images ).toEqual( [
			{ Image: `${ sim.url }/images/coca330-1.png` },
		] );
	} );

	it( 'product.delete: envelope with an id array by default, bare {"RemoveId":[…]} behind a flag', async () => {
		await register( 'product.delete' );
		const a = byCode( 'OREO133' ).id;
		await c.sim( 'DELETE', `/products/${ a }` );
		await flush();
		expect( rx.received[ 0 ]!.json ).toEqual( {
			Id: expect.any( String ),
			Attempt: 1,
			Notifications: [ { Action: 'product.delete.712345', Data: [ a ] } ],
		} );
		await c.sim( 'POST', '/webhooks/config', { deleteForm: 'bare' } );
		const b = byCode( 'AFC200' ).id;
		await c.del( `/products/${ b }` );
		await flush();
		expect( rx.received[ 1 ]!.json ).toEqual( { RemoveId: [ b ] } );
		expect( rx.received[ 1 ]!.headers[ 'x-hub-signature' ] ).toBe(
			signBody( rx.received[ 1 ]!.body, SECRET )
		);
	} );

	it( 'order create → order.update + stock.update; status change → order.update (StatusValue)', async () => {
		await register( 'order.update' );
		await register( 'stock.update' );
		await register( 'invoice.update' );
		const p = byCode( 'AOTHUN-DEN-L' );
		const o = (
			await c.post( '/orders', {
				branchId: 5001,
				customerId: 880001,
				discount: 10000,
				orderDetails: [
					{ productId: p.id, quantity: 2, price: 149000 },
				],
				surchages: [ { id: 3301, price: 30000 } ],
			} )
		).body;
		await flush();
		expect( rx.actions().sort() ).toEqual( [
			'order.update.712345',
			'stock.update.712345',
		] );
		const order = rx.received.find( ( r ) =>
			r.json.Notifications[ 0 ].Action.startsWith( 'order.update' )
		)!.json.Notifications[ 0 ].Data[ 0 ];
		expect( order ).toEqual(
			expect.objectContaining( {
				Id: o.id,
				Code: o.code,
				Total: 318000,
				Status: 1,
				StatusValue: 'Phiếu tạm',
				CustomerCode: 'KH000001',
				BranchId: 5001,
			} )
		);
		expect( order.PurchaseDate ).toMatch( /\+07:00$/ );
		expect( order.OrderDetails[ 0 ] ).toEqual(
			expect.objectContaining( {
				ProductId: p.id,
				Quantity: 2,
				Price: 149000,
			} )
		);
		const stock = rx.received.find( ( r ) =>
			r.json.Notifications[ 0 ].Action.startsWith( 'stock.update' )
		)!.json.Notifications[ 0 ].Data[ 0 ];
		expect( stock.Reserved ).toBe(
			sim.state.inventoryOf( p, 5001 ).reserved
		);
		rx.received = [];
		await c.sim( 'POST', `/orders/${ o.id }/status`, { status: 4 } );
		await flush();
		const cancelled = rx.received.find( ( r ) =>
			r.json.Notifications[ 0 ].Action.startsWith( 'order.update' )
		)!.json.Notifications[ 0 ].Data[ 0 ];
		expect( cancelled.StatusValue ).toBe( 'Đã hủy' );
		expect( cancelled.Status ).toBe( 4 );
	} );

	it( 'shop-owner actions emit category, price book, price book detail and customer events', async () => {
		for ( const t of [
			'category.update',
			'category.delete',
			'pricebook.update',
			'pricebookdetail.update',
			'customer.update',
			'pricebook.delete',
			'branch.update',
		] ) {
			await register( t );
		}
		const cat = (
			await c.sim( 'POST', '/categories', { categoryName: 'Đồ chơi' } )
		).body;
		await c.sim( 'DELETE', `/categories/${ cat.categoryId }` );
		await c.sim( 'POST', '/pricebooks/78', { isActive: false } );
		await c.sim( 'POST', '/prices', {
			priceBookId: 77,
			productId: byCode( 'OREO133' ).id,
			price: 20000,
		} );
		await c.raw( 'POST', '/customers', {
			form: { name: 'Khách webhook', contactNumber: '0911222333' },
		} );
		await c.sim( 'DELETE', '/pricebooks/78' );
		await c.sim( 'POST', '/branches/5002', {
			branchName: 'Kho Thủ Đức 2',
		} );
		await flush();
		const data = ( prefix: string ) =>
			rx.received.find( ( r ) =>
				r.json.Notifications[ 0 ].Action.startsWith( prefix )
			)?.json.Notifications[ 0 ].Data;
		expect( data( 'category.update' )[ 0 ] ).toEqual(
			expect.objectContaining( {
				Id: cat.categoryId,
				Name: 'Đồ chơi',
				RetailerId: 712345,
				HasChild: false,
			} )
		);
		expect( data( 'category.delete' ) ).toEqual( [ cat.categoryId ] );
		expect( data( 'pricebook.update' )[ 0 ] ).toEqual(
			expect.objectContaining( {
				Id: 78,
				IsActive: false,
				StartDate: '2026-11-15T00:00:00.0000000+07:00',
			} )
		);
		expect( data( 'pricebookdetail.update' ) ).toEqual( [
			{
				PriceBookId: 77,
				ProductId: byCode( 'OREO133' ).id,
				Price: 20000,
			},
		] );
		expect( data( 'customer.update' )[ 0 ] ).toEqual(
			expect.objectContaining( {
				Name: 'Khách webhook',
				ContactNumber: '0911222333',
			} )
		);
		expect( data( 'pricebook.delete' ) ).toEqual( [ 78 ] );
		expect( data( 'branch.update' )[ 0 ] ).toEqual(
			expect.objectContaining( { Id: 5002, Name: 'Kho Thủ Đức 2' } )
		);
	} );
} );

describe( 'delivery semantics', () => {
	it( 'retries 5xx with the same Id and Attempt+1, then succeeds', async () => {
		await register( 'stock.update' );
		rx.script = [ 500, 503 ];
		await c.sim( 'POST', '/stock', {
			productId: byCode( 'OREO133' ).id,
			branchId: 5001,
			onHand: 1,
		} );
		await flush();
		expect( rx.received.map( ( r ) => r.json.Attempt ) ).toEqual( [
			1, 2, 3,
		] );
		expect( new Set( rx.received.map( ( r ) => r.json.Id ) ).size ).toBe(
			1
		);
		for ( const r of rx.received ) {
			expect( r.headers[ 'x-hub-signature' ] ).toBe(
				signBody( r.body, SECRET )
			);
		}
		const log = ( await c.sim( 'GET', '/webhooks/deliveries' ) ).body;
		expect(
			log.deliveries.map( ( d: { status: number } ) => d.status )
		).toEqual( [ 500, 503, 200 ] );
	} );

	it( 'a timeout (slower than timeoutMs) is retried, in immediate mode with the configured delays', async () => {
		await c.sim( 'POST', '/webhooks/config', {
			mode: 'immediate',
			timeoutMs: 60,
			retryDelaysMs: [ 10 ],
		} );
		await register( 'stock.update' );
		rx.script = [ 'hang' ];
		await c.sim( 'POST', '/stock', {
			productId: byCode( 'OREO133' ).id,
			branchId: 5001,
			onHand: 1,
		} );
		await waitFor( () => rx.received.length === 2 );
		const log = ( await c.sim( 'GET', '/webhooks/deliveries' ) ).body
			.deliveries;
		await waitFor( () => sim.sim.webhooks.deliveries.length === 2 );
		expect( sim.sim.webhooks.deliveries.map( ( d ) => d.status ) ).toEqual(
			[ 'timeout', 200 ]
		);
		expect( rx.received[ 1 ]!.json.Attempt ).toBe( 2 );
		void log;
	} );

	it( 'gives up after the configured retries', async () => {
		await register( 'stock.update' );
		rx.defaultStatus = 500;
		await c.sim( 'POST', '/stock', {
			productId: byCode( 'OREO133' ).id,
			branchId: 5001,
			onHand: 1,
		} );
		await flush();
		expect( rx.received.map( ( r ) => r.json.Attempt ) ).toEqual( [
			1, 2, 3, 4,
		] );
	} );

	it( 'a 4xx answer deactivates the subscription; nothing more is sent', async () => {
		const w = ( await register( 'stock.update' ) ).body;
		rx.script = [ 401 ];
		const p = byCode( 'OREO133' ).id;
		await c.sim( 'POST', '/stock', {
			productId: p,
			branchId: 5001,
			onHand: 1,
		} );
		await flush();
		await c.sim( 'POST', '/stock', {
			productId: p,
			branchId: 5001,
			onHand: 2,
		} );
		await flush();
		expect( rx.received ).toHaveLength( 1 );
		expect( ( await c.get( `/webhooks/${ w.id }` ) ).body.isActive ).toBe(
			false
		);
	} );

	it( 'drops, duplicates and reorders on purpose', async () => {
		await register( 'stock.update' );
		const p = byCode( 'OREO133' ).id;
		await c.sim( 'POST', '/webhooks/config', { drop: 1 } );
		await c.sim( 'POST', '/stock', {
			productId: p,
			branchId: 5001,
			onHand: 1,
		} );
		await flush();
		expect( rx.received ).toHaveLength( 0 );
		expect( sim.sim.webhooks.deliveries.at( -1 )?.status ).toBe(
			'dropped'
		);

		await c.sim( 'POST', '/webhooks/config', { duplicate: 1 } );
		await c.sim( 'POST', '/stock', {
			productId: p,
			branchId: 5001,
			onHand: 2,
		} );
		await flush();
		expect( rx.received ).toHaveLength( 2 );
		expect( rx.received[ 0 ]!.body ).toBe( rx.received[ 1 ]!.body );

		rx.received = [];
		await c.sim( 'POST', '/webhooks/config', { reorder: true } );
		await c.sim( 'POST', '/stock', {
			productId: p,
			branchId: 5001,
			onHand: 10,
		} );
		await c.sim( 'POST', '/stock', {
			productId: p,
			branchId: 5001,
			onHand: 20,
		} );
		await flush();
		expect(
			rx.received.map(
				( r ) => r.json.Notifications[ 0 ].Data[ 0 ].OnHand
			)
		).toEqual( [ 20, 10 ] );
	} );

	it( 'a reset abandons in-flight deliveries and pending retries', async () => {
		await c.sim( 'POST', '/webhooks/config', {
			mode: 'immediate',
			timeoutMs: 150,
			retryDelaysMs: [ 10 ],
		} );
		await register( 'stock.update' );
		rx.script = [ 'hang' ];
		await c.sim( 'POST', '/stock', {
			productId: byCode( 'OREO133' ).id,
			branchId: 5001,
			onHand: 1,
		} );
		await waitFor( () => rx.received.length === 1 );
		await c.sim( 'POST', '/reset' );
		await new Promise( ( r ) => setTimeout( r, 250 ) );
		expect( rx.received ).toHaveLength( 1 );
		expect( sim.sim.webhooks.deliveries ).toEqual( [] );
	} );

	it( 'immediate mode delivers without a flush; only loopback URLs are called', async () => {
		await c.sim( 'POST', '/webhooks/config', { mode: 'immediate' } );
		await register( 'stock.update' );
		await register(
			'product.update',
			SECRET,
			'https://shop.example.test/hook'
		);
		const p = byCode( 'OREO133' ).id;
		await c.sim( 'POST', '/stock', {
			productId: p,
			branchId: 5001,
			onHand: 4,
		} );
		await c.sim( 'PUT', `/products/${ p }`, { basePrice: 1000 } );
		await waitFor(
			() =>
				rx.received.length === 1 &&
				sim.sim.webhooks.deliveries.length === 2
		);
		const refused = sim.sim.webhooks.deliveries.find(
			( d ) => d.type === 'product.update'
		);
		expect( refused?.status ).toBe( 'refused' );
	} );
} );
