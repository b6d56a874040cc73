/**
 * Builds the plugin's translations from source:
 * - extracts every translatable string of domain `kiotviet-sync` from PHP (includes/, *.php) and TS (src/),
 * - writes languages/kiotviet-sync.pot,
 * - compiles languages/kiotviet-sync-vi.po into .mo (PHP) and the Jed JSON of the admin script handle.
 * `--check` also fails when a source string has no Vietnamese translation.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Entry, key, parsePo, writeJed, writeMo, writePo } from './po';

const ROOT = resolve( __dirname, '../..' );
const DOMAIN = 'kiotviet-sync';
const SCRIPT_HANDLE = 'kiotviet-sync-admin';
const LANG = join( ROOT, 'languages' );

const STR = String.raw`'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"`;
const FUNCS: Record<
	string,
	Array< 'id' | 'plural' | 'ctx' | 'n' | 'domain' >
> = {
	__: [ 'id', 'domain' ],
	_e: [ 'id', 'domain' ],
	esc_html__: [ 'id', 'domain' ],
	esc_html_e: [ 'id', 'domain' ],
	esc_attr__: [ 'id', 'domain' ],
	esc_attr_e: [ 'id', 'domain' ],
	_x: [ 'id', 'ctx', 'domain' ],
	_ex: [ 'id', 'ctx', 'domain' ],
	esc_html_x: [ 'id', 'ctx', 'domain' ],
	esc_attr_x: [ 'id', 'ctx', 'domain' ],
	_n: [ 'id', 'plural', 'n', 'domain' ],
	_nx: [ 'id', 'plural', 'n', 'ctx', 'domain' ],
	_n_noop: [ 'id', 'plural', 'domain' ],
};

function unescape( raw: string, quoteChar: string ): string {
	if ( quoteChar === "'" ) {
		return raw.replace( /\\(['\\])/g, '$1' );
	}
	return raw.replace(
		/\\(["\\'nrt])/g,
		( _m, c: string ) =>
			( ( { n: '\n', r: '\r', t: '\t' } ) as Record< string, string > )[
				c
			] ?? c
	);
}

/**
 * Finds translatable calls in one file's text.
 * @param text
 * @param file
 * @param isTs
 */
export function extract( text: string, file: string, isTs: boolean ): Entry[] {
	const found: Entry[] = [];
	const call = new RegExp(
		String.raw`\b(${ Object.keys( FUNCS ).join( '|' ) })\s*\(`,
		'g'
	);
	let m: RegExpExecArray | null;
	while ( ( m = call.exec( text ) ) !== null ) {
		const fn = m[ 1 ]!;
		const spec = FUNCS[ fn ]!;
		let pos = call.lastIndex;
		const args: Array< string | null > = [];
		for ( let i = 0; i < spec.length; i++ ) {
			const rest = text.slice( pos );
			const lit = new RegExp(
				String.raw`^\s*(?:${ STR })\s*(,|\))`
			).exec( rest );
			if ( spec[ i ] === 'n' ) {
				// Skip an arbitrary expression up to the next top-level comma.
				let depth = 0;
				let j = 0;
				for ( ; j < rest.length; j++ ) {
					const ch = rest[ j ];
					if ( ch === '(' || ch === '[' ) {
						depth++;
					} else if ( ch === ')' || ch === ']' ) {
						depth--;
					} else if ( ch === ',' && depth === 0 ) {
						break;
					}
				}
				args.push( null );
				pos += j + 1;
				continue;
			}
			if ( ! lit ) {
				break;
			}
			const single = lit[ 1 ];
			args.push(
				single !== undefined
					? unescape( single, "'" )
					: unescape( lit[ 2 ] ?? '', '"' )
			);
			pos += lit[ 0 ].length;
			if ( lit[ 3 ] === ')' ) {
				break;
			}
		}
		const get = ( what: string ): string | null | undefined =>
			args[ spec.indexOf( what as never ) ];
		if ( get( 'domain' ) !== DOMAIN || typeof get( 'id' ) !== 'string' ) {
			continue;
		}
		const line = text.slice( 0, m.index ).split( '\n' ).length;
		// A translators: comment on the lines just above the call.
		const before = text.slice( Math.max( 0, m.index - 300 ), m.index );
		const comment = /(?:\/\/|\/\*)\s*translators:\s*([^\n*]*)/i.exec(
			before
		);
		found.push( {
			id: get( 'id' )!,
			plural:
				typeof get( 'plural' ) === 'string'
					? get( 'plural' )!
					: undefined,
			context:
				typeof get( 'ctx' ) === 'string' ? get( 'ctx' )! : undefined,
			strs: [],
			refs: [ `${ file }:${ line }` ],
			comments: comment
				? [ `translators: ${ comment[ 1 ]!.trim() }` ]
				: [],
		} );
		void isTs;
	}
	return found;
}

