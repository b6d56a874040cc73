/**
 * Webhook dispatcher: builds the KiotViet envelope, signs the exact body bytes, POSTs to loopback
 * subscribers, retries 5xx/timeouts (same Id, Attempt+1), deactivates a subscription after a 4xx,
 * and can drop, duplicate or reorder deliveries on purpose.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { State, WebhookSub } from './state';
import { signBody, type KeyMode, type SignatureMode } from './signature';
import { Rng } from './rng';

export interface WebhookConfig {
	mode: 'immediate' | 'manual';
	signatureMode: SignatureMode;
	keyMode: KeyMode;
	/** Delete events: envelope with an id array (default) or the bare `{"RemoveId":[…]}` body. */
	deleteForm: 'envelope' | 'bare';
	/** Webhook `Images` as `[{"Image": url}]`. */
	imagesAsObjects: boolean;
	/** 0 < x < 1: probability; x >= 1: drop the next x deliveries. */
	drop: number;
	duplicate: number;
	/** Deliver each dispatch batch in reverse order (true) or for the next N batches. */
	reorder: boolean | number;
	retryDelaysMs: number[];
	timeoutMs: number;
}

export const DEFAULT_WEBHOOK_CONFIG: WebhookConfig = {
	mode: 'immediate',
	signatureMode: 'sha1-prefixed-hex-sha256',
	keyMode: 'as-registered',
	deleteForm: 'envelope',
	imagesAsObjects: false,
	drop: 0,
	duplicate: 0,
	reorder: false,
	retryDelaysMs: [ 60_000, 300_000, 1_800_000 ],
	timeoutMs: 5000,
};

export interface DeliveryAttempt {
	seq: number;
	deliveryId: string;
	subscriptionId: number;
	url: string;
	type: string;
	attempt: number;
	status: number | 'timeout' | 'error' | 'dropped' | 'refused';
	error?: string;
	duplicate?: boolean;
	signature?: string;
	headers: Record< string, string >;
	body: string;
	at: string;
	durationMs: number;
}

interface Job {
	deliveryId: string;
	sub: WebhookSub;
	type: string;
	data: unknown[];
	attempt: number;
	/** Dispatcher generation; a reset abandons older jobs. */
	gen: number;
}

function isLoopbackUrl( u: string ): boolean {
	try {
		const url = new URL( u );
		if ( url.protocol !== 'http:' ) {
			return false;
		}
		const h = url.hostname.replace( /^\[|\]$/g, '' );
		return (
			h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test( h )
		);
	} catch {
		return false;
	}
}

export class WebhookDispatcher {
	config: WebhookConfig = {
		...DEFAULT_WEBHOOK_CONFIG,
		retryDelaysMs: [ ...DEFAULT_WEBHOOK_CONFIG.retryDelaysMs ],
	};
	deliveries: DeliveryAttempt[] = [];
	errors: string[] = [];
	private queue: Job[] = [];
	private retryTimers = new Map< NodeJS.Timeout, Job >();
	private pumpScheduled = false;
	private running: Promise< void > = Promise.resolve();
	private seq = 0;
	private rng: Rng;
	private dropLeft = 0;
	private dupLeft = 0;
	private reorderLeft = 0;
	private closed = false;
	private generation = 0;
	private inflight = new Set< http.ClientRequest >();

	constructor(
		private state: () => State,
		seed: string
	) {
		this.rng = new Rng( `webhooks-${ seed }` );
	}

	configure( patch: Partial< WebhookConfig > ): WebhookConfig {
		this.config = { ...this.config, ...patch };
		if ( patch.drop !== undefined ) {
			this.dropLeft = patch.drop >= 1 ? Math.floor( patch.drop ) : 0;
		}
		if ( patch.duplicate !== undefined ) {
			this.dupLeft =
				patch.duplicate >= 1 ? Math.floor( patch.duplicate ) : 0;
		}
		if ( patch.reorder !== undefined ) {
			this.reorderLeft =
				typeof patch.reorder === 'number'
					? Math.floor( patch.reorder )
					: 0;
		}
		if ( this.config.mode === 'immediate' && this.queue.length > 0 ) {
			this.schedulePump();
		}
		return this.config;
	}

