<?php
/**
 * Outcome of applying one webhook event.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

/**
 * applied | skipped | rejected, a short reason code, a message for the history and the Woo object.
 */
final class HandlerResult {

	public const APPLIED  = 'applied';
	public const SKIPPED  = 'skipped';
	public const REJECTED = 'rejected';

	/**
	 * Outcome.
	 *
	 * @var string
	 */
	private string $outcome;

	/**
	 * Reason code.
	 *
	 * @var string
	 */
	private string $reason;

	/**
	 * Message.
	 *
	 * @var string
	 */
	private string $message;

	/**
	 * Woo object id.
	 *
	 * @var int|null
	 */
	private ?int $woo_id;

	/**
	 * Creates a result.
	 *
	 * @param string   $outcome Outcome.
	 * @param string   $reason  Reason code.
	 * @param string   $message Message.
	 * @param int|null $woo_id  Woo id.
	 */
	public function __construct( string $outcome, string $reason, string $message, ?int $woo_id = null ) {
		$this->outcome = $outcome;
		$this->reason  = $reason;
		$this->message = $message;
		$this->woo_id  = $woo_id;
	}

	/**
	 * Applied.
	 *
	 * @param string   $reason  Reason.
	 * @param string   $message Message.
	 * @param int|null $woo_id  Woo id.
	 */
	public static function applied( string $reason, string $message, ?int $woo_id = null ): self {
		return new self( self::APPLIED, $reason, $message, $woo_id );
	}

	/**
	 * Skipped.
	 *
	 * @param string   $reason  Reason.
	 * @param string   $message Message.
	 * @param int|null $woo_id  Woo id.
	 */
	public static function skipped( string $reason, string $message, ?int $woo_id = null ): self {
		return new self( self::SKIPPED, $reason, $message, $woo_id );
	}

	/**
	 * Outcome.
	 */
	public function outcome(): string {
		return $this->outcome;
	}

	/**
	 * Reason code.
	 */
	public function reason(): string {
		return $this->reason;
	}

	/**
	 * Message.
	 */
	public function message(): string {
		return $this->message;
	}

	/**
	 * Woo id.
	 */
	public function woo_id(): ?int {
		return $this->woo_id;
	}
}
