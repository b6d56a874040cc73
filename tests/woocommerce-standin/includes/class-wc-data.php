<?php
/**
 * Base of WooCommerce data objects: props with a change set, meta data, save/delete.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

/**
 * Same behaviour as WooCommerce's WC_Data for the parts the plugin uses. Subclasses implement
 * read_from_store(), create_in_store(), update_in_store() and delete_from_store().
 */
abstract class WC_Data {

	/** @var int */
	protected $id = 0;

	/** @var array Props as read from the store. */
	protected $data = array();

	/** @var array Props set since the last read/save. */
	protected $changes = array();

	/** @var bool */
	protected $object_read = false;

	/** @var string Used in hook names (woocommerce_before_{object_type}_object_save). */
	protected $object_type = 'data';

	/** @var array */
	protected $extra_data = array();

	/** @var array */
	protected $default_data = array();

	/** @var WC_Meta_Data[]|null */
	protected $meta_data = null;

	/** @var string WordPress meta type: post or order_item. */
	protected $meta_type = 'post';

	/** @var string[] Meta keys that are props, never exposed as meta data. */
	protected $internal_meta_keys = array();

	/**
	 * @param int|object|array $read Id or object to read.
	 */
	public function __construct( $read = 0 ) {
		$this->data         = array_merge( $this->data, $this->extra_data );
		$this->default_data = $this->data;
	}

	/** Keep meta objects distinct between clones, like WooCommerce. */
	public function __clone() {
		if ( ! empty( $this->meta_data ) ) {
			foreach ( $this->meta_data as $array_key => $meta ) {
				$this->meta_data[ $array_key ] = clone $meta;
			}
		}
	}

	/**
	 * @return int
	 */
	public function get_id() {
		return $this->id;
	}

	/**
	 * @param int $id Id.
	 */
	public function set_id( $id ) {
		$this->id = absint( $id );
	}

	/**
	 * @return string
	 */
	public function get_object_type() {
		return $this->object_type;
	}

	/**
	 * @param bool $read Read flag.
	 */
	public function set_object_read( $read = true ) {
		$this->object_read = (bool) $read;
	}

	/**
	 * @return bool
	 */
	public function get_object_read() {
		return (bool) $this->object_read;
	}

	/** Back to defaults (before a read). */
	public function set_defaults() {
		$this->data    = $this->default_data;
		$this->changes = array();
		$this->set_object_read( false );
	}

	/**
	 * All props plus id and meta data.
	 *
	 * @return array
	 */
	public function get_data() {
		return array_merge( array( 'id' => $this->get_id() ), $this->data, array( 'meta_data' => $this->get_meta_data() ) );
	}

	/**
	 * @return string[]
	 */
	public function get_data_keys() {
		return array_keys( $this->data );
	}

	/**
	 * @return string[]
	 */
	public function get_extra_data_keys() {
		return array_keys( $this->extra_data );
	}

	/**
	 * @return array Props changed since the last read/save.
	 */
	public function get_changes() {
		return $this->changes;
	}

	/** Merges changes into data. */
	public function apply_changes() {
		$this->data    = array_replace( $this->data, $this->changes );
		$this->changes = array();
	}

	/**
	 * Calls set_{prop}() for each entry.
	 *
	 * @param array  $props Props.
	 * @param string $context set|view.
	 * @return bool|WP_Error
	 */
	public function set_props( $props, $context = 'set' ) {
		$errors = false;
		foreach ( $props as $prop => $value ) {
			try {
				// Like WooCommerce, null values are skipped (the prop keeps its current/default value).
				if ( null === $value || in_array( $prop, array( 'prop', 'date_prop', 'meta_data' ), true ) ) {
					continue;
				}
				$setter = "set_$prop";
				if ( is_callable( array( $this, $setter ) ) ) {
					$this->{$setter}( $value );
				}
			} catch ( WC_Data_Exception $e ) {
				if ( ! $errors ) {
					$errors = new WP_Error();
				}
				$errors->add( $e->getErrorCode(), $e->getMessage(), array( 'property_name' => $prop ) );
			}
		}
		return $errors && count( $errors->get_error_codes() ) ? $errors : true;
	}

