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

describe( 'categories', () => {
	it( 'flat list: roots omit parentId, hasChild, rank, name a–z by default', async () => {
		const r = await c.get( '/categories?pageSize=100' );
		expect( r.body.total ).toBe( sim.state.categories.size );
		const root = r.body.data.find(
			( x: { categoryName: string } ) => x.categoryName === 'Thời trang'
		);
		expect( root ).not.toHaveProperty( 'parentId' );
		expect( root.hasChild ).toBe( true );
		expect( root.retailerId ).toBe( 712345 );
		const names = r.body.data.map(
			( x: { categoryName: string } ) => x.categoryName
		);
		expect(
			[ ...names ].sort( ( a, b ) => a.localeCompare( b, 'vi' ) )
		).toEqual( names );
		const leaf = r.body.data.find(
			( x: { categoryName: string } ) => x.categoryName === 'Áo polo'
		);
		expect( leaf.hasChild ).toBe( false );
		expect( typeof leaf.parentId ).toBe( 'number' );
	} );

	it( 'hierachicalData=true: a tree of roots, 3 levels, children [] on leaves, total counts roots', async () => {
		const r = await c.get(
			'/categories?hierachicalData=true&pageSize=100'
		);
		const roots = [ ...sim.state.categories.values() ].filter(
			( x ) => x.parentId === undefined
		);
		expect( r.body.total ).toBe( roots.length );
		const fashion = r.body.data.find(
			( x: { categoryName: string } ) => x.categoryName === 'Thời trang'
		);
		const ao = fashion.children.find(
			( x: { categoryName: string } ) => x.categoryName === 'Áo'
		);
		const polo = ao.children.find(
			( x: { categoryName: string } ) => x.categoryName === 'Áo polo'
		);
		expect( polo.children ).toEqual( [] );
	} );

	it( 'GET by id (top-level, wrapper behind a flag), POST (form) / PUT wrapped, DELETE rules', async () => {
		const id = [ ...sim.state.categories.keys() ][ 0 ];
		const one = await c.get( `/categories/${ id }` );
		expect( one.body.categoryId ).toBe( id );
		await c.sim( 'POST', '/config', { categoryGetWrapped: true } );
		expect(
			( await c.get( `/categories/${ id }` ) ).body.data.categoryId
		).toBe( id );
		const created = await c.raw( 'POST', '/categories', {
			form: { categoryName: 'Khác', parentId: String( id ) },
		} );
		expect( created.status ).toBe( 200 );
		expect( created.body.message ).toBeTruthy();
		expect( created.body.data.categoryName ).toBe( 'Khác' );
		expect( created.body.data.parentId ).toBe( id );
		expect( created.body.data.children ).toEqual( [] );
		const newId = created.body.data.categoryId;
		const upd = await c.put( `/categories/${ newId }`, {
			CategoryName: 'Khác 2',
		} );
		expect( upd.body.data.categoryName ).toBe( 'Khác 2' );
		const parentDel = await c.del( `/categories/${ id }` );
		expect( parentDel.status ).toBe( 400 );
		expect( parentDel.body.responseStatus.message ).toBeTruthy();
		const inUse = await c.del(
			`/categories/${ byCode( 'COCA330' ).categoryId }`
		);
		expect( inUse.status ).toBe( 400 );
		const del = await c.del( `/categories/${ newId }` );
		expect( del.body ).toEqual( { message: 'Xóa dữ liệu thành công' } );
		expect( ( await c.get( `/categories/${ newId }` ) ).status ).toBe(
			404
		);
		const removed = await c.get(
			'/categories?includeRemoveIds=true&pageSize=1'
		);
		expect( removed.body.removedIds ).toEqual( [ newId ] );
	} );
} );

