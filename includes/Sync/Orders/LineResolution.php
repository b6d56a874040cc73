<?php
/**
 * What to do with one order line before the order can be sent.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Exactly one of: resolved (send as this KiotViet product), create (POST /products first, then
 * ResolvedLine::from_kiotviet_product() on the response) or error (permanent, message for the merchant).
 */
final class LineResolution {

	public const RESOLVED = 'resolved';
	public const CREATE   = 'create';
	public const ERROR    = 'error';

	private string $kind;
	private WooOrderLine $line;
	private ?ResolvedLine $resolved;
	private ?ProductCreateRequest $create;
	private string $message;
	private string $via;

	private function __construct( string $kind, WooOrderLine $line, ?ResolvedLine $resolved, ?ProductCreateRequest $create, string $message, string $via ) {
		$this->kind     = $kind;
		$this->line     = $line;
		$this->resolved = $resolved;
		$this->create   = $create;
		$this->message  = $message;
		$this->via      = $via;
	}

	/** @param string $via How it was found: "mapping", "sku", "code". */
	public static function resolved( WooOrderLine $line, ResolvedLine $resolved, string $via ): self {
		return new self( self::RESOLVED, $line, $resolved, null, '', $via );
	}

	public static function create( WooOrderLine $line, ProductCreateRequest $request ): self {
		return new self( self::CREATE, $line, null, $request, '', '' );
	}

	public static function error( WooOrderLine $line, string $message ): self {
		return new self( self::ERROR, $line, null, null, $message, '' );
	}

	public function kind(): string {
		return $this->kind;
	}

	public function line(): WooOrderLine {
		return $this->line;
	}

	public function is_resolved(): bool {
		return self::RESOLVED === $this->kind;
	}

	public function needs_creation(): bool {
		return self::CREATE === $this->kind;
	}

	public function is_error(): bool {
		return self::ERROR === $this->kind;
	}

	public function resolved_line(): ?ResolvedLine {
		return $this->resolved;
	}

	public function create_request(): ?ProductCreateRequest {
		return $this->create;
	}

	/** English message for an error ('' otherwise). */
	public function message(): string {
		return $this->message;
	}

	/** "mapping", "sku" or "code" for a resolved line, '' otherwise. */
	public function via(): string {
		return $this->via;
	}
}
