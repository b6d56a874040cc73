/**
 * Sync history screen ("Lịch sử đồng bộ", seed 2.6): newest first, filters,
 * search, pagination and CSV export.
 */

/**
 * External dependencies
 */
import {
	Button,
	SelectControl,
	TabPanel,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../components/error-message';
import { PagedTable } from '../../components/paged-table';
import { useExportHistory, useHistory } from '../../hooks/use-history';
import { useNotices } from '../../hooks/use-notices';
import {
	HISTORY_CHANNELS,
	HISTORY_RESULTS,
	type HistoryFilters,
	type HistoryItem,
} from '../../../shared/schemas/history';
import { formatDateTime } from '../health/health-panel';
import { channelLabel, objectLabel, resultLabel } from './labels';
import { WebhookInbox } from './webhook-inbox';
import './history.css';

export const PER_PAGE = 50;

interface FilterForm {
	channel: string;
	result: string;
	from: string;
	to: string;
	search: string;
}

const EMPTY_FORM: FilterForm = {
	channel: '',
	result: '',
	from: '',
	to: '',
	search: '',
};

/**
 * Saves a downloaded file through a temporary link.
 *
 * @param blob     File content.
 * @param filename Suggested name.
 */
function saveFile( blob: Blob, filename: string ): void {
	if ( typeof URL.createObjectURL !== 'function' ) {
		return;
	}
	const url = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = filename;
	document.body.appendChild( link );
	link.click();
	link.remove();
	window.setTimeout( () => URL.revokeObjectURL( url ), 1000 );
}

function ItemCell( { item }: { item: HistoryItem } ) {
	if ( item.object_type && item.object_id ) {
		const label = sprintf(
			/* translators: 1: object type (Product, Order…), 2: WooCommerce id */
			__( '%1$s #%2$d', 'kiotviet-sync' ),
			objectLabel( item.object_type ),
			item.object_id
		);
		return item.edit_url ? (
			<a href={ item.edit_url }>{ label }</a>
		) : (
			<>{ label }</>
		);
	}
	if ( item.kiotviet_id ) {
		return (
			<>
				{ sprintf(
					/* translators: %d: KiotViet id */
					__( 'KiotViet #%d', 'kiotviet-sync' ),
					item.kiotviet_id
				) }
			</>
		);
	}
	return <>—</>;
}

function SyncHistory() {
	const [ form, setForm ] = useState< FilterForm >( EMPTY_FORM );
	const [ applied, setApplied ] = useState< FilterForm >( EMPTY_FORM );
	const [ page, setPage ] = useState( 1 );
	const filters: HistoryFilters = { ...applied, page, per_page: PER_PAGE };
	const history = useHistory( filters );
	const exporter = useExportHistory();
	const notices = useNotices();

	const change = ( key: keyof FilterForm ) => ( value: string ) =>
		setForm( ( current ) => ( { ...current, [ key ]: value } ) );

	// Selects apply at once; text fields on submit (Enter or the button).
	const changeAndApply =
		( key: 'channel' | 'result' ) =>
		( value: string ): void => {
			const next = { ...form, [ key ]: value };
			setForm( next );
			setApplied( next );
			setPage( 1 );
		};

	const onSubmit = ( event: FormEvent ) => {
		event.preventDefault();
		setApplied( form );
		setPage( 1 );
	};

	const onReset = () => {
		setForm( EMPTY_FORM );
		setApplied( EMPTY_FORM );
		setPage( 1 );
	};

	const onExport = () => {
		exporter.mutate(
			{ ...applied },
			{
				onSuccess: ( file ) => saveFile( file.blob, file.filename ),
				onError: ( error ) => notices.error( errorMessage( error ) ),
			}
		);
	};

	const hasFilters = Object.values( applied ).some(
		( value ) => value !== ''
	);

	return (
		<div className="kvs-history">
			<form
				className="kvs-history__filters"
				onSubmit={ onSubmit }
				role="search"
				aria-label={ __( 'Filter the sync history', 'kiotviet-sync' ) }
			>
				<SelectControl< string >
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Type', 'kiotviet-sync' ) }
					value={ form.channel }
					onChange={ changeAndApply( 'channel' ) }
					options={ [
						{
							label: __( 'All types', 'kiotviet-sync' ),
							value: '',
						},
						...HISTORY_CHANNELS.map( ( channel ) => ( {
							label: channelLabel( channel ),
							value: channel,
						} ) ),
					] }
				/>
				<SelectControl< string >
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Result', 'kiotviet-sync' ) }
					value={ form.result }
					onChange={ changeAndApply( 'result' ) }
					options={ [
						{
							label: __( 'All results', 'kiotviet-sync' ),
							value: '',
						},
						...HISTORY_RESULTS.map( ( result ) => ( {
							label: resultLabel( result ),
							value: result,
						} ) ),
					] }
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					type="date"
					label={ __( 'From', 'kiotviet-sync' ) }
					value={ form.from }
					onChange={ change( 'from' ) }
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					type="date"
					label={ __( 'To', 'kiotviet-sync' ) }
					value={ form.to }
					onChange={ change( 'to' ) }
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					type="search"
					label={ __( 'Search messages', 'kiotviet-sync' ) }
					value={ form.search }
					onChange={ change( 'search' ) }
				/>
				<div className="kvs-history__filter-actions">
					<Button variant="secondary" type="submit">
						{ __( 'Apply filters', 'kiotviet-sync' ) }
					</Button>
					{ hasFilters && (
						<Button variant="tertiary" onClick={ onReset }>
							{ __( 'Clear filters', 'kiotviet-sync' ) }
						</Button>
					) }
					<Button
						variant="secondary"
						onClick={ onExport }
						isBusy={ exporter.isPending }
						disabled={ exporter.isPending }
						accessibleWhenDisabled
					>
						{ __( 'Export CSV', 'kiotviet-sync' ) }
					</Button>
				</div>
			</form>

			<PagedTable
				query={ history }
				layout="log"
				loadingLabel={ __(
					'Loading the sync history…',
					'kiotviet-sync'
				) }
				tableClassName="wp-list-table widefat fixed striped kvs-history__table"
				caption={ __( 'Sync history, newest first', 'kiotviet-sync' ) }
				head={
					<tr>
						<th scope="col" className="kvs-history__time">
							{ __( 'Time', 'kiotviet-sync' ) }
						</th>
						<th scope="col">{ __( 'Type', 'kiotviet-sync' ) }</th>
						<th scope="col">{ __( 'Item', 'kiotviet-sync' ) }</th>
						<th scope="col">{ __( 'Result', 'kiotviet-sync' ) }</th>
						<th scope="col" className="kvs-history__message">
							{ __( 'Message', 'kiotviet-sync' ) }
						</th>
					</tr>
				}
				row={ ( item ) => (
					<tr key={ item.id }>
						<td>
							<time dateTime={ item.created_at }>
								{ formatDateTime( item.created_at ) }
							</time>
						</td>
						<td>
							{ channelLabel( item.channel ) }
							<br />
							<span className="kvs-history__action">
								{ item.action }
							</span>
						</td>
						<td>
							<ItemCell item={ item } />
						</td>
						<td>
							<span
								className={ `kvs-history__result is-${ item.result }` }
							>
								{ resultLabel( item.result ) }
							</span>
						</td>
						<td className="kvs-history__message">
							{ item.message }
						</td>
					</tr>
				) }
				empty={
					hasFilters
						? __(
								'No entries match these filters.',
								'kiotviet-sync'
						  )
						: __( 'Nothing has been synced yet.', 'kiotviet-sync' )
				}
				columns={ 5 }
				summary={ ( result ) => (
					<p className="kvs-history__count" role="status">
						{ sprintf(
							/* translators: %d: number of history entries */
							__( '%d entries', 'kiotviet-sync' ),
							result.total
						) }
					</p>
				) }
				page={ page }
				onPageChange={ setPage }
				pagerLabel={ __( 'History pages', 'kiotviet-sync' ) }
				pagerClassName="kvs-history__pagination"
			/>
		</div>
	);
}

export default function HistoryScreen() {
	return (
		<TabPanel
			className="kvs-history-tabs"
			tabs={ [
				{
					name: 'history',
					title: __( 'Sync history', 'kiotviet-sync' ),
				},
				{
					name: 'inbox',
					title: __( 'Webhook inbox', 'kiotviet-sync' ),
				},
			] }
		>
			{ ( tab ) =>
				tab.name === 'inbox' ? <WebhookInbox /> : <SyncHistory />
			}
		</TabPanel>
	);
}
