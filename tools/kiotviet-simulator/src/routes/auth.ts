/** OAuth client-credentials token endpoint and the per-call Bearer + Retailer check. */
import { createHmac, randomUUID } from 'node:crypto';
import type { Sim } from '../server';
import { ApiError } from '../state';
import { toStr } from '../format';
import type { Ctx, Result } from './util';

export interface IssuedToken {
	exp: number;
	retailerCode: string;
	clientId: string;
}

function b64url( s: string | Buffer ): string {
	return Buffer.from( s ).toString( 'base64url' );
}

export function issueToken( sim: Sim ): { token: string; expiresIn: number } {
	const now = Math.floor( Date.now() / 1000 );
	const expiresIn = sim.config.tokenTtlSeconds;
	const header = b64url( JSON.stringify( { alg: 'HS256', typ: 'JWT' } ) );
	const payload = b64url(
		JSON.stringify( {
			iss: 'https://id.kiotviet.vn',
			nbf: now,
			exp: now + expiresIn,
			client_id: sim.credentials.clientId,
			scope: [ 'PublicApi.Access' ],
			client_RetailerCode: sim.state.retailerCode,
			client_RetailerId: String( sim.state.retailerId ),
			client_UserId: '20001',
			jti: randomUUID(),
		} )
	);
	const sig = createHmac( 'sha256', 'kiotviet-simulator' )
		.update( `${ header }.${ payload }` )
		.digest( 'base64url' );
	const token = `${ header }.${ payload }.${ sig }`;
	sim.tokens.set( token, {
		exp: Date.now() + expiresIn * 1000,
		retailerCode: sim.state.retailerCode,
		clientId: sim.credentials.clientId,
	} );
	return { token, expiresIn };
}

export function tokenRoute( ctx: Ctx ): Result {
	const b = ctx.body;
	let clientId = toStr( b.client_id );
	let clientSecret = toStr( b.client_secret );
	const basic = /^Basic\s+(.+)$/i.exec( ctx.headers.authorization ?? '' );
	if ( basic?.[ 1 ] && clientId === undefined ) {
		const [ id, secret ] = Buffer.from( basic[ 1 ], 'base64' )
			.toString( 'utf8' )
			.split( ':' );
		clientId = id;
		clientSecret = secret;
	}
	const grant = toStr( b.grant_type );
	if ( grant !== 'client_credentials' ) {
		return { status: 400, body: { error: 'unsupported_grant_type' } };
	}
	const scope = toStr( b.scopes ) ?? toStr( b.scope );
	if (
		scope !== undefined &&
		scope !== '' &&
		! scope.split( /\s+/ ).includes( 'PublicApi.Access' )
	) {
		return { status: 400, body: { error: 'invalid_scope' } };
	}
	const creds = ctx.sim.credentials;
	if ( clientId !== creds.clientId || clientSecret !== creds.clientSecret ) {
		return { status: 400, body: { error: 'invalid_client' } };
	}
	const { token, expiresIn } = issueToken( ctx.sim );
	return {
		status: 200,
		body: {
			access_token: token,
			expires_in: expiresIn,
			token_type: 'Bearer',
		},
	};
}

/**
 * Throws the KiotViet error for a missing/expired token or a wrong Retailer header.
 * @param ctx
 */
export function checkAuth( ctx: Ctx ): void {
	const sim = ctx.sim;
	const m = /^Bearer\s+(\S+)\s*$/i.exec( ctx.headers.authorization ?? '' );
	const tok = m?.[ 1 ] ? sim.tokens.get( m[ 1 ] ) : undefined;
	if ( ! tok || tok.exp <= Date.now() ) {
		throw new ApiError(
			401,
			'TokenException',
			'Token không hợp lệ hoặc đã hết hạn'
		);
	}
	const raw = ctx.headers.retailer;
	const retailer = ( Array.isArray( raw ) ? raw[ 0 ] : raw ) ?? '';
	const expected = sim.state.retailerCode.toLowerCase();
	if (
		retailer.trim().toLowerCase() !== expected ||
		tok.retailerCode.toLowerCase() !== expected
	) {
		const status = sim.config.retailerErrorStatus;
		throw new ApiError(
			status,
			status === 401 ? 'TokenException' : 'RetailerException',
			retailer
				? `Retailer ${ retailer } không hợp lệ`
				: 'Thiếu thông tin Retailer'
		);
	}
}
