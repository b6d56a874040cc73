import { configure, screen, waitFor, within } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';

import App from '../../App';
import type { Connection } from '../../../shared/schemas/connection';
import {
	createFakeCatalogApi,
	IMPORTED,
	NEVER_FETCHED,
} from '../../../shared/test-utils/fake-catalog-api';
import type { SyncStatus } from '../../../shared/schemas/sync';
import {
	NEEDS_BRANCH,
	NOT_CONNECTED,
	READY,
	wpError,
	type FetchOptions,
} from '../../../shared/test-utils/fake-api';
import { renderWithProviders } from '../../../shared/test-utils/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

// user-event typing through @wordpress/components is slow on a busy 2-core machine.
vi.setConfig( { testTimeout: 60_000 } );
// The machine running the suite may be busy: give async queries room.
configure( { asyncUtilTimeout: 8000 } );

const apiFetchMock = vi.mocked( apiFetch );

const SECRET = 'sup3r-s3cret-value';

// @wordpress/a11y repeats notices in live regions; match the visible copy only.
const VISIBLE = {
	ignore: '#a11y-speak-polite, #a11y-speak-assertive, script, style',
};

function renderApp(
	initial: Connection = NOT_CONNECTED,
	status: SyncStatus = NEVER_FETCHED
) {
	const api = createFakeCatalogApi( initial, status );
	apiFetchMock.mockReset();
	apiFetchMock.mockImplementation( ( options ) =>
		api.handle( options as FetchOptions )
	);
	const rendered = renderWithProviders(
		<App
			bootstrap={ { restNamespace: 'kiotviet-sync/v1', screen: 'setup' } }
		/>
	);
	return { api, ...rendered };
}

function currentStep(): string {
	const nav = screen.getByRole( 'navigation', { name: 'Setup steps' } );
	const item = within( nav )
		.getAllByRole( 'listitem' )
		.find( ( li ) => li.getAttribute( 'aria-current' ) === 'step' );
	return item?.textContent ?? '';
}

async function fillConnectionForm(
	user: ReturnType< typeof renderApp >[ 'user' ],
	values = { retailer: 'demo', clientId: 'demo-client', secret: SECRET }
) {
	await user.type(
		await screen.findByLabelText( 'Shop address' ),
		values.retailer
	);
	await user.type( screen.getByLabelText( 'Client ID' ), values.clientId );
	await user.type( screen.getByLabelText( 'Secret key' ), values.secret );
}