describe( 'products', () => {
	it( 'GET by id and by code (path and ?Code=) return the item unwrapped with inventories and priceBooks', async () => {
		const p = byCode( 'POLO-DO-M' );
		const r = await c.get( `/products/${ p.id }` );
		expect( r.body.id ).toBe( p.id );
		expect( r.body ).not.toHaveProperty( 'data' );
		expect( r.body.inventories ).toHaveLength( 3 );
		expect(
			r.body.priceBooks.map(
				( b: { priceBookId: number } ) => b.priceBookId
			)
		).toContain( 77 );
		expect( ( await c.get( '/products/code/POLO-DO-M' ) ).body.id ).toBe(
			p.id
		);
		expect(
			( await c.get( '/products/code?Id=0&Code=POLO-DO-M' ) ).body.id
		).toBe( p.id );
		const missing = await c.get( '/products/code/NOPE' );
		expect( missing.status ).toBe( 404 );
		expect( missing.body.responseStatus ).toBeTruthy();
		expect( ( await c.get( '/products/1' ) ).status ).toBe( 404 );
		await c.sim( 'POST', '/config', { notFoundStatus: 400 } );
		expect( ( await c.get( '/products/1' ) ).status ).toBe( 400 );
	} );

	it( 'variants: master has no masterProductId; children point to it; all hasVariants; upper-case attribute names', async () => {
		const master = ( await c.get( '/products/code/POLO-DO-S' ) ).body;
		const child = ( await c.get( '/products/code/POLO-XN-L' ) ).body;
		expect( master ).not.toHaveProperty( 'masterProductId' );
		expect( master.hasVariants ).toBe( true );
		expect( child.masterProductId ).toBe( master.id );
		expect( child.fullName ).toBe( 'Áo Polo - Xanh navy - L' );
		expect( child.attributes ).toEqual( [
			{
				productId: child.id,
				attributeName: 'MÀU',
				attributeValue: 'Xanh navy',
			},
			{ productId: child.id, attributeName: 'SIZE', attributeValue: 'L' },
		] );
		const family = await c.get(
			`/products?masterProductId=${ master.id }&pageSize=100`
		);
		expect( family.body.total ).toBe( 12 );
		const red = ( await c.get( '/products/code/POLO-DO-S' ) ).body;
		expect( red.fullName ).toBe( 'Áo Polo - Đỏ - S' );
	} );

	it( 'units: base lists units[]; derived has masterUnitId/conversionValue and stock in its own unit', async () => {
		const base = ( await c.get( '/products/code/COCA330' ) ).body;
		const carton = ( await c.get( '/products/code/COCA330-T24' ) ).body;
		expect( base ).not.toHaveProperty( 'masterUnitId' );
		expect( base.conversionValue ).toBe( 1 );
		expect( base.units ).toEqual( [
			expect.objectContaining( {
				id: carton.id,
				conversionValue: 24,
				unit: 'thùng 24 lon',
				basePrice: 215000,
			} ),
		] );
		expect( carton.masterUnitId ).toBe( base.id );
		expect( carton.conversionValue ).toBe( 24 );
		expect( carton.fullName ).toBe( 'Coca-Cola lon 330ml (thùng 24 lon)' );
		await c.sim( 'POST', '/stock', {
			productId: base.id,
			branchId: 5001,
			onHand: 48,
		} );
		const after = ( await c.get( '/products/code/COCA330-T24' ) ).body;
		expect(
			after.inventories.find(
				( i: { branchId: number } ) => i.branchId === 5001
			).onHand
		).toBe( 2 );
	} );

	it( 'services (type 3), combos (type 1, productFormulas), serial and lot items, inactive, not sold directly', async () => {
		const service = ( await c.get( '/products/code/DV-THAYPIN' ) ).body;
		expect( service.type ).toBe( 3 );
		expect(
			service.inventories.every(
				( i: { onHand: number } ) => i.onHand === 0
			)
		).toBe( true );
		const combo = ( await c.get( '/products/code/COMBO-SACCAP' ) ).body;
		expect( combo.type ).toBe( 1 );
		expect( combo.productFormulas ).toHaveLength( 2 );
		const phone = (
			await c.get(
				'/products?includeSerials=true&productType=2&pageSize=100&name=iphone'
			)
		).body.data[ 0 ];
		expect( phone.isLotSerialControl ).toBe( true );
		const inStock = phone.productSerials.filter(
			( s: { status: number; branchId: number } ) =>
				s.status === 1 && s.branchId === 5001
		).length;
		expect( inStock ).toBe(
			sim.state.products.get( phone.id )?.inventories[ 5001 ]?.onHand
		);
		const milk = ( await c.get( '/products/code/DIELAC-AG4' ) ).body;
		expect( milk.isBatchExpireControl ).toBe( true );
		expect( milk.productBatchExpires[ 0 ] ).toEqual(
			expect.objectContaining( {
				batchName: expect.any( String ),
				expireDate: expect.stringMatching( /^2027-/ ),
				branchId: 5001,
			} )
		);
		const inactive = ( await c.get( '/products/code/NOKIA105' ) ).body;
		expect( inactive.isActive ).toBe( false );
		const material = ( await c.get( '/products/code/VT-TUINILON' ) ).body;
		expect( material.allowsSale ).toBe( false );
	} );

	it( 'a new serial product gets one in-stock serial per unit; unit products follow base stock in deltas', async () => {
		const phone = await c.post( '/products', {
			name: 'Điện thoại mới',
			isProductSerial: true,
			inventories: [ { branchId: 5002, onHand: 2 } ],
		} );
		const full = ( await c.get( `/products/${ phone.body.id }` ) ).body;
		expect(
			full.productSerials.filter(
				( s: { status: number; branchId: number } ) =>
					s.status === 1 && s.branchId === 5002
			)
		).toHaveLength( 2 );
		const ts = ( await c.get( '/products?pageSize=1' ) ).body.timestamp;
		await c.sim( 'POST', '/stock', {
			productId: byCode( 'COCA330' ).id,
			branchId: 5001,
			onHand: 24,
		} );
		const delta = await c.get(
			`/products?lastModifiedFrom=${ encodeURIComponent(
				ts
			) }&pageSize=100`
		);
		expect(
			delta.body.data.map( ( p: { code: string } ) => p.code ).sort()
		).toEqual( [ 'COCA330', 'COCA330-T24' ] );
	} );

	it( 'images are URLs served by the simulator (PNG)', async () => {
		const p = ( await c.get( '/products/code/POLO-DO-S' ) ).body;
		expect( p.images[ 0 ] ).toBe( `${ sim.url }/images/polo-do-s-1.png` );
		const img = await fetch( p.images[ 0 ] );
		expect( img.status ).toBe( 200 );
		expect( img.headers.get( 'content-type' ) ).toBe( 'image/png' );
		const buf = Buffer.from( await img.arrayBuffer() );
		expect( buf.subarray( 1, 4 ).toString() ).toBe( 'PNG' );
	} );

	it( 'null properties are omitted, empty arrays/strings kept', async () => {
		const r = await c.get( '/products/code/SAC20W' );
		expect( r.text ).not.toContain( 'null' );
		expect( r.body ).not.toHaveProperty( 'masterProductId' );
		expect( r.body ).not.toHaveProperty( 'masterUnitId' );
		expect( r.body.attributes ).toEqual( [] );
	} );

	it( 'POST /products creates (unwrapped, auto SP code), rejects duplicate code, PUT updates, DELETE removes', async () => {
		const created = await c.post( '/products', {
			name: 'Sản phẩm từ web',
			categoryId: byCode( 'SAC20W' ).categoryId,
			basePrice: 99000,
			unit: 'cái',
			images: [ 'https://cdn.example.test/a.jpg' ],
			inventories: [ { branchId: 5001, onHand: 7, cost: 50000 } ],
		} );
		expect( created.status ).toBe( 200 );
		expect( created.body.code ).toMatch( /^SP\d{6}$/ );
		expect( created.body.images ).toEqual( [
			'https://cdn.example.test/a.jpg',
		] );
		expect(
			created.body.inventories.find(
				( i: { branchId: number } ) => i.branchId === 5001
			).onHand
		).toBe( 7 );
		const dup = await c.post( '/products', {
			code: 'SAC20W',
			name: 'x',
			basePrice: 1,
		} );
		expect( dup.status ).toBe( 400 );
		expect( dup.body.responseStatus.message ).toContain( 'SAC20W' );
		const longBarcode = await c.post( '/products', {
			name: 'x',
			barCode: '12345678901234567',
		} );
		expect( longBarcode.status ).toBe( 400 );
		const upd = await c.put( `/products/${ created.body.id }`, {
			Name: 'Đổi tên',
			isActive: false,
		} );
		expect( upd.body.name ).toBe( 'Đổi tên' );
		expect( upd.body.isActive ).toBe( false );
		const del = await c.del( `/products/${ created.body.id }` );
		expect( del.body ).toEqual( { message: 'Xóa dữ liệu thành công' } );
		expect(
			( await c.get( `/products/${ created.body.id }` ) ).status
		).toBe( 404 );
		expect(
			( await c.get( '/products?includeRemoveIds=true&pageSize=1' ) ).body
				.removedIds
		).toEqual( [ created.body.id ] );
	} );
} );

