/**
 * Issue 10 — hostile KiotViet data and secrets:
 * - names, descriptions, attribute values and a category name with HTML/script are imported, stored safely
 *   and rendered as text on every admin screen (and on the storefront with real WooCommerce): no dialog,
 *   no canary (`window.__xss`);
 * - search terms and filters with SQL metacharacters are plain text;
 * - the client secret, the access token and the webhook Secret appear in no REST answer, admin page,
 *   script data, history entry or log.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, login, resetSimulator, SITE_URL } from '../env';
import {
	adminSession,
	CLIENT_SECRET,
	disconnect,
	logFiles,
	NS,
	type Session,
	wpHelper,
} from './helpers';
import {
	CANARY,
	hostileCatalog,
	type HostileCatalog,
	XSS,
} from './catalog-setup';

let admin: Session;
let catalog: HostileCatalog;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const SCREENS = [
	'kiotviet-sync',
	'kiotviet-sync-products',
	'kiotviet-sync-orders',
	'kiotviet-sync-history',
	'kiotviet-sync-settings',
];

beforeAll( async () => {
	await resetSimulator();
	admin = await adminSession();
	catalog = await hostileCatalog( admin );
	browser = await launch();
	page = await login( browser );
	page.on( 'dialog', ( d ) => {
		dialogs.push( d.message() );
		void d.dismiss();
	} );
} );

afterAll( async () => {
	await browser?.close();
	await disconnect( admin );
	await resetSimulator();
} );

async function open( url: string ): Promise< void > {
	await page.goto( url, { waitUntil: 'load' } );
	if ( url.includes( 'page=kiotviet-sync' ) ) {
		// The React app has rendered (and fetched) once its root has content.
		await page
			.locator( '#kiotviet-sync-root > *' )
			.first()
			.waitFor( { timeout: 15_000 } );
	}
	await page.waitForTimeout( 700 );
}

async function canary(): Promise< unknown > {
	return page.evaluate(
		() => ( window as unknown as { __xss?: unknown } ).__xss
	);
}

describe( 'HTML/script in KiotViet data', () => {
	test( 'the REST answers carry the names as plain JSON strings', async () => {
		const list = await admin.ok(
			'GET',
			`${ NS }/catalog/products?filter=selected&per_page=50&search=XSS`
		);
		for ( const id of catalog.xssIds ) {
			const item = list.items.find(
				( i: { id: number } ) => i.id === id
			);
			expect( item?.name ).toBe( catalog.names[ id ] );
			expect( item?.synced ).toBe( true );
		}
	} );

	test( 'admin screens show the names as text and run nothing', async () => {
		// Setup → products step: the product table lists the hostile names literally.
		await open( `${ SITE_URL }/wp-admin/admin.php?page=kiotviet-sync` );
		await page
			.locator( '#kiotviet-sync-root' )
			.getByRole( 'button', { name: /^(Products|Sản phẩm|Hàng hóa)$/ } )
			.first()
			.click();
		const root = page.locator( '#kiotviet-sync-root' );
		const search = root
			.getByRole( 'searchbox' )
			.or( root.locator( 'input[type="search"]' ) )
			.first();
		if ( await search.count() ) {
			await search.fill( 'XSS' );
			await search.press( 'Enter' );
		}
		for ( const id of catalog.xssIds ) {
			await root
				.getByText( catalog.names[ id ]!, { exact: false } )
				.first()
				.waitFor( { timeout: 15_000 } );
		}
		expect(
			await root.locator( 'img[src="x"], svg[onload]' ).count()
		).toBe( 0 );
		expect( await canary() ).toBeUndefined();

		// History, searched for the import of these products; the WooCommerce product list.
		await open(
			`${ SITE_URL }/wp-admin/admin.php?page=kiotviet-sync-history`
		);
		expect( await canary() ).toBeUndefined();
		await open( `${ SITE_URL }/wp-admin/edit.php?post_type=product` );
		expect( await canary() ).toBeUndefined();
		// One product's edit screen (name, description, attributes in the WooCommerce editor).
		const first = (
			await admin.ok(
				'GET',
				`${ NS }/catalog/products?filter=selected&per_page=50&search=XSS`
			)
		).items.find( ( i: { id: number } ) => i.id === catalog.xssIds[ 0 ] );
		expect( first?.woo_product_id ).toBeTruthy();
		{
			await open(
				`${ SITE_URL }/wp-admin/post.php?post=${ first.woo_product_id }&action=edit`
			);
			expect( await canary() ).toBeUndefined();
		}
		expect( dialogs ).toEqual( [] );
	} );

	test( 'the storefront product page escapes names, descriptions and attribute values (real WooCommerce)', async () => {
		const bootstrap = await ( async () => {
			await open( `${ SITE_URL }/wp-admin/admin.php?page=kiotviet-sync` );
			return page.evaluate(
				() =>
					(
						window as unknown as {
							kiotvietSync?: { isStandin?: boolean };
						}
					 ).kiotvietSync
			);
		} )();
		if ( bootstrap?.isStandin !== false ) {
			return; // The stand-in has no storefront templates.
		}
		const list = await admin.ok(
			'GET',
			`${ NS }/catalog/products?filter=selected&per_page=50&search=XSS`
		);
		for ( const id of catalog.xssIds ) {
			const item = list.items.find(
				( i: { id: number } ) => i.id === id
			);
			const shop = await browser.newPage();
			shop.on( 'dialog', ( d ) => {
				dialogs.push( d.message() );
				void d.dismiss();
			} );
			await shop.goto(
				`${ SITE_URL }/?post_type=product&p=${ item.woo_product_id }`
			);
			await shop.waitForLoadState( 'networkidle' );
			expect(
				await shop.evaluate(
					() => ( window as unknown as { __xss?: unknown } ).__xss
				)
			).toBeUndefined();
			expect(
				await shop
					.locator(
						'main img[src="x"], main svg[onload], .product img[src="x"]'
					)
					.count()
			).toBe( 0 );
			await shop.close();
		}
		expect( dialogs ).toEqual( [] );
	} );
} );

describe( 'SQL metacharacters are plain text', () => {
	const total = async ( path: string ) =>
		( await admin.ok( 'GET', path ) ).total as number;

	test( 'catalog search: %, _ and quotes match literally', async () => {
		const all = await total( `${ NS }/catalog/products?per_page=1` );
		const q = ( s: string ) =>
			`${ NS }/catalog/products?per_page=100&search=${ encodeURIComponent(
				s
			) }`;
		const ids = async ( s: string ) =>
			(
				( await admin.ok( 'GET', q( s ) ) ).items as Array< {
					id: number;
				} >
			 ).map( ( i ) => i.id );

		const percent = await ids( '%' );
		expect( percent ).toContain( catalog.percentId );
		expect( percent.length ).toBeLessThan( all );
		expect( await ids( '50%' ) ).toEqual( [ catalog.percentId ] );

		const underscore = await ids( '_' );
		expect( underscore ).toContain( catalog.underscoreId );
		expect( underscore.length ).toBeLessThan( all );
		expect( await ids( 'Ao_gach' ) ).toEqual( [ catalog.underscoreId ] );

		for ( const s of [
			"O'Neil",
			'"Đặc"',
			'\\',
			'--',
			'; DROP TABLE wp_posts',
		] ) {
			expect( await ids( s ), s ).toContain( catalog.quoteId );
		}
		expect( await ids( "' OR '1'='1" ) ).toEqual( [] );
		expect( await ids( '%%' ) ).toEqual( [] );
	} );

	test( 'history, orders and filters answer 200 with plain-text semantics', async () => {
		const allHistory = await total( `${ NS }/history?per_page=1` );
		for ( const s of [
			'%',
			'_',
			"'",
			'"',
			'\\',
			'--',
			"'; DROP TABLE wp_kiotviet_sync_log; --",
			"' OR '1'='1",
		] ) {
			const h = await admin.request(
				'GET',
				`${ NS }/history?search=${ encodeURIComponent( s ) }`,
				{ nonce: true }
			);
			expect( h.status, `history ${ s }` ).toBe( 200 );
			if ( s === '%' || s.includes( 'OR' ) ) {
				expect( h.json.total ).toBeLessThan( allHistory );
			}
			const o = await admin.request(
				'GET',
				`${ NS }/orders?search=${ encodeURIComponent( s ) }`,
				{ nonce: true }
			);
			expect( o.status, `orders ${ s }` ).toBe( 200 );
			const e = await admin.request(
				'GET',
				`${ NS }/history/export?search=${ encodeURIComponent( s ) }`,
				{ nonce: true }
			);
			expect( e.status, `export ${ s }` ).toBe( 200 );
		}
		// Filters with metacharacters are validated (400) or ignored, never 500.
		for ( const path of [
			`/history?channel=${ encodeURIComponent( "import' OR 1=1 --" ) }`,
			`/history?from=${ encodeURIComponent( "2026-01-01' --" ) }`,
			`/orders?state=${ encodeURIComponent( "synced' --" ) }`,
			`/catalog/products?filter=${ encodeURIComponent( "all' --" ) }`,
			`/catalog/products?category_id=${ encodeURIComponent(
				'1 OR 1=1'
			) }`,
			`/history?per_page=${ encodeURIComponent( '1; DROP TABLE x' ) }`,
		] ) {
			const r = await admin.request( 'GET', `${ NS }${ path }`, {
				nonce: true,
			} );
			expect( [ 200, 400 ], path ).toContain( r.status );
		}
		// Everything is still there.
		expect(
			await total( `${ NS }/history?per_page=1` )
		).toBeGreaterThanOrEqual( allHistory );
		expect(
			( await admin.ok( 'GET', `${ NS }/catalog/products?per_page=1` ) )
				.total
		).toBeGreaterThan( 100 );
	} );
} );

describe( 'secrets never leave the server', () => {
	let needles: Array< [ string, string ] >;

	beforeAll( () => {
		needles = [ [ 'client secret', CLIENT_SECRET ] ];
		const token = wpHelper( 'token' ).token as string | null;
		expect( token ).toBeTruthy();
		needles.push( [ 'access token', token! ] );
		const hook = wpHelper( 'webhook-secret' );
		if ( hook.secret ) {
			needles.push( [ 'webhook secret', hook.secret ] );
		}
	} );

	/**
	 * Every needle, and any JWT-shaped string (KiotViet tokens are JWTs), must be absent.
	 * @param where
	 * @param text
	 */
	function clean( where: string, text: string ): string[] {
		const found: string[] = [];
		for ( const [ label, value ] of needles ) {
			if (
				text.includes( value ) ||
				text.includes( JSON.stringify( value ).slice( 1, -1 ) )
			) {
				found.push( `${ where }: ${ label }` );
			}
		}
		if ( /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\./.test( text ) ) {
			found.push( `${ where }: a JWT` );
		}
		return found;
	}

	test( 'no GET answer of our routes contains a secret', async () => {
		const index = await admin.ok( 'GET', NS );
		const found: string[] = [];
		for ( const [ route, info ] of Object.entries< any >( index.routes ) ) {
			// eslint-disable-line @typescript-eslint/no-explicit-any
			const methods = (
				info.endpoints as Array< { methods: string[] } >
			 ).flatMap( ( e ) => e.methods );
			if ( ! methods.includes( 'GET' ) || route.includes( '(?P<' ) ) {
				continue;
			}
			const r = await admin.request(
				'GET',
				`/wp-json${ route }?per_page=100`,
				{ nonce: true }
			);
			found.push( ...clean( `GET ${ route } (${ r.status })`, r.text ) );
		}
		// Every history page.
		let pageNo = 1;
		for (;;) {
			const h = await admin.request(
				'GET',
				`${ NS }/history?per_page=100&page=${ pageNo }`,
				{ nonce: true }
			);
			found.push( ...clean( `history page ${ pageNo }`, h.text ) );
			if ( pageNo >= ( h.json?.total_pages ?? 1 ) ) {
				break;
			}
			pageNo++;
		}
		expect( found ).toEqual( [] );
	} );

	test( 'no admin page source or script data contains a secret', async () => {
		const found: string[] = [];
		for ( const slug of SCREENS ) {
			const html = await admin.request(
				'GET',
				`/wp-admin/admin.php?page=${ slug }`
			);
			expect( html.status ).toBe( 200 );
			found.push( ...clean( `${ slug } HTML`, html.text ) );
			await open( `${ SITE_URL }/wp-admin/admin.php?page=${ slug }` );
			found.push( ...clean( `${ slug } DOM`, await page.content() ) );
			// Every screen also ran no script from the imported data.
			expect( await canary(), slug ).toBeUndefined();
			const data = await page.evaluate( () =>
				JSON.stringify(
					( window as unknown as { kiotvietSync?: unknown } )
						.kiotvietSync ?? null
				)
			);
			expect( data ).toContain( 'kiotviet-sync/v1' );
			found.push( ...clean( `${ slug } window.kiotvietSync`, data ) );
		}
		expect( found ).toEqual( [] );
	} );

	test( 'no log contains a secret', () => {
		const found: string[] = [];
		for ( const file of logFiles() ) {
			found.push( ...clean( file, readFileSync( file, 'utf8' ) ) );
		}
		expect( found ).toEqual( [] );
	} );
} );

test( 'the payloads are what the tests think they are', () => {
	expect( XSS.script ).toContain( CANARY );
} );
