/* eslint-disable no-bitwise -- hashing and PNG CRC need bit operations */
/** Product images served by the simulator itself: a small deterministic PNG per file name. */
import { deflateSync } from 'node:zlib';
import { hashSeed } from '../rng';
import type { Result } from './util';

const CRC_TABLE = ( () => {
	const t = new Uint32Array( 256 );
	for ( let n = 0; n < 256; n++ ) {
		let c = n;
		for ( let k = 0; k < 8; k++ ) {
			c = c & 1 ? 0xedb88320 ^ ( c >>> 1 ) : c >>> 1;
		}
		t[ n ] = c >>> 0;
	}
	return t;
} )();

function crc32( buf: Buffer ): number {
	let c = 0xffffffff;
	for ( const b of buf ) {
		c = ( CRC_TABLE[ ( c ^ b ) & 0xff ] ?? 0 ) ^ ( c >>> 8 );
	}
	return ( c ^ 0xffffffff ) >>> 0;
}

function chunk( type: string, data: Buffer ): Buffer {
	const len = Buffer.alloc( 4 );
	len.writeUInt32BE( data.length );
	const td = Buffer.concat( [ Buffer.from( type, 'ascii' ), data ] );
	const crc = Buffer.alloc( 4 );
	crc.writeUInt32BE( crc32( td ) );
	return Buffer.concat( [ len, td, crc ] );
}

const cache = new Map< string, Buffer >();

/**
 * A 96×96 PNG: a colour derived from the name with a lighter diagonal band.
 * @param name
 */
export function pngFor( name: string ): Buffer {
	const hit = cache.get( name );
	if ( hit ) {
		return hit;
	}
	const h = hashSeed( name );
	const r = 60 + ( h & 0x7f );
	const g = 60 + ( ( h >>> 8 ) & 0x7f );
	const b = 60 + ( ( h >>> 16 ) & 0x7f );
	const size = 96;
	const raw = Buffer.alloc( ( size * 3 + 1 ) * size );
	for ( let y = 0; y < size; y++ ) {
		const row = y * ( size * 3 + 1 );
		raw[ row ] = 0;
		for ( let x = 0; x < size; x++ ) {
			const band = Math.abs( x - y ) < 12 ? 60 : 0;
			const o = row + 1 + x * 3;
			raw[ o ] = Math.min( 255, r + band );
			raw[ o + 1 ] = Math.min( 255, g + band );
			raw[ o + 2 ] = Math.min( 255, b + band );
		}
	}
	const ihdr = Buffer.alloc( 13 );
	ihdr.writeUInt32BE( size, 0 );
	ihdr.writeUInt32BE( size, 4 );
	ihdr[ 8 ] = 8;
	ihdr[ 9 ] = 2;
	const png = Buffer.concat( [
		Buffer.from( [ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ] ),
		chunk( 'IHDR', ihdr ),
		chunk( 'IDAT', deflateSync( raw ) ),
		chunk( 'IEND', Buffer.alloc( 0 ) ),
	] );
	if ( cache.size < 1000 ) {
		cache.set( name, png );
	}
	return png;
}

export function imageRoute( name: string ): Result {
	if ( ! /^[\w.-]+\.(png|jpg|jpeg)$/i.test( name ) ) {
		return {
			status: 404,
			body: {
				responseStatus: {
					errorCode: 'NotFound',
					message: 'Không tìm thấy ảnh',
				},
			},
		};
	}
	return {
		status: 200,
		raw: pngFor( name ),
		contentType: 'image/png',
		headers: { 'Cache-Control': 'public, max-age=86400' },
	};
}
