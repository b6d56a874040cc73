/**
 * Fault injection per route (error rate, latency, timeout, commit-then-fail) and the GET rate limit
 * (sliding hour, default 5,000 GETs).
 */
import { Rng } from './rng';

export type FaultMode = 'commit-then-fail' | 'commit-then-timeout';

export interface FaultRule {
	method?: string;
	/** Path prefix (`/products`) or a regular expression when it starts with `^` or is written `/…/flags`. */
	path: string;
	/** Probability 0..1 of answering with `status` (default 1 when `status`, `timeout` or `mode` is set). */
	errorRate?: number;
	/** Status of injected errors (default 500). */
	status?: number;
	errorCode?: string;
	message?: string;
	latencyMs?: number;
	/** Hold the request without answering (the client times out). */
	timeout?: boolean;
	/** Apply to the next N matching requests only. */
	count?: number;
	mode?: FaultMode;
}

interface ActiveRule extends FaultRule {
	id: number;
	remaining?: number;
	matcher: ( path: string ) => boolean;
	hits: number;
}

export interface FaultDecision {
	latencyMs: number;
	/** Fail before handling. */
	error?: { status: number; errorCode: string; message: string };
	timeout?: boolean;
	/** Handle, then fail. */
	commit?: FaultMode;
	ruleIds: number[];
}

function makeMatcher( pattern: string ): ( path: string ) => boolean {
	if ( pattern.startsWith( '^' ) ) {
		const re = new RegExp( pattern, 'i' );
		return ( p ) => re.test( p );
	}
	const slashRe = /^\/(.+)\/([a-z]*)$/.exec( pattern );
	if ( slashRe && /[\\^$*+?()[\]{}|]/.test( slashRe[ 1 ] ?? '' ) ) {
		const re = new RegExp( slashRe[ 1 ] ?? '', slashRe[ 2 ] || 'i' );
		return ( p ) => re.test( p );
	}
	const prefix = pattern.toLowerCase();
	return ( p ) => p.toLowerCase().startsWith( prefix );
}

export class FaultEngine {
	private rules: ActiveRule[] = [];
	private nextId = 1;
	private rng: Rng;

	constructor( seed: string ) {
		this.rng = new Rng( `faults-${ seed }` );
	}

	add( rule: FaultRule ): number {
		if ( typeof rule.path !== 'string' || rule.path === '' ) {
			throw new Error( 'fault rule needs a path' );
		}
		const id = this.nextId++;
		this.rules.push( {
			...rule,
			method: rule.method?.toUpperCase(),
			id,
			remaining: rule.count,
			matcher: makeMatcher( rule.path ),
			hits: 0,
		} );
		return id;
	}

	clear(): void {
		this.rules = [];
	}

	list(): Omit< ActiveRule, 'matcher' >[] {
		return this.rules.map( ( { matcher: _m, ...r } ) => {
			void _m;
			return r;
		} );
	}

	/**
	 * Decides what happens to one request; consumes `count` budgets of matching rules.
	 * @param method
	 * @param path
	 */
	decide( method: string, path: string ): FaultDecision {
		const d: FaultDecision = { latencyMs: 0, ruleIds: [] };
		for ( const r of this.rules ) {
			if ( r.method && r.method !== method.toUpperCase() ) {
				continue;
			}
			if ( ! r.matcher( path ) ) {
				continue;
			}
			if ( r.remaining !== undefined && r.remaining <= 0 ) {
				continue;
			}
			const failing =
				r.status !== undefined ||
				r.timeout === true ||
				r.mode !== undefined ||
				r.errorRate !== undefined;
			let fires = true;
			if ( failing ) {
				const rate = r.errorRate ?? 1;
				fires = rate >= 1 ? true : this.rng.next() < rate;
			}
			if ( ! fires ) {
				continue;
			}
			if ( r.remaining !== undefined ) {
				r.remaining--;
			}
			r.hits++;
			d.ruleIds.push( r.id );
			d.latencyMs += r.latencyMs ?? 0;
			if ( r.mode ) {
				d.commit = d.commit ?? r.mode;
			} else if ( r.timeout ) {
				d.timeout = true;
			} else if ( failing && ! d.error ) {
				const status = r.status ?? 500;
				d.error = {
					status,
					errorCode: r.errorCode ?? defaultErrorCode( status ),
					message:
						r.message ??
						( status === 429
							? 'Vượt quá giới hạn số lượng request cho phép'
							: 'Lỗi hệ thống (giả lập)' ),
				};
			}
		}
		this.rules = this.rules.filter(
			( r ) => r.remaining === undefined || r.remaining > 0
		);
		return d;
	}
}

function defaultErrorCode( status: number ): string {
	if ( status === 429 ) {
		return 'RateLimitException';
	}
	return status >= 500 ? 'InternalServerError' : 'KvValidateException';
}

/** Sliding one-hour window of GET requests. */
export class RateLimiter {
	private hits: number[] = [];
	private start = 0;
	budgetPerHour: number;
	windowMs: number;

	constructor( budgetPerHour = 5000, windowMs = 3_600_000 ) {
		this.budgetPerHour = budgetPerHour;
		this.windowMs = windowMs;
	}

	private prune( now: number ): void {
		while (
			this.start < this.hits.length &&
			( this.hits[ this.start ] ?? 0 ) <= now - this.windowMs
		) {
			this.start++;
		}
		if ( this.start > 4096 && this.start * 2 > this.hits.length ) {
			this.hits = this.hits.slice( this.start );
			this.start = 0;
		}
	}

	used( now = Date.now() ): number {
		this.prune( now );
		return this.hits.length - this.start;
	}

	/**
	 * Returns undefined when allowed (and counts it), or the Retry-After seconds.
	 * @param now
	 */
	take( now = Date.now() ): number | undefined {
		this.prune( now );
		if ( this.hits.length - this.start >= this.budgetPerHour ) {
			const oldest = this.hits[ this.start ] ?? now;
			return Math.max(
				1,
				Math.ceil( ( oldest + this.windowMs - now ) / 1000 )
			);
		}
		this.hits.push( now );
		return undefined;
	}

	reset(): void {
		this.hits = [];
		this.start = 0;
	}
}
