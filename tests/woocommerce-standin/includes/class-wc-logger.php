<?php
/**
 * Stand-in logger: entries in memory (tests inspect them) and a per-source, per-day file under
 * wp-content/uploads/wc-logs-standin/ guarded by index.html and a deny-all .htaccess.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Implements WC_Logger_Interface with the PSR-3 style levels WooCommerce uses.
 */
class WC_Logger implements WC_Logger_Interface {

	/** @var array<int, array{level:string, message:string, context:array, source:string, time:int}> */
	private $entries = array();

	/** Levels WooCommerce knows, most severe first. */
	const LEVELS = array( 'emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug' );

	/**
	 * @param string $handle Source.
	 * @param string $message Message.
	 * @param string $level Level.
	 * @return bool
	 */
	public function add( $handle, $message, $level = 'notice' ) {
		$this->log( $level, $message, array( 'source' => $handle ) );
		return true;
	}

	/**
	 * @param string $level Level.
	 * @param string $message Message.
	 * @param array  $context Context; 'source' picks the file.
	 */
	public function log( $level, $message, $context = array() ) {
		$level = strtolower( (string) $level );
		if ( ! in_array( $level, self::LEVELS, true ) ) {
			wc_doing_it_wrong( __METHOD__, 'WC_Logger::log was called with an invalid level "' . $level . '".', '3.0' );
			return;
		}
		$context = is_array( $context ) ? $context : array();
		$source  = isset( $context['source'] ) && is_string( $context['source'] ) && '' !== $context['source'] ? $context['source'] : 'log';
		$message = apply_filters( 'woocommerce_logger_log_message', (string) $message, $level, $context, null );

		$this->entries[] = array(
			'level'   => $level,
			'message' => $message,
			'context' => $context,
			'source'  => $source,
			'time'    => time(),
		);
		$this->write_file( $source, gmdate( 'c' ) . ' ' . strtoupper( $level ) . ' ' . $message . "\n" );
	}

	/** @inheritDoc */
	public function emergency( $message, $context = array() ) {
		$this->log( 'emergency', $message, $context );
	}

	/** @inheritDoc */
	public function alert( $message, $context = array() ) {
		$this->log( 'alert', $message, $context );
	}

	/** @inheritDoc */
	public function critical( $message, $context = array() ) {
		$this->log( 'critical', $message, $context );
	}

	/** @inheritDoc */
	public function error( $message, $context = array() ) {
		$this->log( 'error', $message, $context );
	}

	/** @inheritDoc */
	public function warning( $message, $context = array() ) {
		$this->log( 'warning', $message, $context );
	}

	/** @inheritDoc */
	public function notice( $message, $context = array() ) {
		$this->log( 'notice', $message, $context );
	}

	/** @inheritDoc */
	public function info( $message, $context = array() ) {
		$this->log( 'info', $message, $context );
	}

	/** @inheritDoc */
	public function debug( $message, $context = array() ) {
		$this->log( 'debug', $message, $context );
	}

	/**
	 * Stand-in only: what was logged in this request (optionally for one source).
	 *
	 * @param string|null $source Source filter.
	 * @return array
	 */
	public function get_entries( $source = null ) {
		if ( null === $source ) {
			return $this->entries;
		}
		return array_values(
			array_filter(
				$this->entries,
				static function ( $entry ) use ( $source ) {
					return $entry['source'] === $source;
				}
			)
		);
	}

	/**
	 * Stand-in only: forget the in-memory entries.
	 */
	public function clear_entries() {
		$this->entries = array();
	}

	/**
	 * Stand-in only: directory of the log files.
	 *
	 * @return string
	 */
	public static function log_dir() {
		$uploads = wp_upload_dir( null, false );
		return trailingslashit( $uploads['basedir'] ) . 'wc-logs-standin/';
	}

	/**
	 * @param string $source Source.
	 * @param string $line Line.
	 */
	private function write_file( $source, $line ) {
		$dir = self::log_dir();
		if ( ! is_dir( $dir ) && ! wp_mkdir_p( $dir ) ) {
			return;
		}
		if ( ! file_exists( $dir . '.htaccess' ) ) {
			@file_put_contents( $dir . '.htaccess', "deny from all\n" ); // phpcs:ignore
		}
		if ( ! file_exists( $dir . 'index.html' ) ) {
			@file_put_contents( $dir . 'index.html', '' ); // phpcs:ignore
		}
		$file = $dir . sanitize_file_name( $source ) . '-' . gmdate( 'Y-m-d' ) . '-' . substr( wp_hash( $source ), 0, 12 ) . '.log';
		@file_put_contents( $file, $line, FILE_APPEND | LOCK_EX ); // phpcs:ignore
	}
}
