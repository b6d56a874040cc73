/**
 * The simulator's HTTP server: KiotViet token endpoint + Public API at the root, product images
 * under /images/, and the control API under /__sim/.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { State, ApiError } from './state';
import { demoSeed } from './seeds/demo';
import { benchSeed } from './seeds/bench';
import { FaultEngine, RateLimiter } from './faults';
import { WebhookDispatcher } from './webhooks';
import { lowerKeys, omitNulls, asBag, type Bag } from './format';
import {
	errorBody,
	matchRoute,
	parseForm,
	Query,
	statusOf,
	type Ctx,
	type Result,
	type Route,
} from './routes/util';
import { checkAuth, tokenRoute, type IssuedToken } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { salesRoutes } from './routes/sales';
import { webhookRoutes } from './routes/webhooks';
import { controlRoutes } from './routes/control';
import { imageRoute } from './routes/images';
import { DEFAULT_CONFIG, type SimConfig } from './config';

export type SeedName = 'demo' | 'bench';

export interface SimulatorOptions {
	seed?: SeedName;
	items?: number;
	port?: number;
	host?: string;
	retailer?: string;
	clientId?: string;
	clientSecret?: string;
	/** Token lifetime (default 86400 s). */
	tokenTtlSeconds?: number;
	/** Log requests to stdout. */
	verbose?: boolean;
}

export { DEFAULT_CONFIG, type SimConfig } from './config';

export interface RequestRecord {
	seq: number;
	at: string;
	kind: 'api' | 'token' | 'image';
	method: string;
	path: string;
	route: string;
	query: Record< string, string | string[] >;
	status: number | 'timeout';
	durationMs: number;
	faults?: number[];
}

export interface Sim {
	state: State;
	seedName: SeedName;
	items: number;
	config: SimConfig;
	credentials: { retailer: string; clientId: string; clientSecret: string };
	tokens: Map< string, IssuedToken >;
	faults: FaultEngine;
	limiter: RateLimiter;
	webhooks: WebhookDispatcher;
	requests: RequestRecord[];
	controlRequests: number;
	baseUrl: string;
	reset: ( seed?: SeedName, items?: number ) => void;
}

export interface RunningSimulator {
	url: string;
	port: number;
	host: string;
	sim: Sim;
	readonly state: State;
	close: () => Promise< void >;
}

export function buildState(
	seed: SeedName,
	items: number,
	retailer: string
): State {
	return new State(
		seed === 'bench' ? benchSeed( items, retailer ) : demoSeed( retailer )
	);
}

const API_ROUTES: Route[] = [
	...catalogRoutes,
	...salesRoutes,
	...webhookRoutes,
];

export function isLoopbackHost( host: string ): boolean {
	const h = host.replace( /^\[|\]$/g, '' ).toLowerCase();
	return (
		h === 'localhost' ||
		h === '::1' ||
		/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test( h )
	);
}

function normalizeRoute( path: string ): string {
	const segs = path.split( '/' );
	return segs
		.map( ( s, i ) => {
			if (
				i > 0 &&
				segs[ i - 1 ]?.toLowerCase() === 'code' &&
				s !== ''
			) {
				return '{code}';
			}
			return /^\d+$/.test( s ) ? '{id}' : s;
		} )
		.join( '/' );
}

function readBody( req: http.IncomingMessage ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		const chunks: Buffer[] = [];
		req.on( 'data', ( c: Buffer ) => chunks.push( c ) );
		req.on( 'end', () =>
			resolve( Buffer.concat( chunks ).toString( 'utf8' ) )
		);
		req.on( 'error', reject );
	} );
}

function parseBody( raw: string, contentType: string ): Bag {
	if ( raw.trim() === '' ) {
		return {};
	}
	const ct = contentType.toLowerCase();
	if ( ct.includes( 'application/x-www-form-urlencoded' ) ) {
		return parseForm( raw );
	}
	try {
		const v: unknown = JSON.parse( raw );
		return asBag( v ) ?? { _: v };
	} catch ( e ) {
		if ( ! ct.includes( 'json' ) && raw.includes( '=' ) ) {
			return parseForm( raw );
		}
		throw new ApiError(
			400,
			'SerializationException',
			`Dữ liệu gửi lên không hợp lệ: ${ ( e as Error ).message }`
		);
	}
}

const sleep = ( ms: number ): Promise< void > =>
	new Promise( ( r ) => setTimeout( r, ms ) );

