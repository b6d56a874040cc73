/**
 * In-memory KiotViet shop state and its domain rules (orders reserve stock, completion moves onHand,
 * cancel releases the reservation, …). Every change calls `emit(type, items)` with the webhook Data
 * items KiotViet would send; the dispatcher (webhooks.ts) turns them into deliveries.
 */
import { kvDate } from './format';

export interface Branch {
	id: number;
	branchName: string;
	branchCode: string;
	contactNumber?: string;
	subContactNumber?: string;
	email?: string;
	address?: string;
	locationName?: string;
	wardName?: string;
	isActive: boolean;
	createdDate: number;
	modifiedDate?: number;
}

export interface Category {
	categoryId: number;
	parentId?: number;
	categoryName: string;
	rank: number;
	createdDate: number;
	modifiedDate: number;
}

export interface Inventory {
	cost: number;
	onHand: number;
	reserved: number;
	onOrder: number;
	minQuantity: number;
	maxQuantity: number;
}

export interface Serial {
	serialNumber: string;
	status: 0 | 1;
	branchId: number;
	createdDate: number;
	modifiedDate: number;
}

export interface Batch {
	batchName: string;
	expireDate: number;
	onHand: number;
	branchId: number;
}

export interface Attribute {
	attributeName: string;
	attributeValue: string;
}

export interface Product {
	id: number;
	code: string;
	barCode?: string;
	name: string;
	fullName: string;
	categoryId: number;
	tradeMarkId?: number;
	tradeMarkName?: string;
	description: string;
	allowsSale: boolean;
	hasVariants: boolean;
	masterProductId?: number;
	attributes: Attribute[];
	unit: string;
	conversionValue: number;
	masterUnitId?: number;
	basePrice: number;
	weight?: number;
	type: 1 | 2 | 3;
	isActive: boolean;
	isRewardPoint: boolean;
	isLotSerialControl: boolean;
	isBatchExpireControl: boolean;
	images: string[];
	orderTemplate: string;
	createdDate: number;
	modifiedDate: number;
	/** Stored stock per branch (base-unit, non-combo, non-service products). */
	inventories: Record< number, Inventory >;
	serials: Serial[];
	batches: Batch[];
	formulas: { materialId: number; quantity: number }[];
}

export interface PriceBook {
	id: number;
	name: string;
	isActive: boolean;
	isGlobal: boolean;
	startDate: number;
	endDate: number;
	forAllCusGroup: boolean;
	forAllUser: boolean;
	branchIds: number[];
	/** productId → price */
	prices: Record< number, number >;
	createdDate: number;
	modifiedDate: number;
}

export interface Customer {
	id: number;
	code: string;
	name: string;
	gender?: boolean;
	birthDate?: number;
	contactNumber?: string;
	address?: string;
	locationName?: string;
	wardName?: string;
	email?: string;
	organization: string;
	comments: string;
	taxCode?: string;
	type: 0 | 1;
	debt: number;
	rewardPoint: number;
	branchId?: number;
	groups?: string;
	createdDate: number;
	modifiedDate: number;
}

export interface Surcharge {
	id: number;
	surchargeCode: string;
	surchargeName: string;
	valueRatio: number;
	value: number;
	isActive: boolean;
	createDate: number;
	modifiedDate: number;
}

export interface OrderLine {
	productId: number;
	productCode: string;
	productName: string;
	quantity: number;
	price: number;
	discount: number;
	discountRatio: number;
	note: string;
}

export interface OrderSurcharge {
	id: number;
	surchargeId: number;
	surchargeCode: string;
	surchargeName: string;
	surValue: number;
	price: number;
	createdDate: number;
}

export interface Reservation {
	productId: number;
	branchId: number;
	quantity: number;
}

export interface Order {
	id: number;
	code: string;
	purchaseDate: number;
	branchId: number;
	soldById: number;
	cashierId?: number;
	customerId?: number;
	customerCode?: string;
	customerName: string;
	total: number;
	totalPayment: number;
	discount: number;
	discountRatio?: number;
	status: number;
	description: string;
	usingCod: boolean;
	saleChannelId?: number;
	method?: string;
	makeInvoice: boolean;
	orderDetails: OrderLine[];
	orderDelivery?: Record< string, unknown >;
	payments: Record< string, unknown >[];
	surcharges: OrderSurcharge[];
	extra?: string;
	partner?: string;
	/** Base-unit quantities currently held in `reserved` for this order. */
	reservations: Reservation[];
	invoiceId?: number;
	invoiceCode?: string;
	createdDate: number;
	modifiedDate: number;
}

export interface Settings {
	ManagerCustomerByBranch: boolean;
	AllowOrderWhenOutStock: boolean;
	AllowSellWhenOrderOutStock: boolean;
	AllowSellWhenOutStock: boolean;
	/** Simulator-only shop switches (not in GET /settings). */
	OrderEnabled: boolean;
	DeliveryEnabled: boolean;
	SurchargeEnabled: boolean;
}

export interface WebhookSub {
	id: number;
	type: string;
	url: string;
	isActive: boolean;
	description: string;
	secret?: string;
	retailerId: number;
	createdDate: number;
	modifiedDate: number;
}

export interface User {
	id: number;
	userName: string;
	givenName: string;
}

export interface SaleChannel {
	id: number;
	name: string;
	isActive: boolean;
	isNotDelete: boolean;
}

export interface SeedData {
	retailerId: number;
	retailerCode: string;
	branches: Branch[];
	categories: Category[];
	products: Product[];
	priceBooks: PriceBook[];
	customers: Customer[];
	surcharges: Surcharge[];
	settings: Settings;
	users: User[];
	saleChannels: SaleChannel[];
}

export const ORDER_STATUS: Record< number, string > = {
	1: 'Phiếu tạm',
	2: 'Đang giao hàng',
	3: 'Hoàn thành',
	4: 'Đã hủy',
	5: 'Đã xác nhận',
};

export type ErrorKind = 'validation' | 'notfound' | number;

export class ApiError extends Error {
	constructor(
		public readonly kind: ErrorKind,
		public readonly errorCode: string,
		message: string,
		public readonly errors?: {
			errorCode: string;
			fieldName: string;
			message: string;
		}[]
	) {
		super( message );
	}
}

export function validation( message: string, fieldName?: string ): ApiError {
	return new ApiError(
		'validation',
		'KvValidateException',
		message,
		fieldName
			? [ { errorCode: 'KvValidateException', fieldName, message } ]
			: undefined
	);
}

export function notFound( message: string ): ApiError {
	return new ApiError( 'notfound', 'NotFoundException', message );
}

/**
 * The item a lookup found, or a 404 with the message.
 *
 * @param item    What `Map.get` (or a search) returned.
 * @param message KiotViet's "not found" text.
 */
export function foundOr404< T >( item: T | undefined, message: string ): T {
	if ( ! item ) {
		throw notFound( message );
	}
	return item;
}

/**
 * Copies onto `target` the fields that `patch` sets (not undefined).
 *
 * @param target The entity being updated.
 * @param patch  The update.
 * @param keys   The fields copied as they are.
 */
function assignDefined< T, K extends keyof T >(
	target: T,
	patch: { [ P in K ]?: T[ P ] },
	keys: readonly K[]
): void {
	for ( const key of keys ) {
		const value = patch[ key ];
		if ( value !== undefined ) {
			target[ key ] = value as T[ K ];
		}
	}
}

export type EmitFn = ( type: string, items: unknown[] ) => void;

export interface RemovedEntry {
	id: number;
	at: number;
}

const ZERO_INV: Inventory = {
	cost: 0,
	onHand: 0,
	reserved: 0,
	onOrder: 0,
	minQuantity: 0,
	maxQuantity: 999999999,
};

function round3( n: number ): number {
	return Math.round( n * 1000 ) / 1000;
}

export class State {
	retailerId: number;
	retailerCode: string;
	branches = new Map< number, Branch >();
	categories = new Map< number, Category >();
	products = new Map< number, Product >();
	priceBooks = new Map< number, PriceBook >();
	customers = new Map< number, Customer >();
	surcharges = new Map< number, Surcharge >();
	orders = new Map< number, Order >();
	webhooks = new Map< number, WebhookSub >();
	users = new Map< number, User >();
	saleChannels = new Map< number, SaleChannel >();
	settings: Settings;
	removed: Record<
		'products' | 'categories' | 'customers' | 'branches' | 'surcharges',
		RemovedEntry[]
	> = {
		products: [],
		categories: [],
		customers: [],
		branches: [],
		surcharges: [],
	};

