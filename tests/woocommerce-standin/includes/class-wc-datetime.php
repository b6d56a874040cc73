<?php
/**
 * WooCommerce's DateTime subclass (UTC offset aware, ISO 8601 string form).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Dates of WooCommerce objects.
 */
class WC_DateTime extends DateTime {

	/** @var int|null Offset in seconds when no timezone string is set. */
	protected $utc_offset = 0;

	/**
	 * ISO 8601 (DATE_ATOM), as WooCommerce prints it.
	 *
	 * @return string
	 */
	public function __toString() {
		return $this->format( DATE_ATOM );
	}

	/**
	 * @param int $offset Offset in seconds.
	 */
	public function set_utc_offset( $offset ) {
		$this->utc_offset = intval( $offset );
	}

	/**
	 * @return int
	 */
	public function getOffset(): int {
		return $this->utc_offset ? $this->utc_offset : parent::getOffset();
	}

	/**
	 * @param DateTimeZone $timezone Zone.
	 * @return DateTime
	 */
	#[\ReturnTypeWillChange]
	public function setTimezone( $timezone ) {
		$this->utc_offset = 0;
		return parent::setTimezone( $timezone );
	}

	/**
	 * @return int Timestamp with the offset added (local "wall clock" seconds).
	 */
	public function getOffsetTimestamp() {
		return $this->getTimestamp() + $this->getOffset();
	}

	/**
	 * @param string $format Format.
	 * @return string
	 */
	public function date( $format ) {
		return gmdate( $format, $this->getOffsetTimestamp() );
	}

	/**
	 * @param string $format Format.
	 * @return string
	 */
	public function date_i18n( $format = 'Y-m-d' ) {
		return date_i18n( $format, $this->getOffsetTimestamp() );
	}
}
