/**
 * Control API under /__sim/ (not part of KiotViet): reset, introspection, faults, webhook delivery
 * controls, and shop-owner actions that change state and emit the webhooks KiotViet would.
 */
import {
	asArray,
	asBag,
	kvDateOffset,
	lowerKeys,
	toBool,
	toNum,
	toStr,
	type Bag,
} from '../format';
import { ORDER_STATUS, validation } from '../state';
import type { FaultRule } from '../faults';
import { DEFAULT_CONFIG, type SimConfig } from '../config';
import type { SeedName } from '../server';
import {
	KEY_MODES,
	normalizeSignatureMode,
	SIGNATURE_MODES,
	type KeyMode,
} from '../signature';
import type { WebhookConfig } from '../webhooks';
import { categoryJson, productJson } from './catalog';
import { customerJson, orderJson } from './sales';
import {
	bBool,
	bDate,
	bNum,
	bStr,
	ok,
	parseCustomerInput,
	parseProductInput,
	route,
	type Ctx,
	type Route,
} from './util';

/**
 * Control bodies: case-insensitive keys too.
 * @param ctx
 */
function lb( ctx: Ctx ): Bag {
	return ( lowerKeys( ctx.body ) as Bag ) ?? {};
}

function countBy< T >(
	rows: T[],
	key: ( t: T ) => string
): Record< string, number > {
	const out: Record< string, number > = {};
	for ( const r of rows ) {
		const k = key( r );
		out[ k ] = ( out[ k ] ?? 0 ) + 1;
	}
	return out;
}

function parseRule( raw: unknown ): FaultRule {
	const b = asBag( raw );
	if ( ! b ) {
		throw validation( 'fault rule must be an object' );
	}
	const l = lowerKeys( b ) as Bag;
	const path = toStr( l.path );
	if ( ! path ) {
		throw validation( 'fault rule needs a path', 'path' );
	}
	const mode = toStr( l.mode );
	if (
		mode !== undefined &&
		mode !== 'commit-then-fail' &&
		mode !== 'commit-then-timeout'
	) {
		throw validation( `unknown fault mode ${ mode }`, 'mode' );
	}
	return {
		method: toStr( l.method ),
		path,
		errorRate: toNum( l.errorrate ),
		status: toNum( l.status ),
		errorCode: toStr( l.errorcode ),
		message: toStr( l.message ),
		latencyMs: toNum( l.latencyms ),
		timeout: toBool( l.timeout ),
		count: toNum( l.count ),
		mode,
	};
}

function idParam( ctx: Ctx ): number {
	const n = Number( ctx.params[ 0 ] );
	if ( ! Number.isFinite( n ) ) {
		throw validation( `invalid id ${ ctx.params[ 0 ] ?? '' }` );
	}
	return n;
}

function requestsView( ctx: Ctx ): Record< string, unknown > {
	const sim = ctx.sim;
	let rows = sim.requests;
	const kind = ctx.query.str( 'kind' );
	if ( kind ) {
		rows = rows.filter( ( r ) => r.kind === kind );
	}
	const method = ctx.query.str( 'method' );
	if ( method ) {
		rows = rows.filter( ( r ) => r.method === method.toUpperCase() );
	}
	const prefix = ctx.query.str( 'path' );
	if ( prefix ) {
		rows = rows.filter( ( r ) =>
			r.path.toLowerCase().startsWith( prefix.toLowerCase() )
		);
	}
	const since = ctx.query.num( 'since' );
	if ( since !== undefined ) {
		rows = rows.filter( ( r ) => r.seq > since );
	}
	const api = rows.filter( ( r ) => r.kind === 'api' );
	return {
		counts: {
			total: rows.length,
			api: api.length,
			apiGet: api.filter( ( r ) => r.method === 'GET' ).length,
			token: rows.filter( ( r ) => r.kind === 'token' ).length,
			image: rows.filter( ( r ) => r.kind === 'image' ).length,
			byMethod: countBy(
				rows.filter( ( r ) => r.kind !== 'image' ),
				( r ) => r.method
			),
			byRoute: countBy( rows, ( r ) => r.route ),
			byPath: countBy( rows, ( r ) => `${ r.method } ${ r.path }` ),
			byStatus: countBy( rows, ( r ) => String( r.status ) ),
			control: sim.controlRequests,
		},
		getBudget: {
			budgetPerHour: sim.limiter.budgetPerHour,
			usedInWindow: sim.limiter.used(),
		},
		requests: ctx.query.bool( 'countsOnly' ) ? undefined : rows,
	};
}