	/**
	 * @param string $prop Prop.
	 * @param mixed  $value Value.
	 */
	protected function set_prop( $prop, $value ) {
		if ( array_key_exists( $prop, $this->data ) ) {
			if ( true === $this->object_read ) {
				if ( $value !== $this->data[ $prop ] || array_key_exists( $prop, $this->changes ) ) {
					$this->changes[ $prop ] = $value;
				}
			} else {
				$this->data[ $prop ] = $value;
			}
		}
	}

	/**
	 * @param string $prop Prop.
	 * @param string $context view applies the woocommerce_{type}_get_{prop} filter; edit does not.
	 * @return mixed
	 */
	protected function get_prop( $prop, $context = 'view' ) {
		$value = null;
		if ( array_key_exists( $prop, $this->data ) ) {
			$value = array_key_exists( $prop, $this->changes ) ? $this->changes[ $prop ] : $this->data[ $prop ];
			if ( 'view' === $context ) {
				$value = apply_filters( $this->get_hook_prefix() . $prop, $value, $this );
			}
		}
		return $value;
	}

	/**
	 * @return string
	 */
	protected function get_hook_prefix() {
		return 'woocommerce_' . $this->object_type . '_get_';
	}

	/**
	 * Date props accept WC_DateTime, timestamps (UTC) or strings in the site's timezone.
	 *
	 * @param string $prop Prop.
	 * @param mixed  $value Value.
	 */
	protected function set_date_prop( $prop, $value ) {
		try {
			if ( empty( $value ) || '0000-00-00 00:00:00' === $value ) {
				$this->set_prop( $prop, null );
				return;
			}
			// Like WooCommerce: WC_DateTime, a UTC timestamp or a string. Any other object (DateTime,
			// DateTimeImmutable) reaches preg_match() and throws a TypeError, as it does in WooCommerce.
			if ( $value instanceof WC_DateTime ) {
				$datetime = $value;
			} elseif ( is_numeric( $value ) ) {
				$datetime = new WC_DateTime( "@{$value}", new DateTimeZone( 'UTC' ) );
			} else {
				if ( 1 === preg_match( '/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|((-|\+)\d{2}:\d{2}))$/', $value, $bits ) ) {
					$offset    = ! empty( $bits[7] ) ? iso8601_timezone_to_offset( $bits[7] ) : wc_timezone_offset();
					$timestamp = gmmktime( (int) $bits[4], (int) $bits[5], (int) $bits[6], (int) $bits[2], (int) $bits[3], (int) $bits[1] ) - $offset;
				} else {
					$timestamp = wc_string_to_timestamp( get_gmt_from_date( gmdate( 'Y-m-d H:i:s', wc_string_to_timestamp( $value ) ) ) );
				}
				$datetime = new WC_DateTime( "@{$timestamp}", new DateTimeZone( 'UTC' ) );
			}
			if ( get_option( 'timezone_string' ) ) {
				$datetime->setTimezone( new DateTimeZone( wc_timezone_string() ) );
			} else {
				$datetime->set_utc_offset( wc_timezone_offset() );
			}
			$this->set_prop( $prop, $datetime );
		} catch ( Exception $e ) { // phpcs:ignore Generic.CodeAnalysis.EmptyStatement.DetectedCatch -- WooCommerce ignores unparsable dates.
		}
	}

	/**
	 * Throws unless reading from the store, like WooCommerce.
	 *
	 * @param string $code Code.
	 * @param string $message Message.
	 * @param int    $http_status_code Status.
	 * @param array  $data Data.
	 * @throws WC_Data_Exception Always.
	 */
	protected function error( $code, $message, $http_status_code = 400, $data = array() ) {
		throw new WC_Data_Exception( $code, $message, $http_status_code, $data );
	}

	/*
	|--------------------------------------------------------------------------
	| Meta data
	|--------------------------------------------------------------------------
	*/

