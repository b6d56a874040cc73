/**
 * Step "Hàng hóa" (user guide 2.1): choose which cached KiotViet products are
 * synced to the website, per product, per category or in bulk, and which
 * fields an update from KiotViet must not change.
 */

/**
 * External dependencies
 */
import {
	Button,
	Notice,
	RadioControl,
	SearchControl,
	SelectControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	CatalogProduct,
	Category,
	ProductFilter,
	SelectionBody,
} from '../../../shared/schemas/catalog';
import type { LockableField } from '../../../shared/schemas/settings';
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { StepCard } from '../../components/step-card';
import {
	useBulkSelection,
	useCatalogCategories,
	useCatalogProducts,
	useSaveProductLocks,
	useToggleProduct,
} from '../../hooks/use-catalog';
import { useNotices } from '../../hooks/use-notices';
import { useSettings, useUpdateSettings } from '../../hooks/use-settings';
import { useSyncStatus } from '../../hooks/use-sync';
import { CategoryTree } from './category-tree';
import { formatNumber } from './format';
import { LockFieldsModal } from './lock-fields';
import { Pagination } from '../../components/pagination';
import { ProductTable } from './product-table';

/** Milliseconds the search waits after the last keystroke. */
export const SEARCH_DEBOUNCE_MS = 350;

type BulkScope = 'all' | 'page' | 'new';

function lockHelp(): string {
	return __(
		'Information NOT allowed to change when products are updated in KiotViet',
		'kiotviet-sync'
	);
}

interface ProductsStepProps {
	onContinue: () => void;
	focusOnMount?: boolean;
}

