/**
 * The whole seed user guide as one journey (issue 8), in a real browser, as a new Vietnamese-speaking
 * merchant: connect to the simulator, pick the product branch, fetch the data, choose products by
 * category and "all new", pick the price books, pick the order branch with automatic push, run the
 * sync, see the products in the shop, follow a price and a stock change made in KiotViet (webhooks),
 * place an order on the storefront and find it in KiotViet, then find all of it in "Lịch sử đồng bộ".
 * Also: a keyboard-only step, notices through @wordpress/components, and every submenu of
 * "KiotViet Sync" opening its own screen. A screenshot of every screen goes to artifacts/screenshots.
 *
 * Only the journey's state is read through the REST API (and the site is reset to "never connected"
 * before it starts); everything the merchant does goes through the UI.
 */
import type { Browser, Page } from 'playwright-core';
import {
	findSimulatorOrder,
	openShopProduct,
	placeStorefrontOrder,
} from './storefront';
import {
	launch,
	login,
	resetSimulator,
	setUserLocale,
	SIM_URL,
	SITE_URL,
} from './env';
import {
	NS,
	rest,
	setShotPrefix,
	shot,
	shots,
	tabTo,
	until,
	type HistoryRow,
} from './walkthrough-helpers';
import { sim } from './security/helpers';

/** Demo seed facts (tools/kiotviet-simulator/README.md). */
const SEED = {
	branch: 'Chi nhánh trung tâm',
	branchId: 5001,
	polo: { name: 'Áo Polo', category: 'Áo polo', variants: 12 },
	regularBook: 'Giá online',
	regularBookId: 77,
	saleBook: 'Khuyến mãi cuối năm 2026',
	saleBookId: 78,
	/** A variation of Áo Polo in both books. */
	poloRedS: {
		id: 31000101,
		code: 'POLO-DO-S',
		regular: 238000,
		sale: 213000,
	},
	/** A variation of Áo Polo only in "Giá online"; KiotViet changes its price during the journey. */
	poloRedM: {
		id: 31000102,
		code: 'POLO-DO-M',
		regular: 238000,
		newRegular: 199000,
	},
	/** Unit products: a can (base price only) and its carton of 24 (on sale in book 78). */
	can: { id: 31000169, code: 'COCA330', name: 'Coca-Cola lon 330ml' },
	carton: {
		id: 31000170,
		code: 'COCA330-T24',
		name: 'Coca-Cola lon 330ml (thùng 24 lon)',
		sale: 183000,
	},
	/** A service (type 3): no stock management, in stock. */
	service: {
		id: 31000241,
		code: 'DV-VESINH',
		name: 'Vệ sinh điện thoại',
		price: 80000,
	},
};

/**
 * How long the import of the whole demo catalog may take (150 products with images; several minutes on
 * real WooCommerce on a busy machine).
 */
const SYNC_TIMEOUT = 480_000;

/** How long a change in KiotViet may take to reach the site (webhook + background job). */
const WEBHOOK_TIMEOUT = 150_000;

const root = ( page: Page ) => page.locator( '#kiotviet-sync-root' );

let browser: Browser;
/** The merchant, logged in to wp-admin. */
let page: Page;
/** A shopper: no login, its own cookies. */
let shopper: Page;
/** What the shopper picks for Áo Polo - Đỏ - M (attribute label → option). */
let poloAttributes: Record< string, string > = {};
let orderNumber = '';
let kvOrderCode = '';
let historyMark = 0;
const started = Date.now();

interface SyncedProduct {
	id: number;
	name: string;
	sku: string | null;
	type: 'simple' | 'variable';
	regular_price: string | null;
	sale_price: string | null;
	min_price: string | null;
	max_price: string | null;
	stock_quantity: number | null;
	stock_status: string;
	kiotviet_id: number | null;
	kiotviet_code: string | null;
	edit_url: string;
}

async function syncedProduct(
	search: string
): Promise< SyncedProduct | undefined > {
	const answer = await rest< { items: SyncedProduct[] } >(
		page,
		`${ NS }/products?source=kiotviet&per_page=100&search=${ encodeURIComponent(
			search
		) }`
	);
	return answer.items.find(
		( item ) => item.kiotviet_code === search || item.name === search
	);
}

async function historySince( channel: string ): Promise< HistoryRow[] > {
	const answer = await rest< { items: HistoryRow[] } >(
		page,
		`${ NS }/history?channel=${ channel }&per_page=100`
	);
	return answer.items.filter( ( row ) => row.id > historyMark );
}

