import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	startSimulator,
	type RunningSimulator,
	type SimulatorOptions,
} from '../src/server';

export interface Resp< T = any > {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

export class Client {
	token = '';
	retailer = 'demo';

	base: string;

	constructor( base: string ) {
		this.base = base;
	}

	async raw(
		method: string,
		path: string,
		opts: {
			body?: unknown;
			form?: Record< string, string >;
			headers?: Record< string, string >;
			auth?: boolean;
			signal?: AbortSignal;
		} = {}
	): Promise< Resp > {
		const headers: Record< string, string > = { ...( opts.headers ?? {} ) };
		if ( opts.auth !== false ) {
			headers.Authorization ??= `Bearer ${ this.token }`;
			headers.Retailer ??= this.retailer;
		}
		let body: string | undefined;
		if ( opts.form ) {
			headers[ 'Content-Type' ] = 'application/x-www-form-urlencoded';
			body = new URLSearchParams( opts.form ).toString();
		} else if ( opts.body !== undefined ) {
			headers[ 'Content-Type' ] = 'application/json';
			body = JSON.stringify( opts.body );
		}
		const res = await fetch( this.base + path, {
			method,
			headers,
			body,
			signal: opts.signal,
		} );
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse( text );
		} catch {
			// not JSON
		}
		return { status: res.status, headers: res.headers, body: parsed, text };
	}

	async login(): Promise< string > {
		const r = await this.raw( 'POST', '/connect/token', {
			auth: false,
			form: {
				scopes: 'PublicApi.Access',
				grant_type: 'client_credentials',
				client_id: 'demo-client',
				client_secret: 'demo-secret',
			},
		} );
		if ( r.status !== 200 ) {
			throw new Error( `login failed ${ r.status } ${ r.text }` );
		}
		this.token = r.body.access_token;
		return this.token;
	}

	get( path: string ): Promise< Resp > {
		return this.raw( 'GET', path );
	}

	post( path: string, body?: unknown ): Promise< Resp > {
		return this.raw( 'POST', path, { body } );
	}

	put( path: string, body?: unknown ): Promise< Resp > {
		return this.raw( 'PUT', path, { body } );
	}

	del( path: string ): Promise< Resp > {
		return this.raw( 'DELETE', path );
	}

	/**
	 * Control API (no auth).
	 * @param method
	 * @param path
	 * @param body
	 */
	sim( method: string, path: string, body?: unknown ): Promise< Resp > {
		return this.raw( method, `/__sim${ path }`, { body, auth: false } );
	}
}

export async function boot(
	opts: SimulatorOptions = {}
): Promise< { sim: RunningSimulator; c: Client } > {
	const sim = await startSimulator( { port: 0, ...opts } );
	const c = new Client( sim.url );
	await c.login();
	return { sim, c };
}

export interface Received {
	headers: http.IncomingHttpHeaders;
	body: string;
	json: any;
}

/** A loopback webhook receiver whose answer can be scripted per request. */
export class Receiver {
	received: Received[] = [];
	/** Status codes to answer with, in order; then `defaultStatus`. 'hang' never answers. */
	script: ( number | 'hang' )[] = [];
	defaultStatus = 200;
	private server = http.createServer( ( req, res ) => {
		const chunks: Buffer[] = [];
		req.on( 'data', ( c: Buffer ) => chunks.push( c ) );
		req.on( 'end', () => {
			const body = Buffer.concat( chunks ).toString( 'utf8' );
			let json: unknown;
			try {
				json = JSON.parse( body );
			} catch {
				json = undefined;
			}
			this.received.push( { headers: req.headers, body, json } );
			const next = this.script.shift() ?? this.defaultStatus;
			if ( next === 'hang' ) {
				return;
			}
			res.writeHead( next, { 'Content-Type': 'application/json' } );
			res.end( '{"code":0}' );
		} );
	} );
	url = '';

	async start(): Promise< string > {
		await new Promise< void >( ( r ) =>
			this.server.listen( 0, '127.0.0.1', () => r() )
		);
		this.url = `http://127.0.0.1:${
			( this.server.address() as AddressInfo ).port
		}/hook`;
		return this.url;
	}

	async close(): Promise< void > {
		this.server.closeAllConnections();
		await new Promise< void >( ( r ) => this.server.close( () => r() ) );
	}

	actions(): string[] {
		return this.received.map(
			( r ) =>
				r.json?.Notifications?.[ 0 ]?.Action ??
				( r.json?.RemoveId ? 'RemoveId' : '?' )
		);
	}
}

export async function waitFor(
	fn: () => boolean | Promise< boolean >,
	timeoutMs = 3000
): Promise< void > {
	const until = Date.now() + timeoutMs;
	while ( Date.now() < until ) {
		if ( await fn() ) {
			return;
		}
		await new Promise( ( r ) => setTimeout( r, 10 ) );
	}
	throw new Error( 'waitFor timed out' );
}
