import { DEFAULT_BOOTSTRAP, readBootstrap } from './bootstrap';

describe( 'readBootstrap', () => {
	it( 'returns a valid bootstrap object', () => {
		const value = {
			restNamespace: 'kiotviet-sync/v1',
			screen: 'setup',
			adminUrl: 'http://127.0.0.1:5480/wp-admin/',
			pluginVersion: '0.1.0',
			isStandin: true,
		};
		expect( readBootstrap( value ) ).toEqual( value );
	} );

	it( 'reads window.kiotvietSync by default', () => {
		window.kiotvietSync = {
			restNamespace: 'kiotviet-sync/v1',
			screen: 'x',
		};
		expect( readBootstrap().screen ).toBe( 'x' );
		delete window.kiotvietSync;
	} );

	it( 'falls back to the defaults when the object is missing', () => {
		expect( readBootstrap( undefined ) ).toEqual( DEFAULT_BOOTSTRAP );
	} );

	it( 'falls back to the mount node screen when the object drifted', () => {
		const node = document.createElement( 'div' );
		node.dataset.screen = 'settings';
		expect( readBootstrap( { screen: 42 }, node ) ).toEqual( {
			...DEFAULT_BOOTSTRAP,
			screen: 'settings',
		} );
	} );
} );