	reset(): void {
		this.generation++;
		for ( const req of this.inflight ) {
			req.destroy();
		}
		this.inflight.clear();
		this.running = Promise.resolve();
		for ( const t of this.retryTimers.keys() ) {
			clearTimeout( t );
		}
		this.retryTimers.clear();
		this.queue = [];
		this.deliveries = [];
		this.errors = [];
		this.dropLeft = 0;
		this.dupLeft = 0;
		this.reorderLeft = 0;
		this.config = {
			...DEFAULT_WEBHOOK_CONFIG,
			retryDelaysMs: [ ...DEFAULT_WEBHOOK_CONFIG.retryDelaysMs ],
		};
	}

	close(): void {
		this.closed = true;
		this.reset();
	}

	/**
	 * Called by the state for every change.
	 * @param type
	 * @param data
	 */
	emit( type: string, data: unknown[] ): void {
		const st = this.state();
		for ( const sub of st.webhooks.values() ) {
			if ( sub.type !== type || ! sub.isActive ) {
				continue;
			}
			this.queue.push( {
				deliveryId: randomUUID(),
				sub,
				type,
				data,
				attempt: 1,
				gen: this.generation,
			} );
		}
		if ( this.config.mode === 'immediate' ) {
			this.schedulePump();
		}
	}

	pending(): number {
		return this.queue.length + this.retryTimers.size;
	}

	private schedulePump(): void {
		if ( this.pumpScheduled || this.closed ) {
			return;
		}
		this.pumpScheduled = true;
		setImmediate( () => {
			this.pumpScheduled = false;
			void this.drain();
		} );
	}

	/**
	 * Sends everything queued now (one pass). Pending retries are included when `includeRetries`.
	 * @param includeRetries
	 */
	private drain( includeRetries = false ): Promise< void > {
		const next = this.running.then( async () => {
			if ( includeRetries ) {
				for ( const [ t, job ] of this.retryTimers ) {
					clearTimeout( t );
					this.queue.push( job );
				}
				this.retryTimers.clear();
			}
			let batch = this.queue;
			this.queue = [];
			if ( batch.length === 0 ) {
				return;
			}
			if ( this.config.reorder === true || this.reorderLeft > 0 ) {
				batch = [ ...batch ].reverse();
				if ( this.reorderLeft > 0 ) {
					this.reorderLeft--;
				}
			}
			for ( const job of batch ) {
				await this.deliver( job );
			}
		} );
		this.running = next.catch( () => undefined );
		return next;
	}

	/**
	 * Manual flush: deliver everything queued (and pending retries) now; with `untilIdle`, repeat until nothing is left.
	 * @param untilIdle
	 */
	async flush( untilIdle = false ): Promise< number > {
		const before = this.deliveries.length;
		await this.drain( true );
		let guard = 0;
		while ( untilIdle && this.pending() > 0 && guard++ < 50 ) {
			await this.drain( true );
		}
		return this.deliveries.length - before;
	}

	buildBody( job: Job ): string {
		const isDelete =
			job.type.endsWith( '.delete' ) &&
			job.type !== 'pricebookdetail.delete';
		if ( isDelete && this.config.deleteForm === 'bare' ) {
			return JSON.stringify( { RemoveId: job.data } );
		}
		const st = this.state();
		return JSON.stringify( {
			Id: job.deliveryId,
			Attempt: job.attempt,
			Notifications: [
				{ Action: `${ job.type }.${ st.retailerId }`, Data: job.data },
			],
		} );
	}

	private shouldDrop(): boolean {
		if ( this.dropLeft > 0 ) {
			this.dropLeft--;
			return true;
		}
		const p = this.config.drop;
		return p > 0 && p < 1 && this.rng.next() < p;
	}

	private shouldDuplicate(): boolean {
		if ( this.dupLeft > 0 ) {
			this.dupLeft--;
			return true;
		}
		const p = this.config.duplicate;
		return p > 0 && p < 1 && this.rng.next() < p;
	}

