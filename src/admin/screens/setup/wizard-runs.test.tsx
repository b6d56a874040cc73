import { act, configure, screen, within } from '@testing-library/react';

import type { SyncStatus } from '../../../shared/schemas/sync';
import {
	FETCHED,
	IMPORTED,
	importRun,
	makeRun,
	NEVER_FETCHED,
} from '../../../shared/test-utils/fake-catalog-api';
import { currentStep, renderSetup, setUrlStep, VISIBLE } from './test-helpers';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
vi.setConfig( { testTimeout: 60_000 } );
configure( { asyncUtilTimeout: 8000 } );

beforeEach( () => setUrlStep( null ) );
afterEach( () => {
	vi.useRealTimers();
} );

const FETCHING: SyncStatus = { ...NEVER_FETCHED, run: makeRun() };
const IMPORTING: SyncStatus = {
	...FETCHED,
	catalog: { ...FETCHED.catalog, selected: 16 },
	run: importRun(),
};

function statusCalls( api: ReturnType< typeof renderSetup >[ 'api' ] ) {
	return api.calls.filter( ( call ) => call.path.endsWith( '/sync/status' ) )
		.length;
}

describe( 'setup wizard: opening step for the sync state', () => {
	it.each( [
		[
			'never fetched',
			NEVER_FETCHED,
			null,
			'Getting data from KiotViet',
			'Get data',
		],
		[
			'fetch running',
			FETCHING,
			'products',
			'Getting data from KiotViet',
			'Get data',
		],
		[ 'fetched, never imported', FETCHED, null, 'Products', 'Products' ],
		[ 'fetched, step in the URL', FETCHED, 'orders', 'Orders', 'Orders' ],
		[ 'import running', IMPORTING, 'config', 'Syncing products', 'Sync' ],
		[ 'imported', IMPORTED, null, 'Configuration', '' ],
		[
			'imported, step in the URL',
			IMPORTED,
			'price-books',
			'Price books',
			'Price books',
		],
		[
			'imported, unknown step in the URL',
			IMPORTED,
			'nope',
			'Configuration',
			'',
		],
	] as const )( '%s', async ( _name, status, urlStep, heading, step ) => {
		setUrlStep( urlStep );
		renderSetup( status );
		expect(
			await screen.findByRole( 'heading', { name: heading } )
		).toBeInTheDocument();
		expect( currentStep() ).toContain( step );
	} );
} );

