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

const byCode = ( code: string ) => {
	const p = sim.state.productByCode( code );
	if ( ! p ) {
		throw new Error( code );
	}
	return p;
};
const inv = ( code: string, branch = 5001 ) => ( {
	...sim.state.inventoryOf( byCode( code ), branch ),
} );

describe( 'customers', () => {
	it( 'contactNumber search is a contains match on digits only', async () => {
		const r = await c.get( '/customers?contactNumber=0903123456' );
		expect( r.body.total ).toBe( 2 );
		const loose = await c.get( '/customers?contactNumber=090312345' );
		expect( loose.body.total ).toBe( 3 );
		const formatted = await c.get(
			`/customers?contactNumber=${ encodeURIComponent( '0987.654.321' ) }`
		);
		expect(
			formatted.body.data.map( ( x: { name: string } ) => x.name )
		).toEqual( [ 'Lê Hoàng Nam' ] );
		expect( formatted.body.data[ 0 ].branchId ).toBe( 5002 );
		await c.sim( 'POST', '/config', { dropCustomerContactNumber: true } );
		const dropped = await c.get( '/customers?contactNumber=0987654321' );
		expect( dropped.body.data[ 0 ] ).not.toHaveProperty( 'contactNumber' );
	} );

	it( 'POST /customers (form) is wrapped {message, data}; GET by id/code unwrapped', async () => {
		const r = await c.raw( 'POST', '/customers', {
			form: {
				name: 'Trần Văn Minh',
				contactNumber: '0912000999',
				branchId: '5001',
				email: 'minh@example.test',
			},
		} );
		expect( r.status ).toBe( 200 );
		expect( r.body.message ).toBeTruthy();
		expect( r.body.data.code ).toMatch( /^KH\d{6}$/ );
		expect( r.body.data.branchId ).toBe( 5001 );
		const one = await c.get( `/customers/${ r.body.data.id }` );
		expect( one.body.name ).toBe( 'Trần Văn Minh' );
		expect(
			( await c.get( `/customers/code/${ r.body.data.code }` ) ).body.id
		).toBe( r.body.data.id );
		const missingName = await c.post( '/customers', {
			contactNumber: '1',
		} );
		expect( missingName.status ).toBe( 400 );
	} );
} );

describe( 'surcharges (/surchages) and settings', () => {
	it( 'lists active surcharges with createDate; POST wrapped; duplicate code fails even if inactive', async () => {
		const r = await c.get( '/surchages?pageSize=100' );
		expect(
			r.body.data.map(
				( s: { surchargeCode: string } ) => s.surchargeCode
			)
		).toEqual( [ 'PDGQ' ] );
		expect( r.body.data[ 0 ] ).toHaveProperty( 'createDate' );
		const created = await c.post( '/surchages', {
			name: 'Phí vận chuyển (Website)',
			code: 'THKSHIPPINGWEB',
			value: 0,
		} );
		expect( created.body.data ).toEqual(
			expect.objectContaining( {
				surchargeCode: 'THKSHIPPINGWEB',
				surchargeName: 'Phí vận chuyển (Website)',
			} )
		);
		const dupInactive = await c.post( '/surchages', {
			name: 'x',
			code: 'PTNGOAIGIO',
		} );
		expect( dupInactive.status ).toBe( 400 );
		expect( dupInactive.body.responseStatus.message ).toContain(
			'chưa kích hoạt'
		);
		const activate = await c.post( '/surchages/3302/activesurchage', {
			isActive: true,
		} );
		expect( activate.status ).toBe( 200 );
		expect( ( await c.get( '/surchages' ) ).body.total ).toBe( 3 );
		await c.sim( 'POST', '/settings', { SurchargeEnabled: false } );
		const off = await c.get( '/surchages' );
		expect( off.status ).toBe( 400 );
		expect( off.body.responseStatus.message ).toBe(
			'Chưa bật thu khác trong thiết lập cửa hàng'
		);
	} );

	it( 'GET /settings is PascalCase with the four flags', async () => {
		const r = await c.get( '/settings' );
		expect( r.body ).toEqual( {
			ManagerCustomerByBranch: false,
			AllowOrderWhenOutStock: true,
			AllowSellWhenOrderOutStock: true,
			AllowSellWhenOutStock: false,
		} );
		await c.sim( 'POST', '/settings', { managerCustomerByBranch: true } );
		expect(
			( await c.get( '/settings' ) ).body.ManagerCustomerByBranch
		).toBe( true );
	} );
} );

