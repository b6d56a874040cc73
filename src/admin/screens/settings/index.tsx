/**
 * Settings screen ("Cài đặt", seed 2.8): the seed's order and product options
 * with its guidance, plus new products, stock policy, reconciliation and
 * history retention, and the health panel.
 */

/**
 * External dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	RadioControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import { errorMessage, hasUsefulSummary } from '../../components/error-message';
import { FieldHelp } from '../../components/field-help';
import { Loading } from '../../components/loading';
import { useHealth } from '../../hooks/use-health';
import { useNotices } from '../../hooks/use-notices';
import { useSettings, useUpdateSettings } from '../../hooks/use-settings';
import { isApiError } from '../../../shared/api/errors';
import {
	SETTINGS_LIMITS,
	type Settings,
	type SettingsPatch,
	type StockMode,
} from '../../../shared/schemas/settings';
import { HealthPanel } from '../health/health-panel';
import './settings.css';

type BooleanKey =
	| 'match_by_sku'
	| 'auto_add_new_products'
	| 'order_lines_by_sku'
	| 'sync_shipping'
	| 'auto_resync_orders';

type NumberKey =
	| 'reconcile_interval_minutes'
	| 'auto_resync_interval'
	| 'auto_resync_limit'
	| 'history_retention_days';

const NUMBER_KEYS: NumberKey[] = [
	'reconcile_interval_minutes',
	'auto_resync_interval',
	'auto_resync_limit',
	'history_retention_days',
];

/** What the form holds: numbers as typed, so a half-typed value is kept. */
interface Draft {
	booleans: Partial< Record< BooleanKey, boolean > >;
	numbers: Partial< Record< NumberKey, string > >;
	stock_mode?: StockMode;
}

const EMPTY_DRAFT: Draft = { booleans: {}, numbers: {} };

/**
 * The changed keys as a PUT body, or field errors for numbers that are not
 * whole numbers (the server checks the ranges).
 *
 * @param draft    Form state.
 * @param settings Saved settings.
 */
function toPatch(
	draft: Draft,
	settings: Settings
): { patch: SettingsPatch; errors: Record< string, string > } {
	const patch: SettingsPatch = {};
	const errors: Record< string, string > = {};
	for ( const [ key, value ] of Object.entries( draft.booleans ) as Array<
		[ BooleanKey, boolean ]
	> ) {
		if ( value !== settings[ key ] ) {
			patch[ key ] = value;
		}
	}
	for ( const [ key, raw ] of Object.entries( draft.numbers ) as Array<
		[ NumberKey, string ]
	> ) {
		const text = raw.trim();
		if ( ! /^\d{1,9}$/.test( text ) ) {
			errors[ key ] = __( 'Enter a whole number.', 'kiotviet-sync' );
			continue;
		}
		if ( Number( text ) !== settings[ key ] ) {
			patch[ key ] = Number( text );
		}
	}
	if ( draft.stock_mode && draft.stock_mode !== settings.stock_mode ) {
		patch.stock_mode = draft.stock_mode;
	}
	return { patch, errors };
}

