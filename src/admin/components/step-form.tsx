/**
 * A setup step that is one form: the step card, a form-level error above the
 * fields, then "Back" (when offered), the submit button ("Continue" unless
 * told otherwise) and whatever goes at the end of the action row.
 */

/**
 * External dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { FormEvent, ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { StepCard } from './step-card';

interface StepFormProps {
	title: string;
	description: ReactNode;
	focusOnMount: boolean;
	onSubmit: ( event: FormEvent ) => void;
	/** Shown above the fields. */
	formError: string | null;
	isSubmitting: boolean;
	/** Keeps the submit button disabled (it always is while submitting). */
	cannotSubmit?: boolean;
	submitLabel?: string;
	submitVariant?: 'primary' | 'secondary';
	/** Offers "Back" when present. */
	onBack?: () => void;
	/** At the end of the action row. */
	actionsEnd?: ReactNode;
	/** Inside the card, after the form. */
	after?: ReactNode;
	children: ReactNode;
}

export function StepForm( {
	title,
	description,
	focusOnMount,
	onSubmit,
	formError,
	isSubmitting,
	cannotSubmit = false,
	submitLabel,
	submitVariant = 'primary',
	onBack,
	actionsEnd,
	after,
	children,
}: StepFormProps ) {
	return (
		<StepCard
			title={ title }
			description={ description }
			focusOnMount={ focusOnMount }
		>
			<form className="kvs-form" onSubmit={ onSubmit } noValidate>
				{ formError && (
					<Notice
						status="error"
						isDismissible={ false }
						className="kvs-inline-notice"
					>
						{ formError }
					</Notice>
				) }
				{ children }
				<div className="kvs-actions">
					{ onBack && (
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ onBack }
							disabled={ isSubmitting }
							accessibleWhenDisabled
						>
							{ __( 'Back', 'kiotviet-sync' ) }
						</Button>
					) }
					<Button
						__next40pxDefaultSize
						variant={ submitVariant }
						type="submit"
						isBusy={ isSubmitting }
						disabled={ isSubmitting || cannotSubmit }
						accessibleWhenDisabled
					>
						{ submitLabel ?? __( 'Continue', 'kiotviet-sync' ) }
					</Button>
					{ actionsEnd && (
						<span className="kvs-actions__end">{ actionsEnd }</span>
					) }
				</div>
			</form>
			{ after }
		</StepCard>
	);
}
