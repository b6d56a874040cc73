/**
 * Vitest setup for the admin project: jest-dom matchers and the few browser
 * APIs jsdom lacks that @wordpress/components touches.
 */

import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach( () => {
	cleanup();
} );

if ( typeof window !== 'undefined' ) {
	// jsdom implements no layout; Modal scrolls on close.
	window.scrollTo = () => {};
	if ( ! window.matchMedia ) {
		window.matchMedia = ( query: string ) =>
			( {
				matches: false,
				media: query,
				onchange: null,
				addListener: () => {},
				removeListener: () => {},
				addEventListener: () => {},
				removeEventListener: () => {},
				dispatchEvent: () => false,
			} ) as MediaQueryList;
	}
	if ( ! ( 'ResizeObserver' in window ) ) {
		class ResizeObserverStub {
			observe() {}
			unobserve() {}
			disconnect() {}
		}
		( window as unknown as { ResizeObserver: unknown } ).ResizeObserver =
			ResizeObserverStub;
	}
}