describe( 'orders', () => {
	const orderBody = () => ( {
		branchId: 5001,
		purchaseDate: '2026-11-20T09:20:00',
		customerId: 880001,
		discount: 10000,
		description: 'Đơn hàng từ website, mã đơn hàng #1058.',
		method: 'CASH',
		totalPayment: 0,
		makeInvoice: false,
		orderDetails: [
			{
				productId: byCode( 'AOTHUN-DEN-L' ).id,
				productCode: 'AOTHUN-DEN-L',
				productName: 'Áo thun basic - Đen - L',
				quantity: 2,
				price: 149000,
				discount: 0,
				discountRatio: 0,
				note: '',
			},
		],
		orderDelivery: {
			type: 1,
			price: 0,
			receiver: 'Nguyễn Thị Lan',
			contactNumber: '0903123456',
			address: '45 Nguyễn Trãi',
		},
		surchages: [ { id: 3301, code: 'PDGQ', price: 30000 } ],
		Extra: '{"PriceBookId":{"Id":77,"Name":"Giá online"}}',
	} );

	it( 'POST creates DH code, total = Σ(qty×price − line discount) − discount + surcharges; reserves stock', async () => {
		const before = inv( 'AOTHUN-DEN-L' );
		const r = await c.raw( 'POST', '/orders', {
			body: orderBody(),
			headers: { Partner: 'KVSync' },
		} );
		expect( r.status ).toBe( 200 );
		expect( r.body.code ).toMatch( /^DH\d{6}$/ );
		expect( r.body.total ).toBe( 318000 );
		expect( r.body.status ).toBe( 1 );
		expect( r.body.statusValue ).toBe( 'Phiếu tạm' );
		expect( r.body.customerCode ).toBe( 'KH000001' );
		expect( r.body.purchaseDate ).toBe( '2026-11-20T09:20:00.0000000' );
		expect( r.body.invoiceOrderSurcharges[ 0 ] ).toEqual(
			expect.objectContaining( {
				surchargeId: 3301,
				price: 30000,
				surValue: 30000,
			} )
		);
		const after = inv( 'AOTHUN-DEN-L' );
		expect( after.onHand ).toBe( before.onHand );
		expect( after.reserved ).toBe( before.reserved + 2 );
		expect( sim.state.orders.size ).toBe( 1 );
	} );

	it( 'GET by id and code (with payments, delivery, surcharges); list with filters and include flags', async () => {
		const o = ( await c.post( '/orders', orderBody() ) ).body;
		const byId = await c.get( `/orders/${ o.id }` );
		expect( byId.body.orderDelivery ).toEqual( {
			type: 1,
			price: 0,
			receiver: 'Nguyễn Thị Lan',
			contactNumber: '0903123456',
			address: '45 Nguyễn Trãi',
		} );
		expect( byId.body.payments ).toEqual( [] );
		expect( ( await c.get( `/orders/code/${ o.code }` ) ).body.id ).toBe(
			o.id
		);
		const list = await c.get( '/orders?branchIds=5001&status=1,2' );
		expect( list.body.total ).toBe( 1 );
		expect( list.body.data[ 0 ] ).not.toHaveProperty( 'orderDelivery' );
		expect( list.body.data[ 0 ] ).not.toHaveProperty( 'payments' );
		const incl = await c.get(
			'/orders?includePayment=true&includeOrderDelivery=true&customerIds[]=880001'
		);
		expect( incl.body.data[ 0 ] ).toHaveProperty( 'orderDelivery' );
		expect( incl.body.data[ 0 ] ).toHaveProperty( 'payments' );
		expect( ( await c.get( '/orders?status=3' ) ).body.total ).toBe( 0 );
		expect( ( await c.get( '/orders/999' ) ).status ).toBe( 404 );
	} );

	it( 'PUT updates lines and moves the reservation; DELETE cancels and releases it', async () => {
		const before = inv( 'AOTHUN-DEN-L' ).reserved;
		const o = ( await c.post( '/orders', orderBody() ) ).body;
		const upd = await c.put( `/orders/${ o.id }`, {
			discount: 10000,
			orderDetails: [
				{
					productId: byCode( 'AOTHUN-DEN-L' ).id,
					quantity: 3,
					price: 149000,
				},
			],
		} );
		expect( upd.status ).toBe( 200 );
		expect( upd.body.total ).toBe( 3 * 149000 - 10000 + 30000 );
		expect( inv( 'AOTHUN-DEN-L' ).reserved ).toBe( before + 3 );
		const del = await c.del( `/orders/${ o.id }?IsVoidPayment=true` );
		expect( del.body ).toEqual( { message: 'Xóa dữ liệu thành công' } );
		const got = ( await c.get( `/orders/${ o.id }` ) ).body;
		expect( got.status ).toBe( 4 );
		expect( got.statusValue ).toBe( 'Đã hủy' );
		expect( inv( 'AOTHUN-DEN-L' ).reserved ).toBe( before );
		expect(
			( await c.put( `/orders/${ o.id }`, orderBody() ) ).status
		).toBe( 400 );
	} );

	it( 'completion (control status 3) moves onHand and releases reserved; statuses 1..5', async () => {
		const before = inv( 'AOTHUN-DEN-L' );
		const o = ( await c.post( '/orders', orderBody() ) ).body;
		const confirmed = await c.sim( 'POST', `/orders/${ o.id }/status`, {
			status: 5,
		} );
		expect( confirmed.body.statusValue ).toBe( 'Đã xác nhận' );
		const delivering = await c.sim( 'POST', `/orders/${ o.id }/status`, {
			statusValue: 'Đang giao hàng',
		} );
		expect( delivering.body.status ).toBe( 2 );
		const done = await c.sim( 'POST', `/orders/${ o.id }/status`, {
			status: 3,
		} );
		expect( done.body.statusValue ).toBe( 'Hoàn thành' );
		const after = inv( 'AOTHUN-DEN-L' );
		expect( after.onHand ).toBe( before.onHand - 2 );
		expect( after.reserved ).toBe( before.reserved );
		expect( ( await c.del( `/orders/${ o.id }` ) ).status ).toBe( 400 );
	} );

	it( 'units and combos reserve base stock; services reserve nothing; makeInvoice completes at once', async () => {
		const coca = inv( 'COCA330' );
		const sac = inv( 'SAC20W' );
		const o = await c.post( '/orders', {
			branchId: 5001,
			makeInvoice: true,
			orderDetails: [
				{
					productId: byCode( 'COCA330-T24' ).id,
					quantity: 1,
					price: 215000,
				},
				{
					productId: byCode( 'COMBO-SACCAP' ).id,
					quantity: 1,
					price: 429000,
				},
				{
					productId: byCode( 'DV-GOIQUA' ).id,
					quantity: 1,
					price: 30000,
				},
			],
		} );
		expect( o.status ).toBe( 200 );
		expect( o.body.status ).toBe( 3 );
		expect( o.body.customerName ).toBe( 'Khách lẻ' );
		expect( inv( 'COCA330' ).onHand ).toBe( coca.onHand - 24 );
		expect( inv( 'SAC20W' ).onHand ).toBe( sac.onHand - 1 );
	} );

	it( 'inline customer creates a customer; unknown productId → 400 responseStatus; inactive/not-for-sale rejected', async () => {
		const o = await c.post( '/orders', {
			branchId: 5001,
			customer: { name: 'Khách mới', contactNumber: '0900000001' },
			orderDetails: [
				{
					productId: byCode( 'OREO133' ).id,
					quantity: 1,
					price: 22000,
				},
			],
		} );
		expect( o.status ).toBe( 200 );
		expect( o.body.customerId ).toBeGreaterThan( 0 );
		expect(
			sim.state.customers.get( o.body.customerId )?.contactNumber
		).toBe( '0900000001' );
		const bad = await c.post( '/orders', {
			branchId: 5001,
			orderDetails: [ { productId: 1, quantity: 1, price: 1 } ],
		} );
		expect( bad.status ).toBe( 400 );
		expect( bad.body.responseStatus.errorCode ).toBeTruthy();
		expect( bad.body.responseStatus.message ).toBeTruthy();
		expect(
			(
				await c.post( '/orders', {
					branchId: 5001,
					orderDetails: [
						{ productId: byCode( 'NOKIA105' ).id, quantity: 1 },
					],
				} )
			).status
		).toBe( 400 );
		expect(
			(
				await c.post( '/orders', {
					branchId: 5001,
					orderDetails: [
						{ productId: byCode( 'VT-CARTON' ).id, quantity: 1 },
					],
				} )
			).status
		).toBe( 400 );
		await c.sim( 'POST', '/config', { validationStatus: 420 } );
		expect(
			(
				await c.post( '/orders', {
					branchId: 5001,
					orderDetails: [ { productId: 1, quantity: 1 } ],
				} )
			).status
		).toBe( 420 );
		expect( sim.state.orders.size ).toBe( 1 );
	} );

	it( 'AllowOrderWhenOutStock=false rejects quantity > onHand − reserved; orders disabled / delivery disabled errors', async () => {
		const p = byCode( 'OREO133' );
		await c.sim( 'POST', '/stock', {
			productId: p.id,
			branchId: 5001,
			onHand: 2,
			reserved: 0,
		} );
		await c.sim( 'POST', '/settings', { AllowOrderWhenOutStock: false } );
		const over = await c.post( '/orders', {
			branchId: 5001,
			orderDetails: [ { productId: p.id, quantity: 3, price: 1 } ],
		} );
		expect( over.status ).toBe( 400 );
		expect(
			(
				await c.post( '/orders', {
					branchId: 5001,
					orderDetails: [
						{ productId: p.id, quantity: 2, price: 1 },
					],
				} )
			).status
		).toBe( 200 );
		expect(
			(
				await c.post( '/orders', {
					branchId: 5001,
					orderDetails: [
						{ productId: p.id, quantity: 1, price: 1 },
					],
				} )
			).status
		).toBe( 400 );
		await c.sim( 'POST', '/settings', {
			AllowOrderWhenOutStock: true,
			DeliveryEnabled: false,
		} );
		const noDelivery = await c.post( '/orders', {
			branchId: 5001,
			orderDelivery: { receiver: 'x' },
			orderDetails: [ { productId: p.id, quantity: 1 } ],
		} );
		expect( noDelivery.body.responseStatus.message ).toContain(
			'Sử dụng tính năng giao hàng'
		);
		await c.sim( 'POST', '/settings', { OrderEnabled: false } );
		const disabled = await c.post( '/orders', {
			branchId: 5001,
			orderDetails: [ { productId: p.id, quantity: 1 } ],
		} );
		expect( disabled.body.responseStatus.message ).toContain(
			'Cho phép đặt hàng'
		);
	} );

	it( 'form-encoded PHP-style order bodies bind case-insensitively', async () => {
		const p = byCode( 'OREO133' );
		const r = await c.raw( 'POST', '/orders', {
			form: {
				BranchId: '5001',
				'OrderDetails[0][ProductId]': String( p.id ),
				'OrderDetails[0][Quantity]': '2',
				'OrderDetails[0][Price]': '20000',
				Discount: '1000',
			},
		} );
		expect( r.status ).toBe( 200 );
		expect( r.body.total ).toBe( 39000 );
	} );
} );
