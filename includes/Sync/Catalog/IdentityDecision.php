<?php
/**
 * Create, update or refuse one WooCommerce object.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Result of IdentityResolver: which WooCommerce object a KiotViet product/variation/parent is written to.
 */
final class IdentityDecision {

	public const CREATE   = 'create';
	public const UPDATE   = 'update';
	public const CONFLICT = 'conflict';

	public const BY_MAPPING = 'mapping';
	public const BY_SKU     = 'sku';

	/** Conflict: id mode, the product is unmapped and its SKU already exists in WooCommerce. */
	public const SKU_EXISTS = 'sku_exists';
	/** Conflict: the SKU belongs to a product where a variation is wanted, or the other way round. */
	public const SKU_ON_OTHER_TYPE = 'sku_on_other_type';
	/** Warning: mapped product, but its SKU is held by another WooCommerce object — do not write the SKU. */
	public const WARN_SKU_TAKEN = 'sku_taken';
	/** Warning: SKU mode matched an object linked elsewhere (other object mapped, or object mapped to another KiotViet id) — re-link. */
	public const WARN_REMAP = 'remap';
	/** Warning: the variation currently lives under another parent — move it to the resolved parent. */
	public const WARN_PARENT_CHANGED = 'parent_changed';

	private string $action;
	private ?int $woo_id;
	private ?string $matched_by;
	private ?string $reason;
	/** @var string[] */
	private array $warnings;

	/**
	 * @param string[] $warnings
	 */
	private function __construct( string $action, ?int $woo_id, ?string $matched_by, ?string $reason, array $warnings ) {
		$this->action     = $action;
		$this->woo_id     = $woo_id;
		$this->matched_by = $matched_by;
		$this->reason     = $reason;
		$this->warnings   = $warnings;
	}

	public static function create(): self {
		return new self( self::CREATE, null, null, null, array() );
	}

	/**
	 * @param string[] $warnings
	 */
	public static function update( int $woo_id, string $matched_by, array $warnings = array() ): self {
		return new self( self::UPDATE, $woo_id, $matched_by, null, $warnings );
	}

	public static function conflict( string $reason, ?int $woo_id = null ): self {
		return new self( self::CONFLICT, $woo_id, null, $reason, array() );
	}

	public function with_warning( string $warning ): self {
		$warnings   = $this->warnings;
		$warnings[] = $warning;
		return new self( $this->action, $this->woo_id, $this->matched_by, $this->reason, array_values( array_unique( $warnings ) ) );
	}

	public function action(): string {
		return $this->action;
	}

	public function is_new(): bool {
		return self::CREATE === $this->action;
	}

	/** Target object for update; the clashing object for a conflict; null for create. */
	public function woo_id(): ?int {
		return $this->woo_id;
	}

	public function matched_by(): ?string {
		return $this->matched_by;
	}

	public function reason(): ?string {
		return $this->reason;
	}

	/**
	 * @return string[]
	 */
	public function warnings(): array {
		return $this->warnings;
	}
}