/**
 * A snackbar of the app (a @wordpress/components Snackbar) with this text.
 * @param text
 */
async function snackbar( text: string | RegExp ): Promise< void > {
	await page
		.locator( '.kvs-snackbars .components-snackbar' )
		.filter( { hasText: text } )
		.first()
		.waitFor();
}

async function openScreen( slug: string ): Promise< void > {
	await page.goto( `${ SITE_URL }/wp-admin/admin.php?page=${ slug }` );
	await root( page ).locator( '.kvs-app__title' ).waitFor();
}

beforeAll( async () => {
	await resetSimulator();
	browser = await launch();
	page = await login( browser );
	await setUserLocale( page, 'vi' );
	shopper = await (
		await browser.newContext( {
			viewport: { width: 1280, height: 900 },
			locale: 'vi-VN',
		} )
	).newPage();
	await page.goto( `${ SITE_URL }/wp-admin/admin.php?page=kiotviet-sync` );
	const standin = await page.evaluate(
		() =>
			( window as unknown as { kiotvietSync?: { isStandin?: boolean } } )
				.kiotvietSync?.isStandin
	);
	setShotPrefix( standin === false );
	// A new merchant: no connection, nothing synced before (other suites may have used this site).
	const connection = await rest( page, `${ NS }/connection` );
	if ( connection.state !== 'not_connected' ) {
		await rest( page, `${ NS }/connection`, 'DELETE', {
			delete_categories: true,
			delete_products: true,
		} );
	}
	await until(
		'the previous synced data to be deleted',
		async () => {
			const c = await rest( page, `${ NS }/connection` );
			return c.state === 'not_connected' && ! c.deleting;
		},
		120_000,
		1000
	);
	const last = await rest< { items: HistoryRow[] } >(
		page,
		`${ NS }/history?per_page=1`
	);
	historyMark = last.items[ 0 ]?.id ?? 0;
}, 300_000 ); // Deleting a previous run's products can take minutes on a busy machine.

afterAll( async () => {
	await browser?.close();
	// eslint-disable-next-line no-console
	console.log(
		`walkthrough: ${ Math.round(
			( Date.now() - started ) / 1000
		) } s, screenshots:\n${ shots.join( '\n' ) }`
	);
} );

test( 'connect to KiotViet: a wrong secret is an error notice, the right one leads to the branch', async () => {
	await openScreen( 'kiotviet-sync' );
	await root( page ).getByText( 'Thông số kết nối' ).first().waitFor();
	await shot( page, '01-connection' );

	await page.getByLabel( 'Địa chỉ truy cập cửa hàng' ).fill( 'demo' );
	await page.getByLabel( 'Client ID' ).fill( 'demo-client' );
	await page.getByLabel( 'Mã bảo mật' ).fill( 'wrong-secret' );
	await page.getByRole( 'button', { name: 'Tiếp theo' } ).click();
	// The error is a @wordpress/components Notice (status error), with the fields' own messages under them.
	await root( page )
		.locator( '.components-notice.is-error' )
		.filter( {
			hasText: 'KiotViet không chấp nhận Client ID và Mã bảo mật này.',
		} )
		.waitFor();
	await expect(
		page.getByLabel( 'Mã bảo mật' ).getAttribute( 'aria-invalid' )
	).resolves.toBe( 'true' );
	// No core-style notice (div.notice) is rendered by the app itself.
	await expect( root( page ).locator( '.notice' ).count() ).resolves.toBe(
		0
	);
	await shot( page, '02-connection-error' );

	await page.getByLabel( 'Mã bảo mật' ).fill( 'demo-secret' );
	await page.getByRole( 'button', { name: 'Tiếp theo' } ).click();
	await page.getByLabel( 'Chi nhánh đồng bộ sản phẩm' ).waitFor();
	expect( await page.content() ).not.toContain( 'demo-secret' );
	await shot( page, '03-branch' );
} );

