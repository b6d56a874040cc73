/** Categories, products, productOnHands, branches, price books (REST, camelCase). */
import { kvDate } from '../format';
import {
	foundOr404,
	validation,
	type Branch,
	type Category,
	type PriceBook,
	type Product,
	type State,
} from '../state';
import {
	bBool,
	bNum,
	bStr,
	listPage,
	ok,
	parseProductInput,
	route,
	type Ctx,
	type Route,
	listDated,
	type ListOptions,
} from './util';

// ------------------------------------------------------------------ serializers

export function categoryJson(
	st: State,
	c: Category
): Record< string, unknown > {
	return {
		categoryId: c.categoryId,
		parentId: c.parentId,
		categoryName: c.categoryName,
		retailerId: st.retailerId,
		hasChild: st.hasChild( c.categoryId ),
		rank: c.rank,
		modifiedDate: kvDate( c.modifiedDate ),
		createdDate: kvDate( c.createdDate ),
	};
}

function categoryTree(
	st: State,
	c: Category,
	childrenOf: Map< number, Category[] >,
	depth = 0
): Record< string, unknown > {
	const kids = ( childrenOf.get( c.categoryId ) ?? [] )
		.slice()
		.sort( ( a, b ) =>
			a.categoryName.localeCompare( b.categoryName, 'vi' )
		);
	return {
		...categoryJson( st, c ),
		children:
			depth < 5
				? kids.map( ( k ) =>
						categoryTree( st, k, childrenOf, depth + 1 )
				  )
				: [],
	};
}

export interface ProductJsonOptions {
	inventories?: boolean;
	branchIds?: number[];
	priceBooks?: boolean;
	serials?: boolean;
	batches?: boolean;
	formulas?: boolean;
	quantity?: boolean;
}

export function productJson(
	st: State,
	p: Product,
	o: ProductJsonOptions = {}
): Record< string, unknown > {
	const out: Record< string, unknown > = {
		id: p.id,
		code: p.code,
		barCode: p.barCode,
		retailerId: st.retailerId,
		allowsSale: p.allowsSale,
		name: p.name,
		fullName: p.fullName,
		categoryId: p.categoryId,
		categoryName: st.categoryName( p.categoryId ),
		tradeMarkId: p.tradeMarkId,
		tradeMarkName: p.tradeMarkName,
		description: p.description,
		hasVariants: p.hasVariants,
		masterProductId: p.masterProductId,
		attributes: p.attributes.map( ( a ) => ( {
			productId: p.id,
			attributeName: a.attributeName,
			attributeValue: a.attributeValue,
		} ) ),
		unit: p.unit,
		masterUnitId: p.masterUnitId,
		conversionValue: p.conversionValue,
		units: st.unitsOf( p ).map( ( u ) => ( {
			id: u.id,
			code: u.code,
			name: u.name,
			fullName: u.fullName,
			unit: u.unit,
			conversionValue: u.conversionValue,
			basePrice: u.basePrice,
		} ) ),
		images: p.images.map( ( u ) => st.absUrl( u ) ),
		basePrice: p.basePrice,
		weight: p.weight,
		type: p.type,
		isActive: p.isActive,
		isRewardPoint: p.isRewardPoint,
		isLotSerialControl: p.isLotSerialControl,
		isBatchExpireControl: p.isBatchExpireControl,
		orderTemplate: p.orderTemplate,
		createdDate: kvDate( p.createdDate ),
		modifiedDate: kvDate( p.modifiedDate ),
	};
	if ( o.inventories ) {
		const ids =
			o.branchIds && o.branchIds.length
				? o.branchIds
				: [ ...st.branches.keys() ];
		out.inventories = ids
			.filter( ( b ) => st.branches.has( b ) )
			.map( ( b ) => {
				const inv = st.inventoryOf( p, b );
				return {
					productId: p.id,
					productCode: p.code,
					productName: p.name,
					branchId: b,
					branchName: st.branches.get( b )?.branchName,
					cost: inv.cost,
					onHand: inv.onHand,
					reserved: inv.reserved,
					onOrder: inv.onOrder,
					minQuantity: inv.minQuantity,
					maxQuantity: inv.maxQuantity,
				};
			} );
	}
	if ( o.priceBooks ) {
		out.priceBooks = st.priceBooksOf( p.id ).map( ( pb ) => ( {
			priceBookId: pb.id,
			priceBookName: pb.name,
			productId: p.id,
			isActive: pb.isActive,
			startDate: kvDate( pb.startDate ),
			endDate: kvDate( pb.endDate ),
			price: pb.prices[ p.id ],
		} ) );
	}
	if ( o.serials && p.isLotSerialControl ) {
		out.productSerials = p.serials.map( ( s ) => ( {
			productId: p.id,
			serialNumber: s.serialNumber,
			status: s.status,
			branchId: s.branchId,
			quantity: s.status === 1 ? 1 : 0,
			createdDate: kvDate( s.createdDate ),
			modifiedDate: kvDate( s.modifiedDate ),
		} ) );
	}
	if ( o.batches && p.isBatchExpireControl ) {
		out.productBatchExpires = p.batches.map( ( b ) => ( {
			productId: p.id,
			onHand: b.onHand,
			batchName: b.batchName,
			expireDate: kvDate( b.expireDate ),
			fullNameVirgule: `${ p.fullName } - ${ b.batchName } - ${ kvDate(
				b.expireDate
			)
				.slice( 0, 10 )
				.split( '-' )
				.reverse()
				.join( '/' ) }`,
			branchId: b.branchId,
		} ) );
	}
	if ( o.formulas && p.formulas.length ) {
		out.productFormulas = p.formulas.map( ( f ) => {
			const m = st.products.get( f.materialId );
			return {
				materialId: f.materialId,
				materialCode: m?.code,
				materialName: m?.name,
				materialFullName: m?.fullName,
				quantity: f.quantity,
				basePrice: m?.basePrice,
				productId: p.id,
			};
		} );
	}
	return out;
}