function SettingsForm( { settings }: { settings: Settings } ) {
	const update = useUpdateSettings();
	const health = useHealth();
	const notices = useNotices();
	const [ draft, setDraft ] = useState< Draft >( EMPTY_DRAFT );
	const [ fieldErrors, setFieldErrors ] = useState<
		Record< string, string >
	>( {} );
	const [ formError, setFormError ] = useState< string | null >( null );

	const pending = useMemo(
		() => toPatch( draft, settings ),
		[ draft, settings ]
	);
	const isDirty =
		Object.keys( pending.patch ).length > 0 ||
		Object.keys( pending.errors ).length > 0;

	// Warn before leaving the page with unsaved changes.
	useEffect( () => {
		if ( ! isDirty ) {
			return undefined;
		}
		const onBeforeUnload = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', onBeforeUnload );
		return () =>
			window.removeEventListener( 'beforeunload', onBeforeUnload );
	}, [ isDirty ] );

	const bool = ( key: BooleanKey ): boolean =>
		draft.booleans[ key ] ?? settings[ key ];
	const num = ( key: NumberKey ): string =>
		draft.numbers[ key ] ?? String( settings[ key ] );
	const stockMode = draft.stock_mode ?? settings.stock_mode;

	const clearError = ( key: string ) =>
		setFieldErrors( ( current ) => {
			if ( ! ( key in current ) ) {
				return current;
			}
			const next = { ...current };
			delete next[ key ];
			return next;
		} );

	const setBool = ( key: BooleanKey ) => ( value: boolean ) => {
		clearError( key );
		setDraft( ( current ) => ( {
			...current,
			booleans: { ...current.booleans, [ key ]: value },
		} ) );
	};
	const setNum = ( key: NumberKey ) => ( value: string ) => {
		clearError( key );
		setDraft( ( current ) => ( {
			...current,
			numbers: { ...current.numbers, [ key ]: value },
		} ) );
	};

	const onSubmit = ( event: FormEvent ) => {
		event.preventDefault();
		setFormError( null );
		if ( Object.keys( pending.errors ).length > 0 ) {
			setFieldErrors( pending.errors );
			return;
		}
		if ( Object.keys( pending.patch ).length === 0 ) {
			return;
		}
		update.mutate( pending.patch, {
			onSuccess: () => {
				setDraft( EMPTY_DRAFT );
				setFieldErrors( {} );
				notices.success( __( 'Settings saved.', 'kiotviet-sync' ) );
			},
			onError: ( error ) => {
				const params = isApiError( error ) ? error.params ?? {} : {};
				setFieldErrors( params );
				if (
					Object.keys( params ).length === 0 ||
					hasUsefulSummary( error )
				) {
					setFormError( errorMessage( error ) );
				} else {
					setFormError(
						__(
							'The settings were not saved. Check the highlighted fields.',
							'kiotviet-sync'
						)
					);
				}
			},
		} );
	};

	const onDiscard = () => {
		setDraft( EMPTY_DRAFT );
		setFieldErrors( {} );
		setFormError( null );
	};

	const numberField = (
		key: NumberKey,
		label: string,
		help: string,
		limits: { min: number; max: number }
	) => (
		<div className="kvs-form__field">
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				type="number"
				min={ limits.min }
				max={ limits.max }
				step={ 1 }
				label={ label }
				value={ num( key ) }
				onChange={ setNum( key ) }
				aria-invalid={ fieldErrors[ key ] ? true : undefined }
				help={
					<FieldHelp error={ fieldErrors[ key ] } help={ help } />
				}
			/>
		</div>
	);

	const toggle = ( key: BooleanKey, label: string, help: string ) => (
		<div className="kvs-form__field">
			<ToggleControl
				__nextHasNoMarginBottom
				label={ label }
				checked={ bool( key ) }
				onChange={ setBool( key ) }
				help={
					<FieldHelp error={ fieldErrors[ key ] } help={ help } />
				}
			/>
		</div>
	);

	const cronMissing =
		health.data?.cron.wp_cron_disabled === true &&
		health.data?.cron.action_scheduler === false;

	const otherErrors = Object.entries( fieldErrors ).filter(
		( [ key ] ) =>
			! [
				'match_by_sku',
				'auto_add_new_products',
				'order_lines_by_sku',
				'sync_shipping',
				'auto_resync_orders',
				'stock_mode',
				...NUMBER_KEYS,
			].includes( key )
	);

	return (
		<form className="kvs-settings" onSubmit={ onSubmit } noValidate>
			{ formError && (
				<Notice
					status="error"
					isDismissible={ false }
					className="kvs-inline-notice"
				>
					{ formError }
					{ otherErrors.length > 0 && (
						<ul>
							{ otherErrors.map( ( [ key, message ] ) => (
								<li
									key={ key }
								>{ `${ key }: ${ message }` }</li>
							) ) }
						</ul>
					) }
				</Notice>
			) }

			<Card className="kvs-card" size="small">
				<CardHeader>
					<h2 className="kvs-card-title">
						{ __( 'Products', 'kiotviet-sync' ) }
					</h2>
				</CardHeader>
				<CardBody>
					{ toggle(
						'match_by_sku',
						__(
							'Re-update products when syncing by SKU',
							'kiotviet-sync'
						),
						__(
							'KiotViet Sync currently syncs products by the ID linked to the KiotViet ID. Tick it if you want products synced by SKU.',
							'kiotviet-sync'
						)
					) }
					{ toggle(
						'auto_add_new_products',
						__(
							'Add new KiotViet products automatically',
							'kiotviet-sync'
						),
						__(
							'Products created in KiotViet after the first sync are added to the website without opening the product list again.',
							'kiotviet-sync'
						)
					) }
					<div className="kvs-form__field">
						<RadioControl
							label={ __(
								'Stock to show on the website',
								'kiotviet-sync'
							) }
							selected={ stockMode }
							options={ [
								{
									label: __(
										'Stock of the product sync branch',
										'kiotviet-sync'
									),
									value: 'branch',
								},
								{
									label: __(
										'Total stock of all branches',
										'kiotviet-sync'
									),
									value: 'all_branches',
								},
							] }
							onChange={ ( value ) => {
								clearError( 'stock_mode' );
								setDraft( ( current ) => ( {
									...current,
									stock_mode: value as StockMode,
								} ) );
							} }
							help={
								<FieldHelp error={ fieldErrors.stock_mode } />
							}
						/>
					</div>
					{ numberField(
						'reconcile_interval_minutes',
						__(
							'Check KiotViet for missed changes every (minutes)',
							'kiotviet-sync'
						),
						__(
							'A background check that catches changes a webhook missed. From 5 to 1440 minutes.',
							'kiotviet-sync'
						),
						SETTINGS_LIMITS.reconcileIntervalMinutes
					) }
				</CardBody>
			</Card>

			<Card className="kvs-card" size="small">
				<CardHeader>
					<h2 className="kvs-card-title">
						{ __( 'Orders', 'kiotviet-sync' ) }
					</h2>
				</CardHeader>
				<CardBody>
					{ toggle(
						'order_lines_by_sku',
						__(
							'Sync stock by product SKU when syncing orders',
							'kiotviet-sync'
						),
						__(
							'Tick it if you want the products in website orders synced to KiotViet to be matched by SKU.',
							'kiotviet-sync'
						)
					) }
					{ toggle(
						'sync_shipping',
						__(
							'Sync the shipping fee in orders',
							'kiotviet-sync'
						),
						__(
							'Tick it if you want the shipping fee synced; the order total will then include the shipping fee (if any).',
							'kiotviet-sync'
						)
					) }
					{ toggle(
						'auto_resync_orders',
						__( 'Auto re-sync orders', 'kiotviet-sync' ),
						__(
							'While orders are being synced, some may fail for various reasons (network loss, insufficient stock, server error, …). Tick it to run a background task that re-syncs a set number of orders after a set interval.',
							'kiotviet-sync'
						)
					) }
					<Notice
						status="warning"
						isDismissible={ false }
						className="kvs-inline-notice"
					>
						<p>
							<strong>{ __( 'Notes', 'kiotviet-sync' ) }</strong>
						</p>
						<ul className="kvs-settings__notes">
							<li>
								{ __(
									'The background order re-sync can use a lot of server (hosting) resources. Stores should use it only when necessary and not leave it on by default, and must make sure WP Cron is enabled on the server for it to work.',
									'kiotviet-sync'
								) }
							</li>
							<li>
								{ __(
									'The minimum interval for re-syncing orders is 3600 s, i.e. 1 hour, so that the website does not send too many requests to KiotViet and get its requests blocked.',
									'kiotviet-sync'
								) }
							</li>
							<li>
								{ __(
									'The number of orders checked for an earlier successful sync defaults to 1000; stores should not set it too high, because that consumes server (hosting) resources.',
									'kiotviet-sync'
								) }
							</li>
						</ul>
					</Notice>
					{ cronMissing && (
						<Notice
							status="warning"
							isDismissible={ false }
							className="kvs-inline-notice kvs-settings__cron"
						>
							{ __(
								'WP-Cron is disabled on this server (DISABLE_WP_CRON) and Action Scheduler is not available: the automatic order re-sync will not run unless the server calls wp-cron.php itself.',
								'kiotviet-sync'
							) }
						</Notice>
					) }
					{ numberField(
						'auto_resync_interval',
						__( 'Check synced orders after (s)', 'kiotviet-sync' ),
						__(
							'At least 3600 seconds (1 hour).',
							'kiotviet-sync'
						),
						SETTINGS_LIMITS.autoResyncInterval
					) }
					{ numberField(
						'auto_resync_limit',
						__( 'Number of orders to check', 'kiotviet-sync' ),
						__( 'From 1 to 5000; default 1000.', 'kiotviet-sync' ),
						SETTINGS_LIMITS.autoResyncLimit
					) }
				</CardBody>
			</Card>

			<Card className="kvs-card" size="small">
				<CardHeader>
					<h2 className="kvs-card-title">
						{ __( 'Sync history', 'kiotviet-sync' ) }
					</h2>
				</CardHeader>
				<CardBody>
					{ numberField(
						'history_retention_days',
						__(
							'Keep the sync history for (days)',
							'kiotviet-sync'
						),
						__(
							'Older entries are deleted once a day. From 1 to 365 days.',
							'kiotviet-sync'
						),
						SETTINGS_LIMITS.historyRetentionDays
					) }
				</CardBody>
			</Card>

			<div className="kvs-settings__actions">
				<Button
					variant="primary"
					type="submit"
					isBusy={ update.isPending }
					disabled={ update.isPending || ! isDirty }
					accessibleWhenDisabled
				>
					{ __( 'Save changes', 'kiotviet-sync' ) }
				</Button>
				{ isDirty && (
					<>
						<Button
							variant="tertiary"
							onClick={ onDiscard }
							disabled={ update.isPending }
						>
							{ __( 'Discard changes', 'kiotviet-sync' ) }
						</Button>
						<span className="kvs-settings__dirty" role="status">
							{ __(
								'You have unsaved changes.',
								'kiotviet-sync'
							) }
						</span>
					</>
				) }
			</div>
		</form>
	);
}

export default function SettingsScreen() {
	const settings = useSettings();

	return (
		<div className="kvs-settings-screen">
			{ settings.isPending && (
				<Loading
					label={ __( 'Loading the settings…', 'kiotviet-sync' ) }
				/>
			) }
			{ settings.isError && (
				<Notice status="error" isDismissible={ false }>
					{ errorMessage( settings.error ) }
				</Notice>
			) }
			{ settings.data && <SettingsForm settings={ settings.data } /> }
			<HealthPanel />
		</div>
	);
}
