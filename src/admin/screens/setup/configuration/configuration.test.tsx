import { configure, screen, waitFor, within } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';

import {
	IMPORTED,
	makeRun,
} from '../../../../shared/test-utils/fake-catalog-api';
import type { FetchOptions } from '../../../../shared/test-utils/fake-api';
import type { WebhooksStatus } from '../../../../shared/schemas/webhooks';
import { renderSetup, setUrlStep, VISIBLE } from '../test-helpers';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
vi.setConfig( { testTimeout: 60_000 } );
configure( { asyncUtilTimeout: 8000 } );

const WEBHOOKS: WebhooksStatus = {
	subscriptions: [
		{ type: 'product.update', state: 'active', url: 'https://x/h', id: 1 },
		{ type: 'stock.update', state: 'missing', url: null, id: null },
		{ type: 'order.update', state: 'conflict', url: null, id: null },
	],
	conflicts: [],
	receiver_url: 'https://x/h',
	registered_at: '2026-11-29T08:00:00+00:00',
	errors: [],
	live_error: null,
	last_delivery_at: null,
	inbox: { received: 0, processed: 0 },
};

const QUICK_DONE = {
	...IMPORTED,
	run: makeRun( {
		id: 21,
		kind: 'quick_sync',
		state: 'done',
		phase: 'done',
		phases: [ { name: 'products', state: 'done', done: 3, total: 3 } ],
		finished_at: IMPORTED.last_import_at,
	} ),
};

interface Call {
	method: string;
	path: string;
	data: unknown;
}

/**
 * The wizard on the configuration card, with the config routes answered here
 * and everything else by the fake catalog API.
 */
function renderConfiguration() {
	setUrlStep( null );
	const rendered = renderSetup( IMPORTED );
	const calls: Call[] = [];
	const mock = vi.mocked( apiFetch );
	mock.mockImplementation( ( async ( options: FetchOptions ) => {
		const method = options.method ?? 'GET';
		const path = ( options.path ?? '' ).split( '?' )[ 0 ] ?? '';
		calls.push( { method, path, data: options.data } );
		if ( method === 'GET' && path === '/kiotviet-sync/v1/webhooks' ) {
			return WEBHOOKS;
		}
		if ( path === '/kiotviet-sync/v1/webhooks/register' ) {
			return {
				...WEBHOOKS,
				subscriptions: WEBHOOKS.subscriptions.map( ( s ) => ( {
					...s,
					state: 'active',
				} ) ),
			};
		}
		if ( path === '/kiotviet-sync/v1/sync/quick' ) {
			rendered.api.status = QUICK_DONE;
			return QUICK_DONE;
		}
		const answer = await rendered.api.handle( options );
		if ( method === 'DELETE' && path === '/kiotviet-sync/v1/connection' ) {
			return { ...( answer as object ), deleting: false };
		}
		return answer;
	} ) as never );
	return { ...rendered, calls };
}

async function openCard() {
	const rendered = renderConfiguration();
	expect(
		await screen.findByRole( 'heading', { name: 'Configuration' } )
	).toBeInTheDocument();
	return rendered;
}

describe( 'configuration card', () => {
	it( 'shows the shop, the sync rules and the webhook states, and registers again', async () => {
		const { user, calls } = await openCard();
		expect( screen.getByRole( 'link', { name: /demo/ } ) ).toHaveAttribute(
			'href',
			'https://demo.kiotviet.vn'
		);
		expect(
			await screen.findByText( 'Match existing products by SKU' )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Automatically add new products' )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Automatically send orders to KiotViet' )
		).toBeInTheDocument();
		expect( await screen.findByText( 'stock.update' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Missing' ) ).toBeInTheDocument();
		expect(
			screen.getByText( 'Held by another integration' )
		).toBeInTheDocument();

		await user.click(
			screen.getByRole( 'button', { name: 'Register webhooks again' } )
		);
		await waitFor( () =>
			expect( screen.queryByText( 'Missing' ) ).not.toBeInTheDocument()
		);
		expect( calls ).toContainEqual( {
			method: 'POST',
			path: '/kiotviet-sync/v1/webhooks/register',
			data: undefined,
		} );
		expect(
			screen.getByRole( 'button', { name: 'Choose branch' } )
		).toBeInTheDocument();
	} );

	it( 'quick sync starts the run, then links to the synced product list', async () => {
		const { user, calls } = await openCard();
		await user.click(
			screen.getByRole( 'button', { name: 'Quick sync' } )
		);
		const link = await screen.findByRole( 'link', {
			name: 'View the synced products',
		} );
		expect( link ).toHaveAttribute(
			'href',
			'admin.php?page=kiotviet-sync-products'
		);
		expect( calls ).toContainEqual( {
			method: 'POST',
			path: '/kiotviet-sync/v1/sync/quick',
			data: undefined,
		} );
	} );
} );

describe( 'disconnect: "Delete information"', () => {
	it( 'asks with both boxes off and sends no deletion by default', async () => {
		const { user, calls } = await openCard();
		await user.click(
			screen.getByRole( 'button', { name: 'Disconnect' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Delete information',
		} );
		expect(
			within( dialog ).getByText(
				'Do you want to delete the synced information?'
			)
		).toBeInTheDocument();
		const categories = within( dialog ).getByRole( 'checkbox', {
			name: 'Categories',
		} );
		const products = within( dialog ).getByRole( 'checkbox', {
			name: 'Products',
		} );
		expect( categories ).not.toBeChecked();
		expect( products ).not.toBeChecked();
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'OK' } )
		);
		expect(
			await screen.findByRole( 'heading', {
				name: 'Connection settings',
			} )
		).toBeInTheDocument();
		expect( calls ).toContainEqual( {
			method: 'DELETE',
			path: '/kiotviet-sync/v1/connection',
			data: { delete_categories: false, delete_products: false },
		} );
		expect(
			await screen.findByText( 'Disconnected from KiotViet.', VISIBLE )
		).toBeInTheDocument();
	} );

	it( 'sends the ticked flags', async () => {
		const { user, calls } = await openCard();
		await user.click(
			screen.getByRole( 'button', { name: 'Disconnect' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Delete information',
		} );
		await user.click(
			within( dialog ).getByRole( 'checkbox', { name: 'Categories' } )
		);
		await user.click(
			within( dialog ).getByRole( 'checkbox', { name: 'Products' } )
		);
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'OK' } )
		);
		expect(
			await screen.findByRole( 'heading', {
				name: 'Connection settings',
			} )
		).toBeInTheDocument();
		expect( calls ).toContainEqual( {
			method: 'DELETE',
			path: '/kiotviet-sync/v1/connection',
			data: { delete_categories: true, delete_products: true },
		} );
	} );

	it( 'Cancel closes without disconnecting', async () => {
		const { user, calls } = await openCard();
		await user.click(
			screen.getByRole( 'button', { name: 'Disconnect' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Delete information',
		} );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
		);
		expect( calls.some( ( c ) => c.method === 'DELETE' ) ).toBe( false );
	} );
} );
