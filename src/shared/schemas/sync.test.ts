import {
	FETCHED,
	IMPORTED,
	importRun,
	makeRun,
	NEVER_FETCHED,
} from '../test-utils/fake-catalog-api';
import { isRunActive, syncStatusSchema } from './sync';

describe( 'syncStatusSchema', () => {
	it.each( [
		[ 'never fetched', NEVER_FETCHED ],
		[ 'fetched', FETCHED ],
		[ 'imported', IMPORTED ],
		[ 'running import', { ...FETCHED, run: importRun() } ],
	] )( 'parses %s', ( _name, status ) => {
		expect( syncStatusSchema.parse( status ) ).toEqual( status );
	} );

	it( 'refuses an unknown run state or phase', () => {
		expect(
			syncStatusSchema.safeParse( {
				...FETCHED,
				run: { ...makeRun(), state: 'sleeping' },
			} ).success
		).toBe( false );
		expect(
			syncStatusSchema.safeParse( {
				...FETCHED,
				run: { ...makeRun(), phase: 'customers' },
			} ).success
		).toBe( false );
	} );

	it( 'refuses a date without offset and negative counts', () => {
		expect(
			syncStatusSchema.safeParse( {
				...FETCHED,
				last_fetch_at: '2026-11-29 08:00:00',
			} ).success
		).toBe( false );
		expect(
			syncStatusSchema.safeParse( {
				...FETCHED,
				catalog: { products: -1, categories: 0, selected: 0 },
			} ).success
		).toBe( false );
	} );
} );

describe( 'isRunActive', () => {
	it.each( [
		[ 'queued', true ],
		[ 'running', true ],
		[ 'paused', true ],
		[ 'done', false ],
		[ 'failed', false ],
		[ 'cancelled', false ],
	] as const )( '%s → %s', ( state, expected ) => {
		expect( isRunActive( makeRun( { state } ) ) ).toBe( expected );
	} );

	it( 'is false without a run', () => {
		expect( isRunActive( null ) ).toBe( false );
	} );
} );