	private async deliver( job: Job ): Promise< void > {
		if ( job.gen !== this.generation ) {
			return;
		}
		const body = this.buildBody( job );
		const headers: Record< string, string > = {
			'Content-Type': 'application/json',
		};
		let signature: string | undefined;
		if ( job.sub.secret ) {
			signature = signBody(
				body,
				job.sub.secret,
				this.config.signatureMode,
				this.config.keyMode
			);
			headers[ 'X-Hub-Signature' ] = signature;
		}
		const base = {
			deliveryId: job.deliveryId,
			subscriptionId: job.sub.id,
			url: job.sub.url,
			type: job.type,
			attempt: job.attempt,
			signature,
			headers,
			body,
		};
		if ( ! job.sub.isActive ) {
			return;
		}
		if ( ! isLoopbackUrl( job.sub.url ) ) {
			const msg = `refused to call non-loopback webhook URL ${ job.sub.url }`;
			this.errors.push( msg );
			// eslint-disable-next-line no-console
			console.error( `[kiotviet-simulator] ${ msg }` );
			this.record( {
				...base,
				status: 'refused',
				error: msg,
				durationMs: 0,
			} );
			return;
		}
		if ( job.attempt === 1 && this.shouldDrop() ) {
			this.record( { ...base, status: 'dropped', durationMs: 0 } );
			return;
		}
		const copies = job.attempt === 1 && this.shouldDuplicate() ? 2 : 1;
		for ( let c = 0; c < copies; c++ ) {
			const started = Date.now();
			const result = await this.post( job.sub.url, body, headers );
			if ( job.gen !== this.generation ) {
				return;
			}
			this.record( {
				...base,
				status: result.status,
				error: result.error,
				duplicate: c > 0 ? true : undefined,
				durationMs: Date.now() - started,
			} );
			if ( c > 0 ) {
				continue;
			}
			if (
				typeof result.status === 'number' &&
				result.status >= 400 &&
				result.status < 500
			) {
				// KiotViet stops sending to an endpoint that answers 4xx.
				job.sub.isActive = false;
				job.sub.modifiedDate = Date.now();
				return;
			}
			const failed =
				result.status === 'timeout' ||
				result.status === 'error' ||
				( typeof result.status === 'number' && result.status >= 500 );
			if ( failed ) {
				this.scheduleRetry( job );
				return;
			}
		}
	}

	private scheduleRetry( job: Job ): void {
		const delay = this.config.retryDelaysMs[ job.attempt - 1 ];
		if (
			delay === undefined ||
			this.closed ||
			job.gen !== this.generation
		) {
			return;
		}
		const retry: Job = { ...job, attempt: job.attempt + 1 };
		if ( this.config.mode === 'manual' ) {
			// Held until the next flush.
			this.queue.push( retry );
			return;
		}
		const timer = setTimeout( () => {
			this.retryTimers.delete( timer );
			this.queue.push( retry );
			this.schedulePump();
		}, delay );
		timer.unref?.();
		this.retryTimers.set( timer, retry );
	}

	private record( a: Omit< DeliveryAttempt, 'seq' | 'at' > ): void {
		this.deliveries.push( {
			seq: ++this.seq,
			at: new Date().toISOString(),
			...a,
		} );
	}

	private post(
		url: string,
		body: string,
		headers: Record< string, string >
	): Promise< { status: number | 'timeout' | 'error'; error?: string } > {
		return new Promise( ( resolve ) => {
			let done = false;
			const finish = ( r: {
				status: number | 'timeout' | 'error';
				error?: string;
			} ): void => {
				if ( ! done ) {
					done = true;
					clearTimeout( timer );
					this.inflight.delete( req );
					resolve( r );
				}
			};
			const buf = Buffer.from( body, 'utf8' );
			const req = http.request(
				url,
				{
					method: 'POST',
					headers: {
						...headers,
						'Content-Length': String( buf.length ),
						'User-Agent': 'KiotViet-Webhook-Simulator',
					},
					agent: false,
				},
				( res ) => {
					res.resume();
					res.on( 'end', () =>
						finish( { status: res.statusCode ?? 0 } )
					);
					res.on( 'error', () =>
						finish( { status: res.statusCode ?? 0 } )
					);
				}
			);
			const timer = setTimeout( () => {
				finish( {
					status: 'timeout',
					error: `no answer within ${ this.config.timeoutMs } ms`,
				} );
				req.destroy();
			}, this.config.timeoutMs );
			req.on( 'error', ( e ) =>
				finish( { status: 'error', error: e.message } )
			);
			this.inflight.add( req );
			req.end( buf );
		} );
	}
}