	private codeIndex = new Map< string, number >();
	private unitIndex = new Map< number, Set< number > >();
	private orderCodeIndex = new Map< string, number >();
	private seq: Record< string, number > = {};
	private lastNow = 0;
	/** Bumped on every change (every change takes a timestamp); keys the sorted-list cache. */
	version = 0;
	listCache = new Map< string, { version: number; rows: unknown[] } >();

	/** Base URL used to absolutise image paths; set by the server once it listens. */
	baseUrl = 'http://127.0.0.1';
	/** Webhook `Images` as `[{"Image": url}]` instead of URL strings ([U] §6.5). */
	webhookImagesAsObjects: () => boolean = () => false;
	emit: EmitFn = () => undefined;

	constructor( seed: SeedData ) {
		this.retailerId = seed.retailerId;
		this.retailerCode = seed.retailerCode;
		this.settings = { ...seed.settings };
		for ( const b of seed.branches ) {
			this.branches.set( b.id, b );
		}
		for ( const c of seed.categories ) {
			this.categories.set( c.categoryId, c );
		}
		for ( const p of seed.products ) {
			this.products.set( p.id, p );
			this.indexProduct( p );
		}
		for ( const pb of seed.priceBooks ) {
			this.priceBooks.set( pb.id, pb );
		}
		for ( const c of seed.customers ) {
			this.customers.set( c.id, c );
		}
		for ( const s of seed.surcharges ) {
			this.surcharges.set( s.id, s );
		}
		for ( const u of seed.users ) {
			this.users.set( u.id, u );
		}
		for ( const sc of seed.saleChannels ) {
			this.saleChannels.set( sc.id, sc );
		}
		const maxOf = ( ids: Iterable< number >, floor: number ): number => {
			let m = floor;
			for ( const id of ids ) {
				m = Math.max( m, id );
			}
			return m;
		};
		this.seq = {
			product: maxOf( this.products.keys(), 31000000 ),
			category: maxOf( this.categories.keys(), 500000 ),
			customer: maxOf( this.customers.keys(), 880000 ),
			customerCode: seed.customers.length,
			productCode: 0,
			order: 660100,
			orderCode: 0,
			invoice: 770100,
			surcharge: maxOf( this.surcharges.keys(), 3300 ),
			orderSurcharge: 99000,
			webhook: 120040,
			priceBook: maxOf( this.priceBooks.keys(), 100 ),
		};
	}

	/** Strictly increasing clock so two changes never share a modifiedDate. */
	now(): number {
		const t = Date.now();
		this.lastNow = t > this.lastNow ? t : this.lastNow + 1;
		this.version++;
		return this.lastNow;
	}

	nextId( kind: string ): number {
		const v = ( this.seq[ kind ] ?? 0 ) + 1;
		this.seq[ kind ] = v;
		return v;
	}

	// ---------------------------------------------------------------- products: indexes and views

	private indexProduct( p: Product ): void {
		this.codeIndex.set( p.code.toLowerCase(), p.id );
		if ( p.masterUnitId !== undefined ) {
			let set = this.unitIndex.get( p.masterUnitId );
			if ( ! set ) {
				set = new Set();
				this.unitIndex.set( p.masterUnitId, set );
			}
			set.add( p.id );
		}
	}

	private unindexProduct( p: Product ): void {
		if ( this.codeIndex.get( p.code.toLowerCase() ) === p.id ) {
			this.codeIndex.delete( p.code.toLowerCase() );
		}
		if ( p.masterUnitId !== undefined ) {
			this.unitIndex.get( p.masterUnitId )?.delete( p.id );
		}
	}

	productByCode( code: string ): Product | undefined {
		const id = this.codeIndex.get( code.toLowerCase() );
		return id === undefined ? undefined : this.products.get( id );
	}

	derivedUnits( baseId: number ): Product[] {
		const ids = this.unitIndex.get( baseId );
		if ( ! ids ) {
			return [];
		}
		const out: Product[] = [];
		for ( const id of ids ) {
			const p = this.products.get( id );
			if ( p ) {
				out.push( p );
			}
		}
		return out.sort(
			( a, b ) => a.conversionValue - b.conversionValue || a.id - b.id
		);
	}

	categoryName( id: number ): string | undefined {
		return this.categories.get( id )?.categoryName;
	}

	/**
	 * Effective stock of a product at a branch (derived units and combos are computed).
	 * @param p
	 * @param branchId
	 * @param depth
	 */
	inventoryOf( p: Product, branchId: number, depth = 0 ): Inventory {
		if ( p.type === 3 ) {
			return { ...ZERO_INV, cost: p.inventories[ branchId ]?.cost ?? 0 };
		}
		if ( p.masterUnitId !== undefined ) {
			const base = this.products.get( p.masterUnitId );
			const bi = base?.inventories[ branchId ] ?? ZERO_INV;
			const conv = p.conversionValue || 1;
			return {
				cost: bi.cost * conv,
				onHand: round3( bi.onHand / conv ),
				reserved: round3( bi.reserved / conv ),
				onOrder: 0,
				minQuantity: 0,
				maxQuantity: 999999999,
			};
		}
		if ( p.type === 1 && p.formulas.length > 0 && depth < 3 ) {
			let avail = Infinity;
			let cost = 0;
			for ( const f of p.formulas ) {
				const m = this.products.get( f.materialId );
				if ( ! m ) {
					continue;
				}
				const mi = this.inventoryOf( m, branchId, depth + 1 );
				cost += mi.cost * f.quantity;
				avail = Math.min(
					avail,
					Math.floor(
						Math.max( 0, mi.onHand - mi.reserved ) /
							( f.quantity || 1 )
					)
				);
			}
			return {
				...ZERO_INV,
				cost,
				onHand: Number.isFinite( avail ) ? avail : 0,
			};
		}
		return p.inventories[ branchId ] ?? { ...ZERO_INV };
	}

	/**
	 * Stock movements a quantity of this product causes, in stored (base) products.
	 * @param p
	 * @param quantity
	 * @param depth
	 */
	stockEffects( p: Product, quantity: number, depth = 0 ): Reservation[] {
		if ( p.type === 3 || depth > 3 ) {
			return [];
		}
		if ( p.masterUnitId !== undefined ) {
			return [
				{
					productId: p.masterUnitId,
					branchId: 0,
					quantity: quantity * ( p.conversionValue || 1 ),
				},
			];
		}
		if ( p.type === 1 && p.formulas.length > 0 ) {
			const out: Reservation[] = [];
			for ( const f of p.formulas ) {
				const m = this.products.get( f.materialId );
				if ( m ) {
					out.push(
						...this.stockEffects(
							m,
							quantity * f.quantity,
							depth + 1
						)
					);
				}
			}
			return out;
		}
		return [ { productId: p.id, branchId: 0, quantity } ];
	}

	/**
	 * Products whose visible stock depends on this stored product (itself + its unit products).
	 * @param baseId
	 */
	stockDependents( baseId: number ): Product[] {
		const base = this.products.get( baseId );
		return base ? [ base, ...this.derivedUnits( baseId ) ] : [];
	}

	priceBooksOf( productId: number ): PriceBook[] {
		const out: PriceBook[] = [];
		for ( const pb of this.priceBooks.values() ) {
			if ( pb.prices[ productId ] !== undefined ) {
				out.push( pb );
			}
		}
		return out;
	}

	absUrl( u: string ): string {
		return u.startsWith( '/' ) ? this.baseUrl + u : u;
	}

	// ---------------------------------------------------------------- webhook item builders (PascalCase)

	stockItem( p: Product, branchId: number ): Record< string, unknown > {
		const inv = this.inventoryOf( p, branchId );
		return {
			__type: 'KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductStockRes, KiotViet.OmniChannelCore.Api.Shared',
			ProductId: p.id,
			ProductCode: p.code,
			ProductName: p.name,
			BranchId: branchId,
			BranchName: this.branches.get( branchId )?.branchName ?? '',
			Cost: inv.cost,
			OnHand: inv.onHand,
			Reserved: inv.reserved,
			MinQuantity: inv.minQuantity,
			MaxQuantity: inv.maxQuantity,
			isActive: p.isActive,
		};
	}

