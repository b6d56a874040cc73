/**
 * Helpers of the walkthrough browser test (tests/e2e/walkthrough.test.ts): reading the plugin's state
 * through its REST API from the logged-in page, polling with a deadline,
 * keyboard navigation and a record of the screenshots taken.
 */
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './env';

export const NS = '/wp-json/kiotviet-sync/v1';

/** Every screenshot the walkthrough saved, in order (file paths). */
export const shots: string[] = [];

let shotPrefix = 'walkthrough';

/**
 * Names the screenshots after the WooCommerce the site runs (`walkthrough-…` on the stand-in,
 * `walkthrough-wc-…` on real WooCommerce), so runs on both keep their own files.
 * @param realWooCommerce
 */
export function setShotPrefix( realWooCommerce: boolean ): void {
	shotPrefix = realWooCommerce ? 'walkthrough-wc' : 'walkthrough';
}

/**
 * Saves a full-page screenshot as `<prefix>-<name>.png` and remembers its path.
 * @param page
 * @param name
 */
export async function shot( page: Page, name: string ): Promise< void > {
	shots.push( await screenshot( page, `${ shotPrefix }-${ name }` ) );
}

/**
 * A GET (or another method) of the site's REST API with the logged-in user's cookies and a REST nonce,
 * run inside the page. Only used to read state for assertions and to reset the site before the journey.
 * @param page
 * @param path   Path under /wp-json (starting with /wp-json/…).
 * @param method
 * @param body
 */
export async function rest< T = any >( // eslint-disable-line @typescript-eslint/no-explicit-any
	page: Page,
	path: string,
	method = 'GET',
	body?: unknown
): Promise< T > {
	const answer = await page.evaluate(
		async ( { p, m, b } ) => {
			const nonce = await (
				await fetch( '/wp-admin/admin-ajax.php?action=rest-nonce' )
			).text();
			const res = await fetch( p, {
				method: m,
				headers: {
					'Content-Type': 'application/json',
					'X-WP-Nonce': nonce,
				},
				body: b === undefined ? undefined : JSON.stringify( b ),
			} );
			return { status: res.status, text: await res.text() };
		},
		{ p: path, m: method, b: body }
	);
	if ( answer.status < 200 || answer.status >= 300 ) {
		throw new Error(
			`${ method } ${ path } → ${ answer.status }: ${ answer.text.slice(
				0,
				300
			) }`
		);
	}
	return JSON.parse( answer.text ) as T;
}

/**
 * Calls `probe` until it returns something other than undefined/false, or throws after `timeoutMs`
 * with the last value seen. Polls every `intervalMs`.
 * @param what       What we wait for (for the error message).
 * @param probe
 * @param timeoutMs
 * @param intervalMs
 */
export async function until< T >(
	what: string,
	probe: () => Promise< T | undefined | false | null >,
	timeoutMs = 60_000,
	intervalMs = 500
): Promise< T > {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await probe();
			if ( value !== undefined && value !== false && value !== null ) {
				return value;
			}
			last = value;
		} catch ( error ) {
			lastError = error;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`timed out after ${ timeoutMs } ms waiting for ${ what }` +
					( lastError
						? `; last error: ${ String( lastError ) }`
						: '' ) +
					( last !== undefined
						? `; last: ${ JSON.stringify( last ) }`
						: '' )
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, intervalMs ) );
	}
}

/**
 * Presses Tab until `target` has the keyboard focus (at most `maxTabs` times); fails when it never does.
 * @param page
 * @param target
 * @param maxTabs
 */
export async function tabTo(
	page: Page,
	target: Locator,
	maxTabs = 40
): Promise< void > {
	const handle = await target.elementHandle();
	if ( ! handle ) {
		throw new Error( 'tabTo: target not found' );
	}
	for ( let i = 0; i < maxTabs; i++ ) {
		await page.keyboard.press( 'Tab' );
		const focused = await handle.evaluate(
			( el ) => el === el.ownerDocument.activeElement
		);
		if ( focused ) {
			return;
		}
	}
	throw new Error( `tabTo: not reached with ${ maxTabs } Tab presses` );
}

/** The plugin's history rows (newest first) of one channel. */
export interface HistoryRow {
	id: number;
	channel: string;
	action: string;
	result: string;
	message: string;
	object_type: string | null;
	object_id: number | null;
	kiotviet_id: number | null;
}
