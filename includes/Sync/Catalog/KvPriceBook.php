<?php
/**
 * A KiotViet price book header (bảng giá).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use DateTimeImmutable;

/**
 * One price book from `GET /pricebooks` or a `pricebook.update` webhook. The general price list
 * ("Bảng giá chung") is not a book: it is each product's `basePrice`, id 0 in our settings.
 */
final class KvPriceBook {

	public const GENERAL_PRICE_LIST_ID   = 0;
	public const GENERAL_PRICE_LIST_NAME = 'Bảng giá chung';

	private int $id;
	private string $name;
	private bool $is_active;
	private bool $is_global;
	private ?DateTimeImmutable $start_date;
	private ?DateTimeImmutable $end_date;

	public function __construct( int $id, string $name, bool $is_active = true, bool $is_global = false, ?DateTimeImmutable $start_date = null, ?DateTimeImmutable $end_date = null ) {
		$this->id         = $id;
		$this->name       = $name;
		$this->is_active  = $is_active;
		$this->is_global  = $is_global;
		$this->start_date = $start_date;
		$this->end_date   = $end_date;
	}

	/**
	 * @param array<mixed> $data
	 */
	public static function from_array( array $data ): self {
		$f = new KvFields( $data );
		return new self(
			$f->int( 0, 'id', 'priceBookId' ),
			trim( $f->string( 'name', 'priceBookName' ) ),
			$f->bool( true, 'isActive' ),
			$f->bool( false, 'isGlobal' ),
			KvDate::parse( $f->raw( 'startDate' ) ),
			KvDate::parse( $f->raw( 'endDate' ) )
		);
	}

	/**
	 * @param array<mixed> $items
	 * @return array<int, KvPriceBook> id => book
	 */
	public static function map_from_array( array $items ): array {
		$out = array();
		foreach ( $items as $item ) {
			if ( is_array( $item ) ) {
				$book = self::from_array( $item );
				if ( $book->id() > 0 ) {
					$out[ $book->id() ] = $book;
				}
			}
		}
		return $out;
	}

	public function id(): int {
		return $this->id;
	}

	public function name(): string {
		return $this->name;
	}

	public function is_active(): bool {
		return $this->is_active;
	}

	public function is_global(): bool {
		return $this->is_global;
	}

	public function start_date(): ?DateTimeImmutable {
		return $this->start_date;
	}

	public function end_date(): ?DateTimeImmutable {
		return $this->end_date;
	}

	/** Active and not yet expired ("đang hoạt động và còn hiệu lực"); a book that starts later still counts. */
	public function is_available_at( DateTimeImmutable $now ): bool {
		return $this->is_active && ( null === $this->end_date || $this->end_date > $now );
	}

	/** Active and inside its validity window right now. */
	public function is_in_effect_at( DateTimeImmutable $now ): bool {
		return $this->is_available_at( $now ) && ( null === $this->start_date || $this->start_date <= $now );
	}
}