describe( 'productOnHands, branches, price books', () => {
	it( 'productOnHands: id, code, dates, inventories {branchId, onHand, reserved}; delta by lastModifiedFrom', async () => {
		const ts = ( await c.get( '/productOnHands?pageSize=1' ) ).body
			.timestamp;
		const p = byCode( 'OREO133' );
		await c.sim( 'POST', '/stock', {
			productId: p.id,
			branchId: 5002,
			onHand: 3,
			reserved: 1,
		} );
		const r = await c.get(
			`/productOnHands?lastModifiedFrom=${ encodeURIComponent(
				ts
			) }&branchIds=5002`
		);
		expect( r.body.total ).toBe( 1 );
		expect( r.body.data[ 0 ] ).toEqual(
			expect.objectContaining( {
				id: p.id,
				code: 'OREO133',
				inventories: [ { branchId: 5002, onHand: 3, reserved: 1 } ],
			} )
		);
		await c.sim( 'POST', '/config', { onhandLowercase: true } );
		const lower = await c.get(
			`/productOnHands?lastModifiedFrom=${ encodeURIComponent(
				ts
			) }&branchIds=5002`
		);
		expect( lower.body.data[ 0 ].inventories[ 0 ] ).toHaveProperty(
			'onhand',
			3
		);
	} );

	it( 'branches: 3 branches with branchName/branchCode', async () => {
		const r = await c.get(
			'/branches?pageSize=100&orderBy=id&includeRemoveIds=true'
		);
		expect( r.body.total ).toBe( 3 );
		expect( r.body.data[ 0 ] ).toEqual(
			expect.objectContaining( {
				id: 5001,
				branchName: 'Chi nhánh trung tâm',
				branchCode: 'CN01',
				retailerId: 712345,
			} )
		);
		expect( r.body.removedIds ).toEqual( [] );
	} );

	it( 'pricebooks: active flag, start/end dates, branches on request; details paginated', async () => {
		const r = await c.get( '/pricebooks?includePriceBookBranch=true' );
		expect( r.body.total ).toBe( 2 );
		const promo = r.body.data.find( ( b: { id: number } ) => b.id === 78 );
		expect( promo ).toEqual(
			expect.objectContaining( {
				isActive: true,
				isGlobal: false,
				startDate: '2026-11-15T00:00:00.0000000',
				endDate: '2027-01-15T23:59:00.0000000',
			} )
		);
		expect(
			promo.priceBookBranches.map(
				( x: { branchId: number } ) => x.branchId
			)
		).toEqual( [ 5001, 5003 ] );
		expect(
			( await c.get( '/pricebooks' ) ).body.data[ 0 ]
		).not.toHaveProperty( 'priceBookBranches' );
		const details = await c.get( '/pricebooks/77?pageSize=5' );
		expect( details.body.pageSize ).toBe( 5 );
		expect( details.body.total ).toBe(
			Object.keys( sim.state.priceBooks.get( 77 )?.prices ?? {} ).length
		);
		expect( details.body.data[ 0 ] ).toEqual(
			expect.objectContaining( {
				productId: expect.any( Number ),
				productCode: expect.any( String ),
				price: expect.any( Number ),
			} )
		);
		const set = await c.post( '/pricebooks/detail', {
			pricebookId: 77,
			productId: byCode( 'OREO133' ).id,
			price: 19000,
		} );
		expect( set.body.isSuccess ).toBe( true );
		const general = await c.post( '/pricebooks/detail', {
			pricebookId: 0,
			productId: byCode( 'OREO133' ).id,
			price: 21000,
		} );
		expect( general.status ).toBe( 200 );
		const oreo = ( await c.get( '/products/code/OREO133' ) ).body;
		expect( oreo.basePrice ).toBe( 21000 );
		expect(
			oreo.priceBooks.find(
				( b: { priceBookId: number } ) => b.priceBookId === 77
			).price
		).toBe( 19000 );
	} );

	it( 'price book activation through the control API shows on products', async () => {
		await c.sim( 'POST', '/pricebooks/78', {
			isActive: false,
			endDate: '2026-12-01T00:00:00',
		} );
		const p = ( await c.get( '/products/code/POLO-DO-S' ) ).body;
		const b = p.priceBooks.find(
			( x: { priceBookId: number } ) => x.priceBookId === 78
		);
		expect( b.isActive ).toBe( false );
		expect( b.endDate ).toBe( '2026-12-01T00:00:00.0000000' );
	} );
} );
