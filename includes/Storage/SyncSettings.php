<?php
/**
 * The merchant's sync settings.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

/**
 * Every setting of the "Cài đặt" screen and of the catalog/price-book/order steps, with defaults and
 * validation, stored as one array in the option kiotviet_sync_settings. Pure: no WordPress calls except
 * __() for messages. Unknown keys are rejected; missing keys take their defaults.
 */
final class SyncSettings {

	public const STOCK_BRANCH       = 'branch';
	public const STOCK_ALL_BRANCHES = 'all_branches';

	public const LOCKABLE_FIELDS = array( 'name', 'description', 'images', 'category', 'regular_price', 'sale_price', 'stock', 'weight' );

	public const PUSH_STATUS_CHOICES = array( 'pending', 'on-hold', 'processing', 'completed' );

	public const MIN_RESYNC_INTERVAL = 3600;
	public const MAX_RESYNC_INTERVAL = 604800;
	public const MAX_RESYNC_LIMIT    = 5000;

	/**
	 * Defaults. Keys are the wire names of GET/PUT /settings.
	 */
	public const DEFAULTS = array(
		// Catalog (seed 2.1, 2.2, 2.8).
		'stock_mode'                 => self::STOCK_BRANCH,
		'regular_price_book_id'      => 0,
		'sale_price_book_id'         => null,
		'match_by_sku'               => false,
		'locked_fields'              => array(),
		'auto_add_new_products'      => false,
		'reconcile_interval_minutes' => 15,
		// Orders (seed 2.3, 2.8).
		'order_branch_id'            => null,
		'auto_push_orders'           => false,
		'push_statuses'              => array( 'processing', 'completed', 'on-hold' ),
		'order_lines_by_sku'         => false,
		'sync_shipping'              => false,
		'auto_resync_orders'         => false,
		'auto_resync_interval'       => 3600,
		'auto_resync_limit'          => 1000,
		// History (seed 2.6).
		'history_retention_days'     => 30,
	);

	/**
	 * Current values.
	 *
	 * @var array<string, mixed>
	 */
	private array $values;

	/**
	 * Creates settings from stored values (already valid); unknown keys dropped, missing keys defaulted.
	 *
	 * @param array<string, mixed> $stored Stored values.
	 */
	public function __construct( array $stored = array() ) {
		$this->values = array_merge( self::DEFAULTS, array_intersect_key( $stored, self::DEFAULTS ) );
	}

	/**
	 * All values, defaults filled in.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return $this->values;
	}

	/**
	 * One value.
	 *
	 * @param string $key Setting name (one of DEFAULTS).
	 * @return mixed
	 */
	public function get( string $key ) {
		if ( ! array_key_exists( $key, self::DEFAULTS ) ) {
			throw new \InvalidArgumentException( 'Unknown setting ' . $key ); // phpcs:ignore WordPress.Security.EscapeOutput
		}
		return $this->values[ $key ];
	}

	/**
	 * Validates a partial update and returns the merged settings, or the field errors.
	 *
	 * @param array<string, mixed> $input Partial update (wire names).
	 * @return array{0: ?SyncSettings, 1: array<string, string>} [settings or null, field => message]
	 */
	public function with_changes( array $input ): array {
		$errors = array();
		$clean  = array();
		foreach ( $input as $key => $value ) {
			if ( ! array_key_exists( (string) $key, self::DEFAULTS ) ) {
				$errors[ (string) $key ] = __( 'This setting does not exist.', 'kiotviet-sync' );
				continue;
			}
			$error = self::validate_one( (string) $key, $value, $clean_value );
			if ( null !== $error ) {
				$errors[ (string) $key ] = $error;
			} else {
				$clean[ (string) $key ] = $clean_value;
			}
		}
		if ( array() === $errors ) {
			$merged = array_merge( $this->values, $clean );
			$regular = (int) $merged['regular_price_book_id'];
			if ( null !== $merged['sale_price_book_id'] && (int) $merged['sale_price_book_id'] === $regular ) {
				$errors['sale_price_book_id'] = __( 'The sale price book must be different from the regular price book.', 'kiotviet-sync' );
			}
		}
		if ( array() !== $errors ) {
			return array( null, $errors );
		}
		return array( new self( array_merge( $this->values, $clean ) ), array() );
	}

