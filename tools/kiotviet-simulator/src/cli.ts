/**
 * `npm run sim -- --seed demo --port 5401` (also `--seed bench --items 10000`).
 * Prints exactly `KiotViet simulator ready on http://127.0.0.1:<port>` once listening.
 */
import { startSimulator, isLoopbackHost, type SeedName } from './server';

function parseArgs( argv: string[] ): Record< string, string > {
	const out: Record< string, string > = {};
	for ( let i = 0; i < argv.length; i++ ) {
		const a = argv[ i ] ?? '';
		if ( ! a.startsWith( '--' ) ) {
			continue;
		}
		const eq = a.indexOf( '=' );
		if ( eq > 0 ) {
			out[ a.slice( 2, eq ) ] = a.slice( eq + 1 );
			continue;
		}
		const next = argv[ i + 1 ];
		if ( next !== undefined && ! next.startsWith( '--' ) ) {
			out[ a.slice( 2 ) ] = next;
			i++;
		} else {
			out[ a.slice( 2 ) ] = 'true';
		}
	}
	return out;
}

function fail( msg: string ): never {
	process.stderr.write( `kiotviet-simulator: ${ msg }\n` );
	process.exit( 2 );
}

async function main(): Promise< void > {
	const args = parseArgs( process.argv.slice( 2 ) );
	if ( args.help ) {
		process.stdout.write(
			'Usage: npm run sim -- [--seed demo|bench] [--items N] [--port N] [--host 127.0.0.1]\n' +
				'                      [--retailer demo] [--client-id demo-client] [--client-secret demo-secret]\n' +
				'                      [--verbose]  (log every KiotViet request to stderr)\n'
		);
		return;
	}
	const seed = ( args.seed ?? 'demo' ) as SeedName;
	if ( seed !== 'demo' && seed !== 'bench' ) {
		fail( `unknown seed ${ String( seed ) } (demo or bench)` );
	}
	const items = args.items !== undefined ? Number( args.items ) : undefined;
	if ( items !== undefined && ! ( Number.isInteger( items ) && items > 0 ) ) {
		fail( `--items must be a positive integer` );
	}
	const port = args.port !== undefined ? Number( args.port ) : 5401;
	if ( ! Number.isInteger( port ) || port < 0 || port > 65535 ) {
		fail( `--port must be 0..65535` );
	}
	const host = args.host ?? '127.0.0.1';
	if ( ! isLoopbackHost( host ) ) {
		fail( `--host must be a loopback address (got ${ host })` );
	}
	const sim = await startSimulator( {
		seed,
		items,
		port,
		host,
		retailer: args.retailer,
		clientId: args[ 'client-id' ],
		clientSecret: args[ 'client-secret' ],
		verbose: args.verbose === 'true',
	} );
	process.stdout.write( `KiotViet simulator ready on ${ sim.url }\n` );
	const stop = (): void => {
		void sim.close().then( () => process.exit( 0 ) );
		setTimeout( () => process.exit( 0 ), 2000 ).unref();
	};
	process.on( 'SIGINT', stop );
	process.on( 'SIGTERM', stop );
}

main().catch( ( e: unknown ) => fail( ( e as Error ).message ) );
