<?php
/**
 * WooCommerce's logger interface (same method names and arguments).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

interface WC_Logger_Interface {
	public function add( $handle, $message, $level = 'notice' );
	public function log( $level, $message, $context = array() );
	public function emergency( $message, $context = array() );
	public function alert( $message, $context = array() );
	public function critical( $message, $context = array() );
	public function error( $message, $context = array() );
	public function warning( $message, $context = array() );
	public function notice( $message, $context = array() );
	public function info( $message, $context = array() );
	public function debug( $message, $context = array() );
}