test( 'pick the product branch; "Lấy dữ liệu từ KiotViet" fetches the data and moves on to "Hàng hóa"', async () => {
	const select = page.getByLabel( 'Chi nhánh đồng bộ sản phẩm' );
	const options = await select.locator( 'option' ).allTextContents();
	const label = options.find( ( o ) => o.includes( SEED.branch ) );
	expect( label ).toBeTruthy();
	await select.selectOption( { label: label! } );
	await page.getByRole( 'button', { name: 'Tiếp tục' } ).click();
	// The fetch runs in the background; on a fast machine it may end before its screen is first drawn,
	// so either "Lấy dữ liệu từ KiotViet" or already "Hàng hóa" is a correct next screen.
	const products = root( page ).getByRole( 'heading', {
		name: 'Danh mục hàng hóa',
	} );
	await root( page )
		.getByText( 'Lấy dữ liệu từ KiotViet' )
		.first()
		.or( products )
		.first()
		.waitFor();
	await shot( page, '04-get-data' );
	await products.waitFor( { timeout: 120_000 } );
	const status = await rest( page, `${ NS }/sync/status` );
	expect( status.catalog.products ).toBeGreaterThan( 100 );
	expect( status.catalog.selected ).toBe( 0 );
	await shot( page, '05-products' );
} );

test( 'choose products: quick-select the category "Áo polo", then "Chọn tất cả các sản phẩm mới"', async () => {
	const tree = root( page ).getByRole( 'navigation', {
		name: 'Danh mục hàng hóa',
	} );
	await tree
		.getByRole( 'button', { name: 'Danh mục con của Thời trang' } )
		.click();
	await tree.getByRole( 'button', { name: 'Danh mục con của Áo' } ).click();
	await tree
		.getByRole( 'button', {
			name: `Đồng bộ tất cả hàng hóa trong ${ SEED.polo.category }`,
		} )
		.click();
	await snackbar( `Đã chọn hàng hóa trong ${ SEED.polo.category }.` );
	await until( 'the Áo polo family to be selected', async () => {
		const s = await rest( page, `${ NS }/sync/status` );
		return s.catalog.selected === SEED.polo.variants;
	} );
	// The category's counter shows every product of it selected.
	await tree
		.locator( '.kvs-tree__row', { hasText: SEED.polo.category } )
		.getByText( `${ SEED.polo.variants }/${ SEED.polo.variants }` )
		.waitFor();
	await shot( page, '06-category-selected' );

	await root( page )
		.getByRole( 'radio', { name: 'Chọn tất cả các sản phẩm mới' } )
		.check();
	await root( page )
		.getByRole( 'button', { name: 'Đồng bộ tất cả sản phẩm được chọn' } )
		.click();
	await snackbar( /Hoàn tất\./ );
	const status = await until( 'all new products to be selected', async () => {
		const s = await rest( page, `${ NS }/sync/status` );
		return s.catalog.selected === s.catalog.products ? s : undefined;
	} );
	expect( status.catalog.selected ).toBeGreaterThan( 100 );
	await shot( page, '07-all-new-selected' );
	await root( page ).getByRole( 'button', { name: 'Tiếp tục' } ).click();
} );

test( 'price books: the same book twice is refused inline; "Giá online" + "Khuyến mãi cuối năm 2026"', async () => {
	const regular = root( page ).getByLabel( 'Giá bán', { exact: true } );
	const sale = root( page ).getByLabel( 'Giá khuyến mại', { exact: true } );
	await regular.waitFor();
	await shot( page, '08-price-books' );

	await regular.selectOption( { label: SEED.regularBook } );
	await sale.selectOption( { label: SEED.regularBook } );
	await root( page ).getByRole( 'button', { name: 'Tiếp tục' } ).click();
	await root( page )
		.locator( '.kvs-field-error' )
		.filter( {
			hasText: 'Bảng giá khuyến mại không được trùng với bảng giá bán.',
		} )
		.waitFor();
	await expect( sale.getAttribute( 'aria-invalid' ) ).resolves.toBe( 'true' );
	await shot( page, '09-price-books-error' );

	await sale.selectOption( { label: SEED.saleBook } );
	await root( page ).getByRole( 'button', { name: 'Tiếp tục' } ).click();
	await snackbar( 'Đã lưu bảng giá.' );
	const books = await rest( page, `${ NS }/price-books` );
	expect( books.regular_price_book_id ).toBe( SEED.regularBookId );
	expect( books.sale_price_book_id ).toBe( SEED.saleBookId );
} );