describe( 'setup wizard: getting data', () => {
	it( 'starts the fetch and shows its phases', async () => {
		const { api, user } = renderSetup( NEVER_FETCHED );
		await user.click(
			await screen.findByRole( 'button', {
				name: 'Get data from KiotViet',
			} )
		);
		expect( api.calls ).toContainEqual( {
			method: 'POST',
			path: '/kiotviet-sync/v1/sync/fetch',
			data: undefined,
		} );
		const bar = await screen.findByRole( 'progressbar', {
			name: 'Getting data from KiotViet',
		} );
		expect( bar ).toHaveAttribute( 'aria-valuenow', '35' );
		const run = bar.parentElement as HTMLElement;
		expect(
			within( run )
				.getAllByRole( 'listitem' )
				.map( ( item ) => item.textContent )
		).toEqual( [
			'Categories4 / 4 (done)',
			'Products50 / 120 (in progress)',
			'Brancheswaiting',
			'Price bookswaiting',
		] );
		expect(
			screen.getByText(
				'You can close this page: the sync continues in the background.'
			)
		).toBeInTheDocument();
	} );

	it( 'polls the status while the fetch runs, then moves to Products and stops polling', async () => {
		vi.useFakeTimers( { shouldAdvanceTime: true } );
		const { api } = renderSetup( FETCHING );
		const bar = await screen.findByRole( 'progressbar', {
			name: 'Getting data from KiotViet',
		} );
		expect( bar ).toHaveAttribute( 'aria-valuenow', '35' );
		const first = statusCalls( api );

		api.status = {
			...FETCHING,
			run: makeRun( {
				phases: [
					{ name: 'categories', state: 'done', done: 4, total: 4 },
					{ name: 'products', state: 'done', done: 120, total: 120 },
					{ name: 'branches', state: 'running', done: 1, total: 2 },
					{
						name: 'price_books',
						state: 'pending',
						done: 0,
						total: 0,
					},
				],
				phase: 'branches',
			} ),
		};
		await act( () => vi.advanceTimersByTimeAsync( 1600 ) );
		expect( statusCalls( api ) ).toBeGreaterThan( first );
		expect(
			screen.getByRole( 'progressbar', {
				name: 'Getting data from KiotViet',
			} )
		).toHaveAttribute( 'aria-valuenow', '62' );

		api.status = FETCHED;
		await act( () => vi.advanceTimersByTimeAsync( 1600 ) );
		expect(
			await screen.findByRole( 'heading', { name: 'Products' } )
		).toBeInTheDocument();
		expect(
			await screen.findByText(
				'The data from KiotViet is ready.',
				VISIBLE
			)
		).toBeInTheDocument();
		expect( window.location.search ).toContain( 'step=products' );

		const settled = statusCalls( api );
		await act( () => vi.advanceTimersByTimeAsync( 6000 ) );
		expect( statusCalls( api ) ).toBe( settled );
	} );

	it( 'pauses, resumes and cancels the run', async () => {
		const { api, user } = renderSetup( FETCHING );
		await user.click(
			await screen.findByRole( 'button', { name: 'Pause' } )
		);
		expect(
			await screen.findByRole( 'button', { name: 'Resume' } )
		).toBeInTheDocument();
		expect( screen.getByText( /^Paused/ ) ).toBeInTheDocument();
		expect( api.calls ).toContainEqual( {
			method: 'POST',
			path: '/kiotviet-sync/v1/sync/runs/12/pause',
			data: undefined,
		} );

		await user.click( screen.getByRole( 'button', { name: 'Resume' } ) );
		expect(
			await screen.findByRole( 'button', { name: 'Pause' } )
		).toBeInTheDocument();
		expect( api.calls ).toContainEqual( {
			method: 'POST',
			path: '/kiotviet-sync/v1/sync/runs/12/resume',
			data: undefined,
		} );

		await user.click( screen.getByRole( 'button', { name: 'Cancel' } ) );
		expect(
			await screen.findByText(
				'Getting data from KiotViet was cancelled.',
				VISIBLE
			)
		).toBeInTheDocument();
		expect( api.calls ).toContainEqual( {
			method: 'POST',
			path: '/kiotviet-sync/v1/sync/runs/12/cancel',
			data: undefined,
		} );
		expect(
			screen.getByRole( 'button', { name: 'Get data again' } )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'progressbar' ) ).not.toBeInTheDocument();
	} );
} );

describe( 'setup wizard: import', () => {
	it( 'shows the result with the counts and a link to the synced products', async () => {
		vi.useFakeTimers( { shouldAdvanceTime: true } );
		const { api } = renderSetup( IMPORTING );
		expect(
			await screen.findByRole( 'heading', { name: 'Syncing products' } )
		).toBeInTheDocument();
		api.status = IMPORTED;
		await act( () => vi.advanceTimersByTimeAsync( 1600 ) );
		const heading = await screen.findByRole( 'heading', {
			name: 'Products synced successfully',
		} );
		expect( heading ).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: 'View synced products' } )
		).toHaveAttribute( 'href', 'admin.php?page=kiotviet-sync-products' );
		const summary = heading.closest( '.kvs-card' ) as HTMLElement;
		expect(
			within( summary ).getByText( 'Created' ).nextSibling
		).toHaveTextContent( '12' );
		expect(
			within( summary ).getByText( 'Updated' ).nextSibling
		).toHaveTextContent( '3' );
	} );

	it( 'opens each step from the configuration summary', async () => {
		setUrlStep( null );
		const { user } = renderSetup( IMPORTED );
		const nav = await screen.findByRole( 'navigation', {
			name: 'Setup steps to review',
		} );
		await user.click(
			within( nav ).getByRole( 'button', { name: 'Price books' } )
		);
		expect(
			await screen.findByRole( 'heading', { name: 'Price books' } )
		).toHaveFocus();
		expect( window.location.search ).toContain( 'step=price-books' );
	} );
} );
