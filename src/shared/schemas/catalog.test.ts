import {
	CATEGORIES,
	makeProducts,
	PREVIEW,
} from '../test-utils/fake-catalog-api';
import {
	categoriesResponseSchema,
	previewSchema,
	productsPageSchema,
	productsQuerySchema,
	selectionBodySchema,
	productLocksBodySchema,
} from './catalog';

describe( 'catalog schemas', () => {
	it( 'parses the categories list', () => {
		expect(
			categoriesResponseSchema.parse( { categories: CATEGORIES } )
		).toEqual( { categories: CATEGORIES } );
	} );

	it( 'parses a page of products (the contract example included)', () => {
		const example = {
			id: 31000102,
			code: 'AOTHUN-DEN-L',
			name: 'Áo thun basic',
			full_name: 'Áo thun basic - Đen - L',
			category_id: 901,
			category_name: 'Áo thun',
			kind: 'variant',
			master_product_id: 31000101,
			unit: 'cái',
			base_price: 159000,
			stock: 11,
			is_active: true,
			allows_sale: true,
			selected: true,
			synced: false,
			woo_product_id: null,
			last_synced_at: null,
			last_error: null,
			locked_fields: [],
		};
		const page = {
			items: [ example, ...makeProducts().slice( 0, 3 ) ],
			total: 150,
			page: 1,
			per_page: 50,
			total_pages: 3,
		};
		expect( productsPageSchema.parse( page ) ).toEqual( page );
	} );

	it( 'refuses an unknown kind or lock field', () => {
		const [ product ] = makeProducts();
		const page = ( item: unknown ) => ( {
			items: [ item ],
			total: 1,
			page: 1,
			per_page: 50,
			total_pages: 1,
		} );
		expect(
			productsPageSchema.safeParse(
				page( { ...product, kind: 'bundle' } )
			).success
		).toBe( false );
		expect(
			productsPageSchema.safeParse(
				page( { ...product, locked_fields: [ 'sku' ] } )
			).success
		).toBe( false );
	} );

	it( 'fills the query defaults (50 per page)', () => {
		expect( productsQuerySchema.parse( {} ) ).toEqual( {
			search: '',
			category_id: null,
			filter: 'all',
			page: 1,
			per_page: 50,
		} );
	} );

	it( 'accepts the four selection scopes and refuses incomplete ones', () => {
		for ( const body of [
			{ action: 'select', scope: 'all' },
			{ action: 'deselect', scope: 'new' },
			{ action: 'select', scope: 'ids', ids: [ 1, 2 ] },
			{ action: 'select', scope: 'category', category_id: 901 },
		] ) {
			expect( selectionBodySchema.parse( body ) ).toEqual( body );
		}
		expect(
			selectionBodySchema.safeParse( { action: 'select', scope: 'ids' } )
				.success
		).toBe( false );
		expect(
			selectionBodySchema.safeParse( {
				action: 'select',
				scope: 'ids',
				ids: [],
			} ).success
		).toBe( false );
		expect(
			selectionBodySchema.safeParse( {
				action: 'select',
				scope: 'category',
			} ).success
		).toBe( false );
		expect(
			selectionBodySchema.safeParse( { action: 'toggle', scope: 'all' } )
				.success
		).toBe( false );
	} );

	it( 'validates the lock body', () => {
		expect(
			productLocksBodySchema.safeParse( {
				locked_fields: [ 'name', 'stock' ],
			} ).success
		).toBe( true );
		expect(
			productLocksBodySchema.safeParse( { locked_fields: [ 'sku' ] } )
				.success
		).toBe( false );
	} );

	it( 'parses the preview, and the dry-run report spelling of a conflict', () => {
		expect( previewSchema.parse( PREVIEW ) ).toEqual( PREVIEW );
		const fromReport = previewSchema.parse( {
			...PREVIEW,
			categories: { ...PREVIEW.categories, adopt: 2 },
			conflicts: [
				{
					code: 'sku_taken',
					severity: 'conflict',
					entity: 'product',
					kv_id: 7,
					sku: 'X',
					details: {},
				},
			],
		} );
		expect( fromReport.conflicts ).toEqual( [
			{ code: 'sku_taken', kiotviet_id: 7, sku: 'X', message: '' },
		] );
	} );
} );
