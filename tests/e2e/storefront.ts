/**
 * The shopper's side of the browser tests: find a product in the shop, read its page, buy through the
 * checkout (classic form of the stand-in, or the block checkout of real WooCommerce) and find the order in
 * the simulator. Also the admin-side setup shared by the storefront tests: connect, select products by
 * KiotViet code and import them.
 *
 * One code path per step where the two stores agree (WooCommerce's classic product, archive and
 * order-received markup); the checkout step has a classic branch and a block branch.
 */
import type { Page } from 'playwright-core';
import type { Order } from '../../tools/kiotviet-simulator/src/state';
import { SITE_URL } from './env';
import { finishRuns, selectAndImport } from './security/catalog-setup';
import { connect, NS, type Session } from './security/helpers';

export interface ShopVariation {
	/** Attribute label → option text, as the shopper sees them ("Màu" → "Đỏ"). */
	attributes: Record< string, string >;
	price?: number;
	inStock?: boolean;
}

export interface ShopProduct {
	url: string;
	name: string;
	priceText: string;
	prices: number[];
	stockText: string;
	inStock: boolean;
	variations: ShopVariation[];
	html: string;
}

export interface OrderLineInput {
	name: string;
	qty: number;
	attributes?: Record< string, string >;
}

export interface Customer {
	firstName: string;
	lastName: string;
	phone: string;
	email: string;
	address: string;
	city: string;
}

