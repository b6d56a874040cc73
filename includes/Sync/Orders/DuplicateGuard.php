<?php
/**
 * Recognises an order we already created in KiotViet.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use DateInterval;
use DateTimeImmutable;
use DateTimeZone;

/**
 * After an ambiguous failure (timeout after sending, 5xx on POST /orders) the order may exist in KiotViet even
 * though we never saw its id. Before sending again the caller pages GET /orders with lookup_query() and passes
 * each page to find(); only when every page is read without a hit is it safe to POST again.
 *
 * Recognition is the marker "[WC#{woo order id}@{site key}]" that OrderPayloadBuilder puts at the very start of
 * the description (so a length limit on KiotViet's side cannot cut it off). The Woo *id* is used, not the order
 * number, because numbering plugins may change the number; the site key keeps two shops feeding one KiotViet
 * retailer (or staging and production) from claiming each other's orders. The brackets delimit the id, so
 * "[WC#105@…]" never matches "[WC#1058@…]".
 */
final class DuplicateGuard {

	/** How far before the first send attempt the lookup starts (clock skew between us and KiotViet). */
	public const LOOKBACK_SECONDS = 300;

	public const PAGE_SIZE = 100;

	public static function marker( int $order_id, string $site_key ): string {
		return sprintf( '[WC#%d@%s]', $order_id, $site_key );
	}

	/**
	 * The Woo order id in a KiotViet description carrying this site's marker, or null. Lets an order.update
	 * webhook be linked to its Woo order even when our POST response was lost and no KiotViet id is stored yet.
	 */
	public static function woo_order_id_from( string $description, string $site_key ): ?int {
		if ( 1 === preg_match( '/\[WC#(\d{1,19})@' . preg_quote( $site_key, '/' ) . '\]/', $description, $m ) ) {
			$id = (int) $m[1];
			return $id > 0 ? $id : null;
		}
		return null;
	}

	/**
	 * Query for GET /orders that must contain our order if KiotViet created it.
	 *
	 * @param DateTimeImmutable $first_attempt_at When the order was first sent (any time zone).
	 * @param int|null          $customer_id      KiotViet customer sent with the order; narrows the search a lot.
	 * @return array<string,mixed>
	 */
	public function lookup_query( int $branch_id, DateTimeImmutable $first_attempt_at, ?int $customer_id, int $current_item = 0 ): array {
		$from  = $first_attempt_at->sub( new DateInterval( 'PT' . self::LOOKBACK_SECONDS . 'S' ) )
			->setTimezone( new DateTimeZone( OrderPayloadBuilder::TIMEZONE ) );
		$query = array(
			'branchIds'        => array( $branch_id ),
			'lastModifiedFrom' => $from->format( 'Y-m-d\TH:i:s' ),
			'orderBy'          => 'createdDate',
			'orderDirection'   => 'Asc',
			'pageSize'         => self::PAGE_SIZE,
			'currentItem'      => max( 0, $current_item ),
		);
		if ( null !== $customer_id && $customer_id > 0 ) {
			$query['customerIds'] = array( $customer_id );
		}
		return $query;
	}

	/**
	 * Our order among GET /orders items, or null. When KiotViet already holds several (a duplicate from before
	 * this guard existed) the oldest (lowest id) is the one to keep.
	 *
	 * @param array<int|string,mixed> $orders Items of one GET /orders page (`data`); non-arrays are skipped.
	 * @return array<string,mixed>|null
	 */
	public function find( array $orders, string $marker ): ?array {
		$all = $this->find_all( $orders, $marker );
		return array() === $all ? null : $all[0];
	}

	/**
	 * Every item carrying the marker, lowest id first.
	 *
	 * @param array<int|string,mixed> $orders Items; non-arrays are skipped.
	 * @return array<int,array<string,mixed>>
	 */
	public function find_all( array $orders, string $marker ): array {
		$hits = array();
		if ( '' === $marker ) {
			return $hits;
		}
		foreach ( $orders as $order ) {
			if ( ! is_array( $order ) || (int) ( $order['id'] ?? 0 ) <= 0 ) {
				continue;
			}
			$description = (string) ( $order['description'] ?? $order['Description'] ?? '' );
			if ( false !== strpos( $description, $marker ) ) {
				$hits[] = $order;
			}
		}
		usort(
			$hits,
			static function ( array $a, array $b ): int {
				return (int) $a['id'] <=> (int) $b['id'];
			}
		);
		return $hits;
	}

	/**
	 * Whether another page must be read.
	 *
	 * @param array<string,mixed> $envelope GET /orders response {total, data}.
	 */
	public function has_more( array $envelope, int $current_item ): bool {
		$count = count( (array) ( $envelope['data'] ?? array() ) );
		return $count > 0 && $current_item + $count < (int) ( $envelope['total'] ?? 0 );
	}

	/**
	 * What we store on the Woo order: KiotViet id and code.
	 *
	 * @param array<string,mixed> $kv_order KiotViet order.
	 * @return array{id:int,code:string}
	 */
	public static function order_ref( array $kv_order ): array {
		return array(
			'id'   => (int) ( $kv_order['id'] ?? 0 ),
			'code' => (string) ( $kv_order['code'] ?? '' ),
		);
	}
}