export function branchJson( st: State, b: Branch ): Record< string, unknown > {
	return {
		id: b.id,
		branchName: b.branchName,
		branchCode: b.branchCode,
		contactNumber: b.contactNumber,
		subContactNumber: b.subContactNumber,
		email: b.email,
		address: b.address,
		locationName: b.locationName,
		wardName: b.wardName,
		isActive: b.isActive,
		retailerId: st.retailerId,
		modifiedDate:
			b.modifiedDate === undefined ? undefined : kvDate( b.modifiedDate ),
		createdDate: kvDate( b.createdDate ),
	};
}

export function priceBookJson(
	st: State,
	pb: PriceBook,
	ctx?: Ctx
): Record< string, unknown > {
	const q = ctx?.query;
	const out: Record< string, unknown > = {
		id: pb.id,
		name: pb.name,
		isActive: pb.isActive,
		isGlobal: pb.isGlobal,
		startDate: kvDate( pb.startDate ),
		endDate: kvDate( pb.endDate ),
		forAllCusGroup: pb.forAllCusGroup,
		forAllUser: pb.forAllUser,
		modifiedDate: kvDate( pb.modifiedDate ),
		createdDate: kvDate( pb.createdDate ),
	};
	if ( q?.bool( 'includePriceBookBranch' ) ) {
		out.priceBookBranches = pb.branchIds.map( ( b, i ) => ( {
			id: pb.id * 100 + i + 1,
			priceBookId: pb.id,
			branchId: b,
			branchName: st.branches.get( b )?.branchName,
		} ) );
	}
	if ( q?.bool( 'includePriceBookCustomerGroups' ) ) {
		out.priceBookCustomerGroups = [];
	}
	if ( q?.bool( 'includePriceBookUsers' ) ) {
		out.priceBookUsers = [];
	}
	return out;
}

// ------------------------------------------------------------------ handlers