	/**
	 * Validates one value.
	 *
	 * @param string $key   Setting name.
	 * @param mixed  $value Proposed value.
	 * @param mixed  $clean Normalised value (out).
	 * @return string|null Error message, or null when valid.
	 */
	private static function validate_one( string $key, $value, &$clean ): ?string {
		$clean = $value;
		switch ( $key ) {
			case 'match_by_sku':
			case 'auto_add_new_products':
			case 'auto_push_orders':
			case 'order_lines_by_sku':
			case 'sync_shipping':
			case 'auto_resync_orders':
				return is_bool( $value ) ? null : __( 'Must be on or off.', 'kiotviet-sync' );
			case 'stock_mode':
				return in_array( $value, array( self::STOCK_BRANCH, self::STOCK_ALL_BRANCHES ), true ) ? null : __( 'Choose one branch or all branches.', 'kiotviet-sync' );
			case 'regular_price_book_id':
				return self::whole( $value, 0, PHP_INT_MAX, $clean ) ? null : __( 'Choose a price book.', 'kiotviet-sync' );
			case 'sale_price_book_id':
			case 'order_branch_id':
				if ( null === $value ) {
					return null;
				}
				return self::whole( $value, 'order_branch_id' === $key ? 1 : 0, PHP_INT_MAX, $clean ) ? null : ( 'order_branch_id' === $key ? __( 'Choose a branch.', 'kiotviet-sync' ) : __( 'Choose a price book.', 'kiotviet-sync' ) );
			case 'locked_fields':
				if ( ! is_array( $value ) || array_diff( $value, self::LOCKABLE_FIELDS ) ) {
					return __( 'Choose fields from the list.', 'kiotviet-sync' );
				}
				$clean = array_values( array_unique( $value ) );
				return null;
			case 'push_statuses':
				if ( ! is_array( $value ) || array() === $value || array_diff( $value, self::PUSH_STATUS_CHOICES ) ) {
					return __( 'Choose at least one order status from the list.', 'kiotviet-sync' );
				}
				$clean = array_values( array_unique( $value ) );
				return null;
			case 'reconcile_interval_minutes':
				/* translators: 1: minimum minutes, 2: maximum minutes */
				return self::whole( $value, 5, 1440, $clean ) ? null : sprintf( __( 'Enter a whole number of minutes from %1$d to %2$d.', 'kiotviet-sync' ), 5, 1440 );
			case 'auto_resync_interval':
				if ( ! self::whole( $value, self::MIN_RESYNC_INTERVAL, self::MAX_RESYNC_INTERVAL, $clean ) ) {
					/* translators: %d: minimum number of seconds (3600) */
					return sprintf( __( 'The interval must be a whole number of seconds, at least %d (1 hour) and at most 604800 (7 days).', 'kiotviet-sync' ), self::MIN_RESYNC_INTERVAL );
				}
				return null;
			case 'auto_resync_limit':
				/* translators: %d: maximum number of orders */
				return self::whole( $value, 1, self::MAX_RESYNC_LIMIT, $clean ) ? null : sprintf( __( 'Enter a whole number of orders from 1 to %d.', 'kiotviet-sync' ), self::MAX_RESYNC_LIMIT );
			case 'history_retention_days':
				return self::whole( $value, 1, 365, $clean ) ? null : __( 'Enter a whole number of days from 1 to 365.', 'kiotviet-sync' );
		}
		return __( 'This setting does not exist.', 'kiotviet-sync' );
	}

	/**
	 * Whether a value is a whole number in range (ints, or strings of digits); writes the int to $clean.
	 *
	 * @param mixed $value Value.
	 * @param int   $min   Minimum.
	 * @param int   $max   Maximum.
	 * @param mixed $clean Int value (out).
	 */
	private static function whole( $value, int $min, int $max, &$clean ): bool {
		if ( is_string( $value ) && preg_match( '/^\d{1,18}$/', $value ) ) {
			$value = (int) $value;
		}
		if ( ! is_int( $value ) || $value < $min || $value > $max ) {
			return false;
		}
		$clean = $value;
		return true;
	}
}
