/**
 * A connected site with a fetched catalog and a few imported products, some of which carry hostile text:
 * HTML/script in names, descriptions, attribute values and a category name, and SQL metacharacters.
 */
import { SITE_URL } from '../env';
import { connect, NS, sim, wpHelper, type Session } from './helpers';

export const CANARY = 'window.__xss=1';
export const XSS = {
	script: `<script>${ CANARY }</script>`,
	img: `<img src=x onerror=${ CANARY }>`,
	svg: `"><svg onload=${ CANARY }>`,
};

export interface HostileCatalog {
	xssIds: number[];
	percentId: number;
	underscoreId: number;
	quoteId: number;
	plainIds: number[];
	category: string;
	names: Record< number, string >;
}

/**
 * Selects these catalog items, starts the import and drives it to its end (throws unless it ends done).
 * @param admin
 * @param ids
 */
export async function selectAndImport(
	admin: Session,
	ids: number[]
): Promise< void > {
	await admin.ok( 'PUT', `${ NS }/catalog/selection`, {
		action: 'select',
		scope: 'ids',
		ids,
	} );
	const started = await admin.request( 'POST', `${ NS }/sync/import`, {
		nonce: true,
	} );
	if ( started.status !== 202 ) {
		throw new Error(
			`import did not start: ${ started.status } ${ started.text.slice(
				0,
				200
			) }`
		);
	}
	const status = await finishRuns( admin );
	if ( status.run?.state !== 'done' ) {
		throw new Error( `import run ended ${ JSON.stringify( status.run ) }` );
	}
}

/**
 * Drives the active run to its end: from the command line, or (when a WP-Cron worker holds it) by waiting.
 * @param admin
 */
export async function finishRuns( admin: Session ): Promise< any > {
	// eslint-disable-line @typescript-eslint/no-explicit-any
	const deadline = Date.now() + 120_000;
	for (;;) {
		wpHelper( 'drive' );
		const status = await admin.ok( 'GET', `${ NS }/sync/status` );
		const state = status.run?.state;
		if (
			! status.run ||
			[ 'done', 'failed', 'cancelled', 'paused' ].includes( state )
		) {
			return status;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`run did not finish: ${ JSON.stringify( status.run ) }`
			);
		}
		await fetch( `${ SITE_URL }/wp-cron.php` ).catch( () => undefined );
		await new Promise( ( r ) => setTimeout( r, 1000 ) );
	}
}

const suffix = () => Math.random().toString( 36 ).slice( 2, 7 ).toUpperCase();

/**
 * Puts the hostile products into the simulator, connects, fetches, selects them (+ a few plain ones)
 * and imports them into WooCommerce (jobs driven from the command line).
 * @param admin
 */
export async function hostileCatalog(
	admin: Session
): Promise< HostileCatalog > {
	const tag = suffix();
	const category = await sim( 'POST', '/__sim/categories', {
		categoryName: `Danh mục ${ XSS.img } ${ tag }`,
	} );
	const categoryId = category.categoryId ?? category.id;
	const make = async (
		name: string,
		code: string,
		extra: Record< string, unknown > = {}
	) => {
		const p = await sim( 'POST', '/__sim/products', {
			name,
			code: `${ code }-${ tag }`,
			categoryId,
			basePrice: 120000,
			unit: 'cái',
			allowsSale: true,
			isActive: true,
			inventories: [ { branchId: 5001, onHand: 7 } ],
			...extra,
		} );
		return p.id as number;
	};
	const names: Record< number, string > = {};
	const xssIds: number[] = [];
	for ( const [ key, payload ] of Object.entries( XSS ) ) {
		const name = `Áo XSS ${ key } ${ payload } ${ tag }`;
		const id = await make( name, `XSS-${ key.toUpperCase() }`, {
			description: `<p>Mô tả</p>${ XSS.script }${ XSS.img }${ XSS.svg }`,
			attributes: [
				{
					attributeName: `Màu ${ XSS.img }`,
					attributeValue: `Đỏ ${ XSS.svg }`,
				},
			],
		} );
		names[ id ] = name;
		xssIds.push( id );
	}
	const percentName = `Giảm 50% đặc biệt ${ tag }`;
	const underscoreName = `Ao_gach_duoi ${ tag }`;
	const quoteName = `Áo "Đặc" O'Neil \\ -- ; DROP TABLE wp_posts ${ tag }`;
	const percentId = await make( percentName, 'SQL-PCT' );
	const underscoreId = await make( underscoreName, 'SQL-UND' );
	const quoteId = await make( quoteName, 'SQL-QUOTE' );
	Object.assign( names, {
		[ percentId ]: percentName,
		[ underscoreId ]: underscoreName,
		[ quoteId ]: quoteName,
	} );

	await connect( admin ); // Choosing the branch starts the fetch run.
	let status = await finishRuns( admin );
	if ( ! status.catalog?.products ) {
		await admin.request( 'POST', `${ NS }/sync/fetch`, { nonce: true } );
		status = await finishRuns( admin );
	}
	const plain = await admin.ok(
		'GET',
		`${ NS }/catalog/products?search=COCA330&per_page=5`
	);
	const plainIds = ( plain.items as Array< { id: number } > ).map(
		( i ) => i.id
	);
	await selectAndImport( admin, [
		...xssIds,
		percentId,
		underscoreId,
		quoteId,
		...plainIds,
	] );
	return {
		xssIds,
		percentId,
		underscoreId,
		quoteId,
		plainIds,
		category: `Danh mục ${ XSS.img } ${ tag }`,
		names,
	};
}
