<?php
/**
 * Exception thrown by WooCommerce data objects on invalid data (e.g. duplicate SKU).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Carries an error code, HTTP status and data like WooCommerce's WC_Data_Exception.
 */
class WC_Data_Exception extends Exception {

	/** @var string */
	protected $error_code;

	/** @var array */
	protected $error_data;

	/**
	 * @param string $code Error code.
	 * @param string $message Message.
	 * @param int    $http_status_code HTTP status.
	 * @param array  $data Extra data.
	 */
	public function __construct( $code, $message, $http_status_code = 400, $data = array() ) {
		$this->error_code = $code;
		$this->error_data = array_merge( array( 'status' => $http_status_code ), $data );
		parent::__construct( $message, $http_status_code );
	}

	/**
	 * @return string
	 */
	public function getErrorCode() {
		return $this->error_code;
	}

	/**
	 * @return array
	 */
	public function getErrorData() {
		return $this->error_data;
	}
}