	productItem(
		p: Product,
		imagesAsObjects = false
	): Record< string, unknown > {
		const { kvDateOffset } = formatters;
		const inventories = [ ...this.branches.values() ].map( ( b ) => {
			const { __type: _t, ...rest } = this.stockItem( p, b.id );
			void _t;
			return rest;
		} );
		return {
			__type: 'KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductUpdateRes, KiotViet.OmniChannelCore.Api.Shared',
			Id: p.id,
			RetailerId: this.retailerId,
			Code: p.code,
			BarCode: p.barCode,
			Name: p.name,
			FullName: p.fullName,
			CategoryId: p.categoryId,
			CategoryName: this.categoryName( p.categoryId ) ?? '',
			AllowsSale: p.allowsSale,
			Type: p.type,
			HasVariants: p.hasVariants,
			MasterProductId: p.masterProductId,
			MasterUnitId: p.masterUnitId,
			BasePrice: p.basePrice,
			Weight: p.weight,
			Unit: p.unit,
			ConversionValue: p.conversionValue,
			Description: p.description,
			ModifiedDate: kvDateOffset( p.modifiedDate ),
			isActive: p.isActive,
			IsRewardPoint: p.isRewardPoint,
			IsLotSerialControl: p.isLotSerialControl,
			IsBatchExpireControl: p.isBatchExpireControl,
			OrderTemplate: p.orderTemplate,
			TradeMarkId: p.tradeMarkId,
			TradeMarkName: p.tradeMarkName,
			Attributes: p.attributes.map( ( a ) => ( {
				ProductId: p.id,
				AttributeName: a.attributeName,
				AttributeValue: a.attributeValue,
			} ) ),
			Units: this.unitsOf( p ).map( ( u ) => ( {
				Id: u.id,
				Code: u.code,
				Name: u.name,
				FullName: u.fullName,
				Unit: u.unit,
				ConversionValue: u.conversionValue,
				BasePrice: u.basePrice,
			} ) ),
			Inventories: inventories,
			PriceBooks: this.priceBooksOf( p.id ).map( ( pb ) => ( {
				ProductId: p.id,
				PriceBookId: pb.id,
				PriceBookName: pb.name,
				Price: pb.prices[ p.id ],
				IsActive: pb.isActive,
				StartDate: kvDateOffset( pb.startDate ),
				EndDate: kvDateOffset( pb.endDate ),
			} ) ),
			Serials: p.serials
				.filter( ( s ) => s.status === 1 )
				.map( ( s ) => ( {
					SerialNumber: s.serialNumber,
					BranchId: s.branchId,
					Status: s.status,
				} ) ),
			Images: p.images.map( ( u ) =>
				imagesAsObjects ? { Image: this.absUrl( u ) } : this.absUrl( u )
			),
		};
	}

	/**
	 * The other units of a product's unit family (for a base: its derived units; for a derived unit: base + siblings).
	 * @param p
	 */
	unitsOf( p: Product ): Product[] {
		if ( p.masterUnitId === undefined ) {
			return this.derivedUnits( p.id );
		}
		const base = this.products.get( p.masterUnitId );
		return [
			...( base ? [ base ] : [] ),
			...this.derivedUnits( p.masterUnitId ).filter(
				( u ) => u.id !== p.id
			),
		];
	}

	orderItem( o: Order ): Record< string, unknown > {
		const { kvDateOffset } = formatters;
		return {
			Id: o.id,
			Code: o.code,
			PurchaseDate: kvDateOffset( o.purchaseDate ),
			BranchId: o.branchId,
			BranchName: this.branches.get( o.branchId )?.branchName,
			SoldById: o.soldById,
			SoldByName: this.users.get( o.soldById )?.givenName,
			CustomerId: o.customerId,
			CustomerCode: o.customerCode,
			CustomerName: o.customerName,
			Total: o.total,
			TotalPayment: o.totalPayment,
			Discount: o.discount,
			DiscountRatio: o.discountRatio,
			Status: o.status,
			StatusValue: ORDER_STATUS[ o.status ] ?? '',
			Description: o.description,
			UsingCod: o.usingCod,
			SaleChannelId: o.saleChannelId,
			ModifiedDate: kvDateOffset( o.modifiedDate ),
			OrderDetails: o.orderDetails.map( ( l ) => ( {
				ProductId: l.productId,
				ProductCode: l.productCode,
				ProductName: l.productName,
				Quantity: l.quantity,
				Price: l.price,
				Discount: l.discount,
				DiscountRatio: l.discountRatio,
			} ) ),
		};
	}

	customerItem( c: Customer ): Record< string, unknown > {
		const { kvDateOffset } = formatters;
		return {
			Id: c.id,
			Code: c.code,
			Name: c.name,
			Gender: c.gender,
			BirthDate:
				c.birthDate === undefined
					? undefined
					: kvDateOffset( c.birthDate ),
			ContactNumber: c.contactNumber,
			Address: c.address,
			LocationName: c.locationName,
			Email: c.email,
			ModifiedDate: kvDateOffset( c.modifiedDate ),
			Type: c.type,
			Organization: c.organization,
			TaxCode: c.taxCode,
			Comments: c.comments,
		};
	}

	categoryItem( c: Category, isDeleted = false ): Record< string, unknown > {
		const { kvDateOffset } = formatters;
		return {
			Id: c.categoryId,
			Name: c.categoryName,
			ParentId: c.parentId,
			IsDeleted: isDeleted,
			CreatedDate: kvDateOffset( c.createdDate ),
			ModifiedDate: kvDateOffset( c.modifiedDate ),
			RetailerId: this.retailerId,
			Rank: c.rank,
			HasChild: this.hasChild( c.categoryId ),
		};
	}

	priceBookItem( pb: PriceBook ): Record< string, unknown > {
		const { kvDateOffset } = formatters;
		return {
			Id: pb.id,
			Name: pb.name,
			IsActive: pb.isActive,
			IsGlobal: pb.isGlobal,
			StartDate: kvDateOffset( pb.startDate ),
			EndDate: kvDateOffset( pb.endDate ),
			ForAllCusGroup: pb.forAllCusGroup,
			ForAllUser: pb.forAllUser,
			PriceBookBranches: pb.branchIds.map( ( bid, i ) => ( {
				Id: pb.id * 100 + i + 1,
				PriceBookId: pb.id,
				BranchId: bid,
				BranchName: this.branches.get( bid )?.branchName,
			} ) ),
			PriceBookCustomerGroups: [],
			PriceBookUsers: [],
		};
	}

	hasChild( categoryId: number ): boolean {
		for ( const c of this.categories.values() ) {
			if ( c.parentId === categoryId ) {
				return true;
			}
		}
		return false;
	}

	// ---------------------------------------------------------------- emission helpers

	emitProduct( p: Product ): void {
		this.emit( 'product.update', [
			this.productItem( p, this.webhookImagesAsObjects() ),
		] );
	}

	emitStock(
		baseIds: Iterable< number >,
		branchIds: Iterable< number >
	): void {
		const items: unknown[] = [];
		const branches = [ ...new Set( branchIds ) ];
		for ( const id of new Set( baseIds ) ) {
			for ( const p of this.stockDependents( id ) ) {
				for ( const b of branches ) {
					items.push( this.stockItem( p, b ) );
				}
			}
		}
		if ( items.length > 0 ) {
			this.emit( 'stock.update', items );
		}
	}

	emitOrder( o: Order ): void {
		this.emit( 'order.update', [ this.orderItem( o ) ] );
	}

	// ---------------------------------------------------------------- categories

	createCategory( name: string, parentId: number | undefined ): Category {
		if ( ! name.trim() ) {
			throw validation(
				'Tên nhóm hàng không được để trống',
				'categoryName'
			);
		}
		if ( parentId !== undefined && parentId !== 0 ) {
			const parent = this.categories.get( parentId );
			if ( ! parent ) {
				throw validation(
					`Nhóm hàng cha ${ parentId } không tồn tại`,
					'parentId'
				);
			}
			if ( this.categoryDepth( parentId ) >= 3 ) {
				throw validation(
					'Nhóm hàng chỉ được tối đa 3 cấp',
					'parentId'
				);
			}
		}
		const now = this.now();
		const c: Category = {
			categoryId: this.nextId( 'category' ),
			parentId: parentId || undefined,
			categoryName: name.trim(),
			rank: this.categories.size + 1,
			createdDate: now,
			modifiedDate: now,
		};
		this.categories.set( c.categoryId, c );
		this.emit( 'category.update', [ this.categoryItem( c ) ] );
		return c;
	}

