/**
 * Shared settings and helpers of the browser/HTTP tests: where the test site and simulator are,
 * a Chromium launcher (Debian's chromium through playwright-core) and a logged-in page.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve( __dirname, '../..' );
export const SITE_URL = process.env.KVS_SITE_URL ?? 'http://127.0.0.1:5490';
export const SIM_URL = process.env.KVS_SIM_URL ?? 'http://127.0.0.1:5402';
export const ADMIN = { user: 'admin', password: 'admin' };
export const SHOTS = join( ROOT, 'artifacts', 'screenshots' );

export async function launch(): Promise< Browser > {
	return chromium.launch( {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
	} );
}

/**
 * Logs in through wp-login.php and returns a page with the session cookies.
 * @param browser
 * @param user
 * @param password
 */
export async function login(
	browser: Browser,
	user = ADMIN.user,
	password = ADMIN.password
): Promise< Page > {
	const context = await browser.newContext( {
		viewport: { width: 1280, height: 900 },
		locale: 'vi-VN',
	} );
	const page = await context.newPage();
	await page.goto( `${ SITE_URL }/wp-login.php` );
	await page.fill( '#user_login', user );
	await page.fill( '#user_pass', password );
	await Promise.all( [
		page.waitForURL( /wp-admin/ ),
		page.click( '#wp-submit' ),
	] );
	return page;
}

/**
 * Sets the logged-in user's admin language through the core REST API.
 * @param page
 * @param locale
 */
export async function setUserLocale(
	page: Page,
	locale: string
): Promise< void > {
	const status = await page.evaluate( async ( loc ) => {
		// Core answers this admin-ajax action with a REST nonce for the logged-in user.
		const nonce = await (
			await fetch( '/wp-admin/admin-ajax.php?action=rest-nonce' )
		).text();
		const res = await fetch( '/wp-json/wp/v2/users/me', {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'X-WP-Nonce': nonce,
			},
			body: JSON.stringify( { locale: loc } ),
		} );
		return res.status;
	}, locale );
	if ( status !== 200 ) {
		throw new Error( `could not set the user locale (HTTP ${ status })` );
	}
}

export async function screenshot(
	page: Page,
	name: string
): Promise< string > {
	mkdirSync( SHOTS, { recursive: true } );
	const file = join( SHOTS, `${ name }.png` );
	await page.screenshot( { path: file, fullPage: true } );
	return file;
}

/** Resets the test simulator to its demo seed. */
export async function resetSimulator(): Promise< void > {
	const res = await fetch( `${ SIM_URL }/__sim/reset`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: '{}',
	} );
	if ( ! res.ok ) {
		throw new Error( `simulator reset failed: HTTP ${ res.status }` );
	}
}
