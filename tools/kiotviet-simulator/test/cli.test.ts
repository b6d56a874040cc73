import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve( __dirname, '../../..' );
const tsx = path.join( root, 'node_modules/.bin/tsx' );
const cli = path.join( root, 'tools/kiotviet-simulator/src/cli.ts' );

function run(
	args: string[]
): Promise< { line: string; code: number | null; stderr: string } > {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( tsx, [ cli, ...args ], {
			cwd: root,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		let out = '';
		let err = '';
		const timer = setTimeout( () => {
			child.kill( 'SIGKILL' );
			reject( new Error( `cli did not start: ${ out } ${ err }` ) );
		}, 15000 );
		child.stdout.on( 'data', ( d: Buffer ) => {
			out += d.toString();
			if ( out.includes( '\n' ) ) {
				child.kill( 'SIGTERM' );
			}
		} );
		child.stderr.on( 'data', ( d: Buffer ) => ( err += d.toString() ) );
		child.on( 'exit', ( code ) => {
			clearTimeout( timer );
			resolve( {
				line: out.split( '\n' )[ 0 ] ?? '',
				code,
				stderr: err,
			} );
		} );
	} );
}

describe( 'cli', () => {
	it( 'prints exactly the ready line', async () => {
		const r = await run( [ '--seed', 'demo', '--port', '0' ] );
		expect( r.line ).toMatch(
			/^KiotViet simulator ready on http:\/\/127\.0\.0\.1:\d+$/
		);
	}, 20000 );

	it( 'refuses a non-loopback host', async () => {
		const r = await run( [
			'--seed',
			'demo',
			'--port',
			'0',
			'--host',
			'0.0.0.0',
		] );
		expect( r.code ).toBe( 2 );
		expect( r.stderr ).toContain( 'loopback' );
	}, 20000 );
} );
