/**
 * Issues 5, 7 and 10 from the shopper's side (stand-in storefront in CI, real WooCommerce with
 * WOOCOMMERCE_DIR): products selected and synced from KiotViet show in the shop with the right price and
 * stock; a storefront order (cash on delivery, flat-rate shipping) reaches the simulator exactly once with
 * its lines, quantities, shipping surcharge and total; HTML/script in KiotViet names, descriptions and
 * attribute values is shown as text on the product and search pages and runs nothing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, resetSimulator, screenshot, SIM_URL, SITE_URL } from './env';
import {
	adminSession,
	disconnect,
	NS,
	type Session,
	sim,
	warningLogMark,
	warningsSince,
} from './security/helpers';
import { XSS } from './security/catalog-setup';
import {
	findSimulatorOrder,
	findSimulatorOrders,
	importProducts,
	openShopProduct,
	placeStorefrontOrder,
	readProductPage,
} from './storefront';

let admin: Session;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
let phpMark: Map< string, number >;

// Demo seed: a simple product, a variable family, a unit (carton of 24 cans) and a service.
const SIMPLE = { code: 'CAP-C-2M', name: 'Cáp USB-C 2m', price: 150000 };
const FAMILY = { code: 'AOTHUN-', name: 'Áo thun basic', price: 159000 };
const UNIT = {
	code: 'COCA330-T24',
	name: 'Coca-Cola lon 330ml (thùng 24 lon)',
	price: 215000,
};
const SERVICE = { code: 'DV-GOIQUA', name: 'Gói quà cao cấp', price: 30000 };
const SHIPPING = 30000;

const tag = Math.random().toString( 36 ).slice( 2, 7 ).toUpperCase();
const HOSTILE = {
	code: `XSS-SF-${ tag }`,
	name: `Áo XSS ${ XSS.img } ${ tag }`,
	description: `<p>Mô tả an toàn ${ tag }</p>${ XSS.script }${ XSS.img }${ XSS.svg }`,
	attrName: `Chất liệu ${ XSS.img }`,
	attrValue: `Cotton ${ XSS.svg }`,
	// A second one, so that a search for the tag lists both (one result would go straight to the product).
	code2: `XSS-SF2-${ tag }`,
	name2: `Quần XSS ${ XSS.svg } ${ XSS.script } ${ tag }`,
};

async function newShopper(): Promise< Page > {
	await context?.close();
	context = await browser.newContext( {
		viewport: { width: 1280, height: 900 },
		locale: 'vi-VN',
	} );
	const p = await context.newPage();
	p.on( 'dialog', ( d ) => {
		dialogs.push( d.message() );
		void d.dismiss();
	} );
	return p;
}

beforeAll( async () => {
	await resetSimulator();
	const category = await sim( 'POST', '/__sim/categories', {
		categoryName: `Storefront ${ tag }`,
	} );
	await sim( 'POST', '/__sim/products', {
		name: HOSTILE.name,
		code: HOSTILE.code,
		categoryId: category.categoryId ?? category.id,
		basePrice: 99000,
		unit: 'cái',
		allowsSale: true,
		isActive: true,
		description: HOSTILE.description,
		attributes: [
			{
				attributeName: HOSTILE.attrName,
				attributeValue: HOSTILE.attrValue,
			},
		],
		inventories: [ { branchId: 5001, onHand: 5 } ],
	} );
	await sim( 'POST', '/__sim/products', {
		name: HOSTILE.name2,
		code: HOSTILE.code2,
		categoryId: category.categoryId ?? category.id,
		basePrice: 89000,
		unit: 'cái',
		allowsSale: true,
		isActive: true,
		description: `<p>Quần ${ tag }</p>${ XSS.img }`,
		inventories: [ { branchId: 5001, onHand: 3 } ],
	} );
	admin = await adminSession();
	phpMark = warningLogMark();
	await importProducts( admin, [
		SIMPLE.code,
		FAMILY.code,
		UNIT.code,
		SERVICE.code,
		HOSTILE.code,
		HOSTILE.code2,
	] );
	// Orders: pushed automatically to branch 5001, shipping as the KiotViet surcharge.
	await admin.ok( 'PUT', `${ NS }/settings`, {
		order_branch_id: 5001,
		auto_push_orders: true,
		sync_shipping: true,
	} );
	browser = await launch();
	page = await newShopper();
} );

afterAll( async () => {
	await browser?.close();
	if ( admin ) {
		await disconnect( admin );
	}
	await resetSimulator();
} );

describe( 'the shop shows the synced products', () => {
	test( 'a simple product: price and stock', async () => {
		const p = await openShopProduct( page, SIMPLE.name );
		await screenshot( page, 'storefront-simple' );
		expect( p.name ).toBe( SIMPLE.name );
		expect( p.prices ).toEqual( [ SIMPLE.price ] );
		expect( p.priceText ).toMatch( /^150\.000[\s\u00a0]₫$/ );
		expect( p.inStock ).toBe( true );
		expect( p.stockText ).toMatch( /39/ ); // 39 on hand at branch 5001.
	} );

	test( 'a variable product lists its variations', async () => {
		const p = await openShopProduct( page, FAMILY.name );
		await screenshot( page, 'storefront-variable' );
		expect( p.name ).toBe( FAMILY.name );
		expect( p.prices ).toContain( FAMILY.price );
		expect( p.variations ).toHaveLength( 9 );
		const combos = p.variations
			.map( ( v ) => Object.values( v.attributes ).sort().join( '/' ) )
			.sort();
		expect( combos ).toContain( [ 'Đen', 'S' ].sort().join( '/' ) );
		expect( combos ).toContain( [ 'Xám', 'L' ].sort().join( '/' ) );
		for ( const v of p.variations ) {
			expect( v.price ).toBe( FAMILY.price );
			expect( v.inStock ).toBe( true );
		}
	} );

	test( 'a unit product: its own price, stock in cartons', async () => {
		const p = await openShopProduct( page, UNIT.name );
		expect( p.prices ).toEqual( [ UNIT.price ] );
		expect( p.inStock ).toBe( true );
		expect( p.stockText ).toMatch( /\b8\b/ ); // floor(195 cans / 24).
	} );

	test( 'a service is in stock without stock management', async () => {
		const p = await openShopProduct( page, SERVICE.name );
		await screenshot( page, 'storefront-service' );
		expect( p.prices ).toEqual( [ SERVICE.price ] );
		expect( p.inStock ).toBe( true );
		expect( p.stockText ).not.toMatch( /\d/ );
	} );
} );

describe( 'a storefront order reaches KiotViet', () => {
	test( 'cash on delivery with shipping: exactly one KiotViet order with the same lines and total', async () => {
		page = await newShopper();
		const { orderId, orderNumber } = await placeStorefrontOrder(
			page,
			[
				{ name: SIMPLE.name, qty: 2 },
				{
					name: FAMILY.name,
					qty: 1,
					attributes: { MÀU: 'Xám', SIZE: 'M' },
				},
				{ name: UNIT.name, qty: 1 },
				{ name: SERVICE.name, qty: 1 },
			],
			{
				firstName: 'Lan',
				lastName: 'Nguyễn Thị',
				phone: '0909123456',
				email: `lan.${ tag.toLowerCase() }@example.test`,
				address: '12 Lê Lợi, Phường Bến Nghé',
				city: 'Hồ Chí Minh',
			}
		);
		await screenshot( page, 'storefront-order-received' );
		expect( orderId ).toBeGreaterThan( 0 );
		const placed = Date.now();
		const order = await findSimulatorOrder( SIM_URL, orderNumber, {
			siteUrl: SITE_URL,
		} );
		// eslint-disable-next-line no-console
		console.log(
			`KiotViet order ${ order?.code } for Woo #${ orderNumber } after ${
				Date.now() - placed
			} ms`
		);
		expect( order ).toBeDefined();
		const lines = Object.fromEntries(
			order!.orderDetails.map( ( l ) => [
				l.productCode,
				[ l.quantity, l.price ],
			] )
		);
		expect( lines ).toEqual( {
			[ SIMPLE.code ]: [ 2, SIMPLE.price ],
			'AOTHUN-XAM-M': [ 1, FAMILY.price ],
			[ UNIT.code ]: [ 1, UNIT.price ],
			[ SERVICE.code ]: [ 1, SERVICE.price ],
		} );
		const goods =
			2 * SIMPLE.price + FAMILY.price + UNIT.price + SERVICE.price;
		expect(
			order!.surcharges.map( ( s ) => [ s.surchargeCode, s.price ] )
		).toEqual( [ [ 'THKSHIPPINGWEB', SHIPPING ] ] );
		expect( order!.total ).toBe( goods + SHIPPING );
		expect( order!.branchId ).toBe( 5001 );
		// The queue has run; a later run must not send it again.
		await fetch( `${ SITE_URL }/wp-cron.php` ).catch( () => undefined );
		await new Promise( ( r ) => setTimeout( r, 2000 ) );
		expect(
			await findSimulatorOrders( SIM_URL, orderNumber )
		).toHaveLength( 1 );
		// Block checkout on a busy machine plus up to a minute of WP-Cron lock: more than the default timeout.
	}, 400_000 );
} );

describe( 'HTML/script in KiotViet data is shown as text in the shop', () => {
	// Nothing from the data may run or add active content: no dialog, no canary, no element carrying an event
	// handler or script from the data, no injected <script>/<svg onload>.
	const injected = async ( p: Page ) =>
		p.evaluate( () => ( {
			canary: ( window as unknown as { __xss?: unknown } ).__xss,
			handlers: Array.from( document.querySelectorAll( '*' ) ).filter(
				( el ) =>
					Array.from( el.attributes ).some(
						( a ) =>
							/^on/i.test( a.name ) && a.value.includes( '__xss' )
					)
			).length,
			svgOnload: document.querySelectorAll( 'svg[onload]' ).length,
			// A script made from the data (search terms may appear JSON-encoded inside the page's own
			// settings scripts, which is data, not code).
			scripts: Array.from( document.scripts ).filter(
				( s ) => s.text.trim() === 'window.__xss=1'
			).length,
		} ) );
	const clean = { canary: undefined, handlers: 0, svgOnload: 0, scripts: 0 };

	test( 'search listing and product page', async () => {
		page = await newShopper();
		await page.goto(
			`${ SITE_URL }/?s=${ encodeURIComponent( tag ) }&post_type=product`,
			{ waitUntil: 'load' }
		);
		await screenshot( page, 'storefront-xss-listing' );
		expect( await injected( page ) ).toEqual( clean );
		expect( await page.locator( 'li.product' ).count() ).toBe( 2 );
		const item = page
			.locator( 'li.product' )
			.filter( { hasText: 'Áo XSS' } )
			.first();
		const title = item
			.locator( '.woocommerce-loop-product__title, .wp-block-post-title' )
			.first();
		expect( await title.innerText() ).toContain( tag );
		const href = await item
			.locator( 'a.woocommerce-LoopProduct-link, .wp-block-post-title a' )
			.first()
			.getAttribute( 'href' );
		await page.goto( href!, { waitUntil: 'load' } );
		const p = await readProductPage( page );
		await page.waitForTimeout( 500 );
		await screenshot( page, 'storefront-xss-product' );
		expect( p.name ).toContain( tag );
		// KiotViet's name is plain text: its markup shows literally (not stripped, not rendered).
		expect( p.name ).toContain( XSS.img );
		expect( p.prices ).toEqual( [ 99000 ] );
		expect( await injected( page ) ).toEqual( clean );
		// The description's text is there, its script is not.
		const description = page
			.locator(
				'#tab-description, .wp-block-woocommerce-product-details, .woocommerce-Tabs-panel--description'
			)
			.first();
		expect( await description.innerText() ).toContain(
			`Mô tả an toàn ${ tag }`
		);
		expect(
			await description.locator( 'script, svg, iframe' ).count()
		).toBe( 0 );
		// The attribute value is shown as text, markup and all.
		const attrs = page
			.locator( '.woocommerce-product-attributes, .shop_attributes' )
			.first();
		await attrs.waitFor( { state: 'attached' } );
		const attrText = await attrs.evaluate( ( el ) => el.textContent ?? '' );
		expect( attrText ).toContain( HOSTILE.attrName );
		expect( attrText ).toContain( HOSTILE.attrValue );
		expect( await attrs.locator( 'img, svg' ).count() ).toBe( 0 );
		expect( dialogs ).toEqual( [] );
	} );

	test( 'a search for the hostile text itself runs nothing', async () => {
		await page.goto(
			`${ SITE_URL }/?s=${ encodeURIComponent(
				HOSTILE.name
			) }&post_type=product`,
			{ waitUntil: 'load' }
		);
		await page.waitForTimeout( 300 );
		expect( await injected( page ) ).toEqual( clean );
		expect( dialogs ).toEqual( [] );
	} );

	test( 'no PHP warning was logged', () => {
		// WooCommerce 8.9.1 itself on WordPress 6.8: its "woocommerce" text domain loads too early (on every
		// request, with or without this plugin).
		const known =
			/_load_textdomain_just_in_time.*<code>woocommerce<\/code>/;
		expect(
			warningsSince( phpMark ).filter( ( l ) => ! known.test( l ) )
		).toEqual( [] );
	} );
} );