test(
	'orders (keyboard only): order branch + "Tự động chuyển đơn đặt hàng về KiotViet", then the sync runs to its end',
	async () => {
		const branch = root( page ).getByLabel(
			'Chi nhánh đồng bộ đơn đặt hàng'
		);
		await branch.waitFor();
		await shot( page, '10-orders' );

		// Keyboard: focus the branch select, choose with the arrow keys, Tab to the checkbox, Space ticks it,
		// Tab to "Tiếp tục", Enter submits.
		await branch.focus();
		await branch.selectOption( { label: SEED.branch } );
		const autoPush = root( page ).getByRole( 'checkbox', {
			name: 'Tự động chuyển đơn đặt hàng về KiotViet',
		} );
		await tabTo( page, autoPush );
		if ( ! ( await autoPush.isChecked() ) ) {
			await page.keyboard.press( 'Space' );
		}
		await expect( autoPush.isChecked() ).resolves.toBe( true );
		const next = root( page ).getByRole( 'button', { name: 'Tiếp tục' } );
		await tabTo( page, next );
		await page.keyboard.press( 'Enter' );
		await snackbar( 'Đã lưu thiết lập đơn hàng.' );
		const settings = await rest( page, `${ NS }/settings` );
		expect( settings.order_branch_id ).toBe( SEED.branchId );
		expect( settings.auto_push_orders ).toBe( true );

		await root( page ).getByText( 'Trước khi đồng bộ' ).waitFor();
		const syncButton = root( page ).getByRole( 'button', {
			name: 'Đồng bộ',
			exact: true,
		} );
		await until( 'the preview to enable "Đồng bộ"', async () =>
			syncButton.isEnabled()
		);
		await shot( page, '11-before-sync' );
		await syncButton.click();

		// The progress screen, then the result.
		await root( page )
			.getByText( 'Đang đồng bộ hàng hóa' )
			.first()
			.waitFor();
		await shot( page, '12-sync-progress' );
		await root( page )
			.getByText( 'Đồng bộ hàng hóa thành công' )
			.first()
			.waitFor( { timeout: SYNC_TIMEOUT } );
		await shot( page, '13-sync-done' );
		const status = await rest( page, `${ NS }/sync/status` );
		expect( status.run.state ).toBe( 'done' );
		expect( status.run.counts.failed ).toBe( 0 );
	},
	SYNC_TIMEOUT + 60_000
);

test( 'the synced product list shows the variable product, the unit products and the service', async () => {
	await root( page )
		.getByRole( 'link', { name: 'Xem danh sách sản phẩm đồng bộ' } )
		.click();
	await page.waitForURL( /page=kiotviet-sync-products/ );
	const search = root( page ).getByLabel( 'Tìm sản phẩm', { exact: true } );
	await search.fill( SEED.polo.name );
	await search.press( 'Enter' );
	await root( page )
		.locator( 'tbody tr', { hasText: SEED.polo.name } )
		.first()
		.waitFor();
	await shot( page, '14-synced-products' );

	const polo = await syncedProduct( SEED.polo.name );
	expect( polo?.type ).toBe( 'variable' );
	const can = await syncedProduct( SEED.can.code );
	const carton = await syncedProduct( SEED.carton.code );
	const service = await syncedProduct( SEED.service.code );
	expect( can?.type ).toBe( 'simple' );
	expect( carton?.type ).toBe( 'simple' );
	expect( can?.id ).not.toBe( carton?.id );
	expect( service?.stock_status ).toBe( 'instock' );
	expect( service?.stock_quantity ).toBeNull();
} );

test( 'the shop shows Áo Polo with its variations, each unit as its own product, and the service in stock', async () => {
	const polo = await openShopProduct( shopper, SEED.polo.name );
	expect( polo.name ).toBe( SEED.polo.name );
	expect( polo.variations ).toHaveLength( SEED.polo.variants );
	// Colour and size are in the product details, not in the name.
	const labels = Object.keys( polo.variations[ 0 ]?.attributes ?? {} );
	expect( labels ).toHaveLength( 2 );
	const redS = polo.variations.find(
		( v ) =>
			Object.values( v.attributes ).includes( 'Đỏ' ) &&
			Object.values( v.attributes ).includes( 'S' )
	);
	expect( redS?.price ).toBe( SEED.poloRedS.sale ); // "Khuyến mãi cuối năm 2026"
	const redM = polo.variations.find(
		( v ) =>
			Object.values( v.attributes ).includes( 'Đỏ' ) &&
			Object.values( v.attributes ).includes( 'M' )
	);
	expect( redM?.price ).toBe( SEED.poloRedM.regular ); // "Giá online", no sale
	poloAttributes = redM!.attributes;
	await shot( shopper, '15-shop-variable-product' );

	const can = await openShopProduct( shopper, SEED.can.name );
	expect( can.inStock ).toBe( true );
	expect( can.variations ).toHaveLength( 0 );
	await shot( shopper, '16-shop-unit-can' );
	const carton = await openShopProduct( shopper, SEED.carton.name );
	expect( carton.url ).not.toBe( can.url );
	expect( carton.prices ).toContain( SEED.carton.sale );
	await shot( shopper, '17-shop-unit-carton' );

	const service = await openShopProduct( shopper, SEED.service.name );
	expect( service.inStock ).toBe( true );
	expect( service.prices ).toContain( SEED.service.price );
	await shot( shopper, '18-shop-service' );
}, 180_000 );