	categoryDepth( id: number ): number {
		let depth = 0;
		let cur = this.categories.get( id );
		while ( cur && depth < 10 ) {
			depth++;
			cur =
				cur.parentId !== undefined
					? this.categories.get( cur.parentId )
					: undefined;
		}
		return depth;
	}

	updateCategory(
		id: number,
		patch: { categoryName?: string; parentId?: number }
	): Category {
		const c = foundOr404(
			this.categories.get( id ),
			`Không tìm thấy nhóm hàng ${ id }`
		);
		if ( patch.parentId !== undefined ) {
			if ( patch.parentId === 0 ) {
				c.parentId = undefined;
			} else {
				if (
					patch.parentId === id ||
					! this.categories.has( patch.parentId )
				) {
					throw validation(
						`Nhóm hàng cha ${ patch.parentId } không hợp lệ`,
						'parentId'
					);
				}
				c.parentId = patch.parentId;
			}
		}
		if ( patch.categoryName !== undefined && patch.categoryName.trim() ) {
			c.categoryName = patch.categoryName.trim();
		}
		c.modifiedDate = this.now();
		this.emit( 'category.update', [ this.categoryItem( c ) ] );
		return c;
	}

	deleteCategory( id: number ): void {
		foundOr404(
			this.categories.get( id ),
			`Không tìm thấy nhóm hàng ${ id }`
		);
		if ( this.hasChild( id ) ) {
			throw validation( 'Không thể xóa nhóm hàng có nhóm con' );
		}
		for ( const p of this.products.values() ) {
			if ( p.categoryId === id ) {
				throw validation( 'Không thể xóa nhóm hàng đang được sử dụng' );
			}
		}
		this.categories.delete( id );
		const now = this.now();
		this.removed.categories.push( { id, at: now } );
		this.emit( 'category.delete', [ id ] );
	}

	// ---------------------------------------------------------------- products

	createProduct( input: ProductInput ): Product {
		const name = ( input.name ?? '' ).trim();
		if ( ! name ) {
			throw validation( 'Tên hàng hóa không được để trống', 'name' );
		}
		let code = ( input.code ?? '' ).trim();
		if ( code ) {
			if ( this.productByCode( code ) ) {
				throw validation( `Mã hàng ${ code } đã tồn tại`, 'code' );
			}
		} else {
			do {
				code =
					'SP' +
					String( this.nextId( 'productCode' ) ).padStart( 6, '0' );
			} while ( this.productByCode( code ) );
		}
		if ( input.barCode && input.barCode.length > 16 ) {
			throw validation(
				'Mã vạch không được vượt quá 16 ký tự',
				'barCode'
			);
		}
		const categoryId = input.categoryId ?? this.defaultCategoryId();
		if ( ! this.categories.has( categoryId ) ) {
			throw validation(
				`Nhóm hàng ${ categoryId } không tồn tại`,
				'categoryId'
			);
		}
		let master: Product | undefined;
		if ( input.masterProductId ) {
			master = this.products.get( input.masterProductId );
			if ( ! master ) {
				throw validation(
					`Hàng hóa ${ input.masterProductId } không tồn tại`,
					'masterProductId'
				);
			}
		}
		let masterUnit: Product | undefined;
		if ( input.masterUnitId ) {
			masterUnit = this.products.get( input.masterUnitId );
			if ( ! masterUnit || masterUnit.masterUnitId !== undefined ) {
				throw validation(
					`Đơn vị cơ bản ${ input.masterUnitId } không hợp lệ`,
					'masterUnitId'
				);
			}
		}
		const now = this.now();
		const attributes = input.attributes ?? [];
		const unit = input.unit ?? '';
		const p: Product = {
			id: this.nextId( 'product' ),
			code,
			barCode: input.barCode || undefined,
			name,
			fullName:
				input.fullName?.trim() ||
				composeFullName( name, attributes, masterUnit ? unit : '' ),
			categoryId,
			tradeMarkId: input.tradeMarkId,
			tradeMarkName: input.tradeMarkName,
			description: input.description ?? '',
			allowsSale: input.allowsSale ?? true,
			hasVariants:
				input.hasVariants ??
				( attributes.length > 0 || master !== undefined ),
			masterProductId: master
				? master.masterProductId ?? master.id
				: undefined,
			attributes,
			unit,
			conversionValue: masterUnit ? input.conversionValue ?? 1 : 1,
			masterUnitId: masterUnit?.id,
			basePrice: input.basePrice ?? 0,
			weight: input.weight,
			type: input.type ?? 2,
			isActive: input.isActive ?? true,
			isRewardPoint: input.isRewardPoint ?? true,
			isLotSerialControl: input.isProductSerial ?? false,
			isBatchExpireControl: input.isBatchExpireControl ?? false,
			images: input.images ?? [],
			orderTemplate: '',
			createdDate: now,
			modifiedDate: now,
			inventories: {},
			serials: [],
			batches: [],
			formulas: input.formulas ?? [],
		};
		if ( master && ! master.hasVariants ) {
			master.hasVariants = true;
			master.modifiedDate = now;
		}
		for ( const b of this.branches.keys() ) {
			p.inventories[ b ] = { ...ZERO_INV };
		}
		for ( const inv of input.inventories ?? [] ) {
			if ( ! this.branches.has( inv.branchId ) ) {
				throw validation(
					`Chi nhánh ${ inv.branchId } không tồn tại`,
					'inventories'
				);
			}
			const target = p.inventories[ inv.branchId ] ?? { ...ZERO_INV };
			if ( inv.cost !== undefined ) {
				target.cost = inv.cost;
			}
			if ( p.masterUnitId === undefined && inv.onHand !== undefined ) {
				target.onHand = inv.onHand;
			}
			p.inventories[ inv.branchId ] = target;
		}
		for ( const [ b, inv ] of Object.entries( p.inventories ) ) {
			if ( p.isLotSerialControl ) {
				this.syncSerials( p, Number( b ), inv.onHand, now );
			}
			if ( p.isBatchExpireControl ) {
				this.syncBatches( p, Number( b ), inv.onHand );
			}
		}
		this.products.set( p.id, p );
		this.indexProduct( p );
		if ( master && master.modifiedDate === now ) {
			this.emitProduct( master );
		}
		if ( masterUnit ) {
			masterUnit.modifiedDate = now;
		}
		this.emitProduct( p );
		return p;
	}

	private defaultCategoryId(): number {
		const first = this.categories.keys().next();
		if ( first.done ) {
			return this.createCategory( 'Khác', undefined ).categoryId;
		}
		return first.value;
	}

