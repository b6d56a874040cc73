import { screen, waitFor } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';

import App from '../../App';
import type { Settings } from '../../../shared/schemas/settings';
import type { Health } from '../../../shared/schemas/health';
import {
	wpError,
	type FetchOptions,
} from '../../../shared/test-utils/fake-api';
import { renderWithProviders } from '../../../shared/test-utils/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

vi.setConfig( { testTimeout: 20_000 } );

const apiFetchMock = vi.mocked( apiFetch );

// @wordpress/a11y repeats notices in live regions; match the visible copy only.
const VISIBLE = {
	ignore: '#a11y-speak-polite, #a11y-speak-assertive, script, style',
};

const DEFAULTS: Settings = {
	stock_mode: 'branch',
	regular_price_book_id: 0,
	sale_price_book_id: null,
	match_by_sku: false,
	locked_fields: [],
	auto_add_new_products: false,
	reconcile_interval_minutes: 15,
	order_branch_id: null,
	auto_push_orders: false,
	push_statuses: [ 'processing', 'completed', 'on-hold' ],
	order_lines_by_sku: false,
	sync_shipping: false,
	auto_resync_orders: false,
	auto_resync_interval: 3600,
	auto_resync_limit: 1000,
	history_retention_days: 30,
};

const HEALTHY: Health = {
	connection: { state: 'ready', retailer: 'demo', token_expires_at: null },
	webhooks: null,
	queue: { pending: 1, failed: 0 },
	api: { get_calls_last_hour: 12, budget: 5000 },
	cron: { wp_cron_disabled: false, action_scheduler: true },
	problems: [],
};

function renderSettings(
	options: {
		health?: Health;
		putError?: ReturnType< typeof wpError >;
	} = {}
) {
	let settings = { ...DEFAULTS };
	const calls: Array< { method: string; path: string; data?: unknown } > = [];
	apiFetchMock.mockReset();
	apiFetchMock.mockImplementation( async ( raw ) => {
		const { method = 'GET', path = '', data } = raw as FetchOptions;
		calls.push( { method, path, data } );
		if ( path.endsWith( '/settings' ) && method === 'GET' ) {
			return settings;
		}
		if ( path.endsWith( '/settings' ) && method === 'PUT' ) {
			if ( options.putError ) {
				throw options.putError;
			}
			settings = { ...settings, ...( data as Partial< Settings > ) };
			return settings;
		}
		if ( path.endsWith( '/health' ) ) {
			return options.health ?? HEALTHY;
		}
		throw wpError( 'rest_no_route', 'No route', 404 );
	} );
	const rendered = renderWithProviders(
		<App
			bootstrap={ {
				restNamespace: 'kiotviet-sync/v1',
				screen: 'settings',
			} }
		/>
	);
	return { calls, ...rendered };
}

describe( 'Settings screen', () => {
	it( 'shows the seed options with their guidance', async () => {
		renderSettings();
		expect(
			await screen.findByLabelText(
				'Re-update products when syncing by SKU'
			)
		).not.toBeChecked();
		expect(
			screen.getByLabelText(
				'Sync stock by product SKU when syncing orders'
			)
		).toBeInTheDocument();
		expect(
			screen.getByLabelText( 'Sync the shipping fee in orders' )
		).toBeInTheDocument();
		expect(
			screen.getByLabelText( 'Auto re-sync orders' )
		).toBeInTheDocument();
		expect(
			screen.getByText( /must make sure WP Cron is enabled/, VISIBLE )
		).toBeInTheDocument();
		expect(
			screen.getByText(
				/The minimum interval for re-syncing orders is 3600 s/,
				VISIBLE
			)
		).toBeInTheDocument();
		expect(
			screen.getByLabelText( 'Number of orders to check' )
		).toHaveValue( 1000 );
		expect(
			screen.getByRole( 'button', { name: 'Save changes' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );

	it( 'sends only the changed keys and clears the unsaved state', async () => {
		const { calls, user } = renderSettings();
		await user.click(
			await screen.findByLabelText( 'Sync the shipping fee in orders' )
		);
		const limit = screen.getByLabelText( 'Number of orders to check' );
		await user.clear( limit );
		await user.type( limit, '500' );
		expect(
			screen.getByText( 'You have unsaved changes.' )
		).toBeInTheDocument();
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		await waitFor( () =>
			expect(
				calls.find( ( call ) => call.method === 'PUT' )?.data
			).toEqual( { sync_shipping: true, auto_resync_limit: 500 } )
		);
		await waitFor( () =>
			expect(
				screen.queryByText( 'You have unsaved changes.' )
			).not.toBeInTheDocument()
		);
		expect(
			screen.getByLabelText( 'Sync the shipping fee in orders' )
		).toBeChecked();
	} );

	it( 'shows server validation errors inline per field', async () => {
		const message =
			'The interval must be a whole number of seconds, at least 3600 (1 hour) and at most 604800 (7 days).';
		const { user } = renderSettings( {
			putError: wpError(
				'kiotviet_sync_invalid_field',
				'Some fields are missing or not valid.',
				400,
				{ auto_resync_interval: message }
			),
		} );
		const interval = await screen.findByLabelText(
			'Check synced orders after (s)'
		);
		await user.clear( interval );
		await user.type( interval, '600' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect(
			await screen.findByText( message, VISIBLE )
		).toBeInTheDocument();
		expect( interval ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( interval ).toHaveAccessibleDescription(
			expect.stringContaining( message )
		);
		expect(
			screen.getByText( 'You have unsaved changes.' )
		).toBeInTheDocument();
	} );

	it( 'refuses a value that is not a whole number before sending', async () => {
		const { calls, user } = renderSettings();
		const days = await screen.findByLabelText(
			'Keep the sync history for (days)'
		);
		await user.clear( days );
		await user.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		expect(
			await screen.findByText( 'Enter a whole number.' )
		).toBeInTheDocument();
		expect( calls.some( ( call ) => call.method === 'PUT' ) ).toBe( false );
	} );

	it( 'warns when WP-Cron is disabled and Action Scheduler is missing', async () => {
		renderSettings( {
			health: {
				...HEALTHY,
				cron: { wp_cron_disabled: true, action_scheduler: false },
				problems: [
					{
						code: 'cron_disabled',
						message: 'WP-Cron is disabled on this server.',
					},
				],
			},
		} );
		expect(
			await screen.findByText(
				/the automatic order re-sync will not run/,
				VISIBLE
			)
		).toBeInTheDocument();
		expect(
			await screen.findByText(
				'WP-Cron is disabled on this server.',
				VISIBLE
			)
		).toBeInTheDocument();
	} );
} );
