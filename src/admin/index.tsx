/**
 * Entry point: mounts the admin app into #kiotviet-sync-root.
 */

/**
 * External dependencies
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { readBootstrap } from '../shared/bootstrap';
import App from './App';
import { createQueryClient } from './query-client';
import './admin.css';

export const MOUNT_NODE_ID = 'kiotviet-sync-root';

function mount(): void {
	const node = document.getElementById( MOUNT_NODE_ID );
	if ( ! node ) {
		return;
	}
	const bootstrap = readBootstrap( window.kiotvietSync, node );
	createRoot( node ).render(
		<QueryClientProvider client={ createQueryClient() }>
			<App bootstrap={ bootstrap } />
		</QueryClientProvider>
	);
}

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', mount );
} else {
	mount();
}
