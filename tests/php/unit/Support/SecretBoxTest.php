<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Support;

use KiotVietSync\Support\SecretBox;
use PHPUnit\Framework\TestCase;

/**
 * Secrets at rest: authenticated encryption round trip, tamper/key-change detection, masking.
 */
final class SecretBoxTest extends TestCase {

	private const KEY    = 'put your unique phrase here|and a salt';
	private const SECRET = '0123456789abcdef0123456789abcdef01234567';

	public function test_round_trip(): void {
		$box    = new SecretBox( self::KEY );
		$stored = $box->encrypt( self::SECRET );

		self::assertStringStartsWith( 'kvs1:', $stored );
		self::assertStringNotContainsString( self::SECRET, $stored );
		self::assertStringNotContainsString( substr( self::SECRET, 0, 8 ), $stored );
		self::assertSame( self::SECRET, $box->decrypt( $stored ) );
		self::assertSame( '', $box->decrypt( $box->encrypt( '' ) ) );
		self::assertSame( 'Mã bảo mật ✓', $box->decrypt( $box->encrypt( 'Mã bảo mật ✓' ) ) );
	}

	public function test_each_encryption_uses_a_fresh_nonce(): void {
		$box = new SecretBox( self::KEY );
		self::assertNotSame( $box->encrypt( self::SECRET ), $box->encrypt( self::SECRET ) );
	}

	public function test_tampering_or_another_key_yields_null(): void {
		$box    = new SecretBox( self::KEY );
		$stored = $box->encrypt( self::SECRET );
		$raw    = (string) base64_decode( substr( $stored, 5 ), true );
		$raw[30] = chr( ord( $raw[30] ) ^ 1 );

		self::assertNull( $box->decrypt( 'kvs1:' . base64_encode( $raw ) ) );
		self::assertNull( ( new SecretBox( 'other salts' ) )->decrypt( $stored ) );
		self::assertNull( $box->decrypt( self::SECRET ), 'plaintext is never accepted as ciphertext' );
		self::assertNull( $box->decrypt( 'kvs1:!!!' ) );
		self::assertNull( $box->decrypt( 'kvs1:' . base64_encode( 'short' ) ) );
	}

	public function test_decrypts_the_openssl_gcm_fallback_format(): void {
		$key    = hash_hmac( 'sha256', 'kiotviet-sync secret storage v1', self::KEY, true );
		$iv     = random_bytes( 12 );
		$tag    = '';
		$cipher = (string) openssl_encrypt( self::SECRET, 'aes-256-gcm', $key, OPENSSL_RAW_DATA, $iv, $tag, '', 16 );
		$stored = 'kvs2:' . base64_encode( $iv . $tag . $cipher );

		$box = new SecretBox( self::KEY );
		self::assertSame( self::SECRET, $box->decrypt( $stored ) );
		self::assertNull( ( new SecretBox( 'other' ) )->decrypt( $stored ) );
	}

	public function test_empty_key_material_is_refused(): void {
		$this->expectException( \InvalidArgumentException::class );
		new SecretBox( '' );
	}

	public function test_mask_shows_only_the_last_four(): void {
		self::assertSame( '••••••••4567', SecretBox::mask( self::SECRET ) );
		self::assertSame( '••••••••cret', SecretBox::mask( 'demo-secret' ) );
		self::assertSame( '••••••••', SecretBox::mask( 'short' ), 'short secrets reveal nothing' );
		self::assertSame( '••••••••', SecretBox::mask( '' ) );
	}
}
