<?php
/**
 * Outcome of a webhook signature check.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * Whether an `X-Hub-Signature` header matched, why not, and which encoding/key variant matched
 * (worth logging: it tells us which §6.6 reconstruction the live API uses).
 */
final class VerificationResult {

	public const OK        = 'ok';
	public const MISSING   = 'missing';
	public const MISMATCH  = 'mismatch';
	public const NO_SECRET = 'no_secret';

	/**
	 * Reason code.
	 *
	 * @var string
	 */
	private string $reason;

	/**
	 * Matched variant, e.g. "hex-sha256-key-as-registered"; '' unless ok.
	 *
	 * @var string
	 */
	private string $variant;

	/**
	 * Header prefix that was stripped, lower-case, e.g. "sha1"; '' when none.
	 *
	 * @var string
	 */
	private string $prefix;

	/**
	 * Use the named constructors.
	 *
	 * @param string $reason  Reason code.
	 * @param string $variant Matched variant.
	 * @param string $prefix  Stripped prefix.
	 */
	private function __construct( string $reason, string $variant, string $prefix ) {
		$this->reason  = $reason;
		$this->variant = $variant;
		$this->prefix  = $prefix;
	}

	/**
	 * A match.
	 *
	 * @param string $variant Matched variant.
	 * @param string $prefix  Stripped prefix.
	 */
	public static function ok( string $variant, string $prefix ): self {
		return new self( self::OK, $variant, $prefix );
	}

	/**
	 * A failure.
	 *
	 * @param string $reason One of MISSING, MISMATCH, NO_SECRET.
	 * @param string $prefix Stripped prefix, if any.
	 */
	public static function failed( string $reason, string $prefix = '' ): self {
		return new self( $reason, '', $prefix );
	}

	/**
	 * Whether the signature matched.
	 */
	public function is_ok(): bool {
		return self::OK === $this->reason;
	}

	/**
	 * Reason code: ok, missing, mismatch or no_secret.
	 */
	public function reason(): string {
		return $this->reason;
	}

	/**
	 * Matched variant, '' unless ok.
	 */
	public function variant(): string {
		return $this->variant;
	}

	/**
	 * Stripped prefix (lower-case), '' when none.
	 */
	public function prefix(): string {
		return $this->prefix;
	}
}