/** An order as the simulator keeps it (`GET /__sim/state?only=orders`). */
export type SimOrder = Order;

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+|\d+`;
const VND = new RegExp(
	String.raw`(${ NUMBER })[\s\u00a0]*₫|₫[\s\u00a0]*(${ NUMBER })`,
	'g'
);

/**
 * Every VND amount in a text ("150.000 ₫", "₫150.000", ranges and struck-through prices), in order.
 * @param text
 */
export function parseVnd( text: string ): number[] {
	const out: number[] = [];
	for ( const m of text.matchAll( VND ) ) {
		out.push( Number( ( m[ 1 ] ?? m[ 2 ] ?? '' ).replace( /\./g, '' ) ) );
	}
	return out;
}

const normal = ( s: string ) => s.replace( /\s+/g, ' ' ).trim();

/**
 * Is the page a single product page (WooCommerce adds `single-product` to the body class)?
 * @param page
 */
async function onProductPage( page: Page ): Promise< boolean > {
	return page.evaluate( () =>
		document.body.classList.contains( 'single-product' )
	);
}

/**
 * As a shopper: searches the shop for the product, opens its page (WooCommerce goes straight to the product
 * when the search has one result) and reads what the page shows.
 * @param page
 * @param name
 */
export async function openShopProduct(
	page: Page,
	name: string
): Promise< ShopProduct > {
	await page.goto(
		`${ SITE_URL }/?s=${ encodeURIComponent( name ) }&post_type=product`,
		{ waitUntil: 'load' }
	);
	if ( ! ( await onProductPage( page ) ) ) {
		// Classic loop (`ul.products li.product`) or the block theme's product collection (`li.product`).
		const items = page.locator( 'li.product' );
		const count = await items.count();
		let href: string | null = null;
		for ( let i = 0; i < count && ! href; i++ ) {
			const title = items
				.nth( i )
				.locator(
					'.woocommerce-loop-product__title, .wp-block-post-title'
				)
				.first();
			if (
				normal( ( await title.textContent() ) ?? '' ) !== normal( name )
			) {
				continue;
			}
			href = await items
				.nth( i )
				.locator(
					'a.woocommerce-LoopProduct-link, .wp-block-post-title a'
				)
				.first()
				.getAttribute( 'href' );
		}
		if ( ! href ) {
			throw new Error(
				`the shop search for "${ name }" lists no product with that name (${ count } results)`
			);
		}
		await page.goto( href, { waitUntil: 'load' } );
	}
	return readProductPage( page );
}

/**
 * Reads the open single product page (WooCommerce's classic product markup, also used by the block theme's
 * legacy single-product template).
 * @param page
 */
export async function readProductPage( page: Page ): Promise< ShopProduct > {
	// Classic summary (`.summary`) or the block theme's single product template: the first match is the
	// product of the page (related products come after it and have no cart form).
	const title = page.locator( 'h1.product_title, h1.wp-block-post-title' );
	await title.first().waitFor( { timeout: 15_000 } );
	const name = normal( ( await title.first().textContent() ) ?? '' );
	const priceEl = page
		.locator(
			'.summary .price, .wp-block-woocommerce-product-price[data-is-descendent-of-single-product-template]'
		)
		.first();
	const priceText = ( await priceEl.count() )
		? normal( await priceEl.innerText() )
		: '';
	const stockEl = page
		.locator( '.summary .stock, .wc-block-add-to-cart-form .stock' )
		.first();
	const stockText = ( await stockEl.count() )
		? normal( await stockEl.innerText() )
		: '';
	const variations = await readVariations( page );
	const canBuy =
		( await page
			.locator( 'form.cart .single_add_to_cart_button' )
			.count() ) > 0;
	const outOfStock = /out-of-stock/.test(
		( await stockEl.count() )
			? ( await stockEl.getAttribute( 'class' ) ) ?? ''
			: ''
	);
	const inStock =
		variations.length > 0
			? variations.some( ( v ) => v.inStock !== false )
			: canBuy && ! outOfStock;
	return {
		url: page.url(),
		name,
		priceText,
		prices: parseVnd( priceText ),
		stockText,
		inStock,
		variations,
		html: await page.content(),
	};
}

/**
 * The variations of a variable product page: WooCommerce puts them as JSON in `data-product_variations`
 * (attribute values are slugs or texts; the selects map them to the labels and texts the shopper sees).
 * @param page
 */
async function readVariations( page: Page ): Promise< ShopVariation[] > {
	const form = page.locator( 'form.variations_form' ).first();
	if ( ! ( await form.count() ) ) {
		return [];
	}
	return form.evaluate( ( el ) => {
		const raw = el.getAttribute( 'data-product_variations' ) ?? '[]';
		const list = JSON.parse( raw ) as
			| Array< {
					attributes: Record< string, string >;
					display_price?: number;
					is_in_stock?: boolean;
			  } >
			| false;
		const labelOf = ( attr: string ): string => {
			const select = el.querySelector< HTMLSelectElement >(
				`select[data-attribute_name="${ attr }"]`
			);
			const label = select?.id
				? el.querySelector( `label[for="${ select.id }"]` )
				: null;
			return ( label?.textContent ?? attr ).replace( /\s+/g, ' ' ).trim();
		};
		const textOf = ( attr: string, value: string ): string => {
			const select = el.querySelector< HTMLSelectElement >(
				`select[data-attribute_name="${ attr }"]`
			);
			const option = select
				? Array.from( select.options ).find(
						( o ) => o.value === value
				  )
				: undefined;
			return ( option?.textContent ?? value )
				.replace( /\s+/g, ' ' )
				.trim();
		};
		if ( ! Array.isArray( list ) ) {
			return [];
		}
		return list.map( ( v ) => {
			const attributes: Record< string, string > = {};
			for ( const [ key, value ] of Object.entries( v.attributes ) ) {
				attributes[ labelOf( key ) ] = textOf( key, value );
			}
			return {
				attributes,
				price:
					typeof v.display_price === 'number'
						? v.display_price
						: undefined,
				inStock:
					typeof v.is_in_stock === 'boolean'
						? v.is_in_stock
						: undefined,
			};
		} );
	} );
}

/**
 * Throws with the text of an error notice on the page, if any (classic and block notices).
 * @param page
 * @param what
 */
async function failOnErrorNotice( page: Page, what: string ): Promise< void > {
	const errors = page.locator(
		'.woocommerce-error, .wc-block-components-notice-banner.is-error'
	);
	if ( await errors.count() ) {
		throw new Error(
			`${ what }: ${ normal( await errors.first().innerText() ) }`
		);
	}
}

/**
 * Adds one line to the cart from the product page, choosing the variation attributes by label and text.
 * @param page
 * @param line
 */
async function addToCart( page: Page, line: OrderLineInput ): Promise< void > {
	await openShopProduct( page, line.name );
	const form = page.locator( 'form.cart' ).first();
	if ( ! ( await form.count() ) ) {
		throw new Error( `"${ line.name }" cannot be bought (no cart form)` );
	}
	for ( const [ label, value ] of Object.entries( line.attributes ?? {} ) ) {
		const select = form.getByLabel( label, { exact: true } );
		await select.selectOption( { label: value } );
	}
	if ( line.attributes ) {
		// WooCommerce's variation script enables the button once the variation is found.
		await form
			.locator( 'input[name="variation_id"]' )
			.first()
			.evaluate(
				( el ) =>
					new Promise< void >( ( resolve, reject ) => {
						const started = Date.now();
						const tick = () => {
							if (
								Number( ( el as HTMLInputElement ).value ) > 0
							) {
								resolve();
							} else if ( Date.now() - started > 10_000 ) {
								reject( new Error( 'no variation matches' ) );
							} else {
								setTimeout( tick, 100 );
							}
						};
						tick();
					} )
			);
	}
	const qty = form.locator( 'input.qty' ).first();
	if ( await qty.count() ) {
		await qty.fill( String( line.qty ) );
	} else if ( line.qty !== 1 ) {
		throw new Error( `"${ line.name }" has no quantity field` );
	}
	await Promise.all( [
		page.waitForNavigation( { waitUntil: 'load' } ),
		form.locator( '.single_add_to_cart_button' ).first().click(),
	] );
	await failOnErrorNotice( page, `adding "${ line.name }" to the cart` );
}

/**
 * As a shopper: adds the lines to the cart, goes to the checkout, fills the fields, pays with cash on delivery
 * and places the order; reads the order id (URL) and number (page) of the order-received page.
 * @param page
 * @param lines
 * @param customer
 */
export async function placeStorefrontOrder(
	page: Page,
	lines: OrderLineInput[],
	customer: Customer
): Promise< { orderId: number; orderNumber: string } > {
	for ( const line of lines ) {
		await addToCart( page, line );
	}
	await page.goto( `${ SITE_URL }/checkout/`, { waitUntil: 'load' } );
	const block = page.locator( '.wp-block-woocommerce-checkout' );
	const classic = page.locator( 'form.woocommerce-checkout' );
	await block.or( classic ).first().waitFor( { timeout: 30_000 } );
	if ( await classic.count() ) {
		await classicCheckout( page, customer );
	} else {
		await blockCheckout( page, customer );
	}
	await page.waitForURL( /order-received/, { timeout: 60_000 } );
	await page.waitForLoadState( 'load' );
	const orderId = Number(
		/order-received\/(\d+)/.exec( page.url() )?.[ 1 ] ??
			new URL( page.url() ).searchParams.get( 'order-received' ) ??
			0
	);
	const classicNumber = page.locator(
		'.woocommerce-order-overview__order strong'
	);
	const blockNumber = page
		.locator( '.wc-block-order-confirmation-summary-list-item' )
		.filter( { hasText: /Order number|Mã đơn hàng/i } )
		.locator( '.wc-block-order-confirmation-summary-list-item__value' );
	const numberEl = classicNumber.or( blockNumber ).first();
	await numberEl.waitFor( { timeout: 15_000 } );
	const orderNumber = normal( await numberEl.innerText() );
	if ( ! orderId || ! orderNumber ) {
		throw new Error(
			`no order id/number on the order-received page ${ page.url() }`
		);
	}
	return { orderId, orderNumber };
}

/**
 * WooCommerce's classic checkout form (shortcode): billing fields by their ids, cash on delivery, Place order.
 * @param page
 * @param customer
 */
async function classicCheckout( page: Page, customer: Customer ) {
	const fields: Record< string, string > = {
		billing_first_name: customer.firstName,
		billing_last_name: customer.lastName,
		billing_address_1: customer.address,
		billing_city: customer.city,
		billing_phone: customer.phone,
		billing_email: customer.email,
	};
	for ( const [ id, value ] of Object.entries( fields ) ) {
		await page.locator( `#${ id }` ).fill( value );
	}
	const country = page.locator( 'select#billing_country' );
	if ( await country.count() ) {
		await country.selectOption( 'VN' );
	}
	const cod = page.locator( '#payment_method_cod' );
	if ( await cod.count() ) {
		await cod.check();
	}
	await Promise.all( [
		page
			.waitForURL( /order-received/, { timeout: 60_000 } )
			.catch( () => undefined ),
		page.locator( '#place_order' ).click(),
	] );
	await failOnErrorNotice( page, 'classic checkout' );
}

