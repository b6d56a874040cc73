/**
 * Minimal gettext tools for the plugin's translations: PO parsing, POT writing, MO and Jed-JSON output.
 */

export interface Entry {
	context?: string;
	id: string;
	plural?: string;
	/** msgstr, or msgstr[0..n] for plurals. */
	strs: string[];
	/** "#:" references, e.g. "src/admin/app.tsx:12". */
	refs: string[];
	/** "#." translator comments. */
	comments: string[];
}

export const key = ( e: Pick< Entry, 'context' | 'id' > ): string =>
	e.context !== undefined ? `${ e.context }\u0004${ e.id }` : e.id;

function unquote( s: string ): string {
	return JSON.parse(
		s.replace( /\\'/g, "'" ).replace( /\t/g, '\\t' )
	) as string;
}

/**
 * Parses a PO file. Later duplicates of the same msgctxt+msgid fill in what earlier ones left empty.
 * @param text
 */
export function parsePo( text: string ): {
	header: string;
	entries: Map< string, Entry >;
} {
	const entries = new Map< string, Entry >();
	let header = '';
	const blocks = text.replace( /\r\n/g, '\n' ).split( /\n\s*\n/ );
	for ( const block of blocks ) {
		const e: Entry = { id: '', strs: [], refs: [], comments: [] };
		let field: string | null = null;
		let index = 0;
		let sawId = false;
		for ( const raw of block.split( '\n' ) ) {
			const line = raw.trim();
			if ( line === '' ) {
				continue;
			}
			if ( line.startsWith( '#:' ) ) {
				e.refs.push( ...line.slice( 2 ).trim().split( /\s+/ ) );
				continue;
			}
			if ( line.startsWith( '#.' ) ) {
				e.comments.push( line.slice( 2 ).trim() );
				continue;
			}
			if ( line.startsWith( '#' ) ) {
				continue;
			}
			const m =
				/^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$/.exec(
					line
				);
			if ( m ) {
				field = m[ 1 ]!.startsWith( 'msgstr' ) ? 'msgstr' : m[ 1 ]!;
				index = m[ 2 ] ? Number( m[ 2 ] ) : 0;
				const value = unquote( m[ 3 ]! );
				if ( field === 'msgctxt' ) {
					e.context = value;
				} else if ( field === 'msgid' ) {
					e.id = value;
					sawId = true;
				} else if ( field === 'msgid_plural' ) {
					e.plural = value;
				} else {
					e.strs[ index ] = value;
				}
				continue;
			}
			if ( line.startsWith( '"' ) && field ) {
				const value = unquote( line );
				if ( field === 'msgctxt' ) {
					e.context = ( e.context ?? '' ) + value;
				} else if ( field === 'msgid' ) {
					e.id += value;
				} else if ( field === 'msgid_plural' ) {
					e.plural = ( e.plural ?? '' ) + value;
				} else {
					e.strs[ index ] = ( e.strs[ index ] ?? '' ) + value;
				}
			}
		}
		if ( ! sawId ) {
			continue;
		}
		if ( e.id === '' && e.context === undefined ) {
			header = e.strs[ 0 ] ?? '';
			continue;
		}
		const k = key( e );
		const previous = entries.get( k );
		if (
			previous &&
			previous.strs.some( ( s ) => s ) &&
			! e.strs.some( ( s ) => s )
		) {
			continue;
		}
		entries.set( k, e );
	}
	return { header, entries };
}

function quote( s: string ): string {
	return JSON.stringify( s )
		.replace( /\u2028/g, '\\u2028' )
		.replace( /\u2029/g, '\\u2029' );
}

/**
 * Writes PO/POT text.
 * @param header
 * @param entries
 * @param template
 */
export function writePo(
	header: string,
	entries: Entry[],
	template = false
): string {
	const out: string[] = [ 'msgid ""', `msgstr ${ quote( header ) }`, '' ];
	for ( const e of entries ) {
		for ( const c of e.comments ) {
			out.push( `#. ${ c }` );
		}
		if ( e.refs.length ) {
			out.push( `#: ${ e.refs.join( ' ' ) }` );
		}
		if ( e.context !== undefined ) {
			out.push( `msgctxt ${ quote( e.context ) }` );
		}
		out.push( `msgid ${ quote( e.id ) }` );
		if ( e.plural !== undefined ) {
			out.push( `msgid_plural ${ quote( e.plural ) }` );
			out.push(
				`msgstr[0] ${ quote( template ? '' : e.strs[ 0 ] ?? '' ) }`
			);
		} else {
			out.push(
				`msgstr ${ quote( template ? '' : e.strs[ 0 ] ?? '' ) }`
			);
		}
		out.push( '' );
	}
	return out.join( '\n' );
}

/**
 * Binary MO file (little endian, no hash table).
 * @param header
 * @param entries
 */
export function writeMo( header: string, entries: Entry[] ): Buffer {
	const pairs: Array< [ string, string ] > = [ [ '', header ] ];
	for ( const e of entries ) {
		if ( ! e.strs.some( ( s ) => s ) ) {
			continue;
		}
		const id =
			( e.context !== undefined ? `${ e.context }\u0004` : '' ) +
			e.id +
			( e.plural !== undefined ? `\u0000${ e.plural }` : '' );
		pairs.push( [ id, e.strs.join( '\u0000' ) ] );
	}
	pairs.sort( ( a, b ) =>
		Buffer.compare( Buffer.from( a[ 0 ] ), Buffer.from( b[ 0 ] ) )
	);
	const n = pairs.length;
	const ids = pairs.map( ( p ) => Buffer.from( p[ 0 ], 'utf8' ) );
	const strs = pairs.map( ( p ) => Buffer.from( p[ 1 ], 'utf8' ) );
	const headerSize = 28;
	const origTable = headerSize;
	const transTable = origTable + n * 8;
	let offset = transTable + n * 8;
	const head = Buffer.alloc( offset );
	head.writeUInt32LE( 0x950412de, 0 );
	head.writeUInt32LE( 0, 4 );
	head.writeUInt32LE( n, 8 );
	head.writeUInt32LE( origTable, 12 );
	head.writeUInt32LE( transTable, 16 );
	head.writeUInt32LE( 0, 20 );
	head.writeUInt32LE( offset, 24 );
	const chunks: Buffer[] = [ head ];
	const place = ( list: Buffer[], table: number ): void => {
		list.forEach( ( b, i ) => {
			head.writeUInt32LE( b.length, table + i * 8 );
			head.writeUInt32LE( offset, table + i * 8 + 4 );
			chunks.push( b, Buffer.from( [ 0 ] ) );
			offset += b.length + 1;
		} );
	};
	place( ids, origTable );
	place( strs, transTable );
	return Buffer.concat( chunks );
}

/**
 * Jed 1.x JSON as WordPress's wp_set_script_translations() expects.
 * @param locale
 * @param pluralForms
 * @param entries
 */
export function writeJed(
	locale: string,
	pluralForms: string,
	entries: Entry[]
): string {
	const messages: Record< string, unknown > = {
		'': { domain: 'messages', lang: locale, 'plural-forms': pluralForms },
	};
	for ( const e of entries ) {
		if ( e.strs.some( ( s ) => s ) ) {
			messages[ key( e ) ] = e.strs;
		}
	}
	return JSON.stringify( { domain: 'messages', locale_data: { messages } } );
}
