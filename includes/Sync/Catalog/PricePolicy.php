<?php
/**
 * Regular and sale prices from KiotViet price books.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use DateTimeImmutable;

/**
 * Price book rules (seed user guide §2.2):
 * - regular = the product's price in the regular book while that book is in effect; the general price list
 *   (basePrice, id 0) otherwise — a deactivated, expired or deleted regular book falls back to it;
 * - sale = the product's price in the sale book while the book is active and not expired, with WooCommerce
 *   sale dates from the book's window; no sale book, an unusable book or no entry clears the sale price
 *   (the official plugin left the stale one);
 * - a sale price that is not strictly lower than the regular price is not applied and is reported.
 */
final class PricePolicy {

	public const WARNING_SALE_NOT_LOWER   = 'sale_not_lower';
	public const WARNING_REGULAR_FALLBACK = 'regular_book_fallback';
	public const ERROR_SAME_BOOK          = 'same_book';
	public const ERROR_UNAVAILABLE        = 'unavailable';
	public const ERROR_INVALID            = 'invalid';

	/**
	 * @param array<int, KvPriceBook> $books Book headers by id (from GET /pricebooks). When a chosen book is
	 *                                       missing here it counts as deleted unless the map is empty, in which
	 *                                       case the product's own price book entries decide.
	 */
	public static function resolve( KvProduct $product, array $books, CatalogSettings $settings ): PriceDecision {
		$now      = $settings->now();
		$warnings = array();

		// Regular price.
		$regular_id = $settings->regular_book_id();
		$regular    = $product->base_price();
		$source     = null === $regular ? PriceDecision::SOURCE_UNKNOWN : PriceDecision::SOURCE_GENERAL;
		if ( KvPriceBook::GENERAL_PRICE_LIST_ID !== $regular_id ) {
			$entry = $product->price_in_book( $regular_id );
			if ( self::in_effect( $regular_id, $entry, $books, $now ) ) {
				if ( null !== $entry ) {
					$regular = $entry->price();
					$source  = PriceDecision::SOURCE_BOOK;
				} elseif ( null === $product->price_books() ) {
					// Payload without price books: the book price cannot be known, do not guess basePrice.
					$regular = null;
					$source  = PriceDecision::SOURCE_UNKNOWN;
				} elseif ( null !== $regular ) {
					$source = PriceDecision::SOURCE_FALLBACK;
				}
			} elseif ( null !== $regular ) {
				$source     = PriceDecision::SOURCE_FALLBACK;
				$warnings[] = array(
					'code'    => self::WARNING_REGULAR_FALLBACK,
					'book_id' => $regular_id,
				);
			}
		}

		// Sale price.
		$sale_id    = $settings->sale_book_id();
		$sale_known = true;
		$sale       = null;
		$from       = null;
		$to         = null;
		if ( null !== $sale_id && $sale_id !== $regular_id ) {
			if ( KvPriceBook::GENERAL_PRICE_LIST_ID === $sale_id ) {
				$sale = $product->base_price();
				if ( null === $sale ) {
					$sale_known = false;
				}
			} else {
				$entry = $product->price_in_book( $sale_id );
				if ( self::available( $sale_id, $entry, $books, $now ) ) {
					if ( null !== $entry ) {
						$sale = $entry->price();
						list( $from, $to ) = self::window( $sale_id, $entry, $books );
					} elseif ( null === $product->price_books() ) {
						$sale_known = false;
					}
				}
			}
		}
		if ( null !== $sale && null === $regular ) {
			// Nothing to compare with: leave both alone rather than risk a sale above the regular price.
			$sale       = null;
			$sale_known = false;
		}
		if ( null !== $sale && $sale >= $regular ) {
			$warnings[] = array(
				'code'    => self::WARNING_SALE_NOT_LOWER,
				'sale'    => $sale,
				'regular' => $regular,
			);
			$sale = null;
		}

		return new PriceDecision( $regular, $source, $sale_known, $sale, $from, $to, $warnings );
	}

	/**
	 * Books a merchant may choose: active and not expired (the general price list, id 0, is always offered
	 * besides these).
	 *
	 * @param array<int, KvPriceBook> $books
	 * @return array<int, KvPriceBook>
	 */
	public static function eligible_books( array $books, DateTimeImmutable $now ): array {
		$out = array();
		foreach ( $books as $book ) {
			if ( $book->id() > 0 && $book->is_available_at( $now ) ) {
				$out[ $book->id() ] = $book;
			}
		}
		return $out;
	}

