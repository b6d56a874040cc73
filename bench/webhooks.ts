/**
 * Webhook latency: signed stock.update deliveries of 100 items each, sent with Node's fetch over loopback to the
 * plugin's receiver, signed exactly as the simulator signs (HMAC-SHA256 of the raw body with the registered
 * Secret, `X-Hub-Signature: sha1=<hex>`), each with a new Id and new OnHand values.
 *  - ack: HTTP round trip until the receiver answered (p50, p99 over `count` deliveries);
 *  - backlog: after the burst, the time until WooCommerce's stored stock (`_stock` of the product, committed — what
 *    the next page view or API call reads) shows the last delivery's values of its first and its last item (values
 *    no earlier delivery used: the processor has caught up with the whole burst);
 *  - visible: then, one delivery at a time, from sending until WooCommerce's stored stock of the delivery's first
 *    item is the new value (`visible_samples_ms`); before the next delivery is sent, the time until its last item is
 *    stored too (`applied_samples_ms`: the whole delivery), so a sample never waits for the previous one's items.
 *  - busy: then deliveries in quick succession, each sent as soon as the previous one's first item is stored (the
 *    processor still writes the previous one's other items and holds its lock): `busy_visible_samples_ms` (and
 *    `busy_visible_timeouts`) — the deliveries whose kick finds a processor running.
 *    (WooCommerce 8.9's Store API has no stock figure, only in/out of stock; the stand-in has no Store API; so
 *    `readStock` reads the committed value from the database.) Processing is triggered as in production: the
 *    receiver stores the delivery, answers, and kicks the processor (loopback to `/webhook-process`, the queue job
 *    as safety net); nothing else calls the site (the stock is read from the database, not over HTTP), so WP-Cron
 *    and Action Scheduler get no traffic to run on: what is visible was processed by the kicks alone.
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
	readStock: ( wooId: string ) => Promise< string >,
	busySamples: number = visibleSamples
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
	const lastIndex = setup.products.length - 1;
	/**
	 * Quantities of one delivery: the first and the last item get their own values (no other delivery uses
	 * them, so a stored value tells which delivery got there), the others `rest( j )`.
	 * @param firstQty first item's quantity
	 * @param lastQty  last item's quantity
	 * @param rest     quantity of item j otherwise
	 */
	const marked =
		( firstQty: number, lastQty: number, rest: ( j: number ) => number ) =>
		( j: number ) => {
			if ( j === 0 ) {
				return firstQty;
			}
			return j === lastIndex ? lastQty : rest( j );
		};
	for ( let i = 0; i < count; i++ ) {
		const r = await send(
			body(
				marked( 1000 + i, 3000 + i, ( j ) => 100 + ( ( i + j ) % 50 ) )
			)
		);
		acks.push( r.ms );
		if ( r.status !== 200 ) {
			non200++;
		} else if ( ! r.text.includes( 'true' ) ) {
			notReceived++;
		}
	}
	const first = setup.products[ 0 ];
	const lastItem = setup.products[ lastIndex ];
	/**
	 * Polls the stored stock of one product until it is `want` or `timeoutMs` passed since `t0`.
	 * @param wooId     product id
	 * @param want      stock wanted
	 * @param t0        start (performance.now())
	 * @param timeoutMs give up after
	 * @param everyMs   poll interval
	 * @return ms since t0 when seen, null when not
	 */
	const until = async (
		wooId: string,
		want: number,
		t0: number,
		timeoutMs: number,
		everyMs: number
	): Promise< number | null > => {
		while ( performance.now() - t0 < timeoutMs ) {
			if ( ( await readStock( wooId ) ) === String( want ) ) {
				return performance.now() - t0;
			}
			await new Promise( ( r ) => setTimeout( r, everyMs ) );
		}
		return null;
	};
	// Backlog: until the burst's last delivery is stored for its first and its last item.
	const b0 = performance.now();
	let backlogMs: number | null = null;
	if ( visibleSamples > 0 && count > 0 ) {
		const firstSeen = await until(
			first.woo_id,
			1000 + count - 1,
			b0,
			visibleTimeoutMs * 5,
			250
		);
		backlogMs =
			firstSeen === null
				? null
				: await until(
						lastItem.woo_id,
						3000 + count - 1,
						b0,
						visibleTimeoutMs * 5,
						250
				  );
	}
	/**
	 * Sends one marked delivery and waits until its first item's new stock is stored.
	 * @param firstQty first item's quantity
	 * @param lastQty  last item's quantity
	 * @param restQty  every other item's quantity
	 * @return the send time and ms until seen (null: not within the timeout)
	 */
	const sendAndSee = async (
		firstQty: number,
		lastQty: number,
		restQty: number
	): Promise< { t0: number; seen: number | null } > => {
		const t0 = performance.now();
		await send( body( marked( firstQty, lastQty, () => restQty ) ) );
		const seen = await until(
			first.woo_id,
			firstQty,
			t0,
			visibleTimeoutMs,
			100
		);
		return { t0, seen };
	};
	// Visible: new stock of the first item in WooCommerce's stored product data, one delivery at a time.
	const visible: number[] = [];
	const timeouts: number[] = [];
	const applied: number[] = [];
	for ( let s = 0; s < visibleSamples; s++ ) {
		const { t0, seen } = await sendAndSee( 500 + s, 700 + s, 200 + s );
		( seen === null ? timeouts : visible ).push(
			seen ?? performance.now() - t0
		);
		// The whole delivery (its last item) before the next one is sent.
		const all = await until(
			lastItem.woo_id,
			700 + s,
			t0,
			visibleTimeoutMs,
			100
		);
		if ( all !== null ) {
			applied.push( all );
		}
	}
	// Busy: deliveries in quick succession — the next one is sent as soon as the previous one's first item is
	// stored, while the processor still writes its other items (it holds the lock, so the new delivery's kick
	// sends no loopback: the running processor must take it after releasing the lock).
	const busy: number[] = [];
	let busyTimeouts = 0;
	for ( let s = 0; s < busySamples; s++ ) {
		const { seen } = await sendAndSee( 800 + s, 900 + s, 300 + s );
		if ( seen === null ) {
			busyTimeouts++;
		} else {
			busy.push( seen );
		}
	}
	if ( busySamples > 0 ) {
		// Leave the site caught up (bounded).
		await until(
			lastItem.woo_id,
			900 + busySamples - 1,
			performance.now(),
			visibleTimeoutMs,
			250
		);
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
		applied_samples_ms: applied.map( ( x ) => Math.round( x ) ),
		busy_visible_samples_ms: busy.map( ( x ) => Math.round( x ) ),
		busy_visible_timeouts: busyTimeouts,
		visible_p95_ms:
			timeouts.length > 0 ? null : Math.round( pct( visible, 0.95 ) ),
		visible_timeout_ms: visibleTimeoutMs,
	};
}
