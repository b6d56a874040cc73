/**
 * X-Hub-Signature computation (kiotviet-api.md §6.6). The real format is uncertain, so every
 * reconstructed variant is selectable. Default: `sha1=` + lowercase hex of HMAC-SHA256 keyed with the
 * registered Secret string as UTF-8 bytes, over the exact body bytes.
 */
import { createHmac } from 'node:crypto';

export type SignatureMode =
	| 'sha1-prefixed-hex-sha256'
	| 'hex'
	| 'sha256-prefixed-hex'
	| 'base64';
export type KeyMode = 'as-registered' | 'base64-decoded';

export const SIGNATURE_MODES: readonly SignatureMode[] = [
	'sha1-prefixed-hex-sha256',
	'hex',
	'sha256-prefixed-hex',
	'base64',
];
export const KEY_MODES: readonly KeyMode[] = [
	'as-registered',
	'base64-decoded',
];

/**
 * Accepted spellings for the default mode.
 * @param mode
 */
export function normalizeSignatureMode(
	mode: string
): SignatureMode | undefined {
	const m = mode.trim().toLowerCase();
	if ( m === 'sha1' || m === 'sha1-prefixed-hex' || m === 'default' ) {
		return 'sha1-prefixed-hex-sha256';
	}
	return ( SIGNATURE_MODES as readonly string[] ).includes( m )
		? ( m as SignatureMode )
		: undefined;
}

export function signatureKey( secret: string, keyMode: KeyMode ): Buffer {
	return keyMode === 'base64-decoded'
		? Buffer.from( secret, 'base64' )
		: Buffer.from( secret, 'utf8' );
}

export function signBody(
	body: string | Buffer,
	secret: string,
	mode: SignatureMode = 'sha1-prefixed-hex-sha256',
	keyMode: KeyMode = 'as-registered'
): string {
	const hmac = createHmac( 'sha256', signatureKey( secret, keyMode ) );
	hmac.update(
		typeof body === 'string' ? Buffer.from( body, 'utf8' ) : body
	);
	const digest = hmac.digest();
	switch ( mode ) {
		case 'hex':
			return digest.toString( 'hex' );
		case 'sha256-prefixed-hex':
			return `sha256=${ digest.toString( 'hex' ) }`;
		case 'base64':
			return digest.toString( 'base64' );
		case 'sha1-prefixed-hex-sha256':
		default:
			return `sha1=${ digest.toString( 'hex' ) }`;
	}
}
