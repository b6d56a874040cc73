/** Routing, query binding, list paging and input parsing shared by the route modules. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Sim } from '../server';
import {
	asArray,
	asBag,
	kvDateOffset,
	parseKvDate,
	toBool,
	toNum,
	toStr,
	type Bag,
} from '../format';
import {
	ApiError,
	validation,
	type Attribute,
	type CustomerInput,
	type OrderInput,
	type ProductInput,
	type RemovedEntry,
} from '../state';

export interface Ctx {
	sim: Sim;
	method: string;
	path: string;
	params: string[];
	query: Query;
	/** Request body with lower-cased keys (binding is case-insensitive). */
	body: Bag;
	rawBody: string;
	headers: IncomingHttpHeaders;
}

export interface Result {
	status?: number;
	body?: unknown;
	headers?: Record< string, string >;
	/** Raw bytes (images). */
	raw?: Buffer;
	contentType?: string;
}

export type Handler = ( ctx: Ctx ) => Result | Promise< Result >;

export interface Route {
	method: string;
	re: RegExp;
	handler: Handler;
}

/**
 * `route('GET', '/products/:id', h)`; parameters match one path segment.
 * @param method
 * @param pattern
 * @param handler
 */
export function route(
	method: string,
	pattern: string,
	handler: Handler
): Route {
	const re = new RegExp(
		'^' + pattern.replace( /\/:[a-z]+/gi, '/([^/]+)' ) + '/?$',
		'i'
	);
	return { method, re, handler };
}

export function matchRoute(
	routes: Route[],
	method: string,
	path: string
): { route: Route; params: string[] } | { allowed: string[] } | undefined {
	const allowed: string[] = [];
	for ( const r of routes ) {
		const m = r.re.exec( path );
		if ( ! m ) {
			continue;
		}
		if ( r.method !== method ) {
			allowed.push( r.method );
			continue;
		}
		return {
			route: r,
			params: m.slice( 1 ).map( ( s ) => decodeURIComponent( s ) ),
		};
	}
	return allowed.length ? { allowed } : undefined;
}

/** Query parameters, case-insensitive names, arrays in `a=1,2`, `a=1&a=2`, `a[]=1` and `a[0]=1` styles. */
export class Query {
	private map = new Map< string, string[] >();
	readonly raw: Record< string, string | string[] > = {};

	constructor( sp: URLSearchParams ) {
		for ( const [ k, v ] of sp ) {
			const existing = this.raw[ k ];
			if ( existing === undefined ) {
				this.raw[ k ] = v;
			} else {
				this.raw[ k ] = Array.isArray( existing )
					? [ ...existing, v ]
					: [ existing, v ];
			}
			const name = k.replace( /\[[^\]]*\]$/, '' ).toLowerCase();
			const list = this.map.get( name ) ?? [];
			list.push( v );
			this.map.set( name, list );
		}
	}

	has( name: string ): boolean {
		return this.map.has( name.toLowerCase() );
	}

	str( name: string ): string | undefined {
		const v = this.map.get( name.toLowerCase() );
		return v?.[ 0 ];
	}

	num( name: string ): number | undefined {
		return toNum( this.str( name ) );
	}

	bool( name: string ): boolean | undefined {
		return toBool( this.str( name ) );
	}

	nums( name: string ): number[] | undefined {
		const v = this.map.get( name.toLowerCase() );
		if ( ! v ) {
			return undefined;
		}
		const out: number[] = [];
		for ( const item of v ) {
			for ( const part of item.split( ',' ) ) {
				const n = toNum( part );
				if ( n !== undefined ) {
					out.push( n );
				}
			}
		}
		return out;
	}

	date( name: string ): number | undefined {
		const s = this.str( name );
		if ( s === undefined || s === '' ) {
			return undefined;
		}
		const ms = parseKvDate( s );
		if ( ms === undefined ) {
			throw validation( `Giá trị ${ name } không hợp lệ: ${ s }`, name );
		}
		return ms;
	}
}

export function ok( body: unknown, status = 200 ): Result {
	return { status, body };
}

export function errorBody(
	errorCode: string,
	message: string,
	errors?: unknown[]
): unknown {
	return { responseStatus: { errorCode, message, errors } };
}

export function statusOf( sim: Sim, e: ApiError ): number {
	if ( e.kind === 'validation' ) {
		return sim.config.validationStatus;
	}
	if ( e.kind === 'notfound' ) {
		return sim.config.notFoundStatus;
	}
	return e.kind;
}

