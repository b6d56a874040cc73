<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Support;

use KiotVietSync\Storage\SyncLog;
use KiotVietSync\Support\Redactor;
use PHPUnit\Framework\TestCase;

/**
 * Secrets, tokens and Authorization headers never reach the sync history.
 */
final class RedactorTest extends TestCase {

	public function test_redacts_secret_keys_recursively(): void {
		$redactor = new Redactor();
		$out      = $redactor->redact(
			array(
				'client_id'     => 'demo-client',
				'client_secret' => 'abc123secret',
				'headers'       => array(
					'Authorization' => 'Bearer eyJhbGciOi.x.y',
					'Retailer'      => 'demo',
				),
				'token'         => array( 'access_token' => 'tok' ),
				'Webhook'       => array( 'Secret' => 'whsec' ),
				'X-Hub-Signature' => 'sha256=ab',
				'password'      => 'p',
				'count'         => 3,
				'ok'            => true,
				'nothing'       => null,
			)
		);

		self::assertSame( 'demo-client', $out['client_id'] );
		self::assertSame( Redactor::PLACEHOLDER, $out['client_secret'] );
		self::assertSame( Redactor::PLACEHOLDER, $out['headers']['Authorization'] );
		self::assertSame( 'demo', $out['headers']['Retailer'] );
		self::assertSame( Redactor::PLACEHOLDER, $out['token'] );
		self::assertSame( Redactor::PLACEHOLDER, $out['Webhook']['Secret'] );
		self::assertSame( Redactor::PLACEHOLDER, $out['X-Hub-Signature'] );
		self::assertSame( Redactor::PLACEHOLDER, $out['password'] );
		self::assertSame( 3, $out['count'] );
		self::assertTrue( $out['ok'] );
		self::assertNull( $out['nothing'] );
	}

	public function test_redacts_secrets_inside_strings(): void {
		$redactor = new Redactor( array( 'known-secret-value' ) );

		self::assertSame( 'Authorization: Bearer [redacted]', $redactor->redact_string( 'Authorization: Bearer eyJ0eXAi.eyJzdWIi.sig-_=' ) );
		self::assertSame(
			'scopes=PublicApi.Access&client_id=demo&client_secret=[redacted]',
			$redactor->redact_string( 'scopes=PublicApi.Access&client_id=demo&client_secret=0123abcd' )
		);
		self::assertSame( '{"access_token":"[redacted]","expires_in":86400}', $redactor->redact_string( '{"access_token":"eyJ.x.y","expires_in":86400}' ) );
		self::assertSame( 'failed with [redacted] in it', $redactor->redact_string( 'failed with known-secret-value in it' ) );
		self::assertSame( 'Không tìm thấy hàng hóa', $redactor->redact_string( 'Không tìm thấy hàng hóa' ) );
	}

	public function test_objects_are_never_serialised(): void {
		$out = ( new Redactor() )->redact( array( 'exception' => new \RuntimeException( 'secret inside' ) ) );
		self::assertSame( 'RuntimeException', $out['exception'] );
	}

	public function test_sync_log_rows_are_redacted(): void {
		$row = SyncLog::build_row(
			new Redactor(),
			'api',
			'POST /connect/token',
			'error',
			'Token request client_secret=abcdef failed; header Bearer abc.def',
			array(
				'request' => array(
					'headers' => array( 'Authorization' => 'Bearer abc.def' ),
					'body'    => 'grant_type=client_credentials&client_secret=abcdef',
				),
				'status'  => 400,
			),
			array(
				'object_type' => 'product',
				'object_id'   => '12',
				'kiotviet_id' => 31000102,
			),
			'2026-11-29 08:00:00'
		);

		self::assertSame( '2026-11-29 08:00:00', $row['created_at'] );
		self::assertSame( 'error', $row['level'] );
		self::assertSame( 'api', $row['channel'] );
		self::assertSame( 'error', $row['result'] );
		self::assertSame( 'product', $row['object_type'] );
		self::assertSame( 12, $row['object_id'] );
		self::assertSame( 31000102, $row['kiotviet_id'] );
		self::assertSame( 'Token request client_secret=[redacted] failed; header Bearer [redacted]', $row['message'] );
		self::assertIsString( $row['context'] );
		self::assertStringNotContainsString( 'abcdef', $row['context'] );
		self::assertStringNotContainsString( 'abc.def', $row['context'] );
		self::assertSame( 400, json_decode( $row['context'], true )['status'] );
	}

	public function test_sync_log_row_defaults(): void {
		$ok = SyncLog::build_row( new Redactor(), 'connection', 'connect', 'ok', 'Connected.', array(), array(), '2026-11-29 08:00:00' );
		self::assertSame( 'info', $ok['level'] );
		self::assertNull( $ok['context'] );
		self::assertNull( $ok['object_id'] );

		$skipped = SyncLog::build_row( new Redactor(), 'import', 'product', 'skipped', 'x', array(), array(), '2026-11-29 08:00:00' );
		self::assertSame( 'warning', $skipped['level'] );

		$unknown = SyncLog::build_row( new Redactor(), 'import', 'product', 'weird', 'x', array(), array( 'level' => 'debug' ), '2026-11-29 08:00:00' );
		self::assertSame( 'error', $unknown['result'], 'unknown results are stored as errors' );
		self::assertSame( 'debug', $unknown['level'] );

		$long = SyncLog::build_row( new Redactor(), str_repeat( 'c', 40 ), str_repeat( 'a', 100 ), 'ok', 'x', array(), array(), '2026-11-29 08:00:00' );
		self::assertSame( 32, strlen( (string) $long['channel'] ) );
		self::assertSame( 64, strlen( (string) $long['action'] ) );
	}
}