const CATEGORY_SORT_KEYS: ListOptions< Category >[ 'sortKeys' ] = {
	name: ( c ) => c.categoryName,
	categoryName: ( c ) => c.categoryName,
	id: ( c ) => c.categoryId,
	categoryId: ( c ) => c.categoryId,
	createdDate: ( c ) => c.createdDate,
	modifiedDate: ( c ) => c.modifiedDate,
	rank: ( c ) => c.rank,
};

function productOr404( st: State, id: string | undefined ): Product {
	return foundOr404(
		st.products.get( Number( id ) ),
		`Không tìm thấy hàng hóa ${ id ?? '' }`
	);
}

const detailOptions = ( ctx: Ctx ): ProductJsonOptions => ( {
	inventories: true,
	priceBooks: true,
	serials: ctx.query.bool( 'includeSerials' ) ?? true,
	batches: ctx.query.bool( 'includeBatchExpires' ) ?? true,
	formulas: true,
	branchIds: ctx.query.nums( 'branchIds' ),
} );

function productByCodeRoute(
	ctx: Ctx,
	code: string | undefined
): Record< string, unknown > {
	const st = ctx.sim.state;
	const p = foundOr404(
		code ? st.productByCode( code ) : undefined,
		`Không tìm thấy hàng hóa có mã ${ code ?? '' }`
	);
	return productJson( st, p, detailOptions( ctx ) );
}

export function categoryWriteBody( ctx: Ctx ): {
	categoryName?: string;
	parentId?: number;
} {
	return {
		categoryName:
			bStr( ctx.body, 'categoryname' ) ?? bStr( ctx.body, 'name' ),
		parentId: bNum( ctx.body, 'parentid' ),
	};
}

