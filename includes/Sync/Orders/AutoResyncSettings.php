<?php
/**
 * "Tự đồng bộ lại đơn hàng" settings.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use InvalidArgumentException;

/**
 * The recurring job that re-checks unsynced orders: on/off, interval in seconds (≥ 3,600 so the site does not
 * flood KiotViet; ≤ 7 days), and how many unsynced orders one run checks (1–5,000, default 1,000).
 * Off by default, as the seed guide advises.
 */
final class AutoResyncSettings {

	public const MIN_INTERVAL     = 3600;
	public const MAX_INTERVAL     = 604800;
	public const DEFAULT_INTERVAL = 3600;
	public const MIN_LIMIT        = 1;
	public const MAX_LIMIT        = 5000;
	public const DEFAULT_LIMIT    = 1000;

	/** GET requests kept back for webhooks, catalog reconciliation and checkouts while the job runs. */
	public const DEFAULT_GET_RESERVE = 500;

	/** Worst-case GETs to push one order: customer search, a duplicate lookup page, one code lookup per line (est.). */
	public const DEFAULT_GETS_PER_ORDER = 4;

	private bool $enabled;
	private int $interval;
	private int $limit;

	private function __construct( bool $enabled, int $interval, int $limit ) {
		$this->enabled  = $enabled;
		$this->interval = $interval;
		$this->limit    = $limit;
	}

	public static function defaults(): self {
		return new self( false, self::DEFAULT_INTERVAL, self::DEFAULT_LIMIT );
	}

	/**
	 * Field errors, English, keyed by field ({ enabled?, interval?, limit? }); empty when valid.
	 * Missing fields are valid (defaults apply). Numbers may arrive as numeric strings from forms/JSON.
	 *
	 * @param array<string,mixed> $input {enabled?, interval?, limit?}.
	 * @return array<string,string>
	 */
	public static function validate( array $input ): array {
		$errors = array();
		if ( array_key_exists( 'enabled', $input ) && ! is_bool( $input['enabled'] ) ) {
			$errors['enabled'] = 'Must be true or false.';
		}
		if ( array_key_exists( 'interval', $input ) ) {
			$interval = self::whole_number( $input['interval'] );
			if ( null === $interval ) {
				$errors['interval'] = 'Enter the interval as a whole number of seconds.';
			} elseif ( $interval < self::MIN_INTERVAL ) {
				$errors['interval'] = sprintf( 'The interval must be at least %d seconds (1 hour).', self::MIN_INTERVAL );
			} elseif ( $interval > self::MAX_INTERVAL ) {
				$errors['interval'] = sprintf( 'The interval must be at most %d seconds (7 days).', self::MAX_INTERVAL );
			}
		}
		if ( array_key_exists( 'limit', $input ) ) {
			$limit = self::whole_number( $input['limit'] );
			if ( null === $limit ) {
				$errors['limit'] = 'Enter the number of orders as a whole number.';
			} elseif ( $limit < self::MIN_LIMIT || $limit > self::MAX_LIMIT ) {
				$errors['limit'] = sprintf( 'The number of orders must be between %d and %d.', self::MIN_LIMIT, self::MAX_LIMIT );
			}
		}
		return $errors;
	}

	/**
	 * @param array<string,mixed> $input Validated input (see validate()); missing fields take defaults.
	 * @throws InvalidArgumentException When the input does not validate.
	 */
	public static function from_array( array $input ): self {
		$errors = self::validate( $input );
		if ( array() !== $errors ) {
			throw new InvalidArgumentException( 'Invalid auto-resync settings: ' . implode( ' ', $errors ) );
		}
		return new self(
			(bool) ( $input['enabled'] ?? false ),
			array_key_exists( 'interval', $input ) ? (int) self::whole_number( $input['interval'] ) : self::DEFAULT_INTERVAL,
			array_key_exists( 'limit', $input ) ? (int) self::whole_number( $input['limit'] ) : self::DEFAULT_LIMIT
		);
	}

	public function enabled(): bool {
		return $this->enabled;
	}

	public function interval(): int {
		return $this->interval;
	}

	public function limit(): int {
		return $this->limit;
	}

	/** @return array{enabled:bool,interval:int,limit:int} */
	public function to_array(): array {
		return array(
			'enabled'  => $this->enabled,
			'interval' => $this->interval,
			'limit'    => $this->limit,
		);
	}

	/**
	 * How many orders this run may check without eating the GET budget (5,000/hour) others need:
	 * min(limit, (remaining − reserve) / GETs per order), never negative.
	 */
	public function orders_for_run( int $remaining_get_budget, int $reserve = self::DEFAULT_GET_RESERVE, int $gets_per_order = self::DEFAULT_GETS_PER_ORDER ): int {
		$available = $remaining_get_budget - max( 0, $reserve );
		if ( $available <= 0 ) {
			return 0;
		}
		return (int) min( $this->limit, intdiv( $available, max( 1, $gets_per_order ) ) );
	}

	/**
	 * @param mixed $value Raw value.
	 */
	private static function whole_number( $value ): ?int {
		if ( is_int( $value ) ) {
			return $value;
		}
		if ( is_float( $value ) && floor( $value ) === $value && abs( $value ) < 1e12 ) {
			return (int) $value;
		}
		if ( is_string( $value ) && 1 === preg_match( '/^\s*-?\d{1,12}\s*$/', $value ) ) {
			return (int) trim( $value );
		}
		return null;
	}
}
