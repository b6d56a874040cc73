/**
 * Issue 10 — hostile webhook deliveries and settings input:
 * - forged, unsigned, wrongly signed, replayed, oversized, malformed and wrong-typed deliveries are answered
 *   200 (a 4xx would disable the subscription), recorded in the inbox with a reason, change no product,
 *   price or stock, and cause no PHP warning; a genuine signed delivery does change stock (control);
 * - property-based (fast-check, seeded): random payloads and signatures never get a 5xx nor change data;
 *   random PUT /settings bodies get 200 or 400 with params, never 500, and invalid ones change nothing.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { resetSimulator } from '../env';
import {
	adminSession,
	connect,
	disconnect,
	NS,
	type Session,
	sim,
	warningLogMark,
	warningsSince,
	wpHelper,
} from './helpers';
import { finishRuns } from './catalog-setup';

let admin: Session;
let receiver: string;
let secret: string;
let productId: number;
let mark: Map< string, number >;

const post = (
	body: string,
	signature?: string | null,
	contentType = 'application/json'
) =>
	admin.request( 'POST', receiver, {
		raw: body,
		headers: {
			'Content-Type': contentType,
			...( signature ? { 'X-Hub-Signature': signature } : {} ),
		},
	} );

const sign = ( body: string, key = secret ) =>
	`sha1=${ createHmac( 'sha256', key ).update( body ).digest( 'hex' ) }`;

/** The catalog state after the inbox was processed. */
function settledState(): string {
	wpHelper( 'process-webhooks' );
	return wpHelper( 'state' ).digest as string;
}

/** The last sync history id: what runs after it is listed by otherActivity(). */
function historyMark(): number {
	return wpHelper( 'state' ).log_max as number;
}

/**
 * Sync history rows written after the mark by anything but the rejection of an unverified delivery and
 * its bounded re-reads (and their KiotViet calls): a background job (e.g. the recurring reconciliation) would be listed here, so a
 * state change is attributed to its real cause.
 * @param since
 */
function otherActivity( since: number ): string[] {
	return (
		wpHelper( 'history', String( since ) ).rows as Array<
			Record< string, string >
		>
	 )
		.filter(
			( r ) =>
				r.channel !== 'api' && // the KiotViet calls of those re-reads
				! (
					r.channel === 'webhook' &&
					[ 'delivery', 'reread' ].includes( String( r.action ) )
				)
		)
		.map(
			( r ) =>
				`${ r.channel }/${ r.action }/${ r.result }: ${ r.message }`
		);
}

function stockDelivery(
	onHand: number,
	id = `forged-${ Math.random() }`
): string {
	return JSON.stringify( {
		Id: id,
		Attempt: 1,
		Notifications: [
			{
				Action: 'stock.update.712345',
				Data: [
					{
						ProductId: productId,
						ProductCode: 'COCA330',
						BranchId: 5001,
						OnHand: onHand,
						Reserved: 0,
						ModifiedDate: new Date(
							Date.now() + 86_400_000
						).toISOString(),
					},
				],
			},
		],
	} );
}

beforeAll( async () => {
	await resetSimulator();
	admin = await adminSession();
	await connect( admin );
	await finishRuns( admin );
	const coca = await admin.ok(
		'GET',
		`${ NS }/catalog/products?search=COCA330&per_page=5`
	);
	productId = coca.items.find(
		( i: { code: string } ) => i.code === 'COCA330'
	).id;
	await admin.ok( 'PUT', `${ NS }/catalog/selection`, {
		action: 'select',
		scope: 'ids',
		ids: [ productId ],
	} );
	await admin.request( 'POST', `${ NS }/sync/import`, { nonce: true } );
	const status = await finishRuns( admin );
	expect( status.run?.state ).toBe( 'done' );
	const hook = wpHelper( 'webhook-secret' );
	expect( hook.site_key ).toBeTruthy();
	expect( hook.secret ).toBeTruthy();
	secret = hook.secret;
	receiver = `${ NS }/webhook/${ hook.site_key }`;
	mark = warningLogMark();
	// From here on no background job runs on the site's requests: the recurring reconciliation (first run
	// 60 s after connecting) once re-imported the product in the middle of the fuzz test, whose state
	// comparison then blamed the forged deliveries. The tests process the inbox themselves.
	wpHelper( 'hold-jobs' );
} );

