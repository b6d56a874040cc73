import { screen, waitFor, within } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';

import App from '../../App';
import type { HistoryItem, HistoryPage } from '../../../shared/schemas/history';
import {
	wpError,
	type FetchOptions,
} from '../../../shared/test-utils/fake-api';
import { renderWithProviders } from '../../../shared/test-utils/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

vi.setConfig( { testTimeout: 20_000 } );

const apiFetchMock = vi.mocked( apiFetch );

function item( id: number, overrides: Partial< HistoryItem > = {} ) {
	return {
		id,
		created_at: '2026-11-29T15:04:05+07:00',
		channel: 'import',
		action: 'create',
		result: 'ok',
		message: `Entry ${ id }`,
		object_type: null,
		object_id: null,
		kiotviet_id: null,
		edit_url: null,
		...overrides,
	};
}

function page( query: URLSearchParams ): HistoryPage {
	const current = Number( query.get( 'page' ) ?? '1' );
	return {
		items: [
			item( 100 - current, {
				object_type: 'product',
				object_id: 42,
				edit_url:
					'http://shop.test/wp-admin/post.php?post=42&action=edit',
				message: '<img src=x onerror=alert(1)> Áo thun',
			} ),
			item( 90, { result: 'error', channel: 'order', kiotviet_id: 777 } ),
		],
		total: 120,
		page: current,
		per_page: 50,
		total_pages: 3,
	};
}

function renderHistory() {
	const paths: string[] = [];
	apiFetchMock.mockReset();
	apiFetchMock.mockImplementation( async ( raw ) => {
		const options = raw as FetchOptions & { parse?: boolean };
		const path = options.path ?? '';
		paths.push( path );
		const [ route = '', query = '' ] = path.split( '?' );
		if ( route.endsWith( '/history' ) ) {
			return page( new URLSearchParams( query ) );
		}
		if ( route.endsWith( '/webhooks/inbox' ) ) {
			return {
				items: [
					{
						id: 5,
						delivery_id: 'd-5',
						received_at: '2026-11-29T08:00:00+00:00',
						attempt: 1,
						verified: true,
						verification: 'ok',
						state: 'failed',
						events: 2,
						body_bytes: 10,
						body: '{}',
						body_truncated: false,
						processed_at: null,
						error: 'Product not found',
					},
				],
				total: 1,
				page: 1,
				per_page: 20,
				total_pages: 1,
			};
		}
		if ( route.endsWith( '/webhooks/inbox/5/reprocess' ) ) {
			return {
				id: 5,
				delivery_id: 'd-5',
				received_at: '2026-11-29T08:00:00+00:00',
				attempt: 1,
				verified: true,
				verification: 'ok',
				state: 'received',
				events: 2,
				body_bytes: 10,
				body: '{}',
				body_truncated: false,
				processed_at: null,
				error: null,
			};
		}
		if ( route.endsWith( '/history/export' ) ) {
			return new Response( 'id,message\n1,x\n', {
				headers: {
					'Content-Type': 'text/csv; charset=utf-8',
					'Content-Disposition':
						'attachment; filename="kiotviet-sync-history-20261129-080000.csv"',
				},
			} );
		}
		throw wpError( 'rest_no_route', 'No route', 404 );
	} );
	const rendered = renderWithProviders(
		<App
			bootstrap={ {
				restNamespace: 'kiotviet-sync/v1',
				screen: 'history',
			} }
		/>
	);
	return { paths, ...rendered };
}

function lastHistoryQuery( paths: string[] ): URLSearchParams {
	const last = [ ...paths ]
		.reverse()
		.find( ( path ) =>
			( path.split( '?' )[ 0 ] ?? '' ).endsWith( '/history' )
		);
	return new URLSearchParams( ( last ?? '' ).split( '?' )[ 1 ] ?? '' );
}

