/**
 * "Danh mục hàng hóa": the KiotViet category tree built from the flat list.
 * Clicking a category filters the products; the icon next to it selects (or
 * deselects) all its products at once.
 */

/**
 * External dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Category } from '../../../shared/schemas/catalog';
import { formatNumber } from './format';

export interface CategoryNode {
	category: Category;
	children: CategoryNode[];
}

/**
 * Builds the tree; a category whose parent is missing becomes a root.
 *
 * @param categories Flat list, parents first.
 */
export function buildCategoryTree( categories: Category[] ): CategoryNode[] {
	const nodes = new Map< number, CategoryNode >();
	for ( const category of categories ) {
		nodes.set( category.id, { category, children: [] } );
	}
	const roots: CategoryNode[] = [];
	for ( const category of categories ) {
		const node = nodes.get( category.id ) as CategoryNode;
		const parent =
			category.parent_id !== null
				? nodes.get( category.parent_id )
				: undefined;
		if ( parent && parent !== node ) {
			parent.children.push( node );
		} else {
			roots.push( node );
		}
	}
	return roots;
}

interface CategoryTreeProps {
	categories: Category[];
	activeId: number | null;
	busyId: number | null;
	onFilter: ( id: number | null ) => void;
	onQuickSelect: ( category: Category, select: boolean ) => void;
}

export function CategoryTree( {
	categories,
	activeId,
	busyId,
	onFilter,
	onQuickSelect,
}: CategoryTreeProps ) {
	const [ expanded, setExpanded ] = useState< Set< number > >(
		() => new Set()
	);
	const toggle = ( id: number ) =>
		setExpanded( ( current ) => {
			const next = new Set( current );
			if ( next.has( id ) ) {
				next.delete( id );
			} else {
				next.add( id );
			}
			return next;
		} );

	const renderNodes = ( nodes: CategoryNode[], level: number ) => (
		<ul className={ level === 0 ? 'kvs-tree' : 'kvs-tree__group' }>
			{ nodes.map( ( { category, children } ) => {
				const isOpen = expanded.has( category.id );
				const allSelected =
					category.product_count > 0 &&
					category.selected_count >= category.product_count;
				const groupId = `kvs-category-${ category.id }-children`;
				return (
					<li key={ category.id } className="kvs-tree__item">
						<div className="kvs-tree__row">
							{ children.length > 0 ? (
								<Button
									size="small"
									className="kvs-tree__expander"
									icon={
										isOpen
											? 'arrow-down-alt2'
											: 'arrow-right-alt2'
									}
									aria-expanded={ isOpen }
									aria-controls={ groupId }
									label={ sprintf(
										/* translators: %s: category name. */
										__(
											'Subcategories of %s',
											'kiotviet-sync'
										),
										category.name
									) }
									onClick={ () => toggle( category.id ) }
								/>
							) : (
								<span className="kvs-tree__spacer" />
							) }
							<Button
								variant="link"
								className="kvs-tree__name"
								aria-pressed={ activeId === category.id }
								onClick={ () =>
									onFilter(
										activeId === category.id
											? null
											: category.id
									)
								}
							>
								{ category.name }
							</Button>
							<span className="kvs-tree__count">
								{ sprintf(
									/* translators: 1: selected products, 2: products in the category. */
									__( '%1$s/%2$s', 'kiotviet-sync' ),
									formatNumber( category.selected_count ),
									formatNumber( category.product_count )
								) }
							</span>
							<Button
								size="small"
								className="kvs-tree__select"
								icon={ allSelected ? 'yes-alt' : 'plus-alt' }
								isPressed={ allSelected }
								isBusy={ busyId === category.id }
								disabled={
									busyId !== null ||
									category.product_count === 0
								}
								accessibleWhenDisabled
								label={
									allSelected
										? sprintf(
												/* translators: %s: category name. */
												__(
													'Stop syncing all products in %s',
													'kiotviet-sync'
												),
												category.name
										  )
										: sprintf(
												/* translators: %s: category name. */
												__(
													'Sync all products in %s',
													'kiotviet-sync'
												),
												category.name
										  )
								}
								onClick={ () =>
									onQuickSelect( category, ! allSelected )
								}
							/>
						</div>
						{ children.length > 0 && (
							<div id={ groupId } hidden={ ! isOpen }>
								{ isOpen && renderNodes( children, level + 1 ) }
							</div>
						) }
					</li>
				);
			} ) }
		</ul>
	);

	return (
		<nav
			className="kvs-categories"
			aria-label={ __( 'Product categories', 'kiotviet-sync' ) }
		>
			<h3 className="kvs-categories__title">
				{ __( 'Product categories', 'kiotviet-sync' ) }
			</h3>
			<Button
				variant="link"
				className="kvs-tree__name kvs-tree__all"
				aria-pressed={ activeId === null }
				onClick={ () => onFilter( null ) }
			>
				{ __( 'All categories', 'kiotviet-sync' ) }
			</Button>
			{ categories.length === 0 ? (
				<p>{ __( 'No categories.', 'kiotviet-sync' ) }</p>
			) : (
				renderNodes( buildCategoryTree( categories ), 0 )
			) }
		</nav>
	);
}