	updateProduct( id: number, input: ProductInput ): Product {
		const p = foundOr404(
			this.products.get( id ),
			`Không tìm thấy hàng hóa ${ id }`
		);
		if (
			input.code !== undefined &&
			input.code.trim() &&
			input.code.trim().toLowerCase() !== p.code.toLowerCase()
		) {
			if ( this.productByCode( input.code.trim() ) ) {
				throw validation(
					`Mã hàng ${ input.code } đã tồn tại`,
					'code'
				);
			}
		}
		if (
			input.categoryId !== undefined &&
			! this.categories.has( input.categoryId )
		) {
			throw validation(
				`Nhóm hàng ${ input.categoryId } không tồn tại`,
				'categoryId'
			);
		}
		if ( input.barCode && input.barCode.length > 16 ) {
			throw validation(
				'Mã vạch không được vượt quá 16 ký tự',
				'barCode'
			);
		}
		this.unindexProduct( p );
		if ( input.code !== undefined && input.code.trim() ) {
			p.code = input.code.trim();
		}
		const nameChanged =
			input.name !== undefined &&
			input.name.trim() !== '' &&
			input.name.trim() !== p.name;
		if ( nameChanged && input.name ) {
			p.name = input.name.trim();
		}
		if ( input.attributes !== undefined ) {
			p.attributes = input.attributes;
		}
		if ( input.fullName !== undefined && input.fullName.trim() ) {
			p.fullName = input.fullName.trim();
		} else if ( nameChanged || input.attributes !== undefined ) {
			p.fullName = composeFullName(
				p.name,
				p.attributes,
				p.masterUnitId !== undefined ? p.unit : ''
			);
		}
		if ( input.barCode !== undefined ) {
			p.barCode = input.barCode || undefined;
		}
		assignDefined( p, input, [
			'categoryId',
			'description',
			'allowsSale',
			'unit',
			'basePrice',
			'weight',
			'isActive',
			'isRewardPoint',
			'images',
			'tradeMarkName',
		] );
		if (
			input.conversionValue !== undefined &&
			p.masterUnitId !== undefined
		) {
			p.conversionValue = input.conversionValue;
		}
		p.modifiedDate = this.now();
		this.indexProduct( p );
		const touchedBranches: number[] = [];
		for ( const inv of input.inventories ?? [] ) {
			if (
				! this.branches.has( inv.branchId ) ||
				p.masterUnitId !== undefined ||
				p.type === 3
			) {
				continue;
			}
			const target = p.inventories[ inv.branchId ] ?? { ...ZERO_INV };
			if ( inv.cost !== undefined ) {
				target.cost = inv.cost;
			}
			if ( inv.onHand !== undefined && inv.onHand !== target.onHand ) {
				target.onHand = inv.onHand;
				touchedBranches.push( inv.branchId );
			}
			p.inventories[ inv.branchId ] = target;
		}
		this.emitProduct( p );
		if ( touchedBranches.length ) {
			this.emitStock( [ p.id ], touchedBranches );
		}
		return p;
	}

	deleteProduct( id: number ): void {
		foundOr404(
			this.products.get( id ),
			`Không tìm thấy hàng hóa ${ id }`
		);
		const ids = [ id ];
		// Deleting a base unit deletes its unit products too.
		for ( const u of this.derivedUnits( id ) ) {
			ids.push( u.id );
		}
		const now = this.now();
		for ( const pid of ids ) {
			const q = this.products.get( pid );
			if ( ! q ) {
				continue;
			}
			this.unindexProduct( q );
			this.products.delete( pid );
			this.removed.products.push( { id: pid, at: now } );
			for ( const pb of this.priceBooks.values() ) {
				delete pb.prices[ pid ];
			}
		}
		this.unitIndex.delete( id );
		this.emit( 'product.delete', ids );
	}

	/**
	 * Shop owner sets stock of a product at a branch (in that product's unit).
	 * @param productId
	 * @param branchId
	 * @param onHand
	 * @param reserved
	 * @param cost
	 */
	setStock(
		productId: number,
		branchId: number,
		onHand: number,
		reserved?: number,
		cost?: number
	): void {
		const p = foundOr404(
			this.products.get( productId ),
			`Không tìm thấy hàng hóa ${ productId }`
		);
		if ( ! this.branches.has( branchId ) ) {
			throw validation(
				`Chi nhánh ${ branchId } không tồn tại`,
				'branchId'
			);
		}
		if ( p.type === 3 || ( p.type === 1 && p.formulas.length > 0 ) ) {
			throw validation(
				'Hàng dịch vụ/combo không quản lý tồn kho',
				'productId'
			);
		}
		const base =
			p.masterUnitId !== undefined
				? this.products.get( p.masterUnitId )
				: p;
		if ( ! base ) {
			throw notFound( `Không tìm thấy hàng hóa ${ p.masterUnitId }` );
		}
		const conv = p.masterUnitId !== undefined ? p.conversionValue || 1 : 1;
		const inv = base.inventories[ branchId ] ?? { ...ZERO_INV };
		inv.onHand = onHand * conv;
		if ( reserved !== undefined ) {
			inv.reserved = reserved * conv;
		}
		if ( cost !== undefined ) {
			inv.cost = cost / conv;
		}
		base.inventories[ branchId ] = inv;
		const now = this.now();
		if ( base.isLotSerialControl ) {
			this.syncSerials( base, branchId, inv.onHand, now );
		}
		if ( base.isBatchExpireControl ) {
			this.syncBatches( base, branchId, inv.onHand );
		}
		this.touchStock(
			[ { productId: base.id, branchId, quantity: 0 } ],
			now
		);
		this.emitStock( [ base.id ], [ branchId ] );
	}

	private syncSerials(
		p: Product,
		branchId: number,
		onHand: number,
		now: number
	): void {
		const inStock = p.serials.filter(
			( s ) => s.branchId === branchId && s.status === 1
		);
		const want = Math.max( 0, Math.floor( onHand ) );
		if ( inStock.length > want ) {
			for ( const s of inStock.slice( want ) ) {
				s.status = 0;
				s.modifiedDate = now;
			}
		} else {
			let n = p.serials.length;
			for ( let i = inStock.length; i < want; i++ ) {
				n++;
				p.serials.push( {
					serialNumber: `35${ String( p.id ).slice( -6 ) }${ String(
						branchId
					).slice( -2 ) }${ String( n ).padStart( 5, '0' ) }`,
					status: 1,
					branchId,
					createdDate: now,
					modifiedDate: now,
				} );
			}
		}
	}

	private syncBatches( p: Product, branchId: number, onHand: number ): void {
		const batches = p.batches
			.filter( ( b ) => b.branchId === branchId )
			.sort( ( a, b ) => a.expireDate - b.expireDate );
		const last = batches[ batches.length - 1 ];
		if ( ! last ) {
			if ( onHand > 0 ) {
				p.batches.push( {
					batchName: `L${ p.id % 100000 }-${ branchId % 100 }`,
					expireDate: Date.now() + 365 * 86400000,
					onHand,
					branchId,
				} );
			}
			return;
		}
		const others = batches
			.slice( 0, -1 )
			.reduce( ( s, b ) => s + b.onHand, 0 );
		if ( onHand >= others ) {
			last.onHand = onHand - others;
		} else {
			// Consume from the earliest expiring batches.
			let left = onHand;
			for ( const b of batches ) {
				const keep = Math.min( b.onHand, left );
				b.onHand = keep;
				left -= keep;
			}
		}
	}

	/**
	 * priceBookId 0 = general price list (basePrice). `price` null removes the product from the book.
	 * @param priceBookId
	 * @param productId
	 * @param price
	 */
	setPrice(
		priceBookId: number,
		productId: number,
		price: number | null
	): void {
		const p = foundOr404(
			this.products.get( productId ),
			`Không tìm thấy hàng hóa ${ productId }`
		);
		if ( priceBookId === 0 ) {
			if ( price === null ) {
				throw validation( 'Giá không hợp lệ', 'price' );
			}
			p.basePrice = price;
			p.modifiedDate = this.now();
			this.emitProduct( p );
			return;
		}
		const pb = foundOr404(
			this.priceBooks.get( priceBookId ),
			`Không tìm thấy bảng giá ${ priceBookId }`
		);
		pb.modifiedDate = this.now();
		p.modifiedDate = pb.modifiedDate;
		if ( price === null ) {
			delete pb.prices[ productId ];
			this.emit( 'pricebookdetail.delete', [
				{ PricebookId: pb.id, ProductIds: [ productId ] },
			] );
		} else {
			pb.prices[ productId ] = price;
			this.emit( 'pricebookdetail.update', [
				{ PriceBookId: pb.id, ProductId: productId, Price: price },
			] );
		}
		this.emitProduct( p );
	}

	updatePriceBook(
		id: number,
		patch: Partial<
			Pick< PriceBook, 'isActive' | 'startDate' | 'endDate' | 'name' >
		>
	): PriceBook {
		const pb = foundOr404(
			this.priceBooks.get( id ),
			`Không tìm thấy bảng giá ${ id }`
		);
		assignDefined( pb, patch, [ 'isActive', 'startDate', 'endDate' ] );
		if ( patch.name !== undefined && patch.name.trim() ) {
			pb.name = patch.name.trim();
		}
		pb.modifiedDate = this.now();
		this.emit( 'pricebook.update', [ this.priceBookItem( pb ) ] );
		return pb;
	}

	deletePriceBook( id: number ): void {
		if ( ! this.priceBooks.delete( id ) ) {
			throw notFound( `Không tìm thấy bảng giá ${ id }` );
		}
		this.emit( 'pricebook.delete', [ id ] );
	}

	// ---------------------------------------------------------------- customers

