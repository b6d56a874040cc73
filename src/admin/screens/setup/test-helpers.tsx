/**
 * Shared setup for the wizard's screen tests: the App on the setup screen
 * over the fake catalog API. Tests must `vi.mock( '@wordpress/api-fetch' )`.
 */

/**
 * External dependencies
 */
import { screen, within } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import App from '../../App';
import type { Connection } from '../../../shared/schemas/connection';
import type { SyncStatus } from '../../../shared/schemas/sync';
import { READY, type FetchOptions } from '../../../shared/test-utils/fake-api';
import {
	createFakeCatalogApi,
	FETCHED,
} from '../../../shared/test-utils/fake-catalog-api';
import { renderWithProviders } from '../../../shared/test-utils/render';

// @wordpress/a11y repeats notices in live regions; match the visible copy only.
export const VISIBLE = {
	ignore: '#a11y-speak-polite, #a11y-speak-assertive, script, style',
};

/**
 * Puts `&step=` (or nothing) into the page URL before rendering.
 *
 * @param step The step, or null.
 */
export function setUrlStep( step: string | null ): void {
	window.history.replaceState(
		null,
		'',
		`/wp-admin/admin.php?page=kiotviet-sync${
			step ? `&step=${ step }` : ''
		}`
	);
}

/**
 * @param status     The sync status the fake starts with.
 * @param connection The connection the fake starts with.
 * @param products   Keep only the first N cached products (fewer rows render faster).
 */
export function renderSetup(
	status: SyncStatus = FETCHED,
	connection: Connection = READY,
	products?: number
) {
	const api = createFakeCatalogApi( connection, status );
	if ( products !== undefined ) {
		api.products = api.products.slice( 0, products );
	}
	const mock = vi.mocked( apiFetch );
	mock.mockReset();
	mock.mockImplementation( ( options ) =>
		api.handle( options as FetchOptions )
	);
	const rendered = renderWithProviders(
		<App
			bootstrap={ { restNamespace: 'kiotviet-sync/v1', screen: 'setup' } }
		/>
	);
	return { api, ...rendered };
}

export function currentStep(): string {
	const nav = screen.getByRole( 'navigation', { name: 'Setup steps' } );
	const item = within( nav )
		.getAllByRole( 'listitem' )
		.find( ( li ) => li.getAttribute( 'aria-current' ) === 'step' );
	return item?.textContent ?? '';
}

/**
 * The query of the last GET /catalog/products call.
 *
 * @param api The fake.
 */
export function lastProductsQuery(
	api: ReturnType< typeof createFakeCatalogApi >
): URLSearchParams {
	const call = [ ...api.calls ]
		.reverse()
		.find( ( item ) => item.path.includes( '/catalog/products?' ) );
	return new URLSearchParams( call?.path.split( '?' )[ 1 ] ?? '' );
}
