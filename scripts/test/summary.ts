/**
 * Sums every JUnit report in artifacts/junit and prints the closing line `N passed, N failed[, N skipped]`.
 * Exit code 1 when anything failed or when no test ran at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Totals {
	passed: number;
	failed: number;
	skipped: number;
	failures: string[];
}

/**
 * Counts test cases in one JUnit XML document.
 * @param xml
 * @param source
 */
export function countJunit( xml: string, source = '' ): Totals {
	const totals: Totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
	const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
	let match: RegExpExecArray | null;
	while ( ( match = re.exec( xml ) ) !== null ) {
		const attrs = match[ 1 ] ?? '';
		const body = match[ 3 ] ?? '';
		const name = /\bname="([^"]*)"/.exec( attrs )?.[ 1 ] ?? '?';
		const cls = /\bclass(?:name)?="([^"]*)"/.exec( attrs )?.[ 1 ] ?? '';
		if ( /<(failure|error)\b/.test( body ) ) {
			totals.failed++;
			totals.failures.push(
				`${ source }: ${ cls ? cls + ' › ' : '' }${ name }`
			);
		} else if ( /<skipped\b/.test( body ) ) {
			totals.skipped++;
		} else {
			totals.passed++;
		}
	}
	return totals;
}

function main(): void {
	const dir = process.argv[ 2 ] ?? 'artifacts/junit';
	const all: Totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
	let files: string[] = [];
	try {
		files = readdirSync( dir )
			.filter( ( f ) => f.endsWith( '.xml' ) )
			.sort();
	} catch {
		files = [];
	}
	for ( const file of files ) {
		const t = countJunit( readFileSync( join( dir, file ), 'utf8' ), file );
		console.log(
			`  ${ file.padEnd( 34 ) } ${ t.passed } passed, ${
				t.failed
			} failed, ${ t.skipped } skipped`
		);
		all.passed += t.passed;
		all.failed += t.failed;
		all.skipped += t.skipped;
		all.failures.push( ...t.failures );
	}
	if ( all.failures.length ) {
		console.log( '\nFailed:' );
		for ( const f of all.failures ) {
			console.log( `  - ${ f }` );
		}
	}
	console.log(
		`\n${ all.passed } passed, ${ all.failed } failed, ${ all.skipped } skipped`
	);
	process.exitCode = all.failed > 0 || all.passed === 0 ? 1 : 0;
}

if ( process.argv[ 1 ] && /summary\.ts$/.test( process.argv[ 1 ] ) ) {
	main();
}