afterAll( async () => {
	wpHelper( 'release-jobs' );
	await disconnect( admin );
	await resetSimulator();
} );

describe( 'hostile deliveries', () => {
	test( 'forged, unsigned, oversized, malformed and wrong-typed deliveries: 200, recorded, nothing changes', async () => {
		const before = settledState();
		const inboxBefore = (
			await admin.ok( 'GET', `${ NS }/webhooks/inbox?per_page=1` )
		).total as number;
		const body = stockDelivery( 0 );
		const cases: Array< [ string, string, string | null, string? ] > = [
			[ 'unsigned', body, null ],
			[
				'forged signature',
				stockDelivery( 1 ),
				`sha1=${ 'ab'.repeat( 32 ) }`,
			],
			[
				'signed with another key',
				stockDelivery( 2 ),
				sign( stockDelivery( 2 ), 'not-the-secret' ),
			],
			[
				'signature of another body',
				stockDelivery( 3 ),
				sign( stockDelivery( 4 ) ),
			],
			[ 'garbage signature', stockDelivery( 5 ), 'sha1=<script>' ],
			[
				'oversized',
				JSON.stringify( {
					Id: 'big',
					Notifications: [],
					Pad: 'x'.repeat( 5_300_000 ),
				} ),
				null,
			],
			[
				'malformed JSON',
				'{"Id":"m1","Notifications":[{"Action":"stock.update.712345","Data":[',
				null,
			],
			[ 'malformed JSON, signed', '{"Id":"m2",', sign( '{"Id":"m2",' ) ],
			[
				'not JSON at all',
				'Id=1&Notifications=x',
				null,
				'application/x-www-form-urlencoded',
			],
			[
				'wrong types, signed',
				JSON.stringify( {
					Id: 42,
					Attempt: 'x',
					Notifications: 'stock.update',
				} ),
				null,
			],
			[
				'wrong Data types',
				JSON.stringify( {
					Id: 'w2',
					Notifications: [
						{
							Action: 'stock.update.712345',
							Data: [
								{
									ProductId: 'abc',
									OnHand: { a: 1 },
									BranchId: [],
								},
							],
						},
					],
				} ),
				null,
			],
			[
				'deep nesting',
				`{"Id":"deep","Notifications":${ '['.repeat(
					600
				) }${ ']'.repeat( 600 ) }}`,
				null,
			],
			[ 'empty body', '', null ],
		];
		for ( const [ label, raw, signature, type ] of cases ) {
			const signed =
				label.endsWith( ', signed' ) && signature === null
					? sign( raw )
					: signature;
			const r = await post( raw, signed, type );
			expect( r.status, label ).toBe( 200 );
			expect( r.json, label ).toHaveProperty( 'received' );
		}
		// Unknown site key: nothing stored, still 200.
		expect(
			(
				await admin.request( 'POST', `${ NS }/webhook/not-our-key`, {
					raw: body,
					headers: { 'Content-Type': 'application/json' },
				} )
			).status
		).toBe( 200 );

		expect( settledState() ).toBe( before );
		const inbox = await admin.ok(
			'GET',
			`${ NS }/webhooks/inbox?per_page=100`
		);
		expect( inbox.total ).toBeGreaterThan( inboxBefore );
		const recent = (
			inbox.items as Array< {
				verified: boolean;
				verification: string;
				state: string;
				error: string | null;
			} >
		 ).slice( 0, inbox.total - inboxBefore );
		for ( const row of recent ) {
			if ( row.verified ) {
				// Only the signed malformed/wrong-typed ones verify; they are kept aside, never applied.
				expect(
					[ 'malformed', 'ignored' ],
					JSON.stringify( row )
				).toContain( row.state );
			}
			// Every row says why: the verification result, or the malformed reason.
			expect(
				`${ row.verification }${ row.error ?? '' }`.length,
				JSON.stringify( row )
			).toBeGreaterThan( 0 );
		}
		expect(
			recent.some(
				( r ) =>
					r.error === 'oversized' ||
					/oversized/.test( r.verification )
			)
		).toBe( true );
		expect( recent.some( ( r ) => r.state === 'malformed' ) ).toBe( true );
		expect( warningsSince( mark ) ).toEqual( [] );
	} );

	test( 'a genuine delivery changes stock once; replaying it (or an older one) changes nothing', async () => {
		await sim( 'POST', '/__sim/webhooks/deliveries/clear' );
		const before = settledState();
		await sim( 'POST', '/__sim/stock', {
			productId,
			branchId: 5001,
			onHand: 42,
		} );
		await sim( 'POST', '/__sim/webhooks/flush', { untilIdle: true } );
		const afterFirst = settledState();
		expect( afterFirst ).not.toBe( before ); // Control: a verified delivery is applied.
		const deliveries =
			(
				await sim(
					'GET',
					'/__sim/webhooks/deliveries?type=stock.update'
				)
			).deliveries ?? [];
		const first = deliveries.find(
			( d: { status: unknown } ) => d.status === 200
		);
		expect( first ).toBeTruthy();

		await sim( 'POST', '/__sim/stock', {
			productId,
			branchId: 5001,
			onHand: 43,
		} );
		await sim( 'POST', '/__sim/webhooks/flush', { untilIdle: true } );
		const afterSecond = settledState();
		expect( afterSecond ).not.toBe( afterFirst );

		// Replay the first (older) delivery byte for byte, with its valid signature.
		for ( let i = 0; i < 3; i++ ) {
			const r = await post(
				first.body,
				first.signature ?? first.headers?.[ 'x-hub-signature' ]
			);
			expect( r.status ).toBe( 200 );
		}
		expect( settledState() ).toBe( afterSecond );
		expect( warningsSince( mark ) ).toEqual( [] );
	} );
} );

