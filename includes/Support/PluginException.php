<?php
/**
 * Plugin error with a machine code, an HTTP status and field messages.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Support;

/**
 * A failure meant for the admin: the message is translated, safe to show, and free of secrets.
 * The REST layer turns it into a WP_Error with the same code, status and data.params.
 */
class PluginException extends \RuntimeException {

	/**
	 * Machine-readable code, e.g. kiotviet_sync_invalid_field.
	 *
	 * @var string
	 */
	private string $error_code;

	/**
	 * HTTP status to answer with.
	 *
	 * @var int
	 */
	private int $status;

	/**
	 * Field => message.
	 *
	 * @var array<string, string>
	 */
	private array $params;

	/**
	 * Creates the error.
	 *
	 * @param string                $error_code Machine-readable code.
	 * @param string                $message    Translated, user-visible message.
	 * @param int                   $status     HTTP status.
	 * @param array<string, string> $params     Field => message.
	 * @param \Throwable|null       $previous   Cause.
	 */
	public function __construct( string $error_code, string $message, int $status = 400, array $params = array(), ?\Throwable $previous = null ) {
		parent::__construct( $message, 0, $previous );
		$this->error_code = $error_code;
		$this->status     = $status;
		$this->params     = $params;
	}

	/**
	 * Machine-readable code.
	 */
	public function get_error_code(): string {
		return $this->error_code;
	}

	/**
	 * HTTP status.
	 */
	public function get_status(): int {
		return $this->status;
	}

	/**
	 * Field => message.
	 *
	 * @return array<string, string>
	 */
	public function get_params(): array {
		return $this->params;
	}
}
