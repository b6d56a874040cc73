/** Webhook registration: POST (one per Type), GET list/one, PUT, DELETE. */
import { asBag, kvDate } from '../format';
import { notFound, validation, type State, type WebhookSub } from '../state';
import { bBool, bStr, listPage, ok, route, type Route } from './util';

export function webhookJson(
	st: State,
	w: WebhookSub
): Record< string, unknown > {
	return {
		id: w.id,
		type: w.type,
		url: w.url,
		isActive: w.isActive,
		description: w.description,
		retailerId: st.retailerId,
		modifiedDate: kvDate( w.modifiedDate ),
	};
}

export const webhookRoutes: Route[] = [
	route( 'POST', '/webhooks', ( ctx ) => {
		const st = ctx.sim.state;
		const b = asBag( ctx.body.webhook ) ?? ctx.body;
		const w = st.registerWebhook( {
			type: bStr( b, 'type' ),
			url: bStr( b, 'url' ),
			isActive: bBool( b, 'isactive' ),
			description: bStr( b, 'description' ),
			secret: bStr( b, 'secret' ),
		} );
		return ok( webhookJson( st, w ) );
	} ),
	route( 'GET', '/webhooks', ( ctx ) => {
		const st = ctx.sim.state;
		return ok(
			listPage( ctx, [ ...st.webhooks.values() ], {
				sortKeys: {
					id: ( w ) => w.id,
					type: ( w ) => w.type,
					createdDate: ( w ) => w.createdDate,
					modifiedDate: ( w ) => w.modifiedDate,
				},
				defaultOrderBy: 'id',
				modified: ( w ) => w.modifiedDate,
				map: ( w ) => webhookJson( st, w ),
			} )
		);
	} ),
	route( 'GET', '/webhooks/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const w = st.webhooks.get( Number( ctx.params[ 0 ] ) );
		if ( ! w ) {
			throw notFound(
				`Không tìm thấy webhook ${ ctx.params[ 0 ] ?? '' }`
			);
		}
		return ok( webhookJson( st, w ) );
	} ),
	route( 'PUT', '/webhooks/:id', ( ctx ) => {
		const st = ctx.sim.state;
		const w = st.webhooks.get( Number( ctx.params[ 0 ] ) );
		if ( ! w ) {
			throw notFound(
				`Không tìm thấy webhook ${ ctx.params[ 0 ] ?? '' }`
			);
		}
		const b = asBag( ctx.body.webhook ) ?? ctx.body;
		const url = bStr( b, 'url' );
		if ( url !== undefined ) {
			if ( ! /^https?:\/\//i.test( url ) ) {
				throw validation( 'Url không hợp lệ', 'Url' );
			}
			w.url = url;
		}
		const isActive = bBool( b, 'isactive' );
		if ( isActive !== undefined ) {
			w.isActive = isActive;
		}
		const description = bStr( b, 'description' );
		if ( description !== undefined ) {
			w.description = description;
		}
		const secret = bStr( b, 'secret' );
		if ( secret !== undefined ) {
			w.secret = secret || undefined;
		}
		w.modifiedDate = st.now();
		return ok( webhookJson( st, w ) );
	} ),
	route( 'DELETE', '/webhooks/:id', ( ctx ) => {
		const st = ctx.sim.state;
		if ( ! st.webhooks.delete( Number( ctx.params[ 0 ] ) ) ) {
			throw notFound(
				`Không tìm thấy webhook ${ ctx.params[ 0 ] ?? '' }`
			);
		}
		return ok( { message: 'Hủy đăng ký webhook thành công' } );
	} ),
];
