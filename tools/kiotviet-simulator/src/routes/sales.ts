/** Customers, orders, surcharges (/surchages), settings, sale channels. */
import { digits, kvDate } from '../format';
import {
	foundOr404,
	ORDER_STATUS,
	type Customer,
	type Order,
	type State,
	type Surcharge,
} from '../state';
import {
	bBool,
	bNum,
	bStr,
	listPage,
	ok,
	parseCustomerInput,
	parseOrderInput,
	route,
	type Ctx,
	type Route,
	listDated,
} from './util';

export function customerJson(
	st: State,
	c: Customer,
	o: { dropContact?: boolean; totals?: boolean; groups?: boolean } = {}
): Record< string, unknown > {
	const out: Record< string, unknown > = {
		id: c.id,
		code: c.code,
		name: c.name,
		gender: c.gender,
		birthDate:
			c.birthDate === undefined ? undefined : kvDate( c.birthDate ),
		contactNumber: o.dropContact ? undefined : c.contactNumber,
		address: c.address,
		locationName: c.locationName,
		wardName: c.wardName,
		email: c.email,
		organization: c.organization,
		comments: c.comments,
		taxCode: c.taxCode,
		type: c.type,
		debt: c.debt,
		branchId: c.branchId,
		retailerId: st.retailerId,
		rewardPoint: c.rewardPoint,
		groups: o.groups ? c.groups ?? '' : undefined,
		createdDate: kvDate( c.createdDate ),
		modifiedDate: kvDate( c.modifiedDate ),
	};
	if ( o.totals ) {
		let invoiced = 0;
		for ( const ord of st.orders.values() ) {
			if ( ord.customerId === c.id && ord.status === 3 ) {
				invoiced += ord.total;
			}
		}
		out.totalInvoiced = invoiced;
		out.totalRevenue = invoiced;
		out.totalPoint = c.rewardPoint;
	}
	return out;
}

export function orderJson(
	st: State,
	o: Order,
	opts: { payments?: boolean; delivery?: boolean } = {
		payments: true,
		delivery: true,
	}
): Record< string, unknown > {
	return {
		id: o.id,
		code: o.code,
		purchaseDate: kvDate( o.purchaseDate ),
		branchId: o.branchId,
		branchName: st.branches.get( o.branchId )?.branchName,
		soldById: o.soldById,
		soldByName: st.users.get( o.soldById )?.givenName,
		customerId: o.customerId,
		customerCode: o.customerCode,
		customerName: o.customerName,
		total: o.total,
		totalPayment: o.totalPayment,
		discount: o.discount,
		discountRatio: o.discountRatio,
		status: o.status,
		statusValue: ORDER_STATUS[ o.status ],
		description: o.description,
		usingCod: o.usingCod,
		saleChannelId: o.saleChannelId,
		orderDetails: o.orderDetails.map( ( l ) => ( {
			productId: l.productId,
			productCode: l.productCode,
			productName: l.productName,
			isMaster: true,
			quantity: l.quantity,
			price: l.price,
			discount: l.discount,
			discountRatio: l.discountRatio,
			note: l.note,
		} ) ),
		orderDelivery: opts.delivery ? o.orderDelivery : undefined,
		payments: opts.payments
			? o.payments.map( ( p ) => ( {
					...p,
					transDate:
						typeof p.transDate === 'number'
							? kvDate( p.transDate )
							: p.transDate,
			  } ) )
			: undefined,
		invoiceOrderSurcharges: o.surcharges.map( ( s ) => ( {
			id: s.id,
			surchargeId: s.surchargeId,
			surchargeCode: s.surchargeCode,
			surchargeName: s.surchargeName,
			surValue: s.surValue,
			price: s.price,
			createdDate: kvDate( s.createdDate ),
		} ) ),
		retailerId: st.retailerId,
		createdDate: kvDate( o.createdDate ),
		modifiedDate: kvDate( o.modifiedDate ),
	};
}

export function surchargeJson(
	st: State,
	s: Surcharge
): Record< string, unknown > {
	return {
		id: s.id,
		surchargeCode: s.surchargeCode,
		surchargeName: s.surchargeName,
		valueRatio: s.valueRatio,
		value: s.value,
		isActive: s.isActive,
		retailerId: st.retailerId,
		createDate: kvDate( s.createDate ),
		modifiedDate: kvDate( s.modifiedDate ),
	};
}

function orderOr404( st: State, id: string | undefined ): Order {
	return foundOr404(
		st.orders.get( Number( id ) ),
		`Không tìm thấy đơn đặt hàng ${ id ?? '' }`
	);
}

function customerOpts( ctx: Ctx ): {
	dropContact: boolean;
	totals: boolean;
	groups: boolean;
} {
	return {
		dropContact: ctx.sim.config.dropCustomerContactNumber,
		totals: ctx.query.bool( 'includeTotal' ) ?? false,
		groups: ctx.query.bool( 'includeCustomerGroup' ) ?? false,
	};
}