	findCustomers( contactNumber: string ): Customer[] {
		const d = digits( contactNumber );
		return [ ...this.customers.values() ].filter(
			( c ) => d !== '' && digits( c.contactNumber ).includes( d )
		);
	}

	createCustomer( input: CustomerInput ): Customer {
		const name = ( input.name ?? '' ).trim();
		if ( ! name ) {
			throw validation( 'Tên khách hàng không được để trống', 'name' );
		}
		let code = ( input.code ?? '' ).trim();
		if ( code ) {
			for ( const c of this.customers.values() ) {
				if ( c.code.toLowerCase() === code.toLowerCase() ) {
					throw validation(
						`Mã khách hàng ${ code } đã tồn tại`,
						'code'
					);
				}
			}
		} else {
			const used = new Set(
				[ ...this.customers.values() ].map( ( c ) => c.code )
			);
			do {
				code =
					'KH' +
					String( this.nextId( 'customerCode' ) ).padStart( 6, '0' );
			} while ( used.has( code ) );
		}
		if (
			input.branchId !== undefined &&
			! this.branches.has( input.branchId )
		) {
			throw validation(
				`Chi nhánh ${ input.branchId } không tồn tại`,
				'branchId'
			);
		}
		const now = this.now();
		const c: Customer = {
			id: this.nextId( 'customer' ),
			code,
			name,
			gender: input.gender,
			birthDate: input.birthDate,
			contactNumber: input.contactNumber || undefined,
			address: input.address,
			locationName: input.locationName,
			wardName: input.wardName,
			email: input.email,
			organization: input.organization ?? '',
			comments: input.comments ?? '',
			type: input.type ?? 0,
			debt: 0,
			rewardPoint: 0,
			branchId: input.branchId,
			createdDate: now,
			modifiedDate: now,
		};
		this.customers.set( c.id, c );
		this.emit( 'customer.update', [ this.customerItem( c ) ] );
		return c;
	}

	updateCustomer( id: number, input: CustomerInput ): Customer {
		const c = foundOr404(
			this.customers.get( id ),
			`Không tìm thấy khách hàng ${ id }`
		);
		const keys: ( keyof CustomerInput & keyof Customer )[] = [
			'name',
			'gender',
			'birthDate',
			'contactNumber',
			'address',
			'locationName',
			'wardName',
			'email',
			'organization',
			'comments',
			'branchId',
		];
		for ( const k of keys ) {
			if ( input[ k ] !== undefined ) {
				( c as unknown as Record< string, unknown > )[ k ] = input[ k ];
			}
		}
		c.modifiedDate = this.now();
		this.emit( 'customer.update', [ this.customerItem( c ) ] );
		return c;
	}

	deleteCustomer( id: number ): void {
		if ( ! this.customers.delete( id ) ) {
			throw notFound( `Không tìm thấy khách hàng ${ id }` );
		}
		this.removed.customers.push( { id, at: this.now() } );
		this.emit( 'customer.delete', [ id ] );
	}

	// ---------------------------------------------------------------- surcharges

	requireSurcharges(): void {
		if ( ! this.settings.SurchargeEnabled ) {
			throw validation( 'Chưa bật thu khác trong thiết lập cửa hàng' );
		}
	}

	createSurcharge( input: {
		name?: string;
		code?: string;
		value?: number;
		valueRatio?: number;
		isActive?: boolean;
	} ): Surcharge {
		this.requireSurcharges();
		const name = ( input.name ?? '' ).trim();
		if ( ! name ) {
			throw validation( 'Tên thu khác không được để trống', 'name' );
		}
		let code = ( input.code ?? '' ).trim();
		if ( code ) {
			for ( const s of this.surcharges.values() ) {
				if ( s.surchargeCode.toLowerCase() === code.toLowerCase() ) {
					throw validation(
						s.isActive
							? `Mã thu khác ${ code } đã tồn tại`
							: `Mã thu khác ${ code } đã tồn tại nhưng chưa kích hoạt`,
						'code'
					);
				}
			}
		}
		const id = this.nextId( 'surcharge' );
		if ( ! code ) {
			code = 'THK' + String( id ).padStart( 6, '0' );
		}
		const now = this.now();
		const s: Surcharge = {
			id,
			surchargeCode: code,
			surchargeName: name,
			value: input.value ?? 0,
			valueRatio: input.valueRatio ?? 0,
			isActive: input.isActive ?? true,
			createDate: now,
			modifiedDate: now,
		};
		this.surcharges.set( id, s );
		return s;
	}

	updateSurcharge(
		id: number,
		input: {
			name?: string;
			code?: string;
			value?: number;
			valueRatio?: number;
			isActive?: boolean;
		}
	): Surcharge {
		this.requireSurcharges();
		const s = foundOr404(
			this.surcharges.get( id ),
			`Không tìm thấy thu khác ${ id }`
		);
		if ( input.name !== undefined && input.name.trim() ) {
			s.surchargeName = input.name.trim();
		}
		if ( input.code !== undefined && input.code.trim() ) {
			s.surchargeCode = input.code.trim();
		}
		assignDefined( s, input, [ 'value', 'valueRatio', 'isActive' ] );
		s.modifiedDate = this.now();
		return s;
	}

	// ---------------------------------------------------------------- orders

	orderByCode( code: string ): Order | undefined {
		const id = this.orderCodeIndex.get( code.toLowerCase() );
		return id === undefined ? undefined : this.orders.get( id );
	}

