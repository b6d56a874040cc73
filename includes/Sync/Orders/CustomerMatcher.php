<?php
/**
 * Finds the KiotViet customer of an order.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Customers are matched by phone only (what KiotViet shops key customers on). GET /customers?contactNumber= is a
 * loose "contains" search, so results are re-filtered by exact normalised equality.
 *
 * - A result without `contactNumber` (KiotViet sometimes omits it) is accepted only when it is the single
 *   result and the phone has at least 9 digits (the official plugin's rule, spec §5.6).
 * - With ManagerCustomerByBranch on, customers of the order branch come first, then customers whose branch is
 *   unknown; a customer of another branch is not used (KiotViet scopes them by branch), so one is created.
 * - Among equals, the lowest id (the oldest customer) wins, so repeated pushes pick the same one.
 * - No usable phone (fewer than 9 digits): no customer is looked up or created; the order goes to the
 *   walk-in customer ("Khách lẻ") with the buyer's name and phone in the delivery block. Creating a
 *   phoneless customer per order would flood KiotViet with unmatchable duplicates.
 *
 * After an ambiguous POST /customers failure the caller searches again before creating: the same rules then
 * pick the customer the lost request created.
 */
final class CustomerMatcher {

	public static function needs_customer( WooOrderSnapshot $order ): bool {
		return Phone::is_usable( $order->customer_phone() );
	}

	/**
	 * Query for GET /customers.
	 *
	 * @return array<string,mixed>
	 */
	public function search_query( string $phone ): array {
		return array(
			'contactNumber' => Phone::normalise( $phone ),
			'pageSize'      => 100,
			'currentItem'   => 0,
		);
	}

	/**
	 * @param array<int,array<string,mixed>> $search_results Items (`data`) of GET /customers?contactNumber=.
	 * @return int|null Existing KiotViet customer id, null when one must be created.
	 */
	public function pick( array $search_results, string $phone, int $branch_id, bool $manage_by_branch ): ?int {
		$wanted = Phone::normalise( $phone );
		if ( ! Phone::is_usable( $phone ) ) {
			return null;
		}
		$results = array_values(
			array_filter(
				$search_results,
				static function ( $r ): bool {
					return is_array( $r ) && (int) ( $r['id'] ?? 0 ) > 0;
				}
			)
		);

		$candidates = array();
		foreach ( $results as $r ) {
			if ( in_array( $wanted, Phone::all_in( (string) ( $r['contactNumber'] ?? '' ) ), true ) ) {
				$candidates[] = $r;
			}
		}
		if ( array() === $candidates && 1 === count( $results ) && '' === trim( (string) ( $results[0]['contactNumber'] ?? '' ) ) ) {
			$candidates = $results;
		}
		if ( array() === $candidates ) {
			return null;
		}

		if ( $manage_by_branch ) {
			$same    = array();
			$unknown = array();
			foreach ( $candidates as $c ) {
				if ( ! isset( $c['branchId'] ) || '' === $c['branchId'] ) {
					$unknown[] = $c;
				} elseif ( (int) $c['branchId'] === $branch_id ) {
					$same[] = $c;
				}
			}
			$candidates = array() !== $same ? $same : $unknown;
			if ( array() === $candidates ) {
				return null;
			}
		}

		$ids = array_map(
			static function ( array $c ): int {
				return (int) $c['id'];
			},
			$candidates
		);
		return min( $ids );
	}

	public function create_request( WooOrderSnapshot $order, int $branch_id ): CustomerCreateRequest {
		return CustomerCreateRequest::for_order( $order, $branch_id );
	}

	/**
	 * Id of a created customer from the wrapped POST /customers response ({message, data: {id}}), also accepting
	 * an unwrapped object.
	 *
	 * @param array<string,mixed> $response Decoded response.
	 */
	public static function created_id( array $response ): ?int {
		$data = isset( $response['data'] ) && is_array( $response['data'] ) ? $response['data'] : $response;
		$id   = (int) ( $data['id'] ?? 0 );
		return $id > 0 ? $id : null;
	}
}