function surchargeBody( ctx: Ctx ): {
	name?: string;
	code?: string;
	value?: number;
	valueRatio?: number;
	isActive?: boolean;
} {
	const b = ctx.body;
	return {
		name: bStr( b, 'name' ) ?? bStr( b, 'surchargename' ),
		code: bStr( b, 'code' ) ?? bStr( b, 'surchargecode' ),
		value: bNum( b, 'value' ),
		valueRatio: bNum( b, 'valueratio' ),
		isActive: bBool( b, 'isactive' ),
	};
}

export const salesRoutes: Route[] = [
	// Customers
	route( 'GET', '/customers', ( ctx ) => {
		const st = ctx.sim.state;
		const q = ctx.query;
		let rows = [ ...st.customers.values() ];
		const phone = q.str( 'contactNumber' );
		if ( phone !== undefined && phone !== '' ) {
			const d = digits( phone );
			rows = rows.filter(
				( c ) => d !== '' && digits( c.contactNumber ).includes( d )
			);
		}
		const code = q.str( 'code' );
		if ( code ) {
			rows = rows.filter( ( c ) =>
				c.code.toLowerCase().includes( code.toLowerCase() )
			);
		}
		const name = q.str( 'name' );
		if ( name ) {
			rows = rows.filter( ( c ) =>
				c.name.toLowerCase().includes( name.toLowerCase() )
			);
		}
		const opts = customerOpts( ctx );
		return ok(
			listDated( ctx, rows, {
				sortKeys: {
					code: ( c ) => c.code,
					name: ( c ) => c.name,
				},
				removed: st.removed.customers,
				map: ( c ) => customerJson( st, c, opts ),
			} )
		);
	} ),
	route( 'GET', '/customers/code/:code', ( ctx ) => {
		const st = ctx.sim.state;
		const code = ( ctx.params[ 0 ] ?? '' ).toLowerCase();
		const c = foundOr404(
			[ ...st.customers.values() ].find(
				( x ) => x.code.toLowerCase() === code
			),
			`Không tìm thấy khách hàng có mã ${ ctx.params[ 0 ] ?? '' }`
		);
		return ok(
			customerJson( st, c, { ...customerOpts( ctx ), groups: true } )
		);
	} ),
	route( 'GET', '/customers/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const c = foundOr404(
			st.customers.get( Number( ctx.params[ 0 ] ) ),
			`Không tìm thấy khách hàng ${ ctx.params[ 0 ] ?? '' }`
		);
		return ok(
			customerJson( st, c, { ...customerOpts( ctx ), groups: true } )
		);
	} ),
	route( 'POST', '/customers', ( ctx ) => {
		const st = ctx.sim.state;
		const c = st.createCustomer( parseCustomerInput( ctx.body ) );
		return ok( {
			message: 'Thêm mới khách hàng thành công',
			data: customerJson( st, c ),
		} );
	} ),
	route( 'PUT', '/customers/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const c = st.updateCustomer(
			Number( ctx.params[ 0 ] ),
			parseCustomerInput( ctx.body )
		);
		return ok( {
			message: 'Cập nhật dữ liệu thành công',
			data: customerJson( st, c ),
		} );
	} ),
	route( 'DELETE', '/customers/:id', ( ctx ) => {
		ctx.sim.state.deleteCustomer( Number( ctx.params[ 0 ] ) );
		return ok( { message: 'Xóa dữ liệu thành công' } );
	} ),

	// Surcharges (spelling intentional)
	route( 'GET', '/surchages', ( ctx ) => {
		const st = ctx.sim.state;
		st.requireSurcharges();
		const branchId = ctx.query.num( 'branchId' );
		void branchId;
		return ok(
			listPage(
				ctx,
				[ ...st.surcharges.values() ].filter( ( s ) => s.isActive ),
				{
					sortKeys: {
						id: ( s ) => s.id,
						code: ( s ) => s.surchargeCode,
						name: ( s ) => s.surchargeName,
						createdDate: ( s ) => s.createDate,
						modifiedDate: ( s ) => s.modifiedDate,
					},
					defaultOrderBy: 'id',
					modified: ( s ) => s.modifiedDate,
					map: ( s ) => surchargeJson( st, s ),
				}
			)
		);
	} ),
	route( 'POST', '/surchages', ( ctx ) => {
		const st = ctx.sim.state;
		const s = st.createSurcharge( surchargeBody( ctx ) );
		return ok( {
			message: 'Thêm mới thu khác thành công',
			data: surchargeJson( st, s ),
		} );
	} ),
	route( 'PUT', '/surchages/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const s = st.updateSurcharge(
			Number( ctx.params[ 0 ] ),
			surchargeBody( ctx )
		);
		return ok( {
			message: 'Cập nhật dữ liệu thành công',
			data: surchargeJson( st, s ),
		} );
	} ),
	route( 'POST', '/surchages/:id/activesurchage', ( ctx ) => {
		const st = ctx.sim.state;
		const s = st.updateSurcharge( Number( ctx.params[ 0 ] ), {
			isActive: bBool( ctx.body, 'isactive' ) ?? true,
		} );
		return ok( {
			message: 'Cập nhật dữ liệu thành công',
			data: surchargeJson( st, s ),
		} );
	} ),

	// Orders
	route( 'GET', '/orders', ( ctx ) => {
		const st = ctx.sim.state;
		const q = ctx.query;
		let rows = [ ...st.orders.values() ];
		const branchIds = q.nums( 'branchIds' );
		if ( branchIds && branchIds.length ) {
			rows = rows.filter( ( o ) => branchIds.includes( o.branchId ) );
		}
		const customerIds = q.nums( 'customerIds' );
		if ( customerIds && customerIds.length ) {
			rows = rows.filter(
				( o ) =>
					o.customerId !== undefined &&
					customerIds.includes( o.customerId )
			);
		}
		const customerCode = q.str( 'customerCode' );
		if ( customerCode ) {
			rows = rows.filter(
				( o ) =>
					o.customerCode?.toLowerCase() === customerCode.toLowerCase()
			);
		}
		const status = q.nums( 'status' );
		if ( status && status.length ) {
			rows = rows.filter( ( o ) => status.includes( o.status ) );
		}
		const saleChannelId = q.num( 'saleChannelId' );
		if ( saleChannelId !== undefined ) {
			rows = rows.filter( ( o ) => o.saleChannelId === saleChannelId );
		}
		const toDate = q.date( 'toDate' );
		if ( toDate !== undefined ) {
			rows = rows.filter( ( o ) => o.modifiedDate <= toDate );
		}
		const createdDate = q.date( 'createdDate' );
		if ( createdDate !== undefined ) {
			rows = rows.filter( ( o ) => o.createdDate >= createdDate );
		}
		const opts = {
			payments: q.bool( 'includePayment' ) ?? false,
			delivery: q.bool( 'includeOrderDelivery' ) ?? false,
		};
		return ok(
			listDated( ctx, rows, {
				sortKeys: {
					code: ( o ) => o.code,
					purchaseDate: ( o ) => o.purchaseDate,
				},
				map: ( o ) => orderJson( st, o, opts ),
			} )
		);
	} ),
	route( 'GET', '/orders/code/:code', ( ctx ) => {
		const st = ctx.sim.state;
		const o = foundOr404(
			st.orderByCode( ctx.params[ 0 ] ?? '' ),
			`Không tìm thấy đơn đặt hàng có mã ${ ctx.params[ 0 ] ?? '' }`
		);
		return ok( orderJson( st, o ) );
	} ),
	route( 'GET', '/orders/:id', ( ctx ) =>
		ok(
			orderJson(
				ctx.sim.state,
				orderOr404( ctx.sim.state, ctx.params[ 0 ] )
			)
		)
	),
	route( 'POST', '/orders', ( ctx ) => {
		const st = ctx.sim.state;
		const o = st.createOrder( parseOrderInput( ctx.body, ctx.headers ) );
		return ok( orderJson( st, o ) );
	} ),
	route( 'PUT', '/orders/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const o = st.updateOrder(
			Number( ctx.params[ 0 ] ),
			parseOrderInput( ctx.body, ctx.headers )
		);
		return ok( orderJson( st, o ) );
	} ),
	route( 'DELETE', '/orders/:id', ( ctx ) => {
		ctx.sim.state.cancelOrder( Number( ctx.params[ 0 ] ) );
		return ok( { message: 'Xóa dữ liệu thành công' } );
	} ),

	// Settings (PascalCase)
	route( 'GET', '/settings', ( ctx ) => {
		const s = ctx.sim.state.settings;
		return ok( {
			ManagerCustomerByBranch: s.ManagerCustomerByBranch,
			AllowOrderWhenOutStock: s.AllowOrderWhenOutStock,
			AllowSellWhenOrderOutStock: s.AllowSellWhenOrderOutStock,
			AllowSellWhenOutStock: s.AllowSellWhenOutStock,
		} );
	} ),

	// Sale channels
	route( 'GET', '/salechannel', ( ctx ) => {
		const st = ctx.sim.state;
		return ok(
			listPage( ctx, [ ...st.saleChannels.values() ], {
				sortKeys: { id: ( s ) => s.id, name: ( s ) => s.name },
				defaultOrderBy: 'id',
				map: ( s ) => ( {
					id: s.id,
					name: s.name,
					isActive: s.isActive,
					isNotDelete: s.isNotDelete,
				} ),
			} )
		);
	} ),
];