	/**
	 * @param string $key Meta key.
	 * @return bool
	 */
	protected function is_internal_meta_key( $key ) {
		if ( '' === $key || null === $key ) {
			return false;
		}
		if ( ! in_array( $key, $this->internal_meta_keys, true ) ) {
			return false;
		}
		$getter = 'get_' . ltrim( $key, '_' );
		if ( is_callable( array( $this, $getter ) ) ) {
			wc_doing_it_wrong( __FUNCTION__, sprintf( 'Generic add/update/get meta methods should not be used for internal meta data, including "%s". Use getters and setters.', $key ), '3.2.0' );
			return true;
		}
		return false;
	}

	/** Loads meta on first use. */
	protected function maybe_read_meta_data() {
		if ( null === $this->meta_data ) {
			$this->read_meta_data();
		}
	}

	/**
	 * @param bool $force_read Re-read from the database.
	 */
	public function read_meta_data( $force_read = false ) {
		$this->meta_data = array();
		if ( ! $this->get_id() ) {
			return;
		}
		global $wpdb;
		$table  = _get_meta_table( $this->meta_type );
		$column = sanitize_key( $this->meta_type . '_id' );
		$id_col = 'user' === $this->meta_type ? 'umeta_id' : 'meta_id';
		if ( ! $table ) {
			return;
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table/column names come from WordPress.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT {$id_col} AS meta_id, meta_key, meta_value FROM {$table} WHERE {$column} = %d ORDER BY {$id_col}", $this->get_id() ) );
		foreach ( (array) $rows as $row ) {
			if ( in_array( $row->meta_key, $this->internal_meta_keys, true ) || $this->is_hidden_meta_key( (string) $row->meta_key ) ) {
				continue;
			}
			$this->meta_data[] = new WC_Meta_Data(
				array(
					'id'    => (int) $row->meta_id,
					'key'   => $row->meta_key,
					'value' => maybe_unserialize( $row->meta_value ),
				)
			);
		}
	}

	/**
	 * Keys that are not meta data of the object although they live in its meta table.
	 *
	 * @param string $key Key.
	 * @return bool
	 */
	protected function is_hidden_meta_key( $key ) {
		return 0 === strpos( $key, 'wp_' );
	}

	/**
	 * @return WC_Meta_Data[]
	 */
	public function get_meta_data() {
		$this->maybe_read_meta_data();
		return array_values(
			array_filter(
				$this->meta_data,
				static function ( $meta ) {
					return null !== $meta->value;
				}
			)
		);
	}

	/**
	 * @param string $key Key.
	 * @param bool   $single Single value or all WC_Meta_Data.
	 * @param string $context view|edit.
	 * @return mixed
	 */
	public function get_meta( $key = '', $single = true, $context = 'view' ) {
		if ( $this->is_internal_meta_key( $key ) ) {
			$getter = 'get_' . ltrim( $key, '_' );
			return $this->{$getter}( $context );
		}
		$this->maybe_read_meta_data();
		$value = $single ? '' : array();
		foreach ( $this->meta_data as $meta ) {
			if ( $meta->key === $key && null !== $meta->value ) {
				if ( $single ) {
					$value = $meta->value;
					break;
				}
				$value[] = $meta;
			}
		}
		if ( 'view' === $context ) {
			$value = apply_filters( $this->get_hook_prefix() . $key, $value, $this );
		}
		return $value;
	}

	/**
	 * @param string $key Key.
	 * @return bool
	 */
	public function meta_exists( $key = '' ) {
		$this->maybe_read_meta_data();
		foreach ( $this->meta_data as $meta ) {
			if ( $meta->key === $key && null !== $meta->value ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param string $key Key.
	 * @param mixed  $value Value.
	 * @param bool   $unique Replace existing values of the key.
	 */
	public function add_meta_data( $key, $value, $unique = false ) {
		if ( $this->is_internal_meta_key( $key ) ) {
			$setter = 'set_' . ltrim( $key, '_' );
			$this->{$setter}( $value );
			return;
		}
		$this->maybe_read_meta_data();
		if ( $unique ) {
			$this->delete_meta_data( $key );
		}
		$this->meta_data[] = new WC_Meta_Data(
			array(
				'key'   => $key,
				'value' => $value,
			)
		);
	}

	/**
	 * @param string $key Key.
	 * @param mixed  $value Value.
	 * @param int    $meta_id Meta id to update (0: first with the key).
	 */
	public function update_meta_data( $key, $value, $meta_id = 0 ) {
		if ( $this->is_internal_meta_key( $key ) ) {
			$setter = 'set_' . ltrim( $key, '_' );
			$this->{$setter}( $value );
			return;
		}
		$this->maybe_read_meta_data();
		$found = false;
		foreach ( $this->meta_data as $meta ) {
			if ( $meta_id ? ( (int) $meta->id === (int) $meta_id ) : ( $meta->key === $key && null !== $meta->value ) ) {
				if ( $found ) {
					$meta->value = null; // Later duplicates of the key are removed, as WooCommerce does.
					continue;
				}
				$meta->key   = $key;
				$meta->value = $value;
				$found       = true;
				if ( $meta_id ) {
					break;
				}
			}
		}
		if ( ! $found ) {
			$this->add_meta_data( $key, $value, true );
		}
	}

	/**
	 * @param string $key Key.
	 */
	public function delete_meta_data( $key ) {
		$this->maybe_read_meta_data();
		foreach ( $this->meta_data as $meta ) {
			if ( $meta->key === $key ) {
				$meta->value = null;
			}
		}
	}

	/**
	 * @param int $mid Meta id.
	 */
	public function delete_meta_data_by_mid( $mid ) {
		$this->maybe_read_meta_data();
		foreach ( $this->meta_data as $meta ) {
			if ( (int) $meta->id === (int) $mid ) {
				$meta->value = null;
			}
		}
	}

	/** Writes pending meta changes. */
	public function save_meta_data() {
		if ( null === $this->meta_data || ! $this->get_id() ) {
			return;
		}
		foreach ( $this->meta_data as $array_key => $meta ) {
			if ( null === $meta->value ) {
				if ( ! empty( $meta->id ) ) {
					delete_metadata_by_mid( $this->meta_type, $meta->id );
				}
				unset( $this->meta_data[ $array_key ] );
			} elseif ( empty( $meta->id ) ) {
				$meta->id = add_metadata( $this->meta_type, $this->get_id(), wp_slash( $meta->key ), is_string( $meta->value ) ? wp_slash( $meta->value ) : $meta->value, false );
				$meta->apply_changes();
			} elseif ( $meta->get_changes() ) {
				update_metadata_by_mid( $this->meta_type, $meta->id, $meta->value, $meta->key );
				$meta->apply_changes();
			}
		}
		$this->meta_data = array_values( $this->meta_data );
		if ( 'post' === $this->meta_type ) {
			clean_post_cache( $this->get_id() );
		} else {
			wp_cache_delete( $this->get_id(), $this->meta_type . '_meta' );
		}
	}

	/*
	|--------------------------------------------------------------------------
	| Persistence
	|--------------------------------------------------------------------------
	*/

	/**
	 * Create or update, firing woocommerce_before_/after_{object_type}_object_save.
	 *
	 * @return int Id.
	 */
	public function save() {
		do_action( 'woocommerce_before_' . $this->object_type . '_object_save', $this, null );
		if ( $this->get_id() ) {
			$this->update_in_store();
		} else {
			$this->create_in_store();
		}
		do_action( 'woocommerce_after_' . $this->object_type . '_object_save', $this, null );
		return $this->get_id();
	}

	/**
	 * @param bool $force_delete Delete permanently instead of trashing.
	 * @return bool
	 */
	public function delete( $force_delete = false ) {
		if ( ! $this->get_id() ) {
			return false;
		}
		$check = apply_filters( 'woocommerce_pre_delete_' . $this->object_type, null, $this, $force_delete );
		if ( null !== $check ) {
			return $check;
		}
		$this->delete_from_store( $force_delete );
		$this->set_id( 0 ); // WooCommerce forgets the id after trashing too.
		return true;
	}

	/** Inserts the object. */
	abstract protected function create_in_store();

	/** Updates the object. */
	abstract protected function update_in_store();

	/**
	 * @param bool $force_delete Permanently.
	 */
	abstract protected function delete_from_store( $force_delete );
}