export const catalogRoutes: Route[] = [
	// Categories
	route( 'GET', '/categories', ( ctx ) => {
		const st = ctx.sim.state;
		const all = [ ...st.categories.values() ];
		if (
			ctx.query.bool( 'hierachicalData' ) ||
			ctx.query.bool( 'hierarchicalData' )
		) {
			const childrenOf = new Map< number, Category[] >();
			for ( const c of all ) {
				if ( c.parentId !== undefined ) {
					const list = childrenOf.get( c.parentId ) ?? [];
					list.push( c );
					childrenOf.set( c.parentId, list );
				}
			}
			const roots = all.filter(
				( c ) =>
					c.parentId === undefined ||
					! st.categories.has( c.parentId )
			);
			return ok(
				listPage( ctx, roots, {
					sortKeys: CATEGORY_SORT_KEYS,
					defaultOrderBy: 'name',
					ignoreModified: true,
					map: ( c ) => categoryTree( st, c, childrenOf ),
					removed: st.removed.categories,
				} )
			);
		}
		return ok(
			listPage( ctx, all, {
				sortKeys: CATEGORY_SORT_KEYS,
				defaultOrderBy: 'name',
				modified: ( c ) => c.modifiedDate,
				map: ( c ) => categoryJson( st, c ),
				removed: st.removed.categories,
			} )
		);
	} ),
	route( 'GET', '/categories/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const c = foundOr404(
			st.categories.get( Number( ctx.params[ 0 ] ) ),
			`Không tìm thấy nhóm hàng ${ ctx.params[ 0 ] ?? '' }`
		);
		const body = categoryJson( st, c );
		return ok( ctx.sim.config.categoryGetWrapped ? { data: body } : body );
	} ),
	route( 'POST', '/categories', ( ctx ) => {
		const st = ctx.sim.state;
		const b = categoryWriteBody( ctx );
		const c = st.createCategory( b.categoryName ?? '', b.parentId );
		return ok( {
			message: 'Cập nhật dữ liệu thành công',
			data: { ...categoryJson( st, c ), children: [] },
		} );
	} ),
	route( 'PUT', '/categories/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const c = st.updateCategory(
			Number( ctx.params[ 0 ] ),
			categoryWriteBody( ctx )
		);
		return ok( {
			message: 'Cập nhật dữ liệu thành công',
			data: { ...categoryJson( st, c ), children: [] },
		} );
	} ),
	route( 'DELETE', '/categories/:id', ( ctx ) => {
		ctx.sim.state.deleteCategory( Number( ctx.params[ 0 ] ) );
		return ok( { message: 'Xóa dữ liệu thành công' } );
	} ),

	// Products
	route( 'GET', '/products', ( ctx ) => {
		const st = ctx.sim.state;
		const q = ctx.query;
		const isActive = q.bool( 'isActive' );
		const categoryId = q.num( 'categoryId' );
		const masterUnitId = q.num( 'masterUnitId' );
		const masterProductId = q.num( 'masterProductId' );
		const tradeMarkId = q.num( 'tradeMarkId' );
		const productType = q.num( 'productType' );
		const name = q.str( 'name' )?.trim().toLowerCase();
		const checks: ( ( p: Product ) => boolean )[] = [];
		if ( isActive !== undefined ) {
			checks.push( ( p ) => p.isActive === isActive );
		}
		if ( categoryId !== undefined ) {
			checks.push( ( p ) => p.categoryId === categoryId );
		}
		if ( masterUnitId !== undefined ) {
			checks.push( ( p ) => p.masterUnitId === masterUnitId );
		}
		if ( masterProductId !== undefined ) {
			checks.push(
				( p ) =>
					p.masterProductId === masterProductId ||
					p.id === masterProductId
			);
		}
		if ( tradeMarkId !== undefined ) {
			checks.push( ( p ) => p.tradeMarkId === tradeMarkId );
		}
		if ( productType !== undefined ) {
			checks.push( ( p ) => p.type === productType );
		}
		if ( name ) {
			checks.push(
				( p ) =>
					p.fullName.toLowerCase().includes( name ) ||
					p.code.toLowerCase().includes( name )
			);
		}
		const filter = checks.length
			? ( p: Product ) => checks.every( ( c ) => c( p ) )
			: undefined;
		const opts: ProductJsonOptions = {
			inventories: q.bool( 'includeInventory' ) ?? false,
			branchIds: q.nums( 'branchIds' ),
			priceBooks: q.bool( 'includePricebook' ) ?? false,
			serials: q.bool( 'includeSerials' ) ?? false,
			batches: q.bool( 'includeBatchExpires' ) ?? false,
			formulas: q.bool( 'includeMaterial' ) ?? false,
		};
		return ok(
			listDated( ctx, [ ...st.products.values() ], {
				cacheKey: 'products',
				filter,
				sortKeys: {
					name: ( p ) => p.fullName,
					code: ( p ) => p.code,
					categoryId: ( p ) => p.categoryId,
				},
				removed: st.removed.products,
				map: ( p ) => productJson( st, p, opts ),
			} )
		);
	} ),
	route( 'GET', '/products/code', ( ctx ) =>
		ok( productByCodeRoute( ctx, ctx.query.str( 'Code' ) ) )
	),
	route( 'GET', '/products/code/:code', ( ctx ) =>
		ok( productByCodeRoute( ctx, ctx.params[ 0 ] ) )
	),
	route( 'GET', '/products/:id', ( ctx ) =>
		ok(
			productJson(
				ctx.sim.state,
				productOr404( ctx.sim.state, ctx.params[ 0 ] ),
				detailOptions( ctx )
			)
		)
	),
	route( 'POST', '/products', ( ctx ) => {
		const st = ctx.sim.state;
		const p = st.createProduct( parseProductInput( ctx.body ) );
		return ok(
			productJson( st, p, { inventories: true, priceBooks: true } )
		);
	} ),
	route( 'PUT', '/products/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const p = st.updateProduct(
			Number( ctx.params[ 0 ] ),
			parseProductInput( ctx.body )
		);
		return ok(
			productJson( st, p, { inventories: true, priceBooks: true } )
		);
	} ),
	route( 'DELETE', '/products/:id', ( ctx ) => {
		ctx.sim.state.deleteProduct( Number( ctx.params[ 0 ] ) );
		return ok( { message: 'Xóa dữ liệu thành công' } );
	} ),

	// Stock deltas
	route( 'GET', '/productOnHands', ( ctx ) => {
		const st = ctx.sim.state;
		const branchIds = ctx.query.nums( 'branchIds' );
		const ids =
			branchIds && branchIds.length
				? branchIds.filter( ( b ) => st.branches.has( b ) )
				: [ ...st.branches.keys() ];
		const onHandKey = ctx.sim.config.onhandLowercase ? 'onhand' : 'onHand';
		return ok(
			listDated( ctx, [ ...st.products.values() ], {
				cacheKey: 'productOnHands',
				sortKeys: { code: ( p ) => p.code },
				map: ( p ) => ( {
					id: p.id,
					code: p.code,
					createdDate: kvDate( p.createdDate ),
					modifiedDate: kvDate( p.modifiedDate ),
					inventories: ids.map( ( b ) => {
						const inv = st.inventoryOf( p, b );
						return {
							branchId: b,
							[ onHandKey ]: inv.onHand,
							reserved: inv.reserved,
						};
					} ),
				} ),
			} )
		);
	} ),

	// Branches
	route( 'GET', '/branches', ( ctx ) => {
		const st = ctx.sim.state;
		return ok(
			listPage( ctx, [ ...st.branches.values() ], {
				sortKeys: {
					id: ( b ) => b.id,
					name: ( b ) => b.branchName,
					branchName: ( b ) => b.branchName,
					createdDate: ( b ) => b.createdDate,
					modifiedDate: ( b ) => b.modifiedDate ?? b.createdDate,
				},
				defaultOrderBy: 'id',
				modified: ( b ) => b.modifiedDate ?? b.createdDate,
				removed: st.removed.branches,
				map: ( b ) => branchJson( st, b ),
			} )
		);
	} ),
	route( 'GET', '/branches/:id', ( ctx ) => {
		const b = foundOr404(
			ctx.sim.state.branches.get( Number( ctx.params[ 0 ] ) ),
			`Không tìm thấy chi nhánh ${ ctx.params[ 0 ] ?? '' }`
		);
		return ok( branchJson( ctx.sim.state, b ) );
	} ),

	// Price books
	route( 'GET', '/pricebooks', ( ctx ) => {
		const st = ctx.sim.state;
		return ok(
			listDated( ctx, [ ...st.priceBooks.values() ], {
				sortKeys: { name: ( pb ) => pb.name },
				map: ( pb ) => priceBookJson( st, pb, ctx ),
			} )
		);
	} ),
	route( 'GET', '/pricebooks/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const pb = foundOr404(
			st.priceBooks.get( Number( ctx.params[ 0 ] ) ),
			`Không tìm thấy bảng giá ${ ctx.params[ 0 ] ?? '' }`
		);
		const rows = Object.entries( pb.prices ).map( ( [ pid, price ] ) => ( {
			productId: Number( pid ),
			price,
		} ) );
		return ok(
			listPage( ctx, rows, {
				sortKeys: {
					id: ( r ) => r.productId,
					productId: ( r ) => r.productId,
					price: ( r ) => r.price,
				},
				defaultOrderBy: 'id',
				map: ( r ) => {
					const p = st.products.get( r.productId );
					return {
						productId: r.productId,
						productCode: p?.code,
						productName: p?.fullName,
						price: r.price,
					};
				},
			} )
		);
	} ),
	route( 'POST', '/pricebooks/detail', ( ctx ) => {
		const st = ctx.sim.state;
		const b = ctx.body;
		const pricebookId = bNum( b, 'pricebookid' ) ?? 0;
		const productId = bNum( b, 'productid' );
		const price = bNum( b, 'price' );
		if ( productId === undefined || price === undefined || price < 0 ) {
			throw validation(
				'Thiếu productId hoặc price',
				productId === undefined ? 'productId' : 'price'
			);
		}
		st.setPrice( pricebookId, productId, price );
		return ok( { message: 'Cập nhật giá thành công', isSuccess: true } );
	} ),
];

export { bBool };
