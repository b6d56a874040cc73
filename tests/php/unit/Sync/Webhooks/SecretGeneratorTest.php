<?php
/**
 * Tests for SecretGenerator.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Webhooks;

use InvalidArgumentException;
use KiotVietSync\Sync\Webhooks\SecretGenerator;
use KiotVietSync\Sync\Webhooks\SignatureVerifier;
use PHPUnit\Framework\TestCase;
use RuntimeException;

/**
 * Secrets are Base64 text of ≥ 16 random bytes.
 */
final class SecretGeneratorTest extends TestCase {

	public function test_encodes_the_random_bytes_as_base64(): void {
		$asked     = array();
		$generator = new SecretGenerator(
			static function ( int $length ) use ( &$asked ): string {
				$asked[] = $length;
				return substr( 'shop-secret-2025-and-some-more-bytes', 0, $length );
			}
		);

		self::assertSame( 'c2hvcC1zZWNyZXQtMjAyNQ==', $generator->generate( 16 ) );
		self::assertSame( array( 16 ), $asked );
	}

	public function test_default_is_32_bytes_and_44_base64_characters(): void {
		$generator = new SecretGenerator();

		$secret = $generator->generate();

		self::assertSame( 44, strlen( $secret ) );
		$decoded = base64_decode( $secret, true );
		self::assertIsString( $decoded );
		self::assertSame( 32, strlen( $decoded ) );
		self::assertNotSame( $secret, $generator->generate() );
	}

	public function test_refuses_fewer_than_16_bytes(): void {
		$this->expectException( InvalidArgumentException::class );
		( new SecretGenerator() )->generate( 15 );
	}

	public function test_refuses_a_source_returning_too_few_bytes(): void {
		$generator = new SecretGenerator(
			static function ( int $length ): string {
				return str_repeat( 'a', $length - 1 ) . '';
			}
		);
		$this->expectException( RuntimeException::class );
		$generator->generate( 16 );
	}

	public function test_refuses_a_constant_source(): void {
		$generator = new SecretGenerator(
			static function ( int $length ): string {
				return str_repeat( "\0", $length );
			}
		);
		$this->expectException( RuntimeException::class );
		$generator->generate( 16 );
	}

	public function test_generated_secret_round_trips_through_the_verifier(): void {
		$secret = ( new SecretGenerator() )->generate();
		$body   = '{"Id":"x","Attempt":1,"Notifications":[]}';

		$result = ( new SignatureVerifier() )->verify( $body, 'sha1=' . hash_hmac( 'sha256', $body, $secret ), $secret );

		self::assertTrue( $result->is_ok() );
		self::assertSame( 'hex-sha256-key-as-registered', $result->variant() );
	}
}
