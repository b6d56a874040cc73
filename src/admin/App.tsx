/**
 * Layout, notices and screen routing of the admin app.
 */

/**
 * External dependencies
 */
import { Notice, SnackbarList } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import type { Bootstrap } from '../shared/bootstrap';
import { NOTICE_CONTEXT } from './hooks/use-notices';
import { isScreenId, routes } from './routes';

function Snackbars() {
	const notices = useSelect(
		( select ) => select( noticesStore ).getNotices( NOTICE_CONTEXT ),
		[]
	);
	const { removeNotice } = useDispatch( noticesStore );
	const snackbars = notices
		.filter( ( notice ) => notice.type === 'snackbar' )
		.map( ( notice ) => ( {
			id: notice.id,
			content: notice.content,
			spokenMessage: notice.spokenMessage ?? notice.content,
		} ) );
	return (
		<SnackbarList
			className="kvs-snackbars"
			notices={ snackbars }
			onRemove={ ( id: string ) => removeNotice( id, NOTICE_CONTEXT ) }
		/>
	);
}

function screenSubtitle( screen: string ): string {
	switch ( screen ) {
		case 'setup':
			return __( 'Set up the KiotViet Sync connection', 'kiotviet-sync' );
		default:
			return '';
	}
}

export default function App( { bootstrap }: { bootstrap: Bootstrap } ) {
	const { screen } = bootstrap;
	const Screen = isScreenId( screen ) ? routes[ screen ] : null;
	const subtitle = screenSubtitle( screen );
	return (
		<div className="kvs-app">
			<h1 className="kvs-app__title">
				{ __( 'KiotViet Sync', 'kiotviet-sync' ) }
			</h1>
			{ subtitle && <p className="kvs-app__subtitle">{ subtitle }</p> }
			{ Screen ? (
				<Screen />
			) : (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'This screen is not available. Reload the page or open KiotViet Sync from the menu again.',
						'kiotviet-sync'
					) }
				</Notice>
			) }
			<Snackbars />
		</div>
	);
}
