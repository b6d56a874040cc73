<?php
/**
 * The merchant's catalog sync choices, as the pure rules need them.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use DateTimeImmutable;
use InvalidArgumentException;

/**
 * Immutable catalog settings plus the clock reading ("now") used by every rule of one run, so that a
 * whole batch is decided against the same instant.
 */
final class CatalogSettings {

	public const STOCK_BRANCH       = 'branch';
	public const STOCK_ALL_BRANCHES = 'all_branches';

	public const WEIGHT_UNITS = array( 'kg', 'g', 'lbs', 'oz' );

	private int $stock_branch_id;
	private string $stock_mode;
	private int $regular_book_id;
	private ?int $sale_book_id;
	private bool $match_by_sku;
	/** @var string[] */
	private array $locked_fields;
	private string $weight_unit;
	private DateTimeImmutable $now;

	/**
	 * @param string[] $locked_fields Global "Tùy chọn KHÔNG đồng bộ" (FieldLocks::* names; unknown names dropped).
	 * @throws InvalidArgumentException On an unknown stock mode or weight unit.
	 */
	public function __construct(
		int $stock_branch_id,
		string $stock_mode,
		int $regular_book_id,
		?int $sale_book_id,
		bool $match_by_sku,
		array $locked_fields,
		string $weight_unit,
		DateTimeImmutable $now
	) {
		if ( ! in_array( $stock_mode, array( self::STOCK_BRANCH, self::STOCK_ALL_BRANCHES ), true ) ) {
			throw new InvalidArgumentException( 'Unknown stock mode: ' . $stock_mode );
		}
		if ( ! in_array( $weight_unit, self::WEIGHT_UNITS, true ) ) {
			throw new InvalidArgumentException( 'Unknown weight unit: ' . $weight_unit );
		}
		$this->stock_branch_id = $stock_branch_id;
		$this->stock_mode      = $stock_mode;
		$this->regular_book_id = max( 0, $regular_book_id );
		$this->sale_book_id    = $sale_book_id;
		$this->match_by_sku    = $match_by_sku;
		$this->locked_fields   = FieldLocks::normalize( $locked_fields );
		$this->weight_unit     = $weight_unit;
		$this->now             = $now;
	}

	/**
	 * Builds settings from a loose array (stored option values); missing keys take the defaults: branch mode,
	 * general price list, no sale book, id matching, no locks, kg.
	 *
	 * @param array<string, mixed> $data
	 */
	public static function from_array( array $data, DateTimeImmutable $now ): self {
		$sale = isset( $data['sale_book_id'] ) && is_numeric( $data['sale_book_id'] ) ? (int) $data['sale_book_id'] : null;
		return new self(
			isset( $data['stock_branch_id'] ) ? (int) $data['stock_branch_id'] : 0,
			isset( $data['stock_mode'] ) ? (string) $data['stock_mode'] : self::STOCK_BRANCH,
			isset( $data['regular_book_id'] ) ? (int) $data['regular_book_id'] : KvPriceBook::GENERAL_PRICE_LIST_ID,
			$sale,
			! empty( $data['match_by_sku'] ),
			isset( $data['locked_fields'] ) && is_array( $data['locked_fields'] ) ? $data['locked_fields'] : array(),
			isset( $data['weight_unit'] ) ? (string) $data['weight_unit'] : 'kg',
			$now
		);
	}

	public function stock_branch_id(): int {
		return $this->stock_branch_id;
	}

	public function stock_mode(): string {
		return $this->stock_mode;
	}

	/** 0 = the general price list (basePrice). */
	public function regular_book_id(): int {
		return $this->regular_book_id;
	}

	/** Null = no sale price book. */
	public function sale_book_id(): ?int {
		return $this->sale_book_id;
	}

	/** "Cập nhật lại sản phẩm khi đồng bộ qua mã SKU". */
	public function match_by_sku(): bool {
		return $this->match_by_sku;
	}

	/**
	 * @return string[]
	 */
	public function locked_fields(): array {
		return $this->locked_fields;
	}

	public function weight_unit(): string {
		return $this->weight_unit;
	}

	public function now(): DateTimeImmutable {
		return $this->now;
	}
}
