/**
 * Checkout overhead: storefront order placement through the Store API (GET cart for the nonce/cart token,
 * POST cart/add-item, POST checkout with cash on delivery), timed from the add-item request to the checkout
 * answer, alternating blocks with order push enabled and disabled so the machine's drift hits both alike.
 * Before every checkout, in both modes, the site's background work is let settle (`settle`: due jobs run, the
 * order outbox and the webhook inbox empty, the simulator's webhooks delivered), so the pushes of earlier orders
 * and the webhooks KiotViet sends back do not compete with the checkout being timed; what the settling took is
 * reported per mode (the background cost of the push), and a settle that gave up is counted, its sample kept.
 * @param xs
 * @param q
 */
const pct = ( xs: number[], q: number ) => {
	const s = [ ...xs ].sort( ( a, b ) => a - b );
	return s.length
		? s[ Math.min( s.length - 1, Math.ceil( q * s.length ) - 1 ) ]
		: NaN;
};

/** The bench probe's answer header (bench/php/checkout-probe.php): time and queries server-side. */
export type ServerSide = {
	ms: number;
	q: number;
	hooks_ms: number;
	hooks_q: number;
};

export async function placeOrder(
	siteUrl: string,
	productId: number
): Promise< { ms: number; server: ServerSide | null } > {
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
		headers: { ...headers, 'x-kvs-bench': '1' },
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
	const probe = res.headers.get( 'x-kvs-bench-server' );
	return { ms, server: probe ? ( JSON.parse( probe ) as ServerSide ) : null };
}

export type SettleResult = {
	settled: boolean;
	ms: number;
	jobs_run?: number;
	left?: Record< string, number >;
};

export async function measureCheckout(
	siteUrl: string,
	productId: number,
	setPush: ( on: boolean ) => void,
	settle: () => SettleResult,
	blocks: number,
	perBlock: number
): Promise< Record< string, unknown > > {
	const on: number[] = [];
	const off: number[] = [];
	const server = { on: [] as ServerSide[], off: [] as ServerSide[] };
	const settleMs = { on: [] as number[], off: [] as number[] };
	const unsettled = { on: 0, off: 0 };
	const left: Record< string, number > = {};
	const settled = ( push: boolean ) => {
		const s = settle();
		settleMs[ push ? 'on' : 'off' ].push( s.ms );
		if ( ! s.settled ) {
			unsettled[ push ? 'on' : 'off' ]++;
			for ( const [ k, v ] of Object.entries( s.left ?? {} ) ) {
				left[ k ] = ( left[ k ] ?? 0 ) + v;
			}
		}
	};
	setPush( false );
	await placeOrder( siteUrl, productId ); // warm-up
	for ( let b = 0; b < blocks; b++ ) {
		for ( const push of [ false, true ] ) {
			setPush( push );
			await placeOrder( siteUrl, productId ); // warm-up after the switch
			for ( let i = 0; i < perBlock; i++ ) {
				settled( push );
				const order = await placeOrder( siteUrl, productId );
				( push ? on : off ).push( order.ms );
				if ( order.server ) {
					server[ push ? 'on' : 'off' ].push( order.server );
				}
			}
		}
	}
	setPush( false );
	settle(); // the last orders' pushes, before whatever runs next
	const r = ( x: number ) => Math.round( x * 10 ) / 10;
	const r3 = ( x: number ) => Math.round( x * 1000 ) / 1000;
	const sp = ( mode: 'on' | 'off', key: keyof ServerSide, q: number ) =>
		pct(
			server[ mode ].map( ( x ) => x[ key ] ),
			q
		);
	return {
		orders_per_mode: on.length,
		push_on_orders: on.length,
		push_off_orders: off.length,
		push_on_p50_ms: r( pct( on, 0.5 ) ),
		push_off_p50_ms: r( pct( off, 0.5 ) ),
		overhead_p50_ms: r( pct( on, 0.5 ) - pct( off, 0.5 ) ),
		push_on_p95_ms: r( pct( on, 0.95 ) ),
		push_off_p95_ms: r( pct( off, 0.95 ) ),
		overhead_p95_ms: r( pct( on, 0.95 ) - pct( off, 0.95 ) ),
		settled_before_each: true,
		settle_on_p50_ms: r( pct( settleMs.on, 0.5 ) ),
		settle_off_p50_ms: r( pct( settleMs.off, 0.5 ) ),
		unsettled_on: unsettled.on,
		unsettled_off: unsettled.off,
		unsettled_left: left,
		// Server-side (probe): the checkout request until its answer, and the part inside the order hooks.
		server_samples_on: server.on.length,
		server_samples_off: server.off.length,
		server_on_p50_ms: r( sp( 'on', 'ms', 0.5 ) ),
		server_off_p50_ms: r( sp( 'off', 'ms', 0.5 ) ),
		hooks_on_p50_ms: r3( sp( 'on', 'hooks_ms', 0.5 ) ),
		hooks_off_p50_ms: r3( sp( 'off', 'hooks_ms', 0.5 ) ),
		hooks_on_p95_ms: r3( sp( 'on', 'hooks_ms', 0.95 ) ),
		hooks_off_p95_ms: r3( sp( 'off', 'hooks_ms', 0.95 ) ),
		hooks_overhead_p50_ms: r3(
			sp( 'on', 'hooks_ms', 0.5 ) - sp( 'off', 'hooks_ms', 0.5 )
		),
		hooks_on_queries_p50: sp( 'on', 'hooks_q', 0.5 ),
		hooks_off_queries_p50: sp( 'off', 'hooks_q', 0.5 ),
		samples_on_ms: on.map( r ),
		samples_off_ms: off.map( r ),
	};
}
