<?php
/**
 * Tests for ResponsePolicy.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Webhooks;

use KiotVietSync\Sync\Webhooks\MalformedDelivery;
use KiotVietSync\Sync\Webhooks\ResponsePolicy;
use KiotVietSync\Sync\Webhooks\SignatureVerifier;
use PHPUnit\Framework\TestCase;

/**
 * Never 4xx (it disables the subscription, §6.4); 5xx only when the delivery was not stored.
 */
final class ResponsePolicyTest extends TestCase {

	private ResponsePolicy $policy;

	protected function setUp(): void {
		$this->policy = new ResponsePolicy();
	}

	/**
	 * @return array<string, array{0: string, 1: int, 2: bool}>
	 */
	public function outcomes(): array {
		return array(
			'accepted'          => array( ResponsePolicy::ACCEPTED, 200, true ),
			'duplicate'         => array( ResponsePolicy::DUPLICATE, 200, true ),
			'bad signature'     => array( ResponsePolicy::BAD_SIGNATURE, 200, false ),
			'missing signature' => array( ResponsePolicy::MISSING_SIGNATURE, 200, false ),
			'malformed'         => array( ResponsePolicy::MALFORMED, 200, false ),
			'oversized'         => array( ResponsePolicy::OVERSIZED, 200, false ),
			'store failed'      => array( ResponsePolicy::STORE_FAILED, 503, false ),
			'internal error'    => array( ResponsePolicy::INTERNAL_ERROR, 503, false ),
			'unknown outcome'   => array( 'something-new', 200, false ),
		);
	}

	/**
	 * @dataProvider outcomes
	 */
	public function test_status_and_body( string $outcome, int $status, bool $received ): void {
		self::assertSame( $status, $this->policy->status_for( $outcome ) );
		self::assertSame( array( 'received' => $received ), $this->policy->body_for( $outcome ) );
		self::assertSame( $status >= 500, $this->policy->expects_retry( $outcome ) );
	}

	public function test_no_outcome_is_ever_a_4xx(): void {
		$constants = ( new \ReflectionClass( ResponsePolicy::class ) )->getConstants();
		self::assertGreaterThanOrEqual( 8, count( $constants ) );
		foreach ( $constants as $outcome ) {
			$status = $this->policy->status_for( (string) $outcome );
			self::assertFalse( $status >= 400 && $status < 500, (string) $outcome );
		}
	}

	public function test_signature_and_parse_failures_map_to_outcomes(): void {
		$verifier = new SignatureVerifier();
		self::assertSame( ResponsePolicy::MISSING_SIGNATURE, $this->policy->outcome_for_signature( $verifier->verify( '{}', null, 'c2VjcmV0' ) ) );
		self::assertSame( ResponsePolicy::BAD_SIGNATURE, $this->policy->outcome_for_signature( $verifier->verify( '{}', 'sha1=00', 'c2VjcmV0' ) ) );
		self::assertSame( ResponsePolicy::BAD_SIGNATURE, $this->policy->outcome_for_signature( $verifier->verify( '{}', 'sha1=00', '' ) ) );
		self::assertSame( ResponsePolicy::OVERSIZED, $this->policy->outcome_for_malformed( new MalformedDelivery( MalformedDelivery::OVERSIZED ) ) );
		self::assertSame( ResponsePolicy::MALFORMED, $this->policy->outcome_for_malformed( new MalformedDelivery( MalformedDelivery::NOT_JSON ) ) );
	}

	public function test_core_4xx_errors_are_turned_into_200_and_5xx_kept(): void {
		foreach ( array( 400, 401, 403, 404, 405, 413, 415, 422, 429 ) as $status ) {
			self::assertSame( 200, $this->policy->status_for_core_error( $status ), (string) $status );
		}
		self::assertSame( 500, $this->policy->status_for_core_error( 500 ) );
		self::assertSame( 503, $this->policy->status_for_core_error( 503 ) );
		self::assertSame( 200, $this->policy->status_for_core_error( 0 ) );
	}
}