export function ProductsStep( {
	onContinue,
	focusOnMount = false,
}: ProductsStepProps ) {
	const notices = useNotices();
	const [ searchInput, setSearchInput ] = useState( '' );
	const [ search, setSearch ] = useState( '' );
	const [ categoryId, setCategoryId ] = useState< number | null >( null );
	const [ filter, setFilter ] = useState< ProductFilter >( 'all' );
	const [ page, setPage ] = useState( 1 );
	const [ bulkScope, setBulkScope ] = useState< BulkScope >( 'all' );
	const [ pendingIds, setPendingIds ] = useState< Set< number > >(
		() => new Set()
	);
	const [ busyCategory, setBusyCategory ] = useState< number | null >( null );
	const [ isGlobalLocksOpen, setGlobalLocksOpen ] = useState( false );
	const [ lockProduct, setLockProduct ] = useState< CatalogProduct | null >(
		null
	);

	useEffect( () => {
		const timer = setTimeout( () => {
			const next = searchInput.trim();
			setSearch( ( current ) => {
				if ( current !== next ) {
					setPage( 1 );
				}
				return next;
			} );
		}, SEARCH_DEBOUNCE_MS );
		return () => clearTimeout( timer );
	}, [ searchInput ] );
	// A new category or filter starts again from page 1.
	const chooseCategory = ( id: number | null ) => {
		setCategoryId( id );
		setPage( 1 );
	};
	const chooseFilter = ( next: ProductFilter ) => {
		setFilter( next );
		setPage( 1 );
	};

	const categories = useCatalogCategories();
	const products = useCatalogProducts( {
		search,
		category_id: categoryId,
		filter,
		page,
	} );
	const status = useSyncStatus();
	const settings = useSettings();
	const updateSettings = useUpdateSettings();
	const toggle = useToggleProduct();
	const bulk = useBulkSelection();
	const saveLocks = useSaveProductLocks();

	const items = products.data?.items ?? [];

	const onToggle = async ( product: CatalogProduct, selected: boolean ) => {
		setPendingIds( ( current ) => new Set( current ).add( product.id ) );
		try {
			await toggle.mutateAsync( { id: product.id, selected } );
		} catch ( error ) {
			notices.error( errorMessage( error ) );
		} finally {
			setPendingIds( ( current ) => {
				const next = new Set( current );
				next.delete( product.id );
				return next;
			} );
		}
	};

	const runBulk = async ( body: SelectionBody, done: string ) => {
		try {
			const result = await bulk.mutateAsync( body );
			notices.success(
				sprintf(
					/* translators: 1: what was done, 2: products selected, 3: products in total. */
					__(
						'%1$s %2$s of %3$s products are selected.',
						'kiotviet-sync'
					),
					done,
					formatNumber( result.selected ),
					formatNumber( result.total )
				)
			);
		} catch ( error ) {
			notices.error( errorMessage( error ) );
		}
	};

	const onQuickSelect = async ( category: Category, select: boolean ) => {
		setBusyCategory( category.id );
		await runBulk(
			{
				action: select ? 'select' : 'deselect',
				scope: 'category',
				category_id: category.id,
			},
			select
				? sprintf(
						/* translators: %s: category name. */
						__( 'Products in %s selected.', 'kiotviet-sync' ),
						category.name
				  )
				: sprintf(
						/* translators: %s: category name. */
						__( 'Products in %s deselected.', 'kiotviet-sync' ),
						category.name
				  )
		);
		setBusyCategory( null );
	};

	const onBulk = ( select: boolean ) => {
		const action = select ? 'select' : 'deselect';
		const done = select
			? __( 'Done.', 'kiotviet-sync' )
			: __( 'Sync stopped.', 'kiotviet-sync' );
		if ( bulkScope === 'page' ) {
			if ( items.length > 0 ) {
				void runBulk(
					{
						action,
						scope: 'ids',
						ids: items.map( ( item ) => item.id ),
					},
					done
				);
			}
			return;
		}
		void runBulk( { action, scope: bulkScope }, done );
	};

	const saveGlobalLocks = async ( fields: LockableField[] ) => {
		try {
			await updateSettings.mutateAsync( { locked_fields: fields } );
			notices.success(
				__( 'The do-not-sync options were saved.', 'kiotviet-sync' )
			);
			setGlobalLocksOpen( false );
		} catch {
			// Shown in the modal.
		}
	};

	const saveProductLocks = async ( fields: LockableField[] ) => {
		if ( ! lockProduct ) {
			return;
		}
		try {
			await saveLocks.mutateAsync( {
				id: lockProduct.id,
				locked_fields: fields,
			} );
			notices.success(
				sprintf(
					/* translators: %s: product name. */
					__( 'Do-not-sync options saved for %s.', 'kiotviet-sync' ),
					lockProduct.full_name
				)
			);
			setLockProduct( null );
		} catch {
			// Shown in the modal.
		}
	};

	let list;
	if ( products.isPending ) {
		list = <Loading label={ __( 'Loading products…', 'kiotviet-sync' ) } />;
	} else if ( products.isError && ! products.data ) {
		list = (
			<Notice
				status="error"
				isDismissible={ false }
				className="kvs-inline-notice"
				actions={ [
					{
						label: __( 'Try again', 'kiotviet-sync' ),
						onClick: () => products.refetch(),
					},
				] }
			>
				{ errorMessage( products.error ) }
			</Notice>
		);
	} else if ( items.length === 0 ) {
		list = (
			<p className="kvs-empty">
				{ search
					? __( 'No product matches this search.', 'kiotviet-sync' )
					: __( 'No products to show.', 'kiotviet-sync' ) }
			</p>
		);
	} else {
		list = (
			<ProductTable
				items={ items }
				pendingIds={ pendingIds }
				onToggle={ onToggle }
				onEditLocks={ ( product ) => {
					saveLocks.reset();
					setLockProduct( product );
				} }
			/>
		);
	}

	const catalog = status.data?.catalog;

	return (
		<StepCard
			title={ __( 'Products', 'kiotviet-sync' ) }
			description={ __(
				'Switch on the products to sync to the website. Choose a category on the left to see its products, or search by name or code.',
				'kiotviet-sync'
			) }
			focusOnMount={ focusOnMount }
		>
			<div className="kvs-products">
				<div className="kvs-products__side">
					{ categories.isPending && (
						<Loading
							label={ __(
								'Loading categories…',
								'kiotviet-sync'
							) }
						/>
					) }
					{ categories.isError && (
						<Notice
							status="error"
							isDismissible={ false }
							className="kvs-inline-notice"
						>
							{ errorMessage( categories.error ) }
						</Notice>
					) }
					{ categories.data && (
						<CategoryTree
							categories={ categories.data }
							activeId={ categoryId }
							busyId={ busyCategory }
							onFilter={ chooseCategory }
							onQuickSelect={ onQuickSelect }
						/>
					) }
				</div>
				<div className="kvs-products__main">
					<div className="kvs-products__toolbar">
						<div className="kvs-products__search">
							<SearchControl
								__nextHasNoMarginBottom
								label={ __(
									'Search by product name or code',
									'kiotviet-sync'
								) }
								placeholder={ __(
									'Search by product name or code',
									'kiotviet-sync'
								) }
								value={ searchInput }
								onChange={ ( next: string ) =>
									setSearchInput( next )
								}
							/>
						</div>
						<SelectControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __( 'Show', 'kiotviet-sync' ) }
							value={ filter }
							onChange={ ( next: string ) =>
								chooseFilter( next as ProductFilter )
							}
							options={ [
								{
									value: 'all',
									label: __(
										'All products',
										'kiotviet-sync'
									),
								},
								{
									value: 'selected',
									label: __( 'Selected', 'kiotviet-sync' ),
								},
								{
									value: 'unselected',
									label: __(
										'Not selected',
										'kiotviet-sync'
									),
								},
								{
									value: 'new',
									label: __(
										'New (never synced)',
										'kiotviet-sync'
									),
								},
								{
									value: 'synced',
									label: __( 'Synced', 'kiotviet-sync' ),
								},
							] }
						/>
						<Button
							className="kvs-products__gear"
							icon="admin-generic"
							label={ __(
								'Do-not-sync options',
								'kiotviet-sync'
							) }
							showTooltip
							disabled={ ! settings.data }
							accessibleWhenDisabled
							onClick={ () => {
								updateSettings.reset();
								setGlobalLocksOpen( true );
							} }
						/>
					</div>
					<fieldset className="kvs-bulk">
						<legend>
							{ __( 'Bulk action', 'kiotviet-sync' ) }
						</legend>
						<RadioControl
							hideLabelFromVision
							label={ __(
								'Products to change',
								'kiotviet-sync'
							) }
							selected={ bulkScope }
							onChange={ ( next: string ) =>
								setBulkScope( next as BulkScope )
							}
							options={ [
								{
									value: 'all',
									label: __(
										'Select all products',
										'kiotviet-sync'
									),
								},
								{
									value: 'page',
									label: __(
										'Select products on this page',
										'kiotviet-sync'
									),
								},
								{
									value: 'new',
									label: __(
										'Select all new products',
										'kiotviet-sync'
									),
								},
							] }
						/>
						<div className="kvs-actions">
							<Button
								__next40pxDefaultSize
								variant="secondary"
								onClick={ () => onBulk( true ) }
								isBusy={
									bulk.isPending &&
									bulk.variables?.action === 'select' &&
									busyCategory === null
								}
								disabled={ bulk.isPending }
								accessibleWhenDisabled
							>
								{ __(
									'Sync all selected products',
									'kiotviet-sync'
								) }
							</Button>
							<Button
								__next40pxDefaultSize
								variant="tertiary"
								onClick={ () => onBulk( false ) }
								isBusy={
									bulk.isPending &&
									bulk.variables?.action === 'deselect' &&
									busyCategory === null
								}
								disabled={ bulk.isPending }
								accessibleWhenDisabled
							>
								{ __( 'Stop syncing them', 'kiotviet-sync' ) }
							</Button>
						</div>
					</fieldset>
					{ catalog && (
						<p className="kvs-products__count" aria-live="polite">
							{ sprintf(
								/* translators: 1: selected products, 2: products fetched from KiotViet. */
								__(
									'%1$s of %2$s products selected for sync.',
									'kiotviet-sync'
								),
								formatNumber( catalog.selected ),
								formatNumber( catalog.products )
							) }
						</p>
					) }
					<div
						className="kvs-products__list"
						aria-busy={ products.isFetching }
					>
						{ list }
					</div>
					{ products.data && (
						<Pagination
							page={ products.data.page }
							totalPages={ products.data.total_pages }
							disabled={ products.isPlaceholderData }
							onChange={ setPage }
						/>
					) }
				</div>
			</div>
			<div className="kvs-actions kvs-actions--footer">
				<Button
					__next40pxDefaultSize
					variant="primary"
					onClick={ onContinue }
				>
					{ __( 'Continue', 'kiotviet-sync' ) }
				</Button>
			</div>
			{ isGlobalLocksOpen && settings.data && (
				<LockFieldsModal
					title={ __( 'Do-not-sync options', 'kiotviet-sync' ) }
					description={ lockHelp() }
					initial={ settings.data.locked_fields }
					isSaving={ updateSettings.isPending }
					error={ updateSettings.error }
					onSave={ saveGlobalLocks }
					onClose={ () => setGlobalLocksOpen( false ) }
				/>
			) }
			{ lockProduct && (
				<LockFieldsModal
					title={ sprintf(
						/* translators: %s: product name. */
						__( 'Do-not-sync options: %s', 'kiotviet-sync' ),
						lockProduct.full_name
					) }
					description={ lockHelp() }
					initial={ lockProduct.locked_fields }
					isSaving={ saveLocks.isPending }
					error={ saveLocks.error }
					onSave={ saveProductLocks }
					onClose={ () => setLockProduct( null ) }
				/>
			) }
		</StepCard>
	);
}
