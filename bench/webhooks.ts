/**
 * Webhook latency: signed stock.update deliveries of 100 items each, sent with Node's fetch over loopback to the
 * plugin's receiver, signed exactly as the simulator signs (HMAC-SHA256 of the raw body with the registered
 * Secret, `X-Hub-Signature: sha1=<hex>`), each with a new Id and new OnHand values.
 *  - ack: HTTP round trip until the receiver answered (p50, p99 over `count` deliveries);
 *  - visible: from sending until the Store API (`/wp-json/wc/store/v1/products/{id}`, public, no cache) shows
 *    the new stock of the delivery's first item. Processing is triggered as in production: the receiver
 *    schedules the processor (Action Scheduler on real WooCommerce, WP-Cron on the stand-in) and the polling
 *    requests themselves are the site's traffic that lets WP-Cron / Action Scheduler run.
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
	visibleTimeoutMs: number
): Promise< Record< string, unknown > > {
	const subs = await ( await fetch( `${ simUrl }/__sim/webhooks` ) ).json();
	const sub = ( subs.subscriptions as any[] ).find(
		( s ) => String( s.type ?? s.Type ).toLowerCase() === 'stock.update'
	);
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
	// Visible: new stock of the first item through WooCommerce's Store API.
	const first = setup.products[ 0 ];
	const visible: number[] = [];
	const timeouts: number[] = [];
	for ( let s = 0; s < visibleSamples; s++ ) {
		const want = 500 + s;
		const t0 = performance.now();
		await send( body( ( j ) => ( j === 0 ? want : 200 + s ) ) );
		let seen = false;
		while ( performance.now() - t0 < visibleTimeoutMs ) {
			const res = await fetch(
				`${ siteUrl }/wp-json/wc/store/v1/products/${ first.woo_id }`
			);
			const data: any = await res.json().catch( () => ( {} ) );
			const text = String( data?.stock_availability?.text ?? '' );
			if ( text.includes( String( want ) ) ) {
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
		visible_samples_ms: visible.map( ( x ) => Math.round( x ) ),
		visible_timeouts: timeouts.length,
		visible_p95_ms:
			timeouts.length > 0 ? null : Math.round( pct( visible, 0.95 ) ),
		visible_timeout_ms: visibleTimeoutMs,
	};
}