describe( 'setup wizard: opening step', () => {
	it( 'opens on the Connection settings form when not connected', async () => {
		renderApp( NOT_CONNECTED );
		expect(
			await screen.findByRole( 'heading', {
				name: 'Connection settings',
			} )
		).toBeInTheDocument();
		expect( currentStep() ).toContain( 'Connection' );
		expect( screen.getByLabelText( 'Shop address' ) ).toHaveValue( '' );
		expect( screen.getByLabelText( 'Client ID' ) ).toHaveValue( '' );
		expect( screen.getByLabelText( 'Secret key' ) ).toHaveAttribute(
			'type',
			'password'
		);
		expect(
			screen.queryByRole( 'button', { name: 'Cancel connection' } )
		).not.toBeInTheDocument();
	} );

	it( 'opens on the branch step when a branch is needed', async () => {
		renderApp( NEEDS_BRANCH );
		expect(
			await screen.findByRole( 'heading', {
				name: 'Product sync branch',
			} )
		).toBeInTheDocument();
		expect( currentStep() ).toContain( 'Branch' );
		expect(
			await screen.findByRole( 'combobox', {
				name: 'Product sync branch',
			} )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Cancel connection' } )
		).toBeInTheDocument();
	} );

	it( 'opens on "Getting data from KiotViet" when ready and never fetched', async () => {
		renderApp( READY );
		expect(
			await screen.findByRole( 'heading', {
				name: 'Getting data from KiotViet',
			} )
		).toBeInTheDocument();
		expect( currentStep() ).toContain( 'Get data' );
		expect(
			screen.getByRole( 'button', { name: 'Get data from KiotViet' } )
		).toBeInTheDocument();
		expect( screen.getByText( /Chi nhánh trung tâm/ ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Choose branch' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Cancel connection' } )
		).toBeInTheDocument();
	} );

	it( 'opens on the configuration summary once imported, with the masked secret only', async () => {
		renderApp( READY, IMPORTED );
		expect(
			await screen.findByRole( 'heading', { name: 'Configuration' } )
		).toBeInTheDocument();
		expect( screen.getByText( 'demo-client' ) ).toBeInTheDocument();
		expect( screen.getByText( '••••••••cret' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Chi nhánh trung tâm' ) ).toBeInTheDocument();
		expect( screen.getByRole( 'link', { name: /demo/ } ) ).toHaveAttribute(
			'href',
			'https://demo.kiotviet.vn'
		);
		expect(
			screen.getByRole( 'button', { name: 'Choose branch' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Disconnect' } )
		).toBeInTheDocument();
	} );

	it( 'shows an error with a retry when the connection cannot be loaded', async () => {
		apiFetchMock.mockReset();
		apiFetchMock.mockRejectedValue( { code: 'fetch_error', message: 'x' } );
		const { user } = renderWithProviders(
			<App
				bootstrap={ {
					restNamespace: 'kiotviet-sync/v1',
					screen: 'setup',
				} }
			/>
		);
		expect(
			await screen.findByText(
				/The website could not be reached/,
				VISIBLE
			)
		).toBeInTheDocument();
		const api = createFakeCatalogApi( READY );
		apiFetchMock.mockImplementation( ( options ) =>
			api.handle( options as FetchOptions )
		);
		await user.click( screen.getByRole( 'button', { name: 'Try again' } ) );
		expect(
			await screen.findByRole( 'heading', {
				name: 'Getting data from KiotViet',
			} )
		).toBeInTheDocument();
	} );

	it( 'shows a notice for an unknown screen id', () => {
		renderWithProviders(
			<App
				bootstrap={ {
					restNamespace: 'kiotviet-sync/v1',
					screen: 'nope',
				} }
			/>
		);
		expect(
			screen.getByText( /This screen is not available/, VISIBLE )
		).toBeInTheDocument();
	} );
} );

describe( 'setup wizard: connection step', () => {
	it( 'toggles the help on how to get the credentials', async () => {
		const { user } = renderApp();
		const toggle = await screen.findByRole( 'button', {
			name: 'How to get this information from your KiotViet shop',
		} );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		expect( screen.getByText( /Thiết lập kết nối API/ ) ).not.toBeVisible();
		await user.click( toggle );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
		expect( screen.getByText( /Thiết lập kết nối API/ ) ).toBeVisible();
	} );

	it( 'connects, moves to the branch step and never shows the secret', async () => {
		const { api, user, container } = renderApp();
		await fillConnectionForm( user );
		await user.click( screen.getByRole( 'button', { name: 'Next' } ) );

		expect(
			await screen.findByRole( 'heading', {
				name: 'Product sync branch',
			} )
		).toHaveFocus();
		expect( api.calls ).toContainEqual( {
			method: 'POST',
			path: '/kiotviet-sync/v1/connection',
			data: {
				retailer: 'demo',
				client_id: 'demo-client',
				client_secret: SECRET,
			},
		} );
		expect(
			await screen.findByText(
				'Connected to the KiotViet shop demo.',
				VISIBLE
			)
		).toBeInTheDocument();
		expect( container.ownerDocument.body.innerHTML ).not.toContain(
			SECRET
		);
	} );

	it( 'validates empty fields without calling the server', async () => {
		const { api, user } = renderApp();
		await user.click(
			await screen.findByRole( 'button', { name: 'Next' } )
		);
		const retailer = screen.getByLabelText( 'Shop address' );
		expect( retailer ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( retailer ).toHaveAccessibleDescription(
			expect.stringContaining( 'Enter the shop address.' )
		);
		expect( retailer ).toHaveFocus();
		expect(
			screen.getByLabelText( 'Client ID' )
		).toHaveAccessibleDescription( 'Enter the Client ID.' );
		expect(
			screen.getByLabelText( 'Secret key' )
		).toHaveAccessibleDescription(
			expect.stringContaining( 'Enter the secret key.' )
		);
		expect(
			api.calls.filter( ( call ) => call.method === 'POST' )
		).toHaveLength( 0 );
	} );

	it( 'shows an unknown shop address inline on the field', async () => {
		const { api, user } = renderApp();
		api.connectError = wpError(
			'kiotviet_sync_unknown_retailer',
			'No KiotViet shop has this address.',
			400,
			{ retailer: 'No KiotViet shop is called "dmeo".' }
		);
		await fillConnectionForm( user, {
			retailer: 'dmeo',
			clientId: 'demo-client',
			secret: SECRET,
		} );
		await user.click( screen.getByRole( 'button', { name: 'Next' } ) );
		const retailer = screen.getByLabelText( 'Shop address' );
		await waitFor( () =>
			expect( retailer ).toHaveAttribute( 'aria-invalid', 'true' )
		);
		expect( retailer ).toHaveAccessibleDescription(
			expect.stringContaining( 'No KiotViet shop is called "dmeo".' )
		);
		expect( retailer ).toHaveFocus();
		expect( screen.getByLabelText( 'Client ID' ) ).not.toHaveAttribute(
			'aria-invalid'
		);
	} );

	it( 'shows validation errors from PHP inline only', async () => {
		const { api, user } = renderApp();
		api.connectError = wpError(
			'kiotviet_sync_invalid_field',
			'Some connection details are missing or not valid.',
			400,
			{ client_id: 'The Client ID is not valid.' }
		);
		await fillConnectionForm( user );
		await user.click( screen.getByRole( 'button', { name: 'Next' } ) );
		const clientId = screen.getByLabelText( 'Client ID' );
		await waitFor( () => expect( clientId ).toHaveFocus() );
		expect( clientId ).toHaveAccessibleDescription(
			'The Client ID is not valid.'
		);
		expect(
			screen.queryByText(
				'Some connection details are missing or not valid.',
				VISIBLE
			)
		).not.toBeInTheDocument();
	} );

	it( 'shows wrong credentials on Client ID and Secret key', async () => {
		const { api, user } = renderApp();
		api.connectError = wpError(
			'kiotviet_sync_bad_credentials',
			'KiotViet refused these credentials.',
			400,
			{
				client_id: 'Check the Client ID.',
				client_secret: 'Check the secret key.',
			}
		);
		await fillConnectionForm( user );
		await user.click( screen.getByRole( 'button', { name: 'Next' } ) );
		const clientId = screen.getByLabelText( 'Client ID' );
		await waitFor( () =>
			expect( clientId ).toHaveAttribute( 'aria-invalid', 'true' )
		);
		expect( clientId ).toHaveAccessibleDescription(
			'Check the Client ID.'
		);
		expect(
			screen.getByLabelText( 'Secret key' )
		).toHaveAccessibleDescription(
			expect.stringContaining( 'Check the secret key.' )
		);
		expect( screen.getByLabelText( 'Shop address' ) ).not.toHaveAttribute(
			'aria-invalid'
		);
		// The server's summary is worth a notice on top of the field errors.
		expect(
			screen.getByText( 'KiotViet refused these credentials.', VISIBLE )
		).toBeInTheDocument();
		// Editing a field clears its error.
		await user.type( clientId, 'x' );
		expect( clientId ).not.toHaveAttribute( 'aria-invalid' );
	} );

	it( 'shows a notice when KiotViet is unreachable', async () => {
		const { api, user } = renderApp();
		api.connectError = wpError(
			'kiotviet_sync_unreachable',
			'KiotViet is not answering correctly right now. Try again in a few minutes.',
			502
		);
		await fillConnectionForm( user );
		await user.click( screen.getByRole( 'button', { name: 'Next' } ) );
		expect(
			await screen.findByText(
				'KiotViet is not answering correctly right now. Try again in a few minutes.',
				VISIBLE
			)
		).toBeInTheDocument();
		for ( const label of [ 'Shop address', 'Client ID', 'Secret key' ] ) {
			expect( screen.getByLabelText( label ) ).not.toHaveAttribute(
				'aria-invalid'
			);
		}
		expect(
			screen.getByRole( 'heading', { name: 'Connection settings' } )
		).toBeInTheDocument();
	} );

	it( 'marks Next busy while the server answers', async () => {
		const { api, user } = renderApp();
		let release: ( value: unknown ) => void = () => undefined;
		await fillConnectionForm( user );
		apiFetchMock.mockImplementationOnce(
			() => new Promise( ( resolve ) => ( release = resolve ) )
		);
		const next = screen.getByRole( 'button', { name: 'Next' } );
		await user.click( next );
		expect( next ).toHaveAttribute( 'aria-disabled', 'true' );
		api.connection = { ...NEEDS_BRANCH };
		release( NEEDS_BRANCH );
		expect(
			await screen.findByRole( 'heading', {
				name: 'Product sync branch',
			} )
		).toBeInTheDocument();
	} );
} );

describe( 'setup wizard: branch step', () => {
	it( 'saves the chosen branch and shows the summary', async () => {
		const { api, user } = renderApp( NEEDS_BRANCH );
		const select = await screen.findByRole( 'combobox', {
			name: 'Product sync branch',
		} );
		expect(
			within( select ).getByRole( 'option', {
				name: 'Chi nhánh trung tâm (CN01)',
			} )
		).toBeInTheDocument();
		await user.selectOptions( select, 'Chi nhánh Hà Nội (CN02)' );
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		expect(
			await screen.findByRole( 'heading', {
				name: 'Getting data from KiotViet',
			} )
		).toHaveFocus();
		expect( api.calls ).toContainEqual( {
			method: 'PUT',
			path: '/kiotviet-sync/v1/connection/branch',
			data: { branch_id: 5002 },
		} );
		expect(
			screen.getByText( /product sync branch: Chi nhánh Hà Nội/ )
		).toBeInTheDocument();
		expect( currentStep() ).toContain( 'Get data' );
	} );

	it( 'asks for a branch before sending', async () => {
		const { api, user } = renderApp( NEEDS_BRANCH );
		await screen.findByRole( 'combobox', { name: 'Product sync branch' } );
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		expect(
			await screen.findByText( 'Select a branch.' )
		).toBeInTheDocument();
		expect(
			api.calls.filter( ( call ) => call.method === 'PUT' )
		).toHaveLength( 0 );
	} );

	it( 'shows a server rejection of the branch on the field', async () => {
		const { api, user } = renderApp( NEEDS_BRANCH );
		const select = await screen.findByRole( 'combobox', {
			name: 'Product sync branch',
		} );
		await user.selectOptions( select, 'Chi nhánh Hà Nội (CN02)' );
		api.branches = api.branches.filter( ( branch ) => branch.id !== 5002 );
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		expect(
			await screen.findByText( 'This branch does not exist in KiotViet.' )
		).toBeInTheDocument();
		expect( select ).toHaveAttribute( 'aria-invalid', 'true' );
	} );

	it( '"Choose branch" returns to the branch step with the current branch selected', async () => {
		const { user } = renderApp( READY );
		await user.click(
			await screen.findByRole( 'button', { name: 'Choose branch' } )
		);
		const select = await screen.findByRole( 'combobox', {
			name: 'Product sync branch',
		} );
		expect( select ).toHaveValue( '5001' );
		expect( currentStep() ).toContain( 'Branch' );
		await user.click( screen.getByRole( 'button', { name: 'Back' } ) );
		expect(
			await screen.findByRole( 'heading', {
				name: 'Getting data from KiotViet',
			} )
		).toBeInTheDocument();
	} );
} );

describe( 'setup wizard: connection lost elsewhere', () => {
	it( 'returns to the connection form when the branches answer 409', async () => {
		const { api } = renderApp( NEEDS_BRANCH );
		// Another tab cancels the connection after this page loaded it.
		apiFetchMock.mockImplementation( ( options ) => {
			const request = options as FetchOptions;
			if ( request.path?.endsWith( '/branches' ) ) {
				api.connection = { ...NOT_CONNECTED };
			}
			return api.handle( request );
		} );
		expect(
			await screen.findByRole( 'heading', {
				name: 'Connection settings',
			} )
		).toBeInTheDocument();
		expect( api.calls.map( ( call ) => call.path ) ).toEqual( [
			'/kiotviet-sync/v1/connection',
			'/kiotviet-sync/v1/branches',
			'/kiotviet-sync/v1/connection',
		] );
	} );
} );

describe( 'setup wizard: cancel connection', () => {
	it( 'confirms in "Delete information", deletes and returns to an empty form', async () => {
		const { api, user } = renderApp( READY );
		await user.click(
			await screen.findByRole( 'button', { name: 'Cancel connection' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Delete information',
		} );
		expect(
			within( dialog ).getByText(
				'Cancel the connection to the KiotViet shop demo?'
			)
		).toBeInTheDocument();
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'OK' } )
		);

		expect(
			await screen.findByRole( 'heading', {
				name: 'Connection settings',
			} )
		).toBeInTheDocument();
		expect( api.calls ).toContainEqual( {
			method: 'DELETE',
			path: '/kiotviet-sync/v1/connection',
			data: undefined,
		} );
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( screen.getByLabelText( 'Shop address' ) ).toHaveValue( '' );
		expect( screen.getByLabelText( 'Client ID' ) ).toHaveValue( '' );
		expect( screen.getByLabelText( 'Secret key' ) ).toHaveValue( '' );
		expect(
			await screen.findByText( 'The connection was cancelled.', VISIBLE )
		).toBeInTheDocument();
	} );

	it( 'is offered on the branch step too, and "Keep connection" closes without deleting', async () => {
		const { api, user } = renderApp( NEEDS_BRANCH );
		await user.click(
			await screen.findByRole( 'button', { name: 'Cancel connection' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Delete information',
		} );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Keep connection' } )
		);
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect(
			api.calls.filter( ( call ) => call.method === 'DELETE' )
		).toHaveLength( 0 );
	} );

	it( 'keeps the dialog open with the error when deleting fails', async () => {
		const { api, user } = renderApp( READY );
		api.disconnectError = wpError(
			'kiotviet_sync_storage',
			'The settings could not be saved.',
			500
		);
		await user.click(
			await screen.findByRole( 'button', { name: 'Cancel connection' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Delete information',
		} );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'OK' } )
		);
		expect(
			await within( dialog ).findByText(
				'The settings could not be saved.'
			)
		).toBeInTheDocument();
		expect(
			// The modal hides the page from assistive technology while open.
			screen.getByRole( 'heading', {
				name: 'Getting data from KiotViet',
				hidden: true,
			} )
		).toBeInTheDocument();
	} );
} );