	private buildOrderContent(
		input: OrderInput,
		existing?: Order
	): Omit<
		Order,
		| 'id'
		| 'code'
		| 'createdDate'
		| 'modifiedDate'
		| 'reservations'
		| 'status'
		| 'payments'
	> & { effects: Reservation[] } {
		if ( ! this.settings.OrderEnabled ) {
			throw validation(
				'Thiết lập “Cho phép đặt hàng” đang không được bật.'
			);
		}
		const branchId = input.branchId ?? existing?.branchId;
		if ( branchId === undefined || ! this.branches.has( branchId ) ) {
			throw validation(
				`Chi nhánh ${ branchId ?? '' } không tồn tại`.trim(),
				'branchId'
			);
		}
		const lines = input.orderDetails ?? [];
		if ( lines.length === 0 ) {
			throw validation(
				'Đơn đặt hàng phải có ít nhất một hàng hóa',
				'orderDetails'
			);
		}
		const orderDetails: OrderLine[] = [];
		const effects: Reservation[] = [];
		let subtotal = 0;
		lines.forEach( ( l, i ) => {
			let p =
				l.productId !== undefined
					? this.products.get( l.productId )
					: undefined;
			if ( ! p && l.productId === undefined && l.productCode ) {
				p = this.productByCode( l.productCode );
			}
			if ( ! p ) {
				throw validation(
					`Hàng hóa ${
						l.productId ?? l.productCode ?? ''
					} không tồn tại`,
					`orderDetails[${ i }].productId`
				);
			}
			if ( ! p.isActive ) {
				throw validation(
					`Hàng hóa ${ p.code } đã ngừng kinh doanh`,
					`orderDetails[${ i }].productId`
				);
			}
			if ( ! p.allowsSale ) {
				throw validation(
					`Hàng hóa ${ p.code } không được bán trực tiếp`,
					`orderDetails[${ i }].productId`
				);
			}
			const quantity = l.quantity ?? 0;
			if ( ! ( quantity > 0 ) ) {
				throw validation(
					`Số lượng hàng hóa ${ p.code } không hợp lệ`,
					`orderDetails[${ i }].quantity`
				);
			}
			const price = l.price ?? p.basePrice;
			const discountRatio = l.discountRatio ?? 0;
			const discount =
				l.discount ??
				( discountRatio
					? Math.round( ( quantity * price * discountRatio ) / 100 )
					: 0 );
			subtotal += quantity * price - discount;
			orderDetails.push( {
				productId: p.id,
				productCode: p.code,
				productName: l.productName || p.fullName,
				quantity,
				price,
				discount,
				discountRatio,
				note: l.note ?? '',
			} );
			for ( const e of this.stockEffects( p, quantity ) ) {
				effects.push( { ...e, branchId } );
			}
		} );
		if ( ! this.settings.AllowOrderWhenOutStock ) {
			const need = new Map< number, number >();
			for ( const e of effects ) {
				need.set(
					e.productId,
					( need.get( e.productId ) ?? 0 ) + e.quantity
				);
			}
			for ( const [ pid, qty ] of need ) {
				const p = this.products.get( pid );
				const inv = p?.inventories[ branchId ] ?? ZERO_INV;
				const alreadyMine =
					existing?.reservations
						.filter(
							( r ) =>
								r.productId === pid && r.branchId === branchId
						)
						.reduce( ( s, r ) => s + r.quantity, 0 ) ?? 0;
				if ( qty > inv.onHand - inv.reserved + alreadyMine ) {
					throw validation(
						`Hàng hóa ${ p?.code ?? pid } không đủ tồn kho (còn ${
							inv.onHand - inv.reserved + alreadyMine
						})`,
						'orderDetails'
					);
				}
			}
		}
		const surcharges: OrderSurcharge[] = [];
		const now = this.now();
		for ( const s of input.surchages ?? [] ) {
			this.requireSurcharges();
			let sur =
				s.id !== undefined ? this.surcharges.get( s.id ) : undefined;
			if ( ! sur && s.code ) {
				sur = [ ...this.surcharges.values() ].find(
					( x ) =>
						x.surchargeCode.toLowerCase() === s.code?.toLowerCase()
				);
			}
			if ( ! sur || ! sur.isActive ) {
				throw validation(
					`Thu khác ${
						s.id ?? s.code ?? ''
					} không tồn tại hoặc chưa kích hoạt`,
					'surchages'
				);
			}
			const price =
				s.price ??
				( sur.valueRatio
					? Math.round( ( subtotal * sur.valueRatio ) / 100 )
					: sur.value );
			surcharges.push( {
				id: this.nextId( 'orderSurcharge' ),
				surchargeId: sur.id,
				surchargeCode: sur.surchargeCode,
				surchargeName: sur.surchargeName,
				surValue: price,
				price,
				createdDate: now,
			} );
		}
		if ( input.orderDelivery && ! this.settings.DeliveryEnabled ) {
			throw validation(
				'Thiết lập “Sử dụng tính năng giao hàng.” đang không được bật'
			);
		}
		let customerId = input.customerId ?? existing?.customerId;
		let customer =
			customerId !== undefined && customerId !== 0
				? this.customers.get( customerId )
				: undefined;
		if ( customerId && ! customer ) {
			throw validation(
				`Khách hàng ${ customerId } không tồn tại`,
				'customerId'
			);
		}
		if ( ! customer && input.customer ) {
			const ic = input.customer;
			customer =
				( ic.id ? this.customers.get( ic.id ) : undefined ) ??
				( ic.code
					? [ ...this.customers.values() ].find(
							( c ) =>
								c.code.toLowerCase() === ic.code?.toLowerCase()
					  )
					: undefined );
			if ( ! customer ) {
				customer = this.createCustomer( {
					...ic,
					code: ic.code,
					comments: ic.comments ?? ic.comment,
					branchId,
				} );
			}
		}
		customerId = customer?.id;
		const discountRatio = input.discountRatio;
		const discount =
			input.discount ??
			( discountRatio
				? Math.round( ( subtotal * discountRatio ) / 100 )
				: 0 );
		const total =
			subtotal -
			discount +
			surcharges.reduce( ( s, x ) => s + x.price, 0 );
		const soldById =
			input.soldById ??
			existing?.soldById ??
			this.users.keys().next().value ??
			20001;
		return {
			purchaseDate: input.purchaseDate ?? existing?.purchaseDate ?? now,
			branchId,
			soldById,
			cashierId: input.cashierId,
			customerId,
			customerCode: customer?.code,
			customerName: customer?.name ?? 'Khách lẻ',
			total,
			totalPayment: input.totalPayment ?? 0,
			discount,
			discountRatio,
			description: input.description ?? existing?.description ?? '',
			usingCod: input.usingCod ?? false,
			saleChannelId: input.saleChannelId ?? existing?.saleChannelId,
			method: input.method,
			makeInvoice: input.makeInvoice ?? false,
			orderDetails,
			orderDelivery: input.orderDelivery ?? existing?.orderDelivery,
			surcharges,
			extra: input.extra,
			partner: input.partner,
			effects,
		};
	}

	private applyReservations( rs: Reservation[], sign: 1 | -1 ): void {
		for ( const r of rs ) {
			const p = this.products.get( r.productId );
			if ( ! p ) {
				continue;
			}
			const inv = p.inventories[ r.branchId ] ?? { ...ZERO_INV };
			inv.reserved = Math.max(
				0,
				round3( inv.reserved + sign * r.quantity )
			);
			p.inventories[ r.branchId ] = inv;
		}
	}

	createOrder( input: OrderInput ): Order {
		const content = this.buildOrderContent( input );
		const { effects, ...rest } = content;
		const now = this.now();
		const id = this.nextId( 'order' );
		let code = input.code?.trim();
		if ( code ) {
			if ( this.orderByCode( code ) ) {
				throw validation( `Mã đặt hàng ${ code } đã tồn tại`, 'code' );
			}
		} else {
			do {
				code =
					'DH' +
					String( this.nextId( 'orderCode' ) ).padStart( 6, '0' );
			} while ( this.orderByCode( code ) );
		}
		const payments: Record< string, unknown >[] = [];
		if ( rest.totalPayment > 0 ) {
			payments.push( {
				id: id * 10 + 1,
				code: 'TTDH' + code.slice( 2 ),
				amount: rest.totalPayment,
				method: rest.method ?? 'Cash',
				status: 0,
				statusValue: 'Đã thanh toán',
				transDate: now,
				accountId: input.accountId,
			} );
		}
		const o: Order = {
			...rest,
			id,
			code,
			status: 1,
			payments,
			reservations: effects,
			createdDate: now,
			modifiedDate: now,
		};
		this.orders.set( o.id, o );
		this.orderCodeIndex.set( code.toLowerCase(), o.id );
		this.applyReservations( effects, 1 );
		this.touchStock( effects, now );
		if ( o.makeInvoice ) {
			this.completeOrder( o );
		}
		this.emitOrder( o );
		this.emitStock(
			effects.map( ( e ) => e.productId ),
			[ o.branchId ]
		);
		return o;
	}

	/**
	 * Stock moved: the stored product and its unit products count as modified (lastModifiedFrom).
	 * @param rs
	 * @param now
	 */
	private touchStock( rs: Reservation[], now: number ): void {
		for ( const r of rs ) {
			for ( const p of this.stockDependents( r.productId ) ) {
				p.modifiedDate = now;
			}
		}
	}

	updateOrder( id: number, input: OrderInput ): Order {
		const o = foundOr404(
			this.orders.get( id ),
			`Không tìm thấy đơn đặt hàng ${ id }`
		);
		if ( o.status === 3 || o.status === 4 ) {
			throw validation(
				`Đơn đặt hàng ${ o.code } đã ${
					o.status === 3 ? 'hoàn thành' : 'bị hủy'
				}, không thể cập nhật`
			);
		}
		const merged: OrderInput = {
			...input,
			orderDetails: input.orderDetails ?? o.orderDetails,
			surchages:
				input.surchages ??
				o.surcharges.map( ( s ) => ( {
					id: s.surchargeId,
					price: s.price,
				} ) ),
		};
		const content = this.buildOrderContent( merged, o );
		const { effects, ...rest } = content;
		const oldEffects = o.reservations;
		this.applyReservations( oldEffects, -1 );
		Object.assign( o, rest, { payments: o.payments, makeInvoice: false } );
		o.reservations = effects;
		this.applyReservations( effects, 1 );
		o.modifiedDate = this.now();
		this.touchStock( [ ...oldEffects, ...effects ], o.modifiedDate );
		this.emitOrder( o );
		this.emitStock(
			[ ...oldEffects, ...effects ].map( ( e ) => e.productId ),
			[ o.branchId ]
		);
		return o;
	}