function parseWebhookConfig( b: Bag ): Partial< WebhookConfig > {
	const patch: Partial< WebhookConfig > = {};
	const mode = toStr( b.mode );
	if ( mode !== undefined ) {
		if ( mode !== 'immediate' && mode !== 'manual' ) {
			throw validation( 'mode must be immediate or manual', 'mode' );
		}
		patch.mode = mode;
	}
	const sm = toStr( b.signaturemode );
	if ( sm !== undefined ) {
		const norm = normalizeSignatureMode( sm );
		if ( ! norm ) {
			throw validation(
				`signatureMode must be one of ${ SIGNATURE_MODES.join(
					', '
				) }`,
				'signatureMode'
			);
		}
		patch.signatureMode = norm;
	}
	const km = toStr( b.keymode );
	if ( km !== undefined ) {
		if ( ! KEY_MODES.includes( km as KeyMode ) ) {
			throw validation(
				`keyMode must be one of ${ KEY_MODES.join( ', ' ) }`,
				'keyMode'
			);
		}
		patch.keyMode = km as KeyMode;
	}
	const df = toStr( b.deleteform );
	if ( df !== undefined ) {
		if ( df !== 'envelope' && df !== 'bare' ) {
			throw validation(
				'deleteForm must be envelope or bare',
				'deleteForm'
			);
		}
		patch.deleteForm = df;
	}
	const imgs = toBool( b.imagesasobjects );
	if ( imgs !== undefined ) {
		patch.imagesAsObjects = imgs;
	}
	const drop = toNum( b.drop );
	if ( drop !== undefined ) {
		patch.drop = drop;
	}
	const dup = toNum( b.duplicate );
	if ( dup !== undefined ) {
		patch.duplicate = dup;
	}
	if ( b.reorder !== undefined ) {
		patch.reorder =
			typeof b.reorder === 'number'
				? b.reorder
				: toBool( b.reorder ) ?? false;
	}
	if ( b.retrydelaysms !== undefined ) {
		patch.retryDelaysMs = asArray( b.retrydelaysms ).map(
			( x ) => toNum( x ) ?? 0
		);
	}
	const t = toNum( b.timeoutms );
	if ( t !== undefined ) {
		patch.timeoutMs = t;
	}
	return patch;
}

function parseSimConfig( b: Bag ): Partial< SimConfig > {
	const patch: Partial< SimConfig > = {};
	const keys = Object.keys( DEFAULT_CONFIG ) as ( keyof SimConfig )[];
	for ( const k of keys ) {
		const v = b[ k.toLowerCase() ];
		if ( v === undefined ) {
			continue;
		}
		const def = DEFAULT_CONFIG[ k ];
		const parsed = typeof def === 'boolean' ? toBool( v ) : toNum( v );
		if ( parsed === undefined ) {
			throw validation( `invalid value for ${ k }`, k );
		}
		( patch as Record< string, unknown > )[ k ] = parsed;
	}
	if (
		patch.retailerErrorStatus !== undefined &&
		patch.retailerErrorStatus !== 400 &&
		patch.retailerErrorStatus !== 401
	) {
		throw validation(
			'retailerErrorStatus must be 400 or 401',
			'retailerErrorStatus'
		);
	}
	return patch;
}

const SETTING_KEYS = [
	'ManagerCustomerByBranch',
	'AllowOrderWhenOutStock',
	'AllowSellWhenOrderOutStock',
	'AllowSellWhenOutStock',
	'OrderEnabled',
	'DeliveryEnabled',
	'SurchargeEnabled',
] as const;

function applySettings( ctx: Ctx, b: Bag ): void {
	const st = ctx.sim.state;
	for ( const k of SETTING_KEYS ) {
		const v = toBool( b[ k.toLowerCase() ] );
		if ( v !== undefined ) {
			st.settings[ k ] = v;
		}
	}
}