/**
 * WooCommerce's block checkout (real WooCommerce 8.9): fields by their labels in the shipping (or billing)
 * address form, cash on delivery, Place order.
 * @param page
 * @param customer
 */
async function blockCheckout( page: Page, customer: Customer ) {
	const email = page
		.locator( '.wc-block-checkout__contact-fields' )
		.getByLabel( /^Email/ );
	await email.fill( customer.email );
	const shipping = page.locator( '.wc-block-checkout__shipping-fields' );
	const scope = ( await shipping.count() )
		? shipping
		: page.locator( '.wc-block-checkout__billing-fields' );
	const byLabel = async ( label: RegExp, value: string ) => {
		const input = scope.getByLabel( label ).first();
		if ( await input.count() ) {
			await input.fill( value );
			await input.blur();
		}
	};
	await byLabel( /^First name/, customer.firstName );
	await byLabel( /^Last name/, customer.lastName );
	await byLabel( /^Address/, customer.address );
	await byLabel( /^City/, customer.city );
	await byLabel( /^Phone/, customer.phone );
	// The Store API recalculates the cart (shipping rates) after address changes and the payment methods
	// render after it answers: wait for cash on delivery to be offered before choosing it (on a busy machine
	// "Place order" could otherwise go out with no payment method).
	await page.waitForLoadState( 'networkidle' );
	// With one payment method the block shows its description only, with several their labels.
	await page
		.getByText( /Cash on delivery|Pay with cash upon delivery/ )
		.first()
		.waitFor( { timeout: 60_000 } );
	const chooseCod = async () => {
		const cod = page.getByLabel( /Cash on delivery/ );
		if ( ( await cod.count() ) && ! ( await cod.first().isChecked() ) ) {
			await cod.first().check( { force: true } );
			await page.waitForLoadState( 'networkidle' );
		}
	};
	await chooseCod();
	const button = page.locator(
		'.wc-block-components-checkout-place-order-button'
	);
	await button.waitFor();
	for ( let attempt = 0; attempt < 2; attempt++ ) {
		await Promise.all( [
			page
				.waitForURL( /order-received/, { timeout: 60_000 } )
				.catch( () => undefined ),
			button.click(),
		] );
		if ( /order-received/.test( page.url() ) ) {
			return;
		}
		// One more try only when the payment method had not been taken (nothing was ordered).
		const notice = page.locator( '.wc-block-store-notice, .is-error' );
		const text = ( await notice.count() )
			? await notice.first().innerText()
			: '';
		if ( ! /payment method/i.test( text ) ) {
			break;
		}
		await chooseCod();
	}
	if ( ! /order-received/.test( page.url() ) ) {
		await failOnErrorNotice( page, 'block checkout' );
		const errors = page.locator(
			'.wc-block-components-validation-error, .wc-block-store-notice'
		);
		throw new Error(
			`block checkout did not complete: ${
				( await errors.count() )
					? normal( await errors.first().innerText() )
					: page.url()
			}`
		);
	}
}