describe( 'property-based', () => {
	const action = fc.oneof(
		fc.constantFrom(
			'stock.update.712345',
			'product.update.712345',
			'product.delete.712345',
			'order.update.712345',
			'pricebook.update.712345',
			'category.delete.712345'
		),
		fc.string( { maxLength: 30 } )
	);
	const item = fc.oneof(
		fc.dictionary(
			fc.constantFrom(
				'Id',
				'ProductId',
				'OnHand',
				'BranchId',
				'Name',
				'BasePrice',
				'ModifiedDate',
				'RemoveId',
				'__type'
			),
			fc.jsonValue( { maxDepth: 2 } )
		),
		fc.jsonValue( { maxDepth: 2 } )
	);
	const delivery = fc.oneof(
		fc
			.record(
				{
					Id: fc.oneof(
						fc.uuid(),
						fc.string(),
						fc.integer(),
						fc.constant( null )
					),
					Attempt: fc.oneof(
						fc.integer(),
						fc.string(),
						fc.constant( null )
					),
					Notifications: fc.oneof(
						fc.array(
							fc.record(
								{
									Action: action,
									Data: fc.oneof(
										fc.array( item, { maxLength: 4 } ),
										item
									),
								},
								{ requiredKeys: [] }
							),
							{ maxLength: 3 }
						),
						fc.jsonValue( { maxDepth: 2 } )
					),
				},
				{ requiredKeys: [] }
			)
			.map( ( o ) => JSON.stringify( o ) ),
		fc.jsonValue( { maxDepth: 3 } ).map( ( v ) => JSON.stringify( v ) ),
		fc.string( { maxLength: 200 } )
	);
	const signature = fc.oneof(
		fc.constant( null ),
		fc.string( { maxLength: 80 } ),
		fc
			.uint8Array( { minLength: 32, maxLength: 32 } )
			.map( ( b ) => `sha1=${ Buffer.from( b ).toString( 'hex' ) }` ),
		fc.constant( 'wrong-key' )
	);

	// KVS_FUZZ_SEED / KVS_FUZZ_RUNS explore other inputs (docs/reliability.md); the defaults run in npm test.
	const fuzzSeed = Number( process.env.KVS_FUZZ_SEED ?? 20261129 );
	const fuzzRuns = Number( process.env.KVS_FUZZ_RUNS ?? 25 );

	test( 'random unverified deliveries: always 200, never a data change, no PHP warning', async () => {
		wpHelper( 'hold-jobs' ); // renewed: WordPress ignores a lock more than 10 minutes old
		const before = settledState();
		const since = historyMark();
		await fc.assert(
			fc.asyncProperty( delivery, signature, async ( raw, sig ) => {
				const header =
					sig === 'wrong-key' ? sign( raw, 'wrong-key' ) : sig;
				const r = await post( raw, header );
				return r.status === 200;
			} ),
			{ numRuns: fuzzRuns, seed: fuzzSeed }
		);
		const after = settledState();
		// Nothing else ran meanwhile (else a change could not be blamed on the deliveries) …
		const others = otherActivity( since );
		expect( others ).toEqual( [] );
		// … and the deliveries changed nothing.
		expect( after ).toBe( before );
		expect( warningsSince( mark ) ).toEqual( [] );
	} );

	test( 'random settings bodies: 200 or 400 with params, never 500; rejected ones change nothing', async () => {
		const original = await admin.ok( 'GET', `${ NS }/settings` );
		const keys = Object.keys( original );
		const body = fc.dictionary(
			fc.oneof(
				fc.constantFrom( ...keys ),
				fc.string( { maxLength: 12 } )
			),
			fc.oneof(
				fc.jsonValue( { maxDepth: 2 } ),
				fc.constantFrom(
					-1,
					0,
					1e12,
					'',
					'<script>',
					"'; DROP TABLE x; --",
					true,
					null
				)
			),
			{ maxKeys: 4 }
		);
		const failures: string[] = [];
		await fc.assert(
			fc.asyncProperty( body, async ( changes ) => {
				const r = await admin.request( 'PUT', `${ NS }/settings`, {
					body: changes,
					nonce: true,
				} );
				if ( r.status === 400 ) {
					const now = await admin.ok( 'GET', `${ NS }/settings` );
					const params = r.json?.data?.params;
					if (
						! params ||
						typeof params !== 'object' ||
						Object.keys( params ).length === 0
					) {
						failures.push(
							`400 without params for ${ JSON.stringify(
								changes
							) }`
						);
					}
					if (
						JSON.stringify( now ) !== JSON.stringify( original )
					) {
						failures.push(
							`rejected ${ JSON.stringify(
								changes
							) } changed the settings`
						);
					}
					return true;
				}
				if ( r.status === 200 ) {
					// Accepted (valid values): put the original values back.
					await admin.ok(
						'PUT',
						`${ NS }/settings`,
						Object.fromEntries(
							Object.keys( changes )
								.filter( ( k ) => k in original )
								.map( ( k ) => [ k, original[ k ] ] )
						)
					);
					return true;
				}
				failures.push(
					`${ r.status } for ${ JSON.stringify(
						changes
					) }: ${ r.text.slice( 0, 200 ) }`
				);
				return r.status < 500;
			} ),
			{ numRuns: 25, seed: 20261129 }
		);
		expect( failures ).toEqual( [] );
		expect( await admin.ok( 'GET', `${ NS }/settings` ) ).toEqual(
			original
		);
		expect( warningsSince( mark ) ).toEqual( [] );
	} );
} );