export const controlRoutes: Route[] = [
	route( 'GET', '/__sim', ( ctx ) =>
		ok( {
			ok: true,
			seed: ctx.sim.seedName,
			items: ctx.sim.items,
			retailer: ctx.sim.state.retailerCode,
			retailerId: ctx.sim.state.retailerId,
			url: ctx.sim.baseUrl,
		} )
	),
	route( 'GET', '/__sim/health', ( ctx ) =>
		ok( { ok: true, seed: ctx.sim.seedName } )
	),

	// Reset and introspection
	route( 'POST', '/__sim/reset', ( ctx ) => {
		const b = lb( ctx );
		const seed = toStr( b.seed );
		if ( seed !== undefined && seed !== 'demo' && seed !== 'bench' ) {
			throw validation( 'seed must be demo or bench', 'seed' );
		}
		// Optional extras applied after the reset (parsed first so a bad body changes nothing).
		const faultsBag = Array.isArray( b.faults )
			? { rules: b.faults }
			: asBag( b.faults );
		const rules =
			faultsBag?.rules !== undefined
				? asArray( faultsBag.rules ).map( parseRule )
				: [];
		const budget =
			toNum( faultsBag?.getbudgetperhour ) ?? toNum( b.getbudgetperhour );
		const hooks = asBag( b.webhooks )
			? parseWebhookConfig( asBag( b.webhooks ) ?? {} )
			: undefined;
		const config = asBag( b.config )
			? parseSimConfig( asBag( b.config ) ?? {} )
			: undefined;
		const settings = asBag( b.settings );
		ctx.sim.reset( seed as SeedName | undefined, toNum( b.items ) );
		for ( const r of rules ) {
			ctx.sim.faults.add( r );
		}
		if ( budget !== undefined ) {
			ctx.sim.limiter.budgetPerHour = budget;
		}
		if ( hooks ) {
			ctx.sim.webhooks.configure( hooks );
		}
		if ( config ) {
			ctx.sim.config = { ...ctx.sim.config, ...config };
		}
		if ( settings ) {
			applySettings( ctx, settings );
		}
		return ok( {
			ok: true,
			seed: ctx.sim.seedName,
			items: ctx.sim.items,
			counts: ctx.sim.state.snapshot().counts as unknown,
		} );
	} ),
	route( 'GET', '/__sim/state', ( ctx ) => {
		const snap = ctx.sim.state.snapshot();
		const only = ctx.query.str( 'only' );
		if ( only ) {
			const keep = new Set( only.split( ',' ).map( ( s ) => s.trim() ) );
			return ok(
				Object.fromEntries(
					Object.entries( snap ).filter(
						( [ k ] ) => keep.has( k ) || k === 'counts'
					)
				)
			);
		}
		return ok( snap );
	} ),
	route( 'GET', '/__sim/requests', ( ctx ) => ok( requestsView( ctx ) ) ),
	route( 'POST', '/__sim/requests/clear', ( ctx ) => {
		ctx.sim.requests = [];
		ctx.sim.controlRequests = 0;
		return ok( { ok: true } );
	} ),
	route( 'GET', '/__sim/config', ( ctx ) => ok( ctx.sim.config ) ),
	route( 'POST', '/__sim/config', ( ctx ) => {
		ctx.sim.config = { ...ctx.sim.config, ...parseSimConfig( lb( ctx ) ) };
		return ok( ctx.sim.config );
	} ),

	// Faults
	route( 'GET', '/__sim/faults', ( ctx ) =>
		ok( {
			rules: ctx.sim.faults.list(),
			getBudgetPerHour: ctx.sim.limiter.budgetPerHour,
			usedInWindow: ctx.sim.limiter.used(),
		} )
	),
	route( 'POST', '/__sim/faults', ( ctx ) => {
		const b = lb( ctx );
		if ( toBool( b.replace ) ) {
			ctx.sim.faults.clear();
		}
		let rules: FaultRule[] = [];
		if ( b.rules !== undefined ) {
			rules = asArray( b.rules ).map( parseRule );
		} else if ( b.path !== undefined ) {
			rules = [ parseRule( ctx.body ) ];
		}
		const ids = rules.map( ( r ) => ctx.sim.faults.add( r ) );
		const budget = toNum( b.getbudgetperhour );
		if ( budget !== undefined ) {
			ctx.sim.limiter.budgetPerHour = budget;
			if ( toBool( b.resetbudget ) ?? true ) {
				ctx.sim.limiter.reset();
			}
		}
		return ok( {
			ids,
			rules: ctx.sim.faults.list(),
			getBudgetPerHour: ctx.sim.limiter.budgetPerHour,
		} );
	} ),
	route( 'DELETE', '/__sim/faults', ( ctx ) => {
		ctx.sim.faults.clear();
		ctx.sim.limiter.budgetPerHour = 5000;
		ctx.sim.limiter.reset();
		return ok( { ok: true } );
	} ),

	// Webhook delivery controls
	route( 'GET', '/__sim/webhooks', ( ctx ) =>
		ok( {
			subscriptions: [ ...ctx.sim.state.webhooks.values() ],
			config: ctx.sim.webhooks.config,
			pending: ctx.sim.webhooks.pending(),
			errors: ctx.sim.webhooks.errors,
		} )
	),
	route( 'GET', '/__sim/webhooks/config', ( ctx ) =>
		ok( ctx.sim.webhooks.config )
	),
	route( 'POST', '/__sim/webhooks/config', ( ctx ) =>
		ok( ctx.sim.webhooks.configure( parseWebhookConfig( lb( ctx ) ) ) )
	),
	route( 'GET', '/__sim/webhooks/deliveries', ( ctx ) => {
		let rows = ctx.sim.webhooks.deliveries;
		const type = ctx.query.str( 'type' );
		if ( type ) {
			rows = rows.filter( ( d ) => d.type === type );
		}
		return ok( {
			total: rows.length,
			pending: ctx.sim.webhooks.pending(),
			deliveries: rows,
		} );
	} ),
	route( 'POST', '/__sim/webhooks/deliveries/clear', ( ctx ) => {
		ctx.sim.webhooks.deliveries = [];
		return ok( { ok: true } );
	} ),
	route( 'POST', '/__sim/webhooks/flush', async ( ctx ) => {
		const delivered = await ctx.sim.webhooks.flush(
			toBool( lb( ctx ).untilidle ) ?? false
		);
		return ok( { delivered, pending: ctx.sim.webhooks.pending() } );
	} ),

	// Shop-owner actions: products
	route( 'POST', '/__sim/products', ( ctx ) => {
		const st = ctx.sim.state;
		const p = st.createProduct( parseProductInput( lb( ctx ) ) );
		return ok(
			productJson( st, p, { inventories: true, priceBooks: true } )
		);
	} ),
	route( 'PUT', '/__sim/products/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const p = st.updateProduct(
			idParam( ctx ),
			parseProductInput( lb( ctx ) )
		);
		return ok(
			productJson( st, p, { inventories: true, priceBooks: true } )
		);
	} ),
	route( 'DELETE', '/__sim/products/:id', ( ctx ) => {
		ctx.sim.state.deleteProduct( idParam( ctx ) );
		return ok( { ok: true } );
	} ),
	route( 'POST', '/__sim/stock', ( ctx ) => {
		const st = ctx.sim.state;
		const b = lb( ctx );
		const items =
			b.items !== undefined
				? asArray( b.items ).map( ( x ) => asBag( x ) ?? {} )
				: [ b ];
		for ( const it of items ) {
			const productId = bNum( it, 'productid' );
			const branchId = bNum( it, 'branchid' );
			const onHand = bNum( it, 'onhand' );
			if (
				productId === undefined ||
				branchId === undefined ||
				onHand === undefined
			) {
				throw validation(
					'productId, branchId and onHand are required'
				);
			}
			st.setStock(
				productId,
				branchId,
				onHand,
				bNum( it, 'reserved' ),
				bNum( it, 'cost' )
			);
		}
		return ok( { ok: true } );
	} ),
	route( 'POST', '/__sim/prices', ( ctx ) => {
		const b = lb( ctx );
		const productId = bNum( b, 'productid' );
		if ( productId === undefined ) {
			throw validation( 'productId is required', 'productId' );
		}
		const price = b.price === null ? null : bNum( b, 'price' );
		if ( price === undefined ) {
			throw validation(
				'price is required (null removes the product from the book)',
				'price'
			);
		}
		ctx.sim.state.setPrice(
			bNum( b, 'pricebookid' ) ?? 0,
			productId,
			price
		);
		return ok( { ok: true } );
	} ),
	route( 'POST', '/__sim/pricebooks/:id', ( ctx ) => {
		const b = lb( ctx );
		const pb = ctx.sim.state.updatePriceBook( idParam( ctx ), {
			isActive: bBool( b, 'isactive' ),
			startDate: bDate( b, 'startdate' ),
			endDate: bDate( b, 'enddate' ),
			name: bStr( b, 'name' ),
		} );
		return ok( { ...pb, prices: undefined } );
	} ),
	route( 'DELETE', '/__sim/pricebooks/:id', ( ctx ) => {
		ctx.sim.state.deletePriceBook( idParam( ctx ) );
		return ok( { ok: true } );
	} ),

	// Categories
	route( 'POST', '/__sim/categories', ( ctx ) => {
		const st = ctx.sim.state;
		const b = lb( ctx );
		const c = st.createCategory(
			bStr( b, 'categoryname' ) ?? bStr( b, 'name' ) ?? '',
			bNum( b, 'parentid' )
		);
		return ok( categoryJson( st, c ) );
	} ),
	route( 'PUT', '/__sim/categories/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const b = lb( ctx );
		const c = st.updateCategory( idParam( ctx ), {
			categoryName: bStr( b, 'categoryname' ) ?? bStr( b, 'name' ),
			parentId: bNum( b, 'parentid' ),
		} );
		return ok( categoryJson( st, c ) );
	} ),
	route( 'DELETE', '/__sim/categories/:id', ( ctx ) => {
		ctx.sim.state.deleteCategory( idParam( ctx ) );
		return ok( { ok: true } );
	} ),

	// Customers
	route( 'POST', '/__sim/customers', ( ctx ) => {
		const st = ctx.sim.state;
		return ok(
			customerJson(
				st,
				st.createCustomer( parseCustomerInput( lb( ctx ) ) )
			)
		);
	} ),
	route( 'PUT', '/__sim/customers/:id', ( ctx ) => {
		const st = ctx.sim.state;
		return ok(
			customerJson(
				st,
				st.updateCustomer(
					idParam( ctx ),
					parseCustomerInput( lb( ctx ) )
				)
			)
		);
	} ),
	route( 'DELETE', '/__sim/customers/:id', ( ctx ) => {
		ctx.sim.state.deleteCustomer( idParam( ctx ) );
		return ok( { ok: true } );
	} ),

	// Orders
	route( 'POST', '/__sim/orders/:id/status', ( ctx ) => {
		const st = ctx.sim.state;
		const b = lb( ctx );
		let status = bNum( b, 'status' );
		const text = bStr( b, 'statusvalue' );
		if ( status === undefined && text !== undefined ) {
			const hit = Object.entries( ORDER_STATUS ).find(
				( [ , v ] ) => v.toLowerCase() === text.trim().toLowerCase()
			);
			status = hit ? Number( hit[ 0 ] ) : undefined;
		}
		if ( status === undefined ) {
			throw validation(
				'status (1..5) or statusValue is required',
				'status'
			);
		}
		return ok(
			orderJson( st, st.setOrderStatus( idParam( ctx ), status ) )
		);
	} ),

	// Branches (branch.update)
	route( 'POST', '/__sim/branches/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const br = st.branches.get( idParam( ctx ) );
		if ( ! br ) {
			throw validation( `unknown branch ${ ctx.params[ 0 ] ?? '' }` );
		}
		const b = lb( ctx );
		br.branchName =
			bStr( b, 'branchname' ) ?? bStr( b, 'name' ) ?? br.branchName;
		br.address = bStr( b, 'address' ) ?? br.address;
		br.contactNumber = bStr( b, 'contactnumber' ) ?? br.contactNumber;
		br.isActive = bBool( b, 'isactive' ) ?? br.isActive;
		br.modifiedDate = st.now();
		const fmt = kvDateOffset;
		st.emit( 'branch.update', [
			{
				Id: br.id,
				Name: br.branchName,
				ContactNumber: br.contactNumber,
				SubContactNumber: br.subContactNumber,
				Address: br.address,
				Location: br.locationName,
				WardName: br.wardName,
				IsActive: br.isActive,
				IsLock: false,
				CreatedDate: fmt( br.createdDate ),
				ModifiedDate: fmt( br.modifiedDate ),
				RetailerId: st.retailerId,
			},
		] );
		return ok( br );
	} ),

	// Tokens and settings
	route( 'POST', '/__sim/token/expire', ( ctx ) => {
		let n = 0;
		for ( const t of ctx.sim.tokens.values() ) {
			t.exp = Date.now() - 1;
			n++;
		}
		return ok( { expired: n } );
	} ),
	route( 'GET', '/__sim/settings', ( ctx ) => ok( ctx.sim.state.settings ) ),
	route( 'POST', '/__sim/settings', ( ctx ) => {
		applySettings( ctx, lb( ctx ) );
		return ok( ctx.sim.state.settings );
	} ),
];
