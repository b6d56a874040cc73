<?php
/**
 * Tests for SignatureVerifier.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Webhooks;

use KiotVietSync\Sync\Webhooks\SignatureVerifier;
use KiotVietSync\Sync\Webhooks\VerificationResult;
use PHPUnit\Framework\TestCase;

/**
 * The worked example of kiotviet-api.md §6.6 in every accepted variant, and the failures.
 */
final class SignatureVerifierTest extends TestCase {

	private const SECRET      = 'c2hvcC1zZWNyZXQtMjAyNQ==';
	private const BODY        = '{"Id":"t-1","Attempt":1,"Notifications":[]}';
	private const HEX_AS_IS   = '3b6d81965231000b4c0a93d87d019139bbcc5dff2a27c421ca6747f8132f0096';
	private const B64_AS_IS   = 'O22BllIxAAtMCpPYfQGRObvMXf8qJ8QhymdH+BMvAJY=';
	private const HEX_DECODED = '5ff553162a360e2b6bd33eaff0bf36dc233915befe9b1620a084ebcbed7ffc43';

	private SignatureVerifier $verifier;

	protected function setUp(): void {
		$this->verifier = new SignatureVerifier();
	}

	public function test_worked_example_values_are_the_hmacs_we_compute(): void {
		// Guards the fixture itself: if these drift, every other test below is meaningless.
		self::assertSame( self::HEX_AS_IS, hash_hmac( 'sha256', self::BODY, self::SECRET ) );
		self::assertSame( self::B64_AS_IS, base64_encode( hash_hmac( 'sha256', self::BODY, self::SECRET, true ) ) );
		self::assertSame( self::HEX_DECODED, hash_hmac( 'sha256', self::BODY, 'shop-secret-2025' ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: string}>
	 */
	public function accepted_headers(): array {
		$cases = array();
		$digests = array(
			'hex-as-registered'       => array( self::HEX_AS_IS, 'hex-sha256-key-as-registered' ),
			'HEX-upper-as-registered' => array( strtoupper( self::HEX_AS_IS ), 'hex-sha256-key-as-registered' ),
			'base64-as-registered'    => array( self::B64_AS_IS, 'base64-sha256-key-as-registered' ),
			'base64-unpadded'         => array( rtrim( self::B64_AS_IS, '=' ), 'base64-sha256-key-as-registered' ),
			'base64url-as-registered' => array( rtrim( strtr( self::B64_AS_IS, '+/', '-_' ), '=' ), 'base64url-sha256-key-as-registered' ),
			'hex-decoded-key'         => array( self::HEX_DECODED, 'hex-sha256-key-base64-decoded' ),
			'base64-decoded-key'      => array( base64_encode( (string) hex2bin( self::HEX_DECODED ) ), 'base64-sha256-key-base64-decoded' ),
		);
		$prefixes = array(
			'none'    => array( '', '' ),
			'sha1'    => array( 'sha1=', 'sha1' ),
			'sha256'  => array( 'sha256=', 'sha256' ),
			'SHA256'  => array( 'SHA256=', 'sha256' ),
			'Sha1'    => array( 'Sha1=', 'sha1' ),
		);
		foreach ( $digests as $digest_name => $digest ) {
			foreach ( $prefixes as $prefix_name => $prefix ) {
				$cases[ $prefix_name . ' + ' . $digest_name ] = array( $prefix[0] . $digest[0], $digest[1], $prefix[1] );
			}
		}
		return $cases;
	}

	/**
	 * @dataProvider accepted_headers
	 */
	public function test_accepts_each_variant_of_the_worked_example( string $header, string $variant, string $prefix ): void {
		$result = $this->verifier->verify( self::BODY, $header, self::SECRET );

		self::assertTrue( $result->is_ok(), 'header ' . $header );
		self::assertSame( VerificationResult::OK, $result->reason() );
		self::assertSame( $variant, $result->variant() );
		self::assertSame( $prefix, $result->prefix() );
	}

	public function test_the_default_simulator_header_is_accepted(): void {
		$result = $this->verifier->verify( self::BODY, 'sha1=' . self::HEX_AS_IS, self::SECRET );

		self::assertSame( 'hex-sha256-key-as-registered', $result->variant() );
		self::assertSame( 'sha1', $result->prefix() );
	}

	public function test_surrounding_whitespace_in_header_is_tolerated(): void {
		self::assertTrue( $this->verifier->verify( self::BODY, "  sha1=" . self::HEX_AS_IS . "\r\n", self::SECRET )->is_ok() );
	}

	public function test_hmac_sha1_behind_sha1_label_is_accepted(): void {
		$digest = hash_hmac( 'sha1', self::BODY, self::SECRET );

		$result = $this->verifier->verify( self::BODY, 'sha1=' . $digest, self::SECRET );

		self::assertTrue( $result->is_ok() );
		self::assertSame( 'hex-sha1-key-as-registered', $result->variant() );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function body_changes(): array {
		return array(
			'one digit'           => array( '{"Id":"t-2","Attempt":1,"Notifications":[]}' ),
			'attempt'             => array( '{"Id":"t-1","Attempt":2,"Notifications":[]}' ),
			'whitespace added'    => array( '{"Id":"t-1", "Attempt":1,"Notifications":[]}' ),
			'trailing newline'    => array( self::BODY . "\n" ),
			're-encoded key case' => array( '{"id":"t-1","Attempt":1,"Notifications":[]}' ),
			'empty'               => array( '' ),
		);
	}

	/**
	 * @dataProvider body_changes
	 */
	public function test_changed_body_is_a_mismatch_for_every_variant( string $body ): void {
		foreach ( array( 'sha1=' . self::HEX_AS_IS, self::B64_AS_IS, 'sha256=' . self::HEX_DECODED ) as $header ) {
			$result = $this->verifier->verify( $body, $header, self::SECRET );
			self::assertFalse( $result->is_ok(), $header );
			self::assertSame( VerificationResult::MISMATCH, $result->reason() );
			self::assertSame( '', $result->variant() );
		}
	}

	public function test_one_flipped_byte_anywhere_in_the_body_is_a_mismatch(): void {
		for ( $i = 0, $n = strlen( self::BODY ); $i < $n; $i++ ) {
			$body       = self::BODY;
			$body[ $i ] = chr( ord( $body[ $i ] ) ^ 0x01 );
			self::assertFalse( $this->verifier->verify( $body, 'sha1=' . self::HEX_AS_IS, self::SECRET )->is_ok(), 'byte ' . $i );
		}
	}

	public function test_different_secret_is_a_mismatch(): void {
		foreach ( array( 'c2hvcC1zZWNyZXQtMjAyNg==', 'shop-secret-2025x', 'C2hvcC1zZWNyZXQtMjAyNQ==' ) as $secret ) {
			self::assertSame( VerificationResult::MISMATCH, $this->verifier->verify( self::BODY, 'sha1=' . self::HEX_AS_IS, $secret )->reason(), $secret );
			self::assertSame( VerificationResult::MISMATCH, $this->verifier->verify( self::BODY, self::HEX_DECODED, $secret )->reason(), $secret );
		}
	}

	public function test_decoded_secret_given_as_registered_secret_does_not_match_the_as_registered_digest(): void {
		// Key forms are not interchangeable: "shop-secret-2025" is not the registered Base64 text.
		self::assertFalse( $this->verifier->verify( self::BODY, self::HEX_AS_IS, 'shop-secret-2025' )->is_ok() );
		self::assertTrue( $this->verifier->verify( self::BODY, self::HEX_DECODED, 'shop-secret-2025' )->is_ok() );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function bad_digests(): array {
		return array(
			'hex truncated by one char'   => array( 'sha1=' . substr( self::HEX_AS_IS, 0, 63 ) ),
			'hex truncated by one byte'   => array( substr( self::HEX_AS_IS, 0, 62 ) ),
			'hex first half'              => array( substr( self::HEX_AS_IS, 0, 32 ) ),
			'hex 40 char prefix'          => array( 'sha1=' . substr( self::HEX_AS_IS, 0, 40 ) ),
			'hex extended'                => array( self::HEX_AS_IS . '00' ),
			'hex last char changed'       => array( substr( self::HEX_AS_IS, 0, 63 ) . '7' ),
			'base64 truncated'            => array( substr( self::B64_AS_IS, 0, 40 ) ),
			'base64 last char changed'    => array( substr( self::B64_AS_IS, 0, 42 ) . 'c=' ),
			'base64 non canonical tail'   => array( substr( self::B64_AS_IS, 0, 42 ) . 'Z=' ),
			'hex with garbage'            => array( 'sha1=' . self::HEX_AS_IS . ' x' ),
			'two signatures'              => array( 'sha1=' . self::HEX_AS_IS . ',sha256=' . self::HEX_AS_IS ),
			'prefix only'                 => array( 'sha1=' ),
			'equals only'                 => array( '=' ),
			'non hex of right length'     => array( str_repeat( 'g', 64 ) ),
			'zeros'                       => array( str_repeat( '0', 64 ) ),
			'very long'                   => array( str_repeat( 'a', 5000 ) ),
			'utf8 garbage'                => array( "sha1=\xff\xfe" . self::HEX_AS_IS ),
		);
	}

	/**
	 * @dataProvider bad_digests
	 */
	public function test_bad_digest_is_a_mismatch( string $header ): void {
		$result = $this->verifier->verify( self::BODY, $header, self::SECRET );

		self::assertFalse( $result->is_ok() );
		self::assertSame( VerificationResult::MISMATCH, $result->reason() );
	}

	public function test_missing_or_blank_header_is_missing(): void {
		foreach ( array( null, '', '   ', "\t\n" ) as $header ) {
			$result = $this->verifier->verify( self::BODY, $header, self::SECRET );
			self::assertFalse( $result->is_ok() );
			self::assertSame( VerificationResult::MISSING, $result->reason() );
		}
	}

	public function test_empty_secret_never_verifies_even_with_the_matching_empty_key_hmac(): void {
		$forged = hash_hmac( 'sha256', self::BODY, '' );

		$result = $this->verifier->verify( self::BODY, $forged, '' );

		self::assertFalse( $result->is_ok() );
		self::assertSame( VerificationResult::NO_SECRET, $result->reason() );
	}

	public function test_secret_that_is_not_base64_is_used_only_as_registered(): void {
		$secret = 'not base64 at all!';
		$digest = hash_hmac( 'sha256', self::BODY, $secret );

		self::assertSame( 'hex-sha256-key-as-registered', $this->verifier->verify( self::BODY, $digest, $secret )->variant() );
	}

	public function test_binary_body_is_signed_byte_for_byte(): void {
		$body   = "{\"x\":\"\xc3\xa1o thun\"}\x00";
		$digest = hash_hmac( 'sha256', $body, self::SECRET );

		self::assertTrue( $this->verifier->verify( $body, 'sha1=' . $digest, self::SECRET )->is_ok() );
		self::assertFalse( $this->verifier->verify( substr( $body, 0, -1 ), 'sha1=' . $digest, self::SECRET )->is_ok() );
	}
}
