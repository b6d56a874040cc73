/**
 * Contract fixtures (tests/fixtures/*.json) are canonical REST responses that
 * PHP controller output must equal; the zod schemas must parse them too.
 * Naming: connection*.json → the connection object, branches*.json → GET /branches.
 * Skipped while no such fixture exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { branchesResponseSchema, connectionSchema } from './connection';

const DIR = resolve( __dirname, '../../../tests/fixtures' );
const files = existsSync( DIR ) ? readdirSync( DIR ) : [];
const schemas = [
	{ prefix: 'connection', schema: connectionSchema },
	{ prefix: 'branches', schema: branchesResponseSchema },
];

for ( const { prefix, schema } of schemas ) {
	const matching = files.filter(
		( file ) => file.startsWith( prefix ) && file.endsWith( '.json' )
	);

	describe( `tests/fixtures/${ prefix }*.json`, () => {
		it.skipIf( matching.length === 0 )( 'parse with the zod schema', () => {
			for ( const file of matching ) {
				const payload: unknown = JSON.parse(
					readFileSync( join( DIR, file ), 'utf8' )
				);
				const result = schema.safeParse( payload );
				expect(
					result.success,
					`${ file }: ${ result.error?.message ?? '' }`
				).toBe( true );
			}
		} );
	} );
}
