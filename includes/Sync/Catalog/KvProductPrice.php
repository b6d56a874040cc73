<?php
/**
 * A product's price in one KiotViet price book.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use DateTimeImmutable;

/**
 * One `priceBooks[]` entry of a product. The book's own flags/dates are copied here by KiotViet and may be
 * missing; the price book list (KvPriceBook) is authoritative when available.
 */
final class KvProductPrice {

	private int $book_id;
	private string $book_name;
	private float $price;
	private ?bool $is_active;
	private ?DateTimeImmutable $start;
	private ?DateTimeImmutable $end;

	public function __construct( int $book_id, string $book_name, float $price, ?bool $is_active = null, ?DateTimeImmutable $start = null, ?DateTimeImmutable $end = null ) {
		$this->book_id   = $book_id;
		$this->book_name = $book_name;
		$this->price     = $price;
		$this->is_active = $is_active;
		$this->start     = $start;
		$this->end       = $end;
	}

	/**
	 * @param array<mixed> $data `{priceBookId, priceBookName, price, isActive?, startDate?, endDate?}` in any casing.
	 */
	public static function from_array( array $data ): self {
		$f = new KvFields( $data );
		return new self(
			$f->int( 0, 'priceBookId', 'pricebookId' ),
			$f->string( 'priceBookName' ),
			$f->float( 0.0, 'price' ),
			$f->bool_or_null( 'isActive' ),
			KvDate::parse( $f->raw( 'startDate' ) ),
			KvDate::parse( $f->raw( 'endDate' ) )
		);
	}

	public function book_id(): int {
		return $this->book_id;
	}

	public function book_name(): string {
		return $this->book_name;
	}

	public function price(): float {
		return $this->price;
	}

	public function is_active(): ?bool {
		return $this->is_active;
	}

	public function start(): ?DateTimeImmutable {
		return $this->start;
	}

	public function end(): ?DateTimeImmutable {
		return $this->end;
	}
}
