/**
 * Wire formatting helpers: KiotViet dates (7 fractional digits, Vietnam local time),
 * null omission, case-insensitive key access and PascalCase conversion.
 */

const VN_OFFSET_MS = 7 * 3600 * 1000;

function pad( n: number, width: number ): string {
	return String( n ).padStart( width, '0' );
}

/**
 * Vietnam wall-clock time with 7 fractional digits and no offset: `2025-06-10T14:03:11.5570000`.
 * @param ms
 */
export function kvDate( ms: number ): string {
	const d = new Date( ms + VN_OFFSET_MS );
	return (
		`${ pad( d.getUTCFullYear(), 4 ) }-${ pad(
			d.getUTCMonth() + 1,
			2
		) }-${ pad( d.getUTCDate(), 2 ) }` +
		`T${ pad( d.getUTCHours(), 2 ) }:${ pad(
			d.getUTCMinutes(),
			2
		) }:${ pad( d.getUTCSeconds(), 2 ) }` +
		`.${ pad( d.getUTCMilliseconds(), 3 ) }0000`
	);
}

/**
 * Same as kvDate with the `+07:00` offset (list timestamps, webhook dates).
 * @param ms
 */
export function kvDateOffset( ms: number ): string {
	return `${ kvDate( ms ) }+07:00`;
}

const DATE_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses an ISO-like date. Without an offset the value is Vietnam local time (+07:00).
 * Accepts a date only, 0–7+ fractional digits, `Z` or `±hh:mm`. Returns undefined when invalid.
 * @param value
 */
export function parseKvDate(
	value: string | undefined | null
): number | undefined {
	if ( value === undefined || value === null ) {
		return undefined;
	}
	// An unencoded `+07:00` in a query string arrives as ` 07:00`.
	const text = String( value )
		.trim()
		.replace( /(\d) (\d{2}:?\d{2})$/, '$1+$2' );
	const m = DATE_RE.exec( text );
	if ( ! m ) {
		return undefined;
	}
	const [ , y, mo, d, h, mi, s, frac, off ] = m;
	const fracMs = frac ? Number( ( frac + '000' ).slice( 0, 3 ) ) : 0;
	let ms = Date.UTC(
		Number( y ),
		Number( mo ) - 1,
		Number( d ),
		Number( h ?? 0 ),
		Number( mi ?? 0 ),
		Number( s ?? 0 ),
		fracMs
	);
	if ( Number.isNaN( ms ) ) {
		return undefined;
	}
	if ( ! off ) {
		ms -= VN_OFFSET_MS;
	} else if ( off.toUpperCase() !== 'Z' ) {
		const sign = off.startsWith( '-' ) ? -1 : 1;
		const hhmm = off.slice( 1 ).replace( ':', '' );
		const oh = Number( hhmm.slice( 0, 2 ) );
		const om = Number( hhmm.slice( 2, 4 ) || '0' );
		ms -= sign * ( oh * 60 + om ) * 60000;
	}
	return ms;
}

/**
 * Deep copy without null/undefined object properties (ServiceStack omits nulls). Array items are kept.
 * @param value
 */
export function omitNulls< T >( value: T ): T {
	if ( Array.isArray( value ) ) {
		return value.map( ( v ) => omitNulls( v ) ) as unknown as T;
	}
	if ( value !== null && typeof value === 'object' ) {
		const out: Record< string, unknown > = {};
		for ( const [ k, v ] of Object.entries(
			value as Record< string, unknown >
		) ) {
			if ( v === null || v === undefined ) {
				continue;
			}
			out[ k ] = omitNulls( v );
		}
		return out as T;
	}
	return value;
}

/**
 * Deep copy with every object key lower-cased (request binding is case-insensitive).
 * @param value
 */
export function lowerKeys( value: unknown ): unknown {
	if ( Array.isArray( value ) ) {
		return value.map( lowerKeys );
	}
	if ( value !== null && typeof value === 'object' ) {
		const out: Record< string, unknown > = {};
		for ( const [ k, v ] of Object.entries(
			value as Record< string, unknown >
		) ) {
			out[ k.toLowerCase() ] = lowerKeys( v );
		}
		return out;
	}
	return value;
}

export type Json =
	| null
	| boolean
	| number
	| string
	| Json[]
	| { [ key: string ]: Json };
export type Bag = Record< string, unknown >;

export function asBag( v: unknown ): Bag | undefined {
	return v !== null && typeof v === 'object' && ! Array.isArray( v )
		? ( v as Bag )
		: undefined;
}

export function asArray( v: unknown ): unknown[] {
	if ( Array.isArray( v ) ) {
		return v;
	}
	const bag = asBag( v );
	if ( bag ) {
		// PHP-style form arrays arrive as {"0": {...}, "1": {...}}.
		const keys = Object.keys( bag );
		if ( keys.length > 0 && keys.every( ( k ) => /^\d+$/.test( k ) ) ) {
			return keys
				.sort( ( a, b ) => Number( a ) - Number( b ) )
				.map( ( k ) => bag[ k ] );
		}
	}
	return [];
}

export function toNum( v: unknown ): number | undefined {
	if ( typeof v === 'number' ) {
		return Number.isFinite( v ) ? v : undefined;
	}
	if ( typeof v === 'string' && v.trim() !== '' ) {
		const n = Number( v.trim() );
		return Number.isFinite( n ) ? n : undefined;
	}
	return undefined;
}

export function toBool( v: unknown ): boolean | undefined {
	if ( typeof v === 'boolean' ) {
		return v;
	}
	if ( typeof v === 'number' ) {
		return v !== 0;
	}
	if ( typeof v === 'string' ) {
		const s = v.trim().toLowerCase();
		if ( s === 'true' || s === '1' ) {
			return true;
		}
		if ( s === 'false' || s === '0' || s === '' ) {
			return false;
		}
	}
	return undefined;
}

export function toStr( v: unknown ): string | undefined {
	if ( typeof v === 'string' ) {
		return v;
	}
	if ( typeof v === 'number' || typeof v === 'boolean' ) {
		return String( v );
	}
	return undefined;
}

/**
 * Strips everything but digits (phone matching).
 * @param s
 */
export function digits( s: string | undefined ): string {
	return ( s ?? '' ).replace( /\D+/g, '' );
}