export interface ListOptions< T > {
	sortKeys: Record< string, ( t: T ) => number | string >;
	defaultOrderBy: string;
	modified?: ( t: T ) => number;
	removed?: RemovedEntry[];
	map: ( t: T ) => unknown;
	/** Ignore lastModifiedFrom (hierarchical categories). */
	ignoreModified?: boolean;
	/** Cache the sorted `items` under this key until the state changes (pass the unfiltered collection only). */
	cacheKey?: string;
	/** Extra row filter (applied after the cached sort). */
	filter?: ( t: T ) => boolean;
	defaultPageSize?: number;
}

/** An entity with KiotViet's id and dates (products, customers, orders, price books). */
interface Dated {
	id: number;
	createdDate: number;
	modifiedDate: number;
}

/**
 * `listPage` for a dated entity: ordered by id unless asked otherwise (also by
 * createdDate, modifiedDate and the entity's own `sortKeys`), filtered by
 * lastModifiedFrom on modifiedDate.
 * @param ctx
 * @param items
 * @param o
 */
export function listDated< T extends Dated >(
	ctx: Ctx,
	items: T[],
	o: Omit< ListOptions< T >, 'sortKeys' | 'defaultOrderBy' | 'modified' > & {
		sortKeys?: ListOptions< T >[ 'sortKeys' ];
	}
): Bag {
	return listPage( ctx, items, {
		...o,
		sortKeys: {
			id: ( t ) => t.id,
			createdDate: ( t ) => t.createdDate,
			modifiedDate: ( t ) => t.modifiedDate,
			...o.sortKeys,
		},
		defaultOrderBy: 'id',
		modified: ( t ) => t.modifiedDate,
	} );
}

/**
 * The list envelope: `{total, pageSize, data, removedIds?, timestamp}` with paging and ordering.
 * @param ctx
 * @param items
 * @param o
 */
export function listPage< T >(
	ctx: Ctx,
	items: T[],
	o: ListOptions< T >
): Bag {
	const q = ctx.query;
	const from = o.ignoreModified ? undefined : q.date( 'lastModifiedFrom' );
	let rows = items;
	const filterModified = (): void => {
		const mod = o.modified;
		const extra = o.filter;
		if ( from !== undefined && mod ) {
			rows = rows.filter(
				( t ) => mod( t ) >= from && ( ! extra || extra( t ) )
			);
		} else if ( extra ) {
			rows = rows.filter( extra );
		}
	};
	const orderByParam = ( q.str( 'orderBy' ) ?? '' ).toLowerCase();
	const sortKey =
		Object.keys( o.sortKeys ).find(
			( k ) => k.toLowerCase() === orderByParam
		) ?? o.defaultOrderBy;
	const key = o.sortKeys[ sortKey ];
	const desc = ( q.str( 'orderDirection' ) ?? '' ).toLowerCase() === 'desc';
	const st = ctx.sim.state;
	const cacheId = o.cacheKey ? `${ o.cacheKey }|${ sortKey }|${ desc }` : '';
	const cached = cacheId ? st.listCache.get( cacheId ) : undefined;
	if ( cached && cached.version === st.version ) {
		rows = cached.rows as T[];
	} else if ( key ) {
		const idKey = o.sortKeys.id;
		if ( ! cacheId ) {
			filterModified();
		}
		rows = [ ...rows ].sort( ( a, b ) => {
			const ka = key( a );
			const kb = key( b );
			let c =
				typeof ka === 'number' && typeof kb === 'number'
					? ka - kb
					: String( ka ).localeCompare( String( kb ), 'vi' );
			if ( c === 0 && idKey ) {
				c = ( idKey( a ) as number ) - ( idKey( b ) as number );
			}
			return desc ? -c : c;
		} );
		if ( cacheId ) {
			st.listCache.set( cacheId, { version: st.version, rows } );
		}
	}
	if ( cacheId || ! key ) {
		filterModified();
	}
	const requested = q.num( 'pageSize' );
	let pageSize =
		requested !== undefined && requested > 0
			? Math.floor( requested )
			: o.defaultPageSize ?? 20;
	if ( ctx.sim.config.capPageSize ) {
		pageSize = Math.min( pageSize, ctx.sim.config.maxPageSize );
	}
	const currentItem = Math.max(
		0,
		Math.floor( q.num( 'currentItem' ) ?? 0 )
	);
	const page = rows.slice( currentItem, currentItem + pageSize ).map( o.map );
	const out: Bag = { total: rows.length, pageSize, data: page };
	if ( q.bool( 'includeRemoveIds' ) && o.removed ) {
		out.removedIds = o.removed
			.filter( ( r ) => from === undefined || r.at >= from )
			.map( ( r ) => r.id );
	}
	out.timestamp = kvDateOffset( Date.now() );
	return out;
}

// ------------------------------------------------------------------ body readers

