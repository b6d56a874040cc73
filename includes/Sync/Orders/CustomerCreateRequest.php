<?php
/**
 * A KiotViet customer to create for an order.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Body of POST /customers (spec §5.6). No `code`: KiotViet assigns its own "KH…" code, so nothing random or
 * time-based is ever generated here. No gender or birth date (we do not know them). `comments` only says where
 * the customer came from; the email is its own field, not repeated in comments.
 */
final class CustomerCreateRequest {

	public const COMMENT = 'Khách hàng tạo từ website';

	/** @var array<string,mixed> */
	private array $payload;

	/** @param array<string,mixed> $payload Body. */
	private function __construct( array $payload ) {
		$this->payload = $payload;
	}

	public static function for_order( WooOrderSnapshot $order, int $branch_id ): self {
		$billing  = $order->billing();
		$shipping = $order->shipping();
		$address  = $billing->has_street() ? $billing : ( $shipping->has_street() ? $shipping : $billing );

		$name = $billing->person_name();
		if ( '' === $name ) {
			$name = '' !== $billing->company() ? $billing->company() : $shipping->person_name();
		}
		if ( '' === $name ) {
			$name = OrderPayloadBuilder::WALK_IN_NAME;
		}
		$payload = array(
			'name'          => $name,
			'contactNumber' => Phone::normalise( $order->customer_phone() ),
			'branchId'      => $branch_id,
			'comments'      => self::COMMENT,
		);
		$optional = array(
			'email'        => $billing->email(),
			'address'      => $address->street(),
			'locationName' => $address->location_name(),
			'wardName'     => $address->ward_name(),
		);
		foreach ( $optional as $key => $value ) {
			if ( '' !== $value ) {
				$payload[ $key ] = $value;
			}
		}
		if ( '' === $payload['contactNumber'] ) {
			unset( $payload['contactNumber'] );
		}
		return new self( $payload );
	}

	/** @return array<string,mixed> */
	public function to_payload(): array {
		return $this->payload;
	}

	public function name(): string {
		return (string) $this->payload['name'];
	}

	public function contact_number(): string {
		return (string) ( $this->payload['contactNumber'] ?? '' );
	}
}