/**
 * Every simulator order whose description carries this Woo order number ("… mã đơn hàng #<n>.").
 * @param simUrl
 * @param wooOrderNumber
 */
export async function findSimulatorOrders(
	simUrl: string,
	wooOrderNumber: string
): Promise< SimOrder[] > {
	const res = await fetch( `${ simUrl }/__sim/state?only=orders` );
	if ( ! res.ok ) {
		throw new Error( `simulator state: HTTP ${ res.status }` );
	}
	const state = ( await res.json() ) as { orders?: SimOrder[] };
	const needle = `#${ wooOrderNumber }.`;
	return ( state.orders ?? [] ).filter( ( o ) =>
		( o.description ?? '' ).includes( needle )
	);
}

/**
 * Polls the simulator until the order pushed for this Woo order number shows up, or the timeout passes.
 * Our queue sends it in the background (a WP-Cron event scheduled at checkout; real WooCommerce also runs
 * Action Scheduler from WP-Cron). WP-Cron only starts on a page visit and not while another cron request holds
 * its lock (up to 60 s), so with `siteUrl` the poll also visits the home page every `trafficEveryMs`, like the
 * shoppers of a live shop.
 * @param simUrl
 * @param wooOrderNumber
 * @param options        timeout in ms, or { timeoutMs, siteUrl, trafficEveryMs }
 */
