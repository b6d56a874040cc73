/**
 * The connection wizard as a Vietnamese shop owner uses it (issue 4): the first screen renders,
 * connect to the simulator, pick the product branch, then cancel the connection with its confirmation.
 */
import type { Browser, Page } from 'playwright-core';
import {
	launch,
	login,
	resetSimulator,
	screenshot,
	setUserLocale,
	SITE_URL,
} from './env';
import { adminSession, disconnect } from './security/helpers';

let browser: Browser;
let page: Page;

beforeAll( async () => {
	// A new user's first visit: no connection left by a test file that ran before this one.
	await disconnect( await adminSession() );
	await resetSimulator();
	browser = await launch();
	page = await login( browser );
	await setUserLocale( page, 'vi' );
} );

afterAll( async () => {
	await browser?.close();
} );

async function openPlugin(): Promise< void > {
	await page.goto( `${ SITE_URL }/wp-admin/admin.php?page=kiotviet-sync` );
	await page
		.locator( '#kiotviet-sync-root' )
		.getByRole( 'heading' )
		.first()
		.waitFor();
}

test( 'the admin menu opens the connection screen in Vietnamese', async () => {
	await openPlugin();
	await expect(
		page
			.locator( '#adminmenu' )
			.getByText( 'KiotViet Sync' )
			.first()
			.isVisible()
	).resolves.toBe( true );
	await page.getByText( 'Thông số kết nối' ).first().waitFor();
	await page.getByLabel( 'Địa chỉ truy cập cửa hàng' ).waitFor();
	await page.getByLabel( 'Mã bảo mật' ).waitFor();
	await screenshot( page, '01-connection' );
} );

test( 'wrong secret shows the field error, right credentials lead to the branch step', async () => {
	await page.getByLabel( 'Địa chỉ truy cập cửa hàng' ).fill( 'demo' );
	await page.getByLabel( 'Client ID' ).fill( 'demo-client' );
	await page.getByLabel( 'Mã bảo mật' ).fill( 'not-the-secret' );
	await page.getByRole( 'button', { name: 'Tiếp theo' } ).click();
	await page
		.locator(
			'#kiotviet-sync-root [role="alert"], #kiotviet-sync-root .components-notice.is-error, #kiotviet-sync-root .kvs-field-error'
		)
		.first()
		.waitFor();
	await screenshot( page, '02-connection-error' );

	await page.getByLabel( 'Mã bảo mật' ).fill( 'demo-secret' );
	await page.getByRole( 'button', { name: 'Tiếp theo' } ).click();
	await page.getByLabel( 'Chi nhánh đồng bộ sản phẩm' ).waitFor();
	const html = await page.content();
	expect( html ).not.toContain( 'demo-secret' );
	await screenshot( page, '03-branch' );
} );

test( 'choosing a branch continues to "Lấy dữ liệu từ KiotViet"; the page reopens on the right step', async () => {
	const select = page.getByLabel( 'Chi nhánh đồng bộ sản phẩm' );
	const options = await select.locator( 'option' ).allTextContents();
	const branch = options.find(
		( o ) => o.trim() !== '' && ! /chọn|select/i.test( o )
	);
	expect( branch ).toBeTruthy();
	await select.selectOption( { label: branch! } );
	await page.getByRole( 'button', { name: 'Tiếp tục' } ).click();
	// The fetch run starts by itself; its screen names the branch (options read "Name (CODE)").
	await page.getByText( 'Lấy dữ liệu từ KiotViet' ).first().waitFor();
	const branchName = branch!.replace( /\s*\([^)]*\)\s*$/, '' ).trim();
	await screenshot( page, '04-get-data' );

	// When the data is in, the wizard moves on to the products ("Hàng hóa") step, also after a reload.
	await page.getByText( 'Hàng hóa' ).first().waitFor( { timeout: 90_000 } );
	await openPlugin();
	await page.getByText( 'Hàng hóa' ).first().waitFor();
	await page.goto(
		`${ SITE_URL }/wp-admin/admin.php?page=kiotviet-sync&step=config`
	);
	await page.getByText( branchName ).first().waitFor();
	await screenshot( page, '05-configuration' );
} );

test( 'cancelling the connection asks "Xóa thông tin" and returns to an empty connection screen', async () => {
	await page
		.getByRole( 'button', { name: /Hủy kết nối|Ngắt kết nối/ } )
		.first()
		.click();
	const dialog = page.getByRole( 'dialog' );
	await dialog.getByText( 'Xóa thông tin' ).first().waitFor();
	await screenshot( page, '06-cancel-confirm' );
	await dialog.getByRole( 'button', { name: 'OK' } ).click();
	await page.getByLabel( 'Địa chỉ truy cập cửa hàng' ).waitFor();
	await expect( page.getByLabel( 'Mã bảo mật' ).inputValue() ).resolves.toBe(
		''
	);
	await screenshot( page, '07-disconnected' );

	await openPlugin();
	await page.getByLabel( 'Địa chỉ truy cập cửa hàng' ).waitFor();
} );