	/**
	 * Field errors for a price book choice: `['regular_book_id' => code, 'sale_book_id' => code]`.
	 * Neither book is mandatory (regular 0 = general price list, sale null = none); the two must differ;
	 * a chosen book must be active and not expired.
	 *
	 * @param array<int, KvPriceBook> $books All known books.
	 * @return array<string, string>
	 */
	public static function validate_books( int $regular_id, ?int $sale_id, array $books, DateTimeImmutable $now ): array {
		$errors   = array();
		$eligible = self::eligible_books( $books, $now );
		if ( $regular_id < 0 ) {
			$errors['regular_book_id'] = self::ERROR_INVALID;
		} elseif ( KvPriceBook::GENERAL_PRICE_LIST_ID !== $regular_id && ! isset( $eligible[ $regular_id ] ) ) {
			$errors['regular_book_id'] = self::ERROR_UNAVAILABLE;
		}
		if ( null !== $sale_id ) {
			if ( $sale_id < 0 ) {
				$errors['sale_book_id'] = self::ERROR_INVALID;
			} elseif ( $sale_id === $regular_id ) {
				$errors['sale_book_id'] = self::ERROR_SAME_BOOK;
			} elseif ( KvPriceBook::GENERAL_PRICE_LIST_ID !== $sale_id && ! isset( $eligible[ $sale_id ] ) ) {
				$errors['sale_book_id'] = self::ERROR_UNAVAILABLE;
			}
		}
		return $errors;
	}

	/**
	 * The next instant after now at which a chosen book starts or ends, i.e. when prices must be resolved
	 * again (WooCommerce cannot schedule a regular price change); null when nothing is pending.
	 *
	 * @param array<int, KvPriceBook> $books
	 */
	public static function next_change_at( array $books, CatalogSettings $settings ): ?DateTimeImmutable {
		$now  = $settings->now();
		$next = null;
		foreach ( array( $settings->regular_book_id(), $settings->sale_book_id() ) as $id ) {
			if ( null === $id || ! isset( $books[ $id ] ) || ! $books[ $id ]->is_active() ) {
				continue;
			}
			foreach ( array( $books[ $id ]->start_date(), $books[ $id ]->end_date() ) as $date ) {
				if ( null !== $date && $date > $now && ( null === $next || $date < $next ) ) {
					$next = $date;
				}
			}
		}
		return $next;
	}

	/**
	 * @param array<int, KvPriceBook> $books
	 */
	private static function header( int $id, ?KvProductPrice $entry, array $books ): ?KvPriceBook {
		if ( isset( $books[ $id ] ) ) {
			return $books[ $id ];
		}
		if ( array() === $books && null !== $entry ) {
			return new KvPriceBook( $id, $entry->book_name(), false !== $entry->is_active(), false, $entry->start(), $entry->end() );
		}
		return null;
	}

	/**
	 * @param array<int, KvPriceBook> $books
	 */
	private static function in_effect( int $id, ?KvProductPrice $entry, array $books, DateTimeImmutable $now ): bool {
		$book = self::header( $id, $entry, $books );
		if ( null === $book && array() === $books && null === $entry ) {
			return true; // Nothing known about the book; the entry lookup decides.
		}
		return null !== $book && false !== self::entry_active( $entry ) && $book->is_in_effect_at( $now );
	}

	/**
	 * @param array<int, KvPriceBook> $books
	 */
	private static function available( int $id, ?KvProductPrice $entry, array $books, DateTimeImmutable $now ): bool {
		$book = self::header( $id, $entry, $books );
		if ( null === $book && array() === $books && null === $entry ) {
			return true;
		}
		return null !== $book && false !== self::entry_active( $entry ) && $book->is_available_at( $now );
	}

	/** The product entry's own copy of the book's flag (webhooks carry it); false vetoes the book. */
	private static function entry_active( ?KvProductPrice $entry ): ?bool {
		return null === $entry ? null : $entry->is_active();
	}

	/**
	 * @param array<int, KvPriceBook> $books
	 * @return array{0: ?DateTimeImmutable, 1: ?DateTimeImmutable}
	 */
	private static function window( int $id, KvProductPrice $entry, array $books ): array {
		if ( isset( $books[ $id ] ) ) {
			return array(
				$books[ $id ]->start_date() ?? $entry->start(),
				$books[ $id ]->end_date() ?? $entry->end(),
			);
		}
		return array( $entry->start(), $entry->end() );
	}
}
