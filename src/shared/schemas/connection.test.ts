import {
	branchesResponseSchema,
	connectInputSchema,
	connectionSchema,
	normalizeRetailer,
	selectBranchInputSchema,
} from './connection';
import {
	BRANCHES,
	NEEDS_BRANCH,
	NOT_CONNECTED,
	READY,
} from '../test-utils/fake-api';

describe( 'connectionSchema', () => {
	it.each( [
		[ 'not_connected', NOT_CONNECTED ],
		[ 'needs_branch', NEEDS_BRANCH ],
		[ 'ready', READY ],
	] )( 'accepts the documented %s payload', ( _state, payload ) => {
		expect( connectionSchema.parse( payload ) ).toEqual( payload );
	} );

	it( 'accepts the exact example of docs/architecture.md', () => {
		const example = {
			state: 'ready',
			retailer: 'demo',
			client_id: 'demo-client',
			client_secret_masked: '••••••••cret',
			branch: { id: 5001, name: 'Chi nhánh trung tâm' },
			connected_at: '2026-11-29T08:00:00+00:00',
			shop_url: 'https://demo.kiotviet.vn',
		};
		expect( connectionSchema.safeParse( example ).success ).toBe( true );
	} );

	it.each( [
		[ 'an unknown state', { ...READY, state: 'connected' } ],
		[
			'a camelCase key instead of snake_case',
			( () => {
				const { client_id: clientId, ...rest } = READY;
				return { ...rest, clientId };
			} )(),
		],
		[
			'a missing key',
			( () => {
				const { shop_url: _omit, ...rest } = READY;
				return rest;
			} )(),
		],
		[
			'a string branch id',
			{ ...READY, branch: { id: '5001', name: 'x' } },
		],
		[ 'a date without offset', { ...READY, connected_at: 'yesterday' } ],
		[
			'a secret sent in clear as an object',
			{ ...READY, client_secret_masked: 42 },
		],
	] )( 'rejects %s', ( _label, payload ) => {
		expect( connectionSchema.safeParse( payload ).success ).toBe( false );
	} );
} );

describe( 'branchesResponseSchema', () => {
	it( 'accepts a branch list', () => {
		expect(
			branchesResponseSchema.parse( { branches: BRANCHES } ).branches
		).toHaveLength( 2 );
	} );

	it( 'rejects a null address (PHP sends an empty string)', () => {
		expect(
			branchesResponseSchema.safeParse( {
				branches: [ { id: 1, name: 'A', code: 'CN', address: null } ],
			} ).success
		).toBe( false );
	} );

	it( 'rejects a bare array (drift from { branches: [] })', () => {
		expect( branchesResponseSchema.safeParse( BRANCHES ).success ).toBe(
			false
		);
	} );
} );

describe( 'normalizeRetailer', () => {
	it.each( [
		[ 'demo', 'demo' ],
		[ '  Demo ', 'demo' ],
		[ 'demo.kiotviet.vn', 'demo' ],
		[ 'https://demo.kiotviet.vn/man/#/DashBoard', 'demo' ],
		[ 'www.demo.kiotviet.vn', 'demo' ],
		[ 'http://user:pw@demo.kiotviet.vn:443/', 'demo' ],
		[ 'demo.kiotviet.vn.', 'demo' ],
	] )( '%s → %s', ( input, expected ) => {
		expect( normalizeRetailer( input ) ).toBe( expected );
	} );
} );

describe( 'connectInputSchema', () => {
	it( 'normalises the shop address and trims the ids', () => {
		expect(
			connectInputSchema.parse( {
				retailer: 'https://demo.kiotviet.vn',
				client_id: ' demo-client ',
				client_secret: 'secret',
			} )
		).toEqual( {
			retailer: 'demo',
			client_id: 'demo-client',
			client_secret: 'secret',
		} );
	} );

	it( 'reports every empty field', () => {
		const result = connectInputSchema.safeParse( {
			retailer: '',
			client_id: '',
			client_secret: '',
		} );
		expect( result.success ).toBe( false );
		const fields = result.error?.issues.map( ( issue ) => issue.path[ 0 ] );
		expect( fields ).toEqual( [
			'retailer',
			'client_id',
			'client_secret',
		] );
	} );

	it( 'allows the secret to be omitted', () => {
		expect(
			connectInputSchema.safeParse( {
				retailer: 'demo',
				client_id: 'demo-client',
			} ).success
		).toBe( true );
	} );

	it.each( [ 'my shop', 'my_shop', 'a'.repeat( 65 ) ] )(
		'rejects the shop address %s like PHP does',
		( retailer ) => {
			expect(
				connectInputSchema.safeParse( {
					retailer,
					client_id: 'x',
					client_secret: 'y',
				} ).success
			).toBe( false );
		}
	);

	it( 'rejects a shop address with spaces', () => {
		expect(
			connectInputSchema.safeParse( {
				retailer: 'my shop',
				client_id: 'x',
				client_secret: 'y',
			} ).success
		).toBe( false );
	} );
} );

describe( 'selectBranchInputSchema', () => {
	it( 'accepts a positive integer id', () => {
		expect( selectBranchInputSchema.parse( { branch_id: 5001 } ) ).toEqual(
			{
				branch_id: 5001,
			}
		);
	} );

	it.each( [ 0, -1, 1.5 ] )( 'rejects %s', ( branchId ) => {
		expect(
			selectBranchInputSchema.safeParse( { branch_id: branchId } ).success
		).toBe( false );
	} );
} );