	private completeOrder( o: Order ): void {
		const now = this.now();
		for ( const r of o.reservations ) {
			const p = this.products.get( r.productId );
			if ( ! p ) {
				continue;
			}
			const inv = p.inventories[ r.branchId ] ?? { ...ZERO_INV };
			inv.onHand = round3( inv.onHand - r.quantity );
			p.inventories[ r.branchId ] = inv;
			if ( p.isLotSerialControl ) {
				this.syncSerials( p, r.branchId, inv.onHand, now );
			}
			if ( p.isBatchExpireControl ) {
				this.syncBatches( p, r.branchId, inv.onHand );
			}
		}
		this.applyReservations( o.reservations, -1 );
		o.status = 3;
		o.invoiceId = this.nextId( 'invoice' );
		o.invoiceCode = 'HD' + o.code.slice( 2 );
		o.modifiedDate = now;
		this.touchStock( o.reservations, now );
		this.emit( 'invoice.update', [
			{
				Id: o.invoiceId,
				Code: o.invoiceCode,
				OrderCode: o.code,
				PurchaseDate: formatters.kvDateOffset( now ),
				BranchId: o.branchId,
				BranchName: this.branches.get( o.branchId )?.branchName,
				SoldById: o.soldById,
				SoldByName: this.users.get( o.soldById )?.givenName,
				CustomerId: o.customerId,
				CustomerCode: o.customerCode,
				CustomerName: o.customerName,
				Total: o.total,
				TotalPayment: o.total,
				Discount: o.discount,
				Status: 1,
				StatusValue: 'Hoàn thành',
				Description: o.description,
				UsingCod: o.usingCod,
				ModifiedDate: formatters.kvDateOffset( now ),
				InvoiceDetails: o.orderDetails.map( ( l ) => ( {
					ProductId: l.productId,
					ProductCode: l.productCode,
					ProductName: l.productName,
					Quantity: l.quantity,
					Price: l.price,
					Discount: l.discount,
				} ) ),
				Payments: [],
			},
		] );
	}

	/**
	 * Status change as a shop owner would do it (1 tạm, 2 giao hàng, 3 hoàn thành, 4 hủy, 5 xác nhận).
	 * @param id
	 * @param status
	 */
	setOrderStatus( id: number, status: number ): Order {
		const o = foundOr404(
			this.orders.get( id ),
			`Không tìm thấy đơn đặt hàng ${ id }`
		);
		if ( ! ORDER_STATUS[ status ] ) {
			throw validation( `Trạng thái ${ status } không hợp lệ`, 'status' );
		}
		if ( o.status === status ) {
			return o;
		}
		if ( o.status === 3 || o.status === 4 ) {
			throw validation(
				`Đơn đặt hàng ${ o.code } đã ${
					o.status === 3 ? 'hoàn thành' : 'bị hủy'
				}`
			);
		}
		const affected = o.reservations.map( ( r ) => r.productId );
		if ( status === 3 ) {
			this.completeOrder( o );
		} else if ( status === 4 ) {
			this.applyReservations( o.reservations, -1 );
			o.status = 4;
			o.modifiedDate = this.now();
			this.touchStock( o.reservations, o.modifiedDate );
		} else {
			o.status = status;
			o.modifiedDate = this.now();
		}
		this.emitOrder( o );
		if ( status === 3 || status === 4 ) {
			this.emitStock( affected, [ o.branchId ] );
		}
		return o;
	}

	cancelOrder( id: number ): Order {
		const o = foundOr404(
			this.orders.get( id ),
			`Không tìm thấy đơn đặt hàng ${ id }`
		);
		if ( o.status === 4 ) {
			return o;
		}
		return this.setOrderStatus( id, 4 );
	}

	// ---------------------------------------------------------------- webhooks (registrations)

	registerWebhook( input: {
		type?: string;
		url?: string;
		isActive?: boolean;
		description?: string;
		secret?: string;
	} ): WebhookSub {
		const type = ( input.type ?? '' ).trim().toLowerCase();
		if ( ! WEBHOOK_TYPES.includes( type ) ) {
			throw validation(
				`Type ${ input.type ?? '' } không hợp lệ`,
				'Type'
			);
		}
		const url = ( input.url ?? '' ).trim();
		if ( ! /^https?:\/\//i.test( url ) ) {
			throw validation( 'Url không hợp lệ', 'Url' );
		}
		for ( const w of this.webhooks.values() ) {
			if ( w.type === type ) {
				throw validation( `Type đã tồn tại: ${ type }`, 'Type' );
			}
		}
		const now = this.now();
		const w: WebhookSub = {
			id: this.nextId( 'webhook' ),
			type,
			url,
			isActive: input.isActive ?? true,
			description: input.description ?? '',
			secret: input.secret || undefined,
			retailerId: this.retailerId,
			createdDate: now,
			modifiedDate: now,
		};
		this.webhooks.set( w.id, w );
		return w;
	}

	// ---------------------------------------------------------------- snapshot

	snapshot(): Record< string, unknown > {
		return {
			retailerId: this.retailerId,
			retailerCode: this.retailerCode,
			settings: this.settings,
			branches: [ ...this.branches.values() ],
			categories: [ ...this.categories.values() ],
			products: [ ...this.products.values() ],
			priceBooks: [ ...this.priceBooks.values() ],
			customers: [ ...this.customers.values() ],
			surcharges: [ ...this.surcharges.values() ],
			orders: [ ...this.orders.values() ],
			webhooks: [ ...this.webhooks.values() ],
			users: [ ...this.users.values() ],
			saleChannels: [ ...this.saleChannels.values() ],
			removed: this.removed,
			counts: {
				branches: this.branches.size,
				categories: this.categories.size,
				products: this.products.size,
				priceBooks: this.priceBooks.size,
				customers: this.customers.size,
				surcharges: this.surcharges.size,
				orders: this.orders.size,
				webhooks: this.webhooks.size,
			},
		};
	}
}

export const WEBHOOK_TYPES = [
	'customer.update',
	'customer.delete',
	'product.update',
	'product.delete',
	'stock.update',
	'order.update',
	'invoice.update',
	'pricebook.update',
	'pricebook.delete',
	'pricebookdetail.update',
	'pricebookdetail.delete',
	'category.update',
	'category.delete',
	'branch.update',
	'branch.delete',
];

export interface ProductInput {
	code?: string;
	name?: string;
	fullName?: string;
	barCode?: string;
	categoryId?: number;
	allowsSale?: boolean;
	description?: string;
	hasVariants?: boolean;
	attributes?: Attribute[];
	unit?: string;
	masterProductId?: number;
	masterUnitId?: number;
	conversionValue?: number;
	inventories?: { branchId: number; onHand?: number; cost?: number }[];
	basePrice?: number;
	weight?: number;
	images?: string[];
	isProductSerial?: boolean;
	isBatchExpireControl?: boolean;
	isActive?: boolean;
	isRewardPoint?: boolean;
	type?: 1 | 2 | 3;
	tradeMarkId?: number;
	tradeMarkName?: string;
	formulas?: { materialId: number; quantity: number }[];
}

export interface CustomerInput {
	code?: string;
	name?: string;
	gender?: boolean;
	birthDate?: number;
	contactNumber?: string;
	address?: string;
	locationName?: string;
	wardName?: string;
	email?: string;
	organization?: string;
	comments?: string;
	type?: 0 | 1;
	branchId?: number;
}

export interface OrderInput {
	code?: string;
	branchId?: number;
	purchaseDate?: number;
	customerId?: number;
	customer?: CustomerInput & { id?: number; comment?: string };
	soldById?: number;
	cashierId?: number;
	saleChannelId?: number;
	discount?: number;
	discountRatio?: number;
	description?: string;
	method?: string;
	totalPayment?: number;
	accountId?: number;
	makeInvoice?: boolean;
	usingCod?: boolean;
	orderDetails?: {
		productId?: number;
		productCode?: string;
		productName?: string;
		quantity?: number;
		price?: number;
		discount?: number;
		discountRatio?: number;
		note?: string;
	}[];
	orderDelivery?: Record< string, unknown >;
	surchages?: { id?: number; code?: string; price?: number }[];
	extra?: string;
	partner?: string;
}

export function composeFullName(
	name: string,
	attributes: Attribute[],
	unit: string
): string {
	let s = name;
	if ( attributes.length ) {
		s += ' - ' + attributes.map( ( a ) => a.attributeValue ).join( ' - ' );
	}
	if ( unit ) {
		s += ` (${ unit })`;
	}
	return s;
}

function digits( s: string | undefined ): string {
	return ( s ?? '' ).replace( /\D+/g, '' );
}

const formatters = {
	kvDateOffset: ( ms: number ): string => `${ kvDate( ms ) }+07:00`,
};
