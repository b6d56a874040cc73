<?php
/**
 * Settings routes.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Storage\SyncSettings;
use KiotVietSync\Storage\SyncSettingsRepository;
use WP_REST_Request;
use WP_REST_Server;

/**
 * GET /settings → SyncSettings::to_array(); PUT /settings (partial) → merged settings, validated by
 * SyncSettings::with_changes() (400 kiotviet_sync_invalid_field with data.params, nothing saved). The route
 * schema is derived from the defaults' types, so unknown keys and wrong types are refused before saving.
 */
final class SettingsController extends AbstractController {

	public const CHANNEL_SETTINGS = 'settings';

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'settings';

	/**
	 * Settings storage.
	 *
	 * @var SyncSettingsRepository
	 */
	private SyncSettingsRepository $repository;

	/**
	 * History.
	 *
	 * @var SyncLogWriter
	 */
	private SyncLogWriter $log;

	/**
	 * Creates the controller.
	 *
	 * @param SyncSettingsRepository $repository Settings storage.
	 * @param SyncLogWriter          $log        History.
	 */
	public function __construct( SyncSettingsRepository $repository, SyncLogWriter $log ) {
		$this->repository = $repository;
		$this->log        = $log;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				$this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_settings' ) ),
				$this->endpoint( 'PUT', array( $this, 'update_settings' ), self::body_schema() ),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * GET /settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function get_settings( WP_REST_Request $request ): array {
		unset( $request );
		return $this->repository->load()->to_array();
	}

	/**
	 * PUT /settings: validate everything, save all or nothing, log the changed keys.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function update_settings( WP_REST_Request $request ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) ) {
			$body = $request->get_body_params();
		}
		$input = array();
		foreach ( (array) $body as $key => $value ) {
			if ( '' !== (string) $key && '_' !== ( (string) $key )[0] ) {
				// The sanitised value (core coerces "3600" → 3600, "true" → true per the schema).
				$input[ (string) $key ] = $request->has_param( (string) $key ) ? $request->get_param( (string) $key ) : $value;
			}
		}

		$current               = $this->repository->load();
		list( $next, $errors ) = $current->with_changes( $input );
		if ( null === $next || array() !== $errors ) {
			return self::invalid_fields( $errors );
		}

		$changed = self::changed_keys( $current, $next );
		if ( array() !== $changed ) {
			$this->repository->save( $next );
			$this->log->record(
				self::CHANNEL_SETTINGS,
				'update',
				SyncLogWriter::RESULT_OK,
				/* translators: %s: comma-separated list of setting names */
				sprintf( __( 'Settings changed: %s', 'kiotviet-sync' ), implode( ', ', $changed ) ),
				array( 'changed' => $changed )
			);
		}
		return $next->to_array();
	}

	/**
	 * Keys whose value differs.
	 *
	 * @param SyncSettings $before Before.
	 * @param SyncSettings $after  After.
	 * @return string[]
	 */
	public static function changed_keys( SyncSettings $before, SyncSettings $after ): array {
		$old     = $before->to_array();
		$changed = array();
		foreach ( $after->to_array() as $key => $value ) {
			if ( $old[ $key ] !== $value ) {
				$changed[] = (string) $key;
			}
		}
		return $changed;
	}

	/**
	 * Request body schema derived from the defaults' types (the fine validation is SyncSettings').
	 *
	 * @return array<string, mixed>
	 */
	public static function body_schema(): array {
		$properties = array();
		foreach ( SyncSettings::DEFAULTS as $key => $default ) {
			$properties[ $key ] = self::property_for( (string) $key, $default );
		}
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'kiotviet-sync-settings',
			'type'                 => 'object',
			'properties'           => $properties,
			'additionalProperties' => false,
		);
	}

	/**
	 * One property's schema.
	 *
	 * @param string $key     Setting.
	 * @param mixed  $default Default.
	 * @return array<string, mixed>
	 */
	private static function property_for( string $key, $default ): array {
		if ( is_bool( $default ) ) {
			return array( 'type' => 'boolean' );
		}
		if ( is_int( $default ) || in_array( $key, array( 'sale_price_book_id', 'order_branch_id' ), true ) ) {
			$type = null === $default ? array( 'integer', 'null' ) : 'integer';
			return array( 'type' => $type );
		}
		if ( is_array( $default ) ) {
			$items = array( 'type' => 'string' );
			if ( 'locked_fields' === $key ) {
				$items['enum'] = SyncSettings::LOCKABLE_FIELDS;
			} elseif ( 'push_statuses' === $key ) {
				$items['enum'] = SyncSettings::PUSH_STATUS_CHOICES;
			}
			return array(
				'type'  => 'array',
				'items' => $items,
			);
		}
		if ( 'stock_mode' === $key ) {
			return array(
				'type' => 'string',
				'enum' => array( SyncSettings::STOCK_BRANCH, SyncSettings::STOCK_ALL_BRANCHES ),
			);
		}
		return array( 'type' => 'string' );
	}

	/**
	 * Response schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$schema = self::body_schema();
		unset( $schema['additionalProperties'] );
		return $schema;
	}
}