test(
	'KiotViet changes a price and a stock figure; the webhooks bring them to the site',
	async () => {
		const subscriptions = await sim( 'GET', '/__sim/webhooks' );
		const ours = (
			subscriptions.subscriptions as Array< {
				url: string;
				type: string;
			} >
		 ).filter( ( s ) => s.url.startsWith( SITE_URL ) );
		expect( ours.map( ( s ) => s.type ) ).toEqual(
			expect.arrayContaining( [ 'product.update', 'stock.update' ] )
		);

		const before = await syncedProduct( SEED.can.code );
		expect( before?.stock_quantity ).toEqual( expect.any( Number ) );
		const newStock = before!.stock_quantity! + 17;
		await sim( 'POST', '/__sim/stock', {
			productId: SEED.can.id,
			branchId: SEED.branchId,
			onHand: newStock,
		} );
		// A new regular price of one variation in "Giá online".
		await sim( 'POST', '/__sim/prices', {
			priceBookId: SEED.regularBookId,
			productId: SEED.poloRedM.id,
			price: SEED.poloRedM.newRegular,
		} );

		await until(
			'the new stock of the can on the site',
			async () =>
				( await syncedProduct( SEED.can.code ) )?.stock_quantity ===
				newStock,
			WEBHOOK_TIMEOUT,
			1000
		);
		const polo = await until(
			'the new price of Áo Polo - Đỏ - M in the shop',
			async () => {
				const p = await openShopProduct( shopper, SEED.polo.name );
				const v = p.variations.find(
					( x ) =>
						JSON.stringify( x.attributes ) ===
						JSON.stringify( poloAttributes )
				);
				return v?.price === SEED.poloRedM.newRegular ? p : undefined;
			},
			WEBHOOK_TIMEOUT,
			1000
		);
		expect( polo.variations ).toHaveLength( SEED.polo.variants );
		await shot( shopper, '19-shop-price-after-webhook' );
		const can = await openShopProduct( shopper, SEED.can.name );
		expect( can.stockText ).toContain( String( newStock ) );
		await shot( shopper, '20-shop-stock-after-webhook' );
	},
	2 * WEBHOOK_TIMEOUT + 60_000
);

test(
	'a storefront order reaches KiotViet at the order branch and shows in "Danh sách đơn đặt hàng"',
	async () => {
		const placed = await placeStorefrontOrder(
			shopper,
			[
				{ name: SEED.can.name, qty: 3 },
				{ name: SEED.polo.name, qty: 1, attributes: poloAttributes },
			],
			{
				firstName: 'Lan',
				lastName: 'Nguyễn',
				phone: '0912345678',
				email: 'lan.nguyen@example.com',
				address: '12 Lê Lợi',
				city: 'Hồ Chí Minh',
			}
		);
		orderNumber = placed.orderNumber;
		await shot( shopper, '21-order-received' );

		const kvOrder = await findSimulatorOrder(
			SIM_URL,
			orderNumber,
			WEBHOOK_TIMEOUT
		);
		expect( kvOrder ).toBeTruthy();
		expect( kvOrder!.branchId ).toBe( SEED.branchId );
		const lines = kvOrder!.orderDetails.map( ( l ) => [
			l.productCode,
			l.quantity,
		] );
		expect( lines ).toEqual(
			expect.arrayContaining( [
				[ SEED.can.code, 3 ],
				[ SEED.poloRedM.code, 1 ],
			] )
		);
		kvOrderCode = kvOrder!.code;

		await openScreen( 'kiotviet-sync-orders' );
		await root( page )
			.locator( 'tbody tr', { hasText: kvOrderCode } )
			.first()
			.waitFor();
		await shot( page, '22-orders' );
	},
	WEBHOOK_TIMEOUT + 120_000
);

