<?php
/**
 * A billing or shipping address read from a WooCommerce order.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Immutable address snapshot. Every field is a trimmed string ('' when absent).
 *
 * `state` should carry the state/province *label* (e.g. "Hồ Chí Minh"), not WooCommerce's code, because it ends
 * up in KiotViet's `locationName`; the adapter resolves the label through WC()->countries.
 */
final class WooAddress {

	private const FIELDS = array( 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'state', 'postcode', 'country', 'email', 'phone' );

	/** @var array<string,string> */
	private array $fields;

	/**
	 * @param array<string,mixed> $fields Any of first_name, last_name, company, address_1, address_2, city, state,
	 *                                    postcode, country, email, phone; unknown keys ignored, missing ones ''.
	 */
	public function __construct( array $fields ) {
		$clean = array();
		foreach ( self::FIELDS as $name ) {
			$value          = $fields[ $name ] ?? '';
			$clean[ $name ] = is_scalar( $value ) ? trim( (string) $value ) : '';
		}
		$this->fields = $clean;
	}

	public static function empty(): self {
		return new self( array() );
	}

	public function get( string $field ): string {
		return $this->fields[ $field ] ?? '';
	}

	public function first_name(): string {
		return $this->fields['first_name'];
	}

	public function last_name(): string {
		return $this->fields['last_name'];
	}

	public function company(): string {
		return $this->fields['company'];
	}

	public function address_1(): string {
		return $this->fields['address_1'];
	}

	public function address_2(): string {
		return $this->fields['address_2'];
	}

	public function city(): string {
		return $this->fields['city'];
	}

	public function state(): string {
		return $this->fields['state'];
	}

	public function postcode(): string {
		return $this->fields['postcode'];
	}

	public function country(): string {
		return strtoupper( $this->fields['country'] );
	}

	public function email(): string {
		return $this->fields['email'];
	}

	public function phone(): string {
		return $this->fields['phone'];
	}

	/** Whether a street line is present (the minimum for a delivery address). */
	public function has_street(): bool {
		return '' !== $this->fields['address_1'];
	}

	/**
	 * Person name. Vietnamese order ("Họ" = last_name first, then "Tên" = first_name) when the country is VN or
	 * unknown, because WooCommerce labels last_name "Họ" and first_name "Tên" in Vietnamese and KiotViet shows
	 * names the Vietnamese way ("Nguyễn Thị Lan"). Other countries: "first last". '' when both are empty.
	 */
	public function person_name(): string {
		$first = $this->fields['first_name'];
		$last  = $this->fields['last_name'];
		$parts = ( '' === $this->country() || 'VN' === $this->country() ) ? array( $last, $first ) : array( $first, $last );
		return trim( (string) preg_replace( '/\s+/u', ' ', implode( ' ', $parts ) ) );
	}

	/**
	 * KiotViet's `wardName`: address_2 when it names a ward ("Phường 7", "Xã Tân Phú", "Thị trấn …", "P. 7"),
	 * which is where Vietnamese checkout plugins usually put it; '' otherwise.
	 */
	public function ward_name(): string {
		$line = $this->fields['address_2'];
		if ( '' !== $line && 1 === preg_match( '/^(phường|xã|thị trấn|p\.|x\.|tt\.)\s*\S/iu', $line ) ) {
			return $line;
		}
		return '';
	}

	/** Street address for KiotViet: address_1, plus address_2 unless address_2 is the ward (sent separately). */
	public function street(): string {
		$parts = array( $this->fields['address_1'] );
		if ( '' === $this->ward_name() ) {
			$parts[] = $this->fields['address_2'];
		}
		return implode( ', ', array_values( array_filter( $parts, static function ( string $p ): bool {
			return '' !== $p;
		} ) ) );
	}

	/**
	 * KiotViet's `locationName`, "Province - District" style ("Hồ Chí Minh - Quận 5"): state label then city,
	 * whichever are present. Best effort: KiotViet's own location list is not available to us.
	 */
	public function location_name(): string {
		$parts = array();
		foreach ( array( $this->fields['state'], $this->fields['city'] ) as $part ) {
			if ( '' !== $part && ! in_array( $part, $parts, true ) ) {
				$parts[] = $part;
			}
		}
		return implode( ' - ', $parts );
	}

	/** @return array<string,string> */
	public function to_array(): array {
		return $this->fields;
	}
}
