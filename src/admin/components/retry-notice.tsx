/**
 * The error of a query that failed to load, with "Try again".
 */

/**
 * External dependencies
 */
import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from './error-message';

interface RetryNoticeProps {
	error: unknown;
	onRetry: () => void;
	/** Inside a card or form (`kvs-inline-notice`) rather than on the page. */
	inline?: boolean;
}

export function RetryNotice( {
	error,
	onRetry,
	inline = false,
}: RetryNoticeProps ) {
	return (
		<Notice
			status="error"
			isDismissible={ false }
			className={ inline ? 'kvs-inline-notice' : undefined }
			actions={ [
				{
					label: __( 'Try again', 'kiotviet-sync' ),
					onClick: onRetry,
				},
			] }
		>
			{ errorMessage( error ) }
		</Notice>
	);
}