function sourceFiles(): string[] {
	const out = execFileSync(
		'git',
		[
			'ls-files',
			'-co',
			'--exclude-standard',
			'--',
			'kiotviet-sync.php',
			'uninstall.php',
			'includes',
			'src',
		],
		{ cwd: ROOT, encoding: 'utf8' }
	);
	return out
		.split( '\n' )
		.filter(
			( f ) =>
				/\.(php|tsx?)$/.test( f ) &&
				! /\.test\.tsx?$/.test( f ) &&
				! f.includes( 'test-utils' )
		)
		.filter( ( f ) => existsSync( join( ROOT, f ) ) );
}

function main(): void {
	const check = process.argv.includes( '--check' );
	const pot = new Map< string, Entry >();
	const jsKeys = new Set< string >();
	for ( const file of sourceFiles() ) {
		const isTs = /\.tsx?$/.test( file );
		for ( const e of extract(
			readFileSync( join( ROOT, file ), 'utf8' ),
			file,
			isTs
		) ) {
			const k = key( e );
			if ( isTs ) {
				jsKeys.add( k );
			}
			const prev = pot.get( k );
			if ( prev ) {
				prev.refs.push( ...e.refs );
				prev.comments = [
					...new Set( [ ...prev.comments, ...e.comments ] ),
				];
			} else {
				pot.set( k, e );
			}
		}
	}
	const sorted = [ ...pot.values() ].sort( ( a, b ) =>
		a.refs[ 0 ]! < b.refs[ 0 ]! ? -1 : 1
	);
	const potHeader = [
		'Project-Id-Version: KiotViet Sync',
		'MIME-Version: 1.0',
		'Content-Type: text/plain; charset=UTF-8',
		'Content-Transfer-Encoding: 8bit',
		'X-Domain: kiotviet-sync',
		'',
	].join( '\n' );
	writeFileSync(
		join( LANG, `${ DOMAIN }.pot` ),
		writePo( potHeader, sorted, true )
	);

	const poPath = join( LANG, `${ DOMAIN }-vi.po` );
	const po = existsSync( poPath )
		? parsePo( readFileSync( poPath, 'utf8' ) )
		: { header: '', entries: new Map< string, Entry >() };
	const header =
		po.header ||
		'Project-Id-Version: KiotViet Sync\nLanguage: vi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\nPlural-Forms: nplurals=1; plural=0;\n';
	const missing: string[] = [];
	const merged: Entry[] = sorted.map( ( e ) => {
		const t = po.entries.get( key( e ) );
		if ( ! t || ! t.strs.some( ( s ) => s ) ) {
			missing.push( e.id );
		}
		return { ...e, strs: t ? t.strs : [] };
	} );
	// `--update-po` rewrites the PO tidily: one entry per source string, in source order, fresh references.
	if ( process.argv.includes( '--update-po' ) ) {
		writeFileSync( poPath, writePo( header, merged ) );
	}
	writeFileSync(
		join( LANG, `${ DOMAIN }-vi.mo` ),
		writeMo( header, merged )
	);
	const plural =
		/Plural-Forms:\s*([^\n]*)/.exec( header )?.[ 1 ] ??
		'nplurals=1; plural=0;';
	writeFileSync(
		join( LANG, `${ DOMAIN }-vi-${ SCRIPT_HANDLE }.json` ),
		writeJed(
			'vi',
			plural,
			merged.filter( ( e ) => jsKeys.has( key( e ) ) )
		)
	);
	console.log(
		`i18n: ${ merged.length } strings, ${
			merged.length - missing.length
		} translated to vi`
	);
	if ( missing.length ) {
		console.log(
			`untranslated (${ missing.length }):\n  ${ missing.join( '\n  ' ) }`
		);
		if ( check ) {
			process.exitCode = 1;
		}
	}
}

main();
