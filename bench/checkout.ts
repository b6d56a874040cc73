/**
 * Checkout overhead: storefront order placement through the Store API (GET cart for the nonce/cart token,
 * POST cart/add-item, POST checkout with cash on delivery), timed from the add-item request to the checkout
 * answer, alternating blocks with order push enabled and disabled so the machine's drift hits both alike.
 * @param xs
 * @param q
 */
const pct = ( xs: number[], q: number ) => {
	const s = [ ...xs ].sort( ( a, b ) => a - b );
	return s.length
		? s[ Math.min( s.length - 1, Math.ceil( q * s.length ) - 1 ) ]
		: NaN;
};

export async function placeOrder(
	siteUrl: string,
	productId: number
): Promise< number > {
	const api = `${ siteUrl }/wp-json/wc/store/v1`;
	const cart = await fetch( `${ api }/cart` );
	await cart.text();
	const headers: Record< string, string > = {
		'content-type': 'application/json',
		nonce: cart.headers.get( 'nonce' ) ?? '',
		'cart-token': cart.headers.get( 'cart-token' ) ?? '',
	};
	const t0 = performance.now();
	const add = await fetch( `${ api }/cart/add-item`, {
		method: 'POST',
		headers,
		body: JSON.stringify( { id: productId, quantity: 1 } ),
	} );
	if ( add.status >= 300 ) {
		throw new Error(
			`add-item ${ add.status }: ${ ( await add.text() ).slice(
				0,
				300
			) }`
		);
	}
	await add.text();
	const address = {
		first_name: 'Bench',
		last_name: 'Khách',
		address_1: '1 Lê Lợi',
		city: 'Hồ Chí Minh',
		postcode: '700000',
		country: 'VN',
		email: 'bench@example.test',
		phone: '0901234567',
	};
	const res = await fetch( `${ api }/checkout`, {
		method: 'POST',
		headers,
		body: JSON.stringify( {
			billing_address: address,
			shipping_address: address,
			payment_method: 'cod',
		} ),
	} );
	const text = await res.text();
	const ms = performance.now() - t0;
	if ( res.status !== 200 ) {
		throw new Error(
			`checkout ${ res.status }: ${ text.slice( 0, 300 ) }`
		);
	}
	return ms;
}

export async function measureCheckout(
	siteUrl: string,
	productId: number,
	setPush: ( on: boolean ) => void,
	blocks: number,
	perBlock: number
): Promise< Record< string, unknown > > {
	const on: number[] = [];
	const off: number[] = [];
	setPush( false );
	await placeOrder( siteUrl, productId ); // warm-up
	for ( let b = 0; b < blocks; b++ ) {
		for ( const push of [ false, true ] ) {
			setPush( push );
			await placeOrder( siteUrl, productId ); // warm-up after the switch
			for ( let i = 0; i < perBlock; i++ ) {
				( push ? on : off ).push(
					await placeOrder( siteUrl, productId )
				);
			}
		}
	}
	setPush( false );
	const r = ( x: number ) => Math.round( x * 10 ) / 10;
	return {
		orders_per_mode: on.length,
		push_on_p50_ms: r( pct( on, 0.5 ) ),
		push_off_p50_ms: r( pct( off, 0.5 ) ),
		overhead_p50_ms: r( pct( on, 0.5 ) - pct( off, 0.5 ) ),
		push_on_p95_ms: r( pct( on, 0.95 ) ),
		push_off_p95_ms: r( pct( off, 0.95 ) ),
	};
}
