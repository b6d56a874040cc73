/**
 * Webhook latency: signed stock.update deliveries of 100 items each, sent with Node's fetch over loopback to the
 * plugin's receiver, signed exactly as the simulator signs (HMAC-SHA256 of the raw body with the registered
 * Secret, `X-Hub-Signature: sha1=<hex>`), each with a new Id and new OnHand values.
 *  - ack: HTTP round trip until the receiver answered (p50, p99 over `count` deliveries);
 *  - backlog: after the burst, the time until WooCommerce's stored stock (`_stock` of the product, committed — what
 *    the next page view or API call reads) is the last delivery's value for the first item (the processor has caught up);
 *  - visible: then, one delivery at a time, from sending until WooCommerce's stored stock of the delivery's first
 *    item is the new value. (WooCommerce 8.9's Store API has no stock figure, only in/out of stock; the stand-in has
 *    no Store API; so `readStock` reads the committed value from the database.) Processing is triggered as in
 *    production: the receiver stores the delivery, answers, and kicks the processor (loopback to
 *    `/webhook-process`, the queue job as safety net); nothing else is needed, but the polling requests are
 *    also the site's traffic on which WP-Cron / Action Scheduler would run.
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface WebhookSetup {
	receiver_url: string;
	branch_id: number;
	products: { kv_id: string; woo_id: string; stock: string }[];
}

const pct = ( xs: number[], q: number ) => {
	const s = [ ...xs ].sort( ( a, b ) => a - b );
	return s.length
		? s[ Math.min( s.length - 1, Math.ceil( q * s.length ) - 1 ) ]
		: NaN;
};

export async function measureWebhooks(
	siteUrl: string,
	simUrl: string,
	setup: WebhookSetup,
	count: number,
	visibleSamples: number,
	visibleTimeoutMs: number,
	readStock: ( wooId: string ) => Promise< string >
): Promise< Record< string, unknown > > {
	const subs = await ( await fetch( `${ simUrl }/__sim/webhooks` ) ).json();
	// The site's current subscription (a reused simulator may still hold an older site's).
	const stock = ( subs.subscriptions as any[] ).filter(
		( s ) => String( s.type ?? s.Type ).toLowerCase() === 'stock.update'
	);
	const sub =
		stock.find( ( s ) => ( s.url ?? s.Url ) === setup.receiver_url ) ??
		stock[ stock.length - 1 ];
	if ( ! sub ) {
		return {
			error: 'no stock.update subscription registered',
			subscriptions: subs.subscriptions?.length ?? 0,
		};
	}
	const url: string = sub.url ?? sub.Url;
	const secret: string = sub.secret ?? sub.Secret;
	const body = ( qty: ( i: number ) => number ) =>
		JSON.stringify( {
			Id: randomUUID(),
			Attempt: 1,
			Notifications: [
				{
					Action: 'stock.update.712345',
					Data: setup.products.map( ( p, i ) => ( {
						__type: 'KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductStockRes, KiotViet.OmniChannelCore.Api.Shared',
						ProductId: Number( p.kv_id ),
						BranchId: setup.branch_id,
						OnHand: qty( i ),
						Reserved: 0,
						Cost: 0,
						MinQuantity: 0,
						MaxQuantity: 0,
						isActive: true,
					} ) ),
				},
			],
		} );
	const send = async ( raw: string ) => {
		const sig = `sha1=${ createHmac(
			'sha256',
			Buffer.from( secret, 'utf8' )
		)
			.update( raw )
			.digest( 'hex' ) }`;
		const t = performance.now();
		const res = await fetch( url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-hub-signature': sig,
			},
			body: raw,
		} );
		const text = await res.text();
		return { ms: performance.now() - t, status: res.status, text };
	};
	// Warm-up (opcache, connections).
	for ( let i = 0; i < 5; i++ ) {
		await send( body( () => 50 + i ) );
	}
	const acks: number[] = [];
	let non200 = 0;
	let notReceived = 0;
	for ( let i = 0; i < count; i++ ) {
		const r = await send( body( ( j ) => 100 + ( ( i + j ) % 50 ) ) );
		acks.push( r.ms );
		if ( r.status !== 200 ) {
			non200++;
		} else if ( ! r.text.includes( 'true' ) ) {
			notReceived++;
		}
	}
	const first = setup.products[ 0 ];
	const stockText = (): Promise< string > => readStock( first.woo_id );
	// Backlog: until the burst's last value of the first item is visible.
	const last = String( 100 + ( ( count - 1 ) % 50 ) );
	const b0 = performance.now();
	let backlogMs: number | null = null;
	while (
		visibleSamples > 0 &&
		performance.now() - b0 < visibleTimeoutMs * 5
	) {
		if ( ( await stockText() ) === last ) {
			backlogMs = performance.now() - b0;
			break;
		}
		await new Promise( ( r ) => setTimeout( r, 250 ) );
	}
	// Visible: new stock of the first item in WooCommerce's stored product data.
	const visible: number[] = [];
	const timeouts: number[] = [];
	for ( let s = 0; s < visibleSamples; s++ ) {
		const want = 500 + s;
		const t0 = performance.now();
		await send( body( ( j ) => ( j === 0 ? want : 200 + s ) ) );
		let seen = false;
		while ( performance.now() - t0 < visibleTimeoutMs ) {
			if ( ( await stockText() ) === String( want ) ) {
				seen = true;
				break;
			}
			await new Promise( ( r ) => setTimeout( r, 100 ) );
		}
		( seen ? visible : timeouts ).push( performance.now() - t0 );
	}
	return {
		deliveries: count,
		items_per_delivery: setup.products.length,
		ack_p50_ms: Math.round( pct( acks, 0.5 ) * 10 ) / 10,
		ack_p99_ms: Math.round( pct( acks, 0.99 ) * 10 ) / 10,
		ack_max_ms: Math.round( Math.max( ...acks ) * 10 ) / 10,
		non_200: non200,
		not_received: notReceived,
		backlog_drained_ms: backlogMs === null ? null : Math.round( backlogMs ),
		visible_samples_ms: visible.map( ( x ) => Math.round( x ) ),
		visible_timeouts: timeouts.length,
		visible_p95_ms:
			timeouts.length > 0 ? null : Math.round( pct( visible, 0.95 ) ),
		visible_timeout_ms: visibleTimeoutMs,
	};
}