test( 'every "KiotViet Sync" submenu opens its own screen', async () => {
	await openScreen( 'kiotviet-sync' );
	const links = await page
		.locator( '#toplevel_page_kiotviet-sync .wp-submenu a' )
		.evaluateAll( ( anchors ) =>
			anchors.map( ( a ) => ( {
				href: ( a as HTMLAnchorElement ).href,
				text: ( a.textContent ?? '' ).trim(),
			} ) )
		);
	// Submenu label → screen id and a heading (or tab) that only that screen has.
	const expected: Record<
		string,
		{ screen: string; role: 'heading' | 'tab' | 'checkbox'; name: string }
	> = {
		'Thiết lập thông tin đồng bộ': {
			screen: 'setup',
			role: 'heading',
			name: 'Cấu hình',
		},
		'Danh sách sản phẩm đồng bộ': {
			screen: 'products',
			role: 'heading',
			name: 'Danh sách sản phẩm đồng bộ',
		},
		'Danh sách đơn đặt hàng': {
			screen: 'orders',
			role: 'heading',
			name: 'Danh sách đơn đặt hàng',
		},
		'Lịch sử đồng bộ': {
			screen: 'history',
			role: 'tab',
			name: 'Lịch sử đồng bộ',
		},
		'Cài đặt': {
			screen: 'settings',
			role: 'checkbox',
			name: 'Cập nhật lại sản phẩm khi đồng bộ qua mã SKU',
		},
	};
	expect( links.map( ( l ) => l.text ) ).toEqual(
		expect.arrayContaining( Object.keys( expected ) )
	);
	let n = 30;
	for ( const link of links ) {
		const want = expected[ link.text ];
		if ( ! want ) {
			continue;
		}
		await page
			.locator( '#toplevel_page_kiotviet-sync .wp-submenu a', {
				hasText: link.text,
			} )
			.first()
			.click();
		await page.waitForURL( link.href );
		await expect(
			root( page ).getAttribute( 'data-screen' )
		).resolves.toBe( want.screen );
		await root( page )
			.getByRole( want.role, { name: want.name, exact: true } )
			.first()
			.waitFor();
		// The current submenu item is highlighted by WordPress.
		await expect(
			page
				.locator(
					'#toplevel_page_kiotviet-sync .wp-submenu li.current a'
				)
				.first()
				.textContent()
		).resolves.toBe( link.text );
		await shot( page, `${ n++ }-menu-${ want.screen }` );
	}
} );

test( '"Lịch sử đồng bộ" lists the import, the webhooks and the order', async () => {
	const imports = await historySince( 'import' );
	expect( imports.length ).toBeGreaterThan( 0 );
	const webhooks = await historySince( 'webhook' );
	expect(
		webhooks.some(
			( r ) => r.result === 'ok' && r.action.startsWith( 'stock.update' )
		)
	).toBe( true );
	expect(
		webhooks.some(
			( r ) => r.result === 'ok' && r.kiotviet_id === SEED.poloRedM.id
		)
	).toBe( true );
	const orders = await historySince( 'order' );
	expect(
		orders.some(
			( r ) => r.result === 'ok' && r.message.includes( kvOrderCode )
		)
	).toBe( true );

	await openScreen( 'kiotviet-sync-history' );
	await shot( page, '40-history' );
	const type = root( page ).getByLabel( 'Loại', { exact: true } );
	const rows = root( page ).locator( '.kvs-history__table tbody tr' );
	const filters = [
		{ label: 'Đồng bộ hàng hóa', text: 'Đồng bộ hàng hóa', name: 'import' },
		{ label: 'Webhook', text: 'stock.update', name: 'webhook' },
		{ label: 'Đơn hàng', text: kvOrderCode, name: 'order' },
	];
	for ( const [ i, { label, text, name } ] of filters.entries() ) {
		await type.selectOption( { label } );
		await rows.filter( { hasText: text } ).first().waitFor();
		await shot( page, `4${ i + 1 }-history-${ name }` );
	}
	await root( page ).getByRole( 'tab', { name: 'Webhook đã nhận' } ).click();
	await root( page ).locator( 'tbody tr' ).first().waitFor();
	await shot( page, '49-webhook-inbox' );
} );
