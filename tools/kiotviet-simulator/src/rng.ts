/* eslint-disable no-bitwise -- hashing and PNG CRC need bit operations */
/**
 * Deterministic PRNG (mulberry32) seeded from a string.
 * @param seed
 */
export function hashSeed( seed: string ): number {
	let h = 2166136261 >>> 0;
	for ( let i = 0; i < seed.length; i++ ) {
		h ^= seed.charCodeAt( i );
		h = Math.imul( h, 16777619 ) >>> 0;
	}
	return h >>> 0;
}

export class Rng {
	private s: number;

	constructor( seed: string | number ) {
		this.s = typeof seed === 'number' ? seed >>> 0 : hashSeed( seed );
	}

	/** Float in [0, 1). */
	next(): number {
		this.s = ( this.s + 0x6d2b79f5 ) >>> 0;
		let t = this.s;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	}

	/**
	 * Integer in [min, max].
	 * @param min
	 * @param max
	 */
	int( min: number, max: number ): number {
		return min + Math.floor( this.next() * ( max - min + 1 ) );
	}

	pick< T >( items: readonly T[] ): T {
		const v = items[ Math.floor( this.next() * items.length ) ];
		if ( v === undefined ) {
			throw new Error( 'pick from empty list' );
		}
		return v;
	}

	chance( p: number ): boolean {
		return this.next() < p;
	}
}
