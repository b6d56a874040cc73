import { screen } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';

import { NOT_CONNECTED } from '../shared/test-utils/fake-api';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

describe( 'admin entry point', () => {
	it( 'mounts the app into #kiotviet-sync-root on the bootstrap screen', async () => {
		vi.mocked( apiFetch ).mockResolvedValue( NOT_CONNECTED );
		const node = document.createElement( 'div' );
		node.id = 'kiotviet-sync-root';
		node.dataset.screen = 'setup';
		document.body.appendChild( node );
		window.kiotvietSync = {
			restNamespace: 'kiotviet-sync/v1',
			screen: 'setup',
			adminUrl: '/wp-admin/',
			pluginVersion: '0.1.0',
			isStandin: true,
		};

		await import( './index' );

		expect(
			await screen.findByRole( 'heading', {
				name: 'Connection settings',
			} )
		).toBeInTheDocument();
		expect( node ).toContainElement(
			screen.getByRole( 'heading', { level: 1, name: 'KiotViet Sync' } )
		);
		expect( apiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/kiotviet-sync/v1/connection' } )
		);
		delete window.kiotvietSync;
		// The first import compiles @wordpress/components: allow for a slow machine.
	}, 60_000 );
} );