export async function startSimulator(
	opts: SimulatorOptions = {}
): Promise< RunningSimulator > {
	const host = opts.host ?? '127.0.0.1';
	if ( ! isLoopbackHost( host ) ) {
		throw new Error( `refusing to listen on non-loopback host ${ host }` );
	}
	const seedName: SeedName = opts.seed ?? 'demo';
	const items = opts.items ?? 10000;
	const credentials = {
		retailer: opts.retailer ?? 'demo',
		clientId: opts.clientId ?? 'demo-client',
		clientSecret: opts.clientSecret ?? 'demo-secret',
	};
	const baseConfig: SimConfig = {
		...DEFAULT_CONFIG,
		tokenTtlSeconds: opts.tokenTtlSeconds ?? DEFAULT_CONFIG.tokenTtlSeconds,
	};

	let state = buildState( seedName, items, credentials.retailer );
	const held = new Set< {
		res: http.ServerResponse;
		timer: NodeJS.Timeout;
	} >();

	const sim: Sim = {
		state,
		seedName,
		items,
		config: { ...baseConfig },
		credentials,
		tokens: new Map(),
		faults: new FaultEngine( seedName ),
		limiter: new RateLimiter( 5000 ),
		webhooks: undefined as unknown as WebhookDispatcher,
		requests: [],
		controlRequests: 0,
		baseUrl: '',
		reset( seed?: SeedName, n?: number ) {
			this.seedName = seed ?? this.seedName;
			this.items = n ?? this.items;
			state = buildState(
				this.seedName,
				this.items,
				credentials.retailer
			);
			this.state = state;
			wire();
			this.requests = [];
			this.controlRequests = 0;
			this.faults = new FaultEngine( this.seedName );
			this.limiter = new RateLimiter( 5000 );
			this.webhooks.reset();
			this.config = { ...baseConfig };
			for ( const h of held ) {
				clearTimeout( h.timer );
				h.res.destroy();
			}
			held.clear();
		},
	};
	sim.webhooks = new WebhookDispatcher( () => sim.state, seedName );
	const wire = (): void => {
		state.baseUrl = sim.baseUrl;
		state.webhookImagesAsObjects = () =>
			sim.webhooks.config.imagesAsObjects;
		state.emit = ( type, data ) => sim.webhooks.emit( type, data );
	};
	wire();

	let seq = 0;

	const send = ( res: http.ServerResponse, r: Result ): void => {
		const status = r.status ?? 200;
		if ( r.raw ) {
			res.writeHead( status, {
				'Content-Type': r.contentType ?? 'application/octet-stream',
				'Content-Length': String( r.raw.length ),
				...r.headers,
			} );
			res.end( r.raw );
			return;
		}
		const text = JSON.stringify( omitNulls( r.body ?? {} ) );
		const buf = Buffer.from( text, 'utf8' );
		res.writeHead( status, {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Length': String( buf.length ),
			...r.headers,
		} );
		res.end( buf );
	};

	const hold = ( res: http.ServerResponse ): void => {
		const entry = {
			res,
			timer: setTimeout( () => {
				held.delete( entry );
				res.destroy();
			}, sim.config.timeoutHoldMs ),
		};
		held.add( entry );
		res.on( 'close', () => {
			clearTimeout( entry.timer );
			held.delete( entry );
		} );
	};

	const errorResult = ( e: unknown ): Result => {
		if ( e instanceof ApiError ) {
			return {
				status: statusOf( sim, e ),
				body: errorBody( e.errorCode, e.message, e.errors ),
			};
		}
		// eslint-disable-next-line no-console
		console.error( '[kiotviet-simulator] internal error', e );
		return {
			status: 500,
			body: errorBody(
				'InternalServerError',
				( e as Error )?.message ?? 'Lỗi hệ thống'
			),
		};
	};

	const handle = async (
		req: http.IncomingMessage,
		res: http.ServerResponse
	): Promise< void > => {
		// eslint-disable-next-line @wordpress/no-unused-vars-before-return -- request start time, used for the log
		const started = Date.now();
		const method = ( req.method ?? 'GET' ).toUpperCase();
		const url = new URL( req.url ?? '/', 'http://localhost' );
		const path = url.pathname.replace( /\/{2,}/g, '/' );
		const query = new Query( url.searchParams );
		const raw = await readBody( req );
		const lower = path.toLowerCase();

		// Control API: never faulted, never counted against the GET budget.
		if ( lower === '/__sim' || lower.startsWith( '/__sim/' ) ) {
			sim.controlRequests++;
			let result: Result;
			try {
				const body = parseBody(
					raw,
					String(
						req.headers[ 'content-type' ] ?? 'application/json'
					)
				);
				const m = matchRoute( controlRoutes, method, path );
				if ( ! m ) {
					result = {
						status: 404,
						body: {
							error: `unknown control route ${ method } ${ path }`,
						},
					};
				} else if ( 'allowed' in m ) {
					result = {
						status: 405,
						body: {
							error: `method not allowed; use ${ m.allowed.join(
								', '
							) }`,
						},
					};
				} else {
					result = await m.route.handler( {
						sim,
						method,
						path,
						params: m.params,
						query,
						body,
						rawBody: raw,
						headers: req.headers,
					} );
				}
			} catch ( e ) {
				result =
					e instanceof ApiError
						? errorResult( e )
						: {
								status: 400,
								body: { error: ( e as Error ).message },
						  };
			}
			send( res, result );
			return;
		}

		let kind: RequestRecord[ 'kind' ] = 'api';
		if ( lower === '/connect/token' ) {
			kind = 'token';
		} else if ( lower.startsWith( '/images/' ) ) {
			kind = 'image';
		}
		const record: RequestRecord = {
			seq: ++seq,
			at: new Date( started ).toISOString(),
			kind,
			method,
			path,
			route: `${ method } ${ normalizeRoute( path ) }`,
			query: query.raw,
			status: 0,
			durationMs: 0,
		};
		sim.requests.push( record );
		const finish = ( r: Result | 'timeout' ): void => {
			record.durationMs = Date.now() - started;
			if ( r === 'timeout' ) {
				record.status = 'timeout';
				hold( res );
				return;
			}
			record.status = r.status ?? 200;
			send( res, r );
			if ( opts.verbose ) {
				process.stderr.write(
					`${ method } ${ path }${ url.search } → ${ record.status } (${ record.durationMs } ms)\n`
				);
			}
		};

		if ( kind === 'image' ) {
			finish(
				method === 'GET' || method === 'HEAD'
					? imageRoute( path.slice( '/images/'.length ) )
					: { status: 405, body: {} }
			);
			return;
		}

		// GET budget (sliding hour) — KiotViet API GETs only.
		if ( kind === 'api' && method === 'GET' ) {
			const retryAfter = sim.limiter.take( started );
			if ( retryAfter !== undefined ) {
				finish( {
					status: 429,
					headers: { 'Retry-After': String( retryAfter ) },
					body: errorBody(
						'RateLimitException',
						`Vượt quá giới hạn ${ sim.limiter.budgetPerHour } request GET mỗi giờ. Vui lòng thử lại sau ${ retryAfter } giây.`
					),
				} );
				return;
			}
		}

		const decision = sim.faults.decide( method, path );
		if ( decision.ruleIds.length ) {
			record.faults = decision.ruleIds;
		}
		if ( decision.latencyMs > 0 ) {
			await sleep( decision.latencyMs );
		}
		if ( decision.timeout ) {
			finish( 'timeout' );
			return;
		}
		if ( decision.error ) {
			finish( {
				status: decision.error.status,
				body: errorBody(
					decision.error.errorCode,
					decision.error.message
				),
				headers:
					decision.error.status === 429
						? { 'Retry-After': '60' }
						: undefined,
			} );
			return;
		}

		let result: Result;
		try {
			const body = parseBody(
				raw,
				String( req.headers[ 'content-type' ] ?? '' )
			);
			const ctx: Ctx = {
				sim,
				method,
				path,
				params: [],
				query,
				body: lowerKeys( body ) as Bag,
				rawBody: raw,
				headers: req.headers,
			};
			if ( kind === 'token' ) {
				if ( method !== 'POST' ) {
					result = {
						status: 405,
						body: { error: 'invalid_request' },
					};
				} else {
					result = tokenRoute( ctx );
				}
			} else {
				const m = matchRoute( API_ROUTES, method, path );
				if ( ! m ) {
					result = {
						status: 404,
						body: errorBody(
							'NotFoundException',
							`Handler for Request not found: ${ method } ${ path }`
						),
					};
				} else if ( 'allowed' in m ) {
					result = {
						status: 405,
						body: errorBody(
							'NotImplementedException',
							`Could not find method named ${ method } for ${ path }`
						),
					};
				} else {
					ctx.params = m.params;
					checkAuth( ctx );
					result = await m.route.handler( ctx );
				}
			}
		} catch ( e ) {
			result = errorResult( e );
		}

		if ( decision.commit === 'commit-then-fail' ) {
			finish( {
				status: 500,
				body: errorBody(
					'InternalServerError',
					'Lỗi hệ thống (giả lập: đã ghi nhận nhưng trả lỗi)'
				),
			} );
			return;
		}
		if ( decision.commit === 'commit-then-timeout' ) {
			finish( 'timeout' );
			return;
		}
		finish( result );
	};

	const server = http.createServer( ( req, res ) => {
		handle( req, res ).catch( ( e: unknown ) => {
			// eslint-disable-next-line no-console
			console.error( '[kiotviet-simulator] unhandled', e );
			if ( ! res.headersSent ) {
				send( res, {
					status: 500,
					body: errorBody( 'InternalServerError', String( e ) ),
				} );
			}
		} );
	} );
	server.keepAliveTimeout = 5000;

	await new Promise< void >( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( opts.port ?? 0, host, () => {
			server.off( 'error', reject );
			resolve();
		} );
	} );
	const port = ( server.address() as AddressInfo ).port;
	const urlHost = host.includes( ':' ) ? `[${ host }]` : host;
	sim.baseUrl = `http://${ urlHost }:${ port }`;
	wire();

	return {
		url: sim.baseUrl,
		port,
		host,
		sim,
		get state() {
			return sim.state;
		},
		close: () =>
			new Promise< void >( ( resolve ) => {
				sim.webhooks.close();
				for ( const h of held ) {
					clearTimeout( h.timer );
					h.res.destroy();
				}
				held.clear();
				server.close( () => resolve() );
				server.closeAllConnections();
			} ),
	};
}
