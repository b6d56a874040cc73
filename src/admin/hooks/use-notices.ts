/**
 * One way to tell the merchant something: @wordpress/notices, shown by App.
 */

/**
 * External dependencies
 */
import { useDispatch } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';
import { useCallback } from '@wordpress/element';

/** Notices of this app live in their own context so core notices stay apart. */
export const NOTICE_CONTEXT = 'kiotviet-sync';

/** Returns `success( message )` and `error( message )` that add snackbars. */
export function useNotices() {
	const { createSuccessNotice, createErrorNotice } =
		useDispatch( noticesStore );
	const success = useCallback(
		( message: string ) =>
			createSuccessNotice( message, {
				type: 'snackbar',
				context: NOTICE_CONTEXT,
			} ),
		[ createSuccessNotice ]
	);
	const error = useCallback(
		( message: string ) =>
			createErrorNotice( message, {
				type: 'snackbar',
				context: NOTICE_CONTEXT,
			} ),
		[ createErrorNotice ]
	);
	return { success, error };
}