export function bNum( b: Bag, key: string ): number | undefined {
	return toNum( b[ key ] );
}

export function bStr( b: Bag, key: string ): string | undefined {
	return toStr( b[ key ] );
}

export function bBool( b: Bag, key: string ): boolean | undefined {
	return toBool( b[ key ] );
}

export function bDate( b: Bag, key: string ): number | undefined {
	const s = toStr( b[ key ] );
	if ( s === undefined || s === '' ) {
		return undefined;
	}
	const ms = parseKvDate( s );
	if ( ms === undefined ) {
		throw validation( `Giá trị ${ key } không hợp lệ: ${ s }`, key );
	}
	return ms;
}

export function parseProductInput( b: Bag ): ProductInput {
	const attributes: Attribute[] | undefined =
		'attributes' in b
			? asArray( b.attributes ).flatMap( ( a ) => {
					const bag = asBag( a );
					const name = bag ? toStr( bag.attributename ) : undefined;
					const value = bag ? toStr( bag.attributevalue ) : undefined;
					return name && value !== undefined
						? [ { attributeName: name, attributeValue: value } ]
						: [];
			  } )
			: undefined;
	const inventories =
		'inventories' in b
			? asArray( b.inventories ).flatMap( ( i ) => {
					const bag = asBag( i );
					const branchId = bag ? toNum( bag.branchid ) : undefined;
					return bag && branchId !== undefined
						? [
								{
									branchId,
									onHand: toNum( bag.onhand ),
									cost: toNum( bag.cost ),
								},
						  ]
						: [];
			  } )
			: undefined;
	const images =
		'images' in b
			? asArray( b.images ).flatMap( ( i ) => {
					if ( typeof i === 'string' ) {
						return [ i ];
					}
					const bag = asBag( i );
					const u = bag
						? toStr( bag.image ) ?? toStr( bag.url )
						: undefined;
					return u ? [ u ] : [];
			  } )
			: undefined;
	const type = bNum( b, 'type' ) ?? bNum( b, 'producttype' );
	const formulas =
		'productformulas' in b || 'formulas' in b
			? asArray( b.productformulas ?? b.formulas ).flatMap( ( f ) => {
					const bag = asBag( f );
					const materialId = bag
						? toNum( bag.materialid )
						: undefined;
					return bag && materialId !== undefined
						? [
								{
									materialId,
									quantity: toNum( bag.quantity ) ?? 1,
								},
						  ]
						: [];
			  } )
			: undefined;
	return {
		code: bStr( b, 'code' ),
		name: bStr( b, 'name' ),
		fullName: bStr( b, 'fullname' ),
		barCode: bStr( b, 'barcode' ),
		categoryId: bNum( b, 'categoryid' ),
		allowsSale: bBool( b, 'allowssale' ),
		description: bStr( b, 'description' ),
		hasVariants: bBool( b, 'hasvariants' ),
		attributes,
		unit: bStr( b, 'unit' ),
		masterProductId: bNum( b, 'masterproductid' ) || undefined,
		masterUnitId: bNum( b, 'masterunitid' ) || undefined,
		conversionValue: bNum( b, 'conversionvalue' ),
		inventories,
		basePrice: bNum( b, 'baseprice' ),
		weight: bNum( b, 'weight' ),
		images,
		isProductSerial:
			bBool( b, 'isproductserial' ) ?? bBool( b, 'islotserialcontrol' ),
		isBatchExpireControl: bBool( b, 'isbatchexpirecontrol' ),
		isActive: bBool( b, 'isactive' ),
		isRewardPoint: bBool( b, 'isrewardpoint' ),
		type: type === 1 || type === 2 || type === 3 ? type : undefined,
		tradeMarkName: bStr( b, 'trademarkname' ),
		formulas,
	};
}

export function parseCustomerInput( b: Bag ): CustomerInput {
	const type = bNum( b, 'type' );
	return {
		code: bStr( b, 'code' ),
		name: bStr( b, 'name' ),
		gender: bBool( b, 'gender' ),
		birthDate: bDate( b, 'birthdate' ),
		contactNumber: bStr( b, 'contactnumber' ),
		address: bStr( b, 'address' ),
		locationName: bStr( b, 'locationname' ),
		wardName: bStr( b, 'wardname' ),
		email: bStr( b, 'email' ),
		organization: bStr( b, 'organization' ),
		comments: bStr( b, 'comments' ) ?? bStr( b, 'comment' ),
		type: type === 1 || type === 0 ? type : undefined,
		branchId:
			bNum( b, 'branchid' ) ??
			( Array.isArray( b.branchid )
				? toNum( b.branchid[ 0 ] )
				: undefined ),
	};
}

