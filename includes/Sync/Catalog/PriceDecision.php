<?php
/**
 * The prices one product should have in WooCommerce.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use DateTimeImmutable;

/**
 * Result of PricePolicy::resolve(). A null regular price means "unknown, leave it"; for the sale price
 * sale_known() tells "clear it" (known, null) from "unknown, leave it" (not known).
 */
final class PriceDecision {

	public const SOURCE_GENERAL  = 'general';
	public const SOURCE_BOOK     = 'book';
	public const SOURCE_FALLBACK = 'fallback';
	public const SOURCE_UNKNOWN  = 'unknown';

	private ?float $regular;
	private string $regular_source;
	private bool $sale_known;
	private ?float $sale;
	private ?DateTimeImmutable $sale_from;
	private ?DateTimeImmutable $sale_to;
	/** @var array<int, array<string, mixed>> */
	private array $warnings;

	/**
	 * @param array<int, array<string, mixed>> $warnings Each `['code' => string, …details]`.
	 */
	public function __construct( ?float $regular, string $regular_source, bool $sale_known, ?float $sale, ?DateTimeImmutable $sale_from, ?DateTimeImmutable $sale_to, array $warnings ) {
		$this->regular        = $regular;
		$this->regular_source = $regular_source;
		$this->sale_known     = $sale_known;
		$this->sale           = $sale;
		$this->sale_from      = null === $sale ? null : $sale_from;
		$this->sale_to        = null === $sale ? null : $sale_to;
		$this->warnings       = $warnings;
	}

	public function regular(): ?float {
		return $this->regular;
	}

	/** One of the SOURCE_* constants: where the regular price came from. */
	public function regular_source(): string {
		return $this->regular_source;
	}

	public function sale_known(): bool {
		return $this->sale_known;
	}

	public function sale(): ?float {
		return $this->sale;
	}

	public function sale_from(): ?DateTimeImmutable {
		return $this->sale_from;
	}

	public function sale_to(): ?DateTimeImmutable {
		return $this->sale_to;
	}

	/**
	 * @return array<int, array<string, mixed>>
	 */
	public function warnings(): array {
		return $this->warnings;
	}

	/**
	 * @return string[]
	 */
	public function warning_codes(): array {
		return array_map( static function ( array $w ): string {
			return (string) $w['code'];
		}, $this->warnings );
	}
}
