/**
 * Helpers of the security tests: HTTP sessions with a cookie jar (log in through wp-login.php, REST nonce),
 * users per role, the connection, the local site's directory/logs and a command-line helper (wp-helper.php)
 * for what HTTP cannot show (the stored access token, a digest of the catalog state, driving jobs now).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, ROOT, SIM_URL, SITE_URL } from '../env';

export const NS = '/wp-json/kiotviet-sync/v1';
export const CLIENT_SECRET = 'demo-secret';

export interface Reply {
	status: number;
	text: string;
	json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	headers: Headers;
}

export interface RequestOptions {
	body?: unknown;
	raw?: string;
	headers?: Record< string, string >;
	nonce?: boolean | string;
}

/** One visitor: cookies, and the REST nonce once logged in. */
export class Session {
	private cookies = new Map< string, string >();
	private restNonce: string | null = null;

	public readonly label: string;

	constructor( label: string ) {
		this.label = label;
	}

	cookieHeader(): string {
		return [ ...this.cookies ]
			.map( ( [ k, v ] ) => `${ k }=${ v }` )
			.join( '; ' );
	}

	private remember( headers: Headers ): void {
		for ( const line of headers.getSetCookie() ) {
			const pair = line.split( ';' )[ 0 ] ?? '';
			const eq = pair.indexOf( '=' );
			const name = pair.slice( 0, eq ).trim();
			const value = pair.slice( eq + 1 ).trim();
			if ( value === '' || /deleted/.test( value ) ) {
				this.cookies.delete( name );
			} else {
				this.cookies.set( name, value );
			}
		}
	}

	async login( user: string, password: string ): Promise< void > {
		this.cookies.set( 'wordpress_test_cookie', 'WP%20Cookie%20check' );
		const res = await fetch( `${ SITE_URL }/wp-login.php`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Cookie: this.cookieHeader(),
			},
			body: new URLSearchParams( {
				log: user,
				pwd: password,
				testcookie: '1',
				'wp-submit': 'Log In',
				redirect_to: `${ SITE_URL }/wp-admin/`,
			} ).toString(),
		} );
		this.remember( res.headers );
		if (
			! [ ...this.cookies.keys() ].some( ( k ) =>
				k.startsWith( 'wordpress_logged_in_' )
			)
		) {
			throw new Error(
				`login of ${ user } failed (HTTP ${ res.status })`
			);
		}
		const nonce = await fetch(
			`${ SITE_URL }/wp-admin/admin-ajax.php?action=rest-nonce`,
			{ headers: { Cookie: this.cookieHeader() } }
		);
		const text = ( await nonce.text() ).trim();
		if ( ! /^[0-9a-f]{10}$/.test( text ) ) {
			throw new Error(
				`no REST nonce for ${ user }: ${ text.slice( 0, 80 ) }`
			);
		}
		this.restNonce = text;
	}

	nonce(): string {
		if ( ! this.restNonce ) {
			throw new Error( `${ this.label } has no nonce` );
		}
		return this.restNonce;
	}

	/**
	 * A request to the site. `nonce: true` sends the session's X-WP-Nonce, a string sends that value.
	 * @param method
	 * @param path
	 * @param opts
	 */
	async request(
		method: string,
		path: string,
		opts: RequestOptions = {}
	): Promise< Reply > {
		const headers: Record< string, string > = { ...( opts.headers ?? {} ) };
		if ( this.cookies.size > 0 ) {
			headers.Cookie = this.cookieHeader();
		}
		if ( opts.nonce === true ) {
			headers[ 'X-WP-Nonce' ] = this.nonce();
		} else if ( typeof opts.nonce === 'string' ) {
			headers[ 'X-WP-Nonce' ] = opts.nonce;
		}
		let body: string | undefined;
		if ( opts.raw !== undefined ) {
			body = opts.raw;
		} else if ( opts.body !== undefined ) {
			body = JSON.stringify( opts.body );
			headers[ 'Content-Type' ] ??= 'application/json';
		}
		const res = await fetch(
			path.startsWith( 'http' ) ? path : `${ SITE_URL }${ path }`,
			{ method, headers, body, redirect: 'manual' }
		);
		const text = await res.text();
		let json: unknown = null;
		try {
			json = JSON.parse( text );
		} catch {
			json = null;
		}
		return { status: res.status, text, json, headers: res.headers };
	}

	/**
	 * JSON from a request that must succeed.
	 * @param method
	 * @param path
	 * @param body
	 */
	async ok( method: string, path: string, body?: unknown ): Promise< any > {
		// eslint-disable-line @typescript-eslint/no-explicit-any
		const r = await this.request( method, path, { body, nonce: true } );
		if ( r.status < 200 || r.status > 299 ) {
			throw new Error(
				`${ method } ${ path } → ${ r.status }: ${ r.text.slice(
					0,
					300
				) }`
			);
		}
		return r.json;
	}
}