describe( 'History screen', () => {
	it( 'lists entries newest first with links, escaped messages and site time', async () => {
		renderHistory();
		const table = await screen.findByRole( 'table' );
		const rows = within( table ).getAllByRole( 'row' );
		const first = rows[ 1 ] as HTMLElement;
		const second = rows[ 2 ] as HTMLElement;
		expect( rows ).toHaveLength( 3 );
		expect(
			within( first ).getByRole( 'link', { name: 'Product #42' } )
		).toHaveAttribute(
			'href',
			'http://shop.test/wp-admin/post.php?post=42&action=edit'
		);
		expect( first ).toHaveTextContent( '2026-11-29 15:04' );
		expect(
			within( first ).getByText( '<img src=x onerror=alert(1)> Áo thun' )
		).toBeInTheDocument();
		expect( table.querySelector( 'img' ) ).toBeNull();
		expect( second ).toHaveTextContent( 'KiotViet #777' );
		expect( second ).toHaveTextContent( 'Error' );
		expect( screen.getByText( 'Page 1 of 3' ) ).toBeInTheDocument();
	} );

	it( 'sends the filters, search and page in the query', async () => {
		const { paths, user } = renderHistory();
		await screen.findByRole( 'table' );
		expect( lastHistoryQuery( paths ).get( 'per_page' ) ).toBe( '50' );

		await user.selectOptions( screen.getByLabelText( 'Type' ), 'order' );
		await waitFor( () =>
			expect( lastHistoryQuery( paths ).get( 'channel' ) ).toBe( 'order' )
		);
		await user.selectOptions( screen.getByLabelText( 'Result' ), 'error' );
		await user.type( screen.getByLabelText( 'From' ), '2026-11-01' );
		await user.type( screen.getByLabelText( 'To' ), '2026-11-30' );
		await user.type(
			screen.getByLabelText( 'Search messages' ),
			"50% AO_T's{Enter}"
		);
		await waitFor( () => {
			const query = lastHistoryQuery( paths );
			expect( query.get( 'channel' ) ).toBe( 'order' );
			expect( query.get( 'result' ) ).toBe( 'error' );
			expect( query.get( 'from' ) ).toBe( '2026-11-01' );
			expect( query.get( 'to' ) ).toBe( '2026-11-30' );
			expect( query.get( 'search' ) ).toBe( "50% AO_T's" );
			expect( query.get( 'page' ) ).toBe( '1' );
		} );

		await user.click( screen.getByRole( 'button', { name: 'Next page' } ) );
		await waitFor( () =>
			expect( lastHistoryQuery( paths ).get( 'page' ) ).toBe( '2' )
		);
		expect( await screen.findByText( 'Page 2 of 3' ) ).toBeInTheDocument();
		expect( lastHistoryQuery( paths ).get( 'search' ) ).toBe(
			"50% AO_T's"
		);
	} );

	it( 'exports the CSV with the applied filters', async () => {
		const createObjectURL = vi.fn( () => 'blob:csv' );
		const revokeObjectURL = vi.fn();
		Object.assign( URL, { createObjectURL, revokeObjectURL } );
		const click = vi
			.spyOn( HTMLAnchorElement.prototype, 'click' )
			.mockImplementation( () => undefined );
		const { paths, user } = renderHistory();
		await screen.findByRole( 'table' );
		await user.selectOptions( screen.getByLabelText( 'Result' ), 'error' );
		await user.click(
			screen.getByRole( 'button', { name: 'Export CSV' } )
		);
		await waitFor( () => expect( click ).toHaveBeenCalled() );
		const exportPath = paths.find( ( path ) =>
			path.includes( '/history/export' )
		);
		expect( exportPath ).toBe(
			'/kiotviet-sync/v1/history/export?result=error'
		);
		const call = apiFetchMock.mock.calls.find( ( [ options ] ) =>
			String( ( options as FetchOptions ).path ).includes( '/export' )
		);
		expect( call?.[ 0 ] ).toMatchObject( { method: 'GET', parse: false } );
		const link = click.mock.instances[ 0 ] as unknown as HTMLAnchorElement;
		expect( link.download ).toBe(
			'kiotviet-sync-history-20261129-080000.csv'
		);
		expect( createObjectURL ).toHaveBeenCalled();
		click.mockRestore();
	} );

	it( 'shows the webhook inbox in a second tab with reprocess', async () => {
		const { paths, user } = renderHistory();
		await screen.findByRole( 'table' );
		await user.click(
			screen.getByRole( 'tab', { name: 'Webhook inbox' } )
		);
		expect(
			await screen.findByText( 'Product not found' )
		).toBeInTheDocument();
		await user.click( screen.getByRole( 'button', { name: 'Reprocess' } ) );
		await waitFor( () =>
			expect( paths ).toContain(
				'/kiotviet-sync/v1/webhooks/inbox/5/reprocess'
			)
		);
	} );
} );