export function parseOrderInput(
	b: Bag,
	headers: IncomingHttpHeaders
): OrderInput {
	const details =
		'orderdetails' in b
			? asArray( b.orderdetails ).map( ( l ) => {
					const d = asBag( l ) ?? {};
					return {
						productId: bNum( d, 'productid' ),
						productCode: bStr( d, 'productcode' ),
						productName: bStr( d, 'productname' ),
						quantity: bNum( d, 'quantity' ),
						price: bNum( d, 'price' ),
						discount: bNum( d, 'discount' ),
						discountRatio: bNum( d, 'discountratio' ),
						note: bStr( d, 'note' ),
					};
			  } )
			: undefined;
	const surchages =
		'surchages' in b || 'surcharges' in b
			? asArray( b.surchages ?? b.surcharges ).map( ( s ) => {
					const d = asBag( s ) ?? {};
					return {
						id: bNum( d, 'id' ),
						code: bStr( d, 'code' ),
						price: bNum( d, 'price' ),
					};
			  } )
			: undefined;
	const customerBag = asBag( b.customer );
	const customer = customerBag
		? {
				...parseCustomerInput( customerBag ),
				id: bNum( customerBag, 'id' ),
				comment: bStr( customerBag, 'comment' ),
		  }
		: undefined;
	const deliveryBag = asBag( b.orderdelivery );
	const delivery = deliveryBag
		? restoreCase( deliveryBag, DELIVERY_KEYS )
		: undefined;
	const partner = headers.partner;
	return {
		code: bStr( b, 'code' ),
		branchId: bNum( b, 'branchid' ),
		purchaseDate: bDate( b, 'purchasedate' ),
		customerId: bNum( b, 'customerid' ) || undefined,
		customer,
		soldById: bNum( b, 'soldbyid' ),
		cashierId: bNum( b, 'cashierid' ),
		saleChannelId: bNum( b, 'salechannelid' ),
		discount: bNum( b, 'discount' ),
		discountRatio: bNum( b, 'discountratio' ),
		description: bStr( b, 'description' ),
		method: bStr( b, 'method' ),
		totalPayment: bNum( b, 'totalpayment' ),
		accountId: bNum( b, 'accountid' ),
		makeInvoice: bBool( b, 'makeinvoice' ),
		usingCod: bBool( b, 'usingcod' ),
		orderDetails: details,
		orderDelivery: delivery,
		surchages,
		extra: bStr( b, 'extra' ),
		partner: Array.isArray( partner ) ? partner[ 0 ] : partner,
	};
}

const DELIVERY_KEYS = [
	'deliveryCode',
	'type',
	'status',
	'price',
	'receiver',
	'contactNumber',
	'address',
	'locationId',
	'locationName',
	'wardName',
	'weight',
	'length',
	'width',
	'height',
	'partnerDeliveryId',
	'expectedDelivery',
	'usingPriceCod',
	'priceCodPayment',
];

/**
 * Gives lower-cased body keys back their KiotViet camelCase spelling (unknown keys stay as sent, lower-cased).
 * @param bag
 * @param names
 */
export function restoreCase( bag: Bag, names: string[] ): Bag {
	const out: Bag = {};
	for ( const [ k, v ] of Object.entries( bag ) ) {
		const name = names.find( ( n ) => n.toLowerCase() === k ) ?? k;
		out[ name ] =
			typeof v === 'string' &&
			/^-?\d+(\.\d+)?$/.test( v ) &&
			name !== 'contactNumber' &&
			name !== 'deliveryCode'
				? Number( v )
				: v;
	}
	return out;
}

/**
 * Parses a PHP-style form body (`a[b][0][c]=1`) into nested objects.
 * @param raw
 */
export function parseForm( raw: string ): Bag {
	const out: Bag = {};
	for ( const [ key, value ] of new URLSearchParams( raw ) ) {
		const parts = key
			.split( /\[|\]\[|\]/ )
			.filter( ( p, i ) => p !== '' || i === 0 );
		const head = key.match( /^[^[]+/ )?.[ 0 ] ?? key;
		const path = [
			head,
			...[ ...key.matchAll( /\[([^\]]*)\]/g ) ].map(
				( m ) => m[ 1 ] ?? ''
			),
		];
		void parts;
		let cur: Bag = out;
		path.forEach( ( seg, i ) => {
			const last = i === path.length - 1;
			let name = seg;
			if ( name === '' ) {
				// `a[]=`: append.
				name = String( Object.keys( cur ).length );
			}
			if ( last ) {
				cur[ name ] = value;
			} else {
				const next = asBag( cur[ name ] ) ?? {};
				cur[ name ] = next;
				cur = next;
			}
		} );
	}
	return out;
}