export async function findSimulatorOrder(
	simUrl: string,
	wooOrderNumber: string,
	options:
		| number
		| { timeoutMs?: number; siteUrl?: string; trafficEveryMs?: number } = {}
): Promise< SimOrder | undefined > {
	const opts = typeof options === 'number' ? { timeoutMs: options } : options;
	const deadline = Date.now() + ( opts.timeoutMs ?? 150_000 );
	for ( let visited = Date.now(); ;  ) {
		const found = await findSimulatorOrders( simUrl, wooOrderNumber );
		if ( found.length > 0 ) {
			return found[ 0 ];
		}
		if ( Date.now() > deadline ) {
			return undefined;
		}
		if (
			opts.siteUrl &&
			Date.now() - visited >= ( opts.trafficEveryMs ?? 10_000 )
		) {
			visited = Date.now();
			await fetch( `${ opts.siteUrl }/` ).catch( () => undefined );
		}
		await new Promise( ( r ) => setTimeout( r, 1000 ) );
	}
}

/**
 * Admin setup of the storefront tests: connects to the simulator shop (branch 5001), fetches the catalog,
 * selects every catalog item whose KiotViet code matches one of the searches (a family: all its variants)
 * and imports them (jobs driven from the command line, like the security tests). Returns the selected items.
 * @param admin
 * @param searches
 */
export async function importProducts(
	admin: Session,
	searches: string[]
): Promise< Array< { id: number; code: string; name: string } > > {
	await connect( admin );
	// The prices these tests expect: the general price list, no sale book (another test may have chosen books).
	await admin.ok( 'PUT', `${ NS }/settings`, {
		regular_price_book_id: 0,
		sale_price_book_id: null,
	} );
	let status = await finishRuns( admin );
	if ( ! status.catalog?.products ) {
		await admin.request( 'POST', `${ NS }/sync/fetch`, { nonce: true } );
		status = await finishRuns( admin );
	}
	const items: Array< { id: number; code: string; name: string } > = [];
	for ( const search of searches ) {
		const found = await admin.ok(
			'GET',
			`${ NS }/catalog/products?search=${ encodeURIComponent(
				search
			) }&per_page=100`
		);
		items.push( ...( found.items as typeof items ) );
	}
	if ( items.length === 0 ) {
		throw new Error( `no catalog item matches ${ searches.join( ', ' ) }` );
	}
	await selectAndImport(
		admin,
		items.map( ( i ) => i.id )
	);
	return items;
}