export async function adminSession(): Promise< Session > {
	const s = new Session( 'administrator' );
	await s.login( ADMIN.user, ADMIN.password );
	return s;
}

export interface TestUser {
	id: number;
	login: string;
	password: string;
	role: string;
}

/**
 * Creates a user with one role through the core REST API (as admin).
 * @param admin
 * @param role
 */
export async function createUser(
	admin: Session,
	role: string
): Promise< TestUser > {
	const suffix = Math.random().toString( 36 ).slice( 2, 8 );
	const login = `kvs_sec_${ role }_${ suffix }`;
	const password = `Pw-${ suffix }-${ Date.now() }!`;
	const created = await admin.ok( 'POST', '/wp-json/wp/v2/users', {
		username: login,
		password,
		email: `${ login }@example.test`,
		roles: [ role ],
	} );
	return { id: created.id, login, password, role };
}

export async function deleteUser(
	admin: Session,
	user: TestUser
): Promise< void > {
	await admin.request(
		'DELETE',
		`/wp-json/wp/v2/users/${ user.id }?force=true&reassign=1`,
		{ nonce: true }
	);
}

export async function sim(
	method: string,
	path: string,
	body?: unknown
): Promise< any > {
	// eslint-disable-line @typescript-eslint/no-explicit-any
	let res: Response | null = null;
	for ( let attempt = 1; res === null; attempt++ ) {
		try {
			res = await fetch( `${ SIM_URL }${ path }`, {
				method,
				headers: { 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify( body ),
			} );
		} catch ( e ) {
			// A kept-alive socket the simulator closed after 5 s idle (while a PHP helper ran) is reused by
			// fetch and fails with "other side closed" before the request is read: send it on a new one.
			if ( attempt >= 3 ) {
				throw e;
			}
			await new Promise( ( r ) => setTimeout( r, 200 ) );
		}
	}
	const text = await res.text();
	if ( ! res.ok ) {
		throw new Error(
			`simulator ${ method } ${ path } → ${ res.status }: ${ text.slice(
				0,
				300
			) }`
		);
	}
	return text === '' ? null : JSON.parse( text );
}

/**
 * Connects to the simulator shop and picks the first branch (as admin).
 * @param admin
 */
export async function connect( admin: Session ): Promise< void > {
	await admin.ok( 'POST', `${ NS }/connection`, {
		retailer: 'demo',
		client_id: 'demo-client',
		client_secret: CLIENT_SECRET,
	} );
	await admin.ok( 'PUT', `${ NS }/connection/branch`, { branch_id: 5001 } );
}

export async function disconnect( admin: Session ): Promise< void > {
	await admin.request( 'DELETE', `${ NS }/connection`, { nonce: true } );
}

/** The local site behind SITE_URL: its directory and name (logs are .stack/logs/<name>-*.log). */
export function localSite(): { dir: string; name: string } {
	const sites = join( ROOT, '.stack', 'sites' );
	const found: string[] = [];
	for ( const name of existsSync( sites ) ? readdirSync( sites ) : [] ) {
		const config = join( sites, name, 'wp-config.php' );
		if (
			existsSync( config ) &&
			readFileSync( config, 'utf8' ).includes(
				`'WP_HOME', '${ SITE_URL }'`
			)
		) {
			found.push( name );
		}
	}
	// Several site directories may name the same address; the one whose web server runs is the one.
	const serving = found.find( ( name ) => {
		const pid = join( ROOT, '.stack', 'run', `wp-${ name }.pid` );
		if ( ! existsSync( pid ) ) {
			return false;
		}
		const cmd = `/proc/${ readFileSync( pid, 'utf8' ).trim() }/cmdline`;
		return (
			existsSync( cmd ) &&
			readFileSync( cmd, 'utf8' ).includes( join( sites, name ) )
		);
	} );
	const name = serving ?? found[ 0 ];
	if ( ! name ) {
		throw new Error( `no local site serves ${ SITE_URL }` );
	}
	return { dir: join( sites, name ), name };
}

/**
 * Runs tests/e2e/security/wp-helper.php against the local site.
 * @param          command
 * @param {...any} args
 */
export function wpHelper( command: string, ...args: string[] ): any {
	// eslint-disable-line @typescript-eslint/no-explicit-any
	const out = execFileSync(
		'php',
		[
			join( __dirname, 'wp-helper.php' ),
			localSite().dir,
			command,
			...args,
		],
		{ encoding: 'utf8', timeout: 120_000 }
	);
	return JSON.parse( out.slice( out.indexOf( '{' ) ) );
}

/** The PHP/debug logs of the local site (and the WooCommerce logs of its uploads). */
export function logFiles(): string[] {
	const { dir, name } = localSite();
	const logs = join( ROOT, '.stack', 'logs' );
	const files = [ 'php', 'debug', 'server' ]
		.map( ( k ) => join( logs, `${ name }-${ k }.log` ) )
		.filter( ( f ) => existsSync( f ) );
	const wc = join( dir, 'wp-content', 'uploads', 'wc-logs' );
	if ( existsSync( wc ) ) {
		for ( const f of readdirSync( wc ) ) {
			files.push( join( wc, f ) );
		}
	}
	return files;
}

/** Sizes of the PHP warning logs now, to read what a test appends. */
export function warningLogMark(): Map< string, number > {
	const { name } = localSite();
	const mark = new Map< string, number >();
	for ( const k of [ 'php', 'debug' ] ) {
		const f = join( ROOT, '.stack', 'logs', `${ name }-${ k }.log` );
		mark.set( f, existsSync( f ) ? statSync( f ).size : 0 );
	}
	return mark;
}

/**
 * WooCommerce 8.9.1's own notice on WordPress ≥ 6.7: its constructor asks FeaturesUtil (Marketplace) for a
 * feature, whose definitions are translated before `init` — on every load, with or without this plugin active
 * (checked by loading the real-WooCommerce site with the plugin filtered out). Not ours, so not counted.
 */
const WOOCOMMERCE_OWN_NOTICE =
	/_load_textdomain_just_in_time was called.*<code>woocommerce<\/code> domain/;

/**
 * PHP notices/warnings/errors appended since the mark.
 * @param mark
 */
export function warningsSince( mark: Map< string, number > ): string[] {
	const found: string[] = [];
	for ( const [ f, size ] of mark ) {
		if ( ! existsSync( f ) ) {
			continue;
		}
		const text = readFileSync( f ).subarray( size ).toString( 'utf8' );
		for ( const line of text.split( '\n' ) ) {
			if (
				/PHP (Warning|Notice|Fatal|Deprecated|Parse)|Uncaught|Stack trace/i.test(
					line
				) &&
				! WOOCOMMERCE_OWN_NOTICE.test( line )
			) {
				found.push( line );
			}
		}
	}
	return found;
}
