<?php
/**
 * Base REST controller.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\KiotViet\Exception\AuthException;
use KiotVietSync\KiotViet\Exception\KiotVietException;
use KiotVietSync\KiotViet\Exception\NetworkException;
use KiotVietSync\KiotViet\Exception\NotFoundException;
use KiotVietSync\KiotViet\Exception\RateLimitedException;
use KiotVietSync\KiotViet\Exception\ValidationException;
use KiotVietSync\Support\PluginException;
use KiotVietSync\Support\Redactor;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Owns what every route of kiotviet-sync/v1 shares: namespace, the manage_woocommerce permission,
 * args generated from JSON schemas (unknown body keys rejected), response shaping by schema, and the
 * mapping of exceptions to WP_Error with a real HTTP status. Validation errors are always
 * 400 kiotviet_sync_invalid_field with data.params = { field: message }.
 */
abstract class AbstractController extends \WP_REST_Controller {

	public const NAMESPACE_V1 = 'kiotviet-sync/v1';
	public const CAPABILITY   = 'manage_woocommerce';

	/**
	 * REST namespace.
	 *
	 * @var string
	 */
	protected $namespace = self::NAMESPACE_V1;

	/**
	 * Only admins who manage WooCommerce.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function permissions_check( $request ) {
		unset( $request );
		if ( current_user_can( self::CAPABILITY ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to manage KiotViet Sync.', 'kiotviet-sync' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * Endpoint definition with our permission callback and a safe callback wrapper.
	 *
	 * @param string                                 $methods  Methods (WP_REST_Server constants or e.g. 'PUT').
	 * @param callable(WP_REST_Request): mixed       $callback Handler returning data, a response or WP_Error.
	 * @param array<string, mixed>|null              $schema   Request body schema (object, additionalProperties false).
	 * @return array<string, mixed>
	 */
	protected function endpoint( string $methods, callable $callback, ?array $schema = null ): array {
		$args = array();
		if ( null !== $schema ) {
			$args = rest_get_endpoint_args_for_schema( $schema, $methods );
		}
		$allowed = array_keys( $args );
		return array(
			'methods'             => $methods,
			'callback'            => function ( WP_REST_Request $request ) use ( $callback, $allowed ) {
				return $this->run( $request, $callback, $allowed );
			},
			'permission_callback' => array( $this, 'permissions_check' ),
			'args'                => $args,
		);
	}

	/**
	 * Runs a handler: rejects unknown body fields, maps exceptions.
	 *
	 * @param WP_REST_Request                  $request  Request.
	 * @param callable(WP_REST_Request): mixed $callback Handler.
	 * @param string[]                         $allowed  Declared body fields.
	 * @return WP_REST_Response|WP_Error
	 */
	protected function run( WP_REST_Request $request, callable $callback, array $allowed ) {
		$unknown = self::unknown_fields( $request, $allowed );
		if ( array() !== $unknown ) {
			$params = array();
			foreach ( $unknown as $field ) {
				$params[ $field ] = __( 'This field is not allowed.', 'kiotviet-sync' );
			}
			return self::invalid_fields( $params );
		}

		try {
			$result = $callback( $request );
		} catch ( PluginException $e ) {
			return self::plugin_error( $e );
		} catch ( KiotVietException $e ) {
			return self::kiotviet_error( $e );
		} catch ( \Throwable $e ) {
			// Never leak internals (paths, SQL) to the browser; keep them for the developer.
			self::log_internal_error( $e, $request );
			return new WP_Error( 'kiotviet_sync_internal_error', __( 'Something went wrong in KiotViet Sync. Please try again.', 'kiotviet-sync' ), array( 'status' => 500 ) );
		}
		if ( $result instanceof WP_Error || $result instanceof WP_REST_Response ) {
			return $result;
		}
		return rest_ensure_response( $result );
	}

	/**
	 * Writes an unexpected exception to the WooCommerce log (source kiotviet-sync), redacted.
	 *
	 * @param \Throwable      $e       Exception.
	 * @param WP_REST_Request $request Request.
	 */
	private static function log_internal_error( \Throwable $e, WP_REST_Request $request ): void {
		if ( ! function_exists( 'wc_get_logger' ) ) {
			return;
		}
		$message = sprintf( '%s %s: %s: %s in %s:%d', $request->get_method(), $request->get_route(), get_class( $e ), $e->getMessage(), $e->getFile(), $e->getLine() );
		wc_get_logger()->error( ( new Redactor() )->redact_string( $message ), array( 'source' => 'kiotviet-sync' ) );
	}

	/**
	 * Keeps only the keys the item schema declares.
	 *
	 * @param mixed           $item    Item as an array.
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function prepare_item_for_response( $item, $request ) {
		unset( $request );
		$schema = $this->get_item_schema();
		$data   = array();
		foreach ( array_keys( $schema['properties'] ?? array() ) as $key ) {
			$data[ $key ] = is_array( $item ) && array_key_exists( $key, $item ) ? $item[ $key ] : null;
		}
		return rest_ensure_response( $data );
	}

	/**
	 * 400 kiotviet_sync_invalid_field with data.params.
	 *
	 * @param array<string, string> $params Field => message.
	 */
	public static function invalid_fields( array $params ): WP_Error {
		return new WP_Error(
			'kiotviet_sync_invalid_field',
			__( 'Some fields are missing or not valid.', 'kiotviet-sync' ),
			array(
				'status' => 400,
				'params' => (object) $params,
			)
		);
	}

	/**
	 * WP_Error for a PluginException.
	 *
	 * @param PluginException $e Exception.
	 */
	public static function plugin_error( PluginException $e ): WP_Error {
		$data = array( 'status' => $e->get_status() );
		if ( array() !== $e->get_params() ) {
			$data['params'] = (object) $e->get_params();
		}
		return new WP_Error( $e->get_error_code(), $e->getMessage(), $data );
	}

	/**
	 * WP_Error for a KiotViet failure that was not handled closer to the cause.
	 *
	 * @param KiotVietException $e Exception.
	 */
	public static function kiotviet_error( KiotVietException $e ): WP_Error {
		if ( $e instanceof RateLimitedException ) {
			return new WP_Error(
				'kiotviet_sync_rate_limited',
				__( 'KiotViet\'s hourly request limit is reached. Try again later.', 'kiotviet-sync' ),
				array(
					'status'      => 429,
					'retry_after' => $e->get_retry_after(),
				)
			);
		}
		if ( $e instanceof NetworkException ) {
			return new WP_Error( 'kiotviet_sync_unreachable', __( 'Could not reach KiotViet. Check the server\'s internet connection and try again.', 'kiotviet-sync' ), array( 'status' => 502 ) );
		}
		if ( $e instanceof AuthException ) {
			return new WP_Error( 'kiotviet_sync_auth_failed', __( 'KiotViet no longer accepts the saved connection. Connect again.', 'kiotviet-sync' ), array( 'status' => 502 ) );
		}
		if ( $e instanceof NotFoundException ) {
			return new WP_Error( 'kiotviet_sync_not_found', __( 'KiotViet could not find the requested item.', 'kiotviet-sync' ), array( 'status' => 404 ) );
		}
		if ( $e instanceof ValidationException ) {
			return new WP_Error(
				'kiotviet_sync_rejected',
				/* translators: %s: error message returned by KiotViet. */
				sprintf( __( 'KiotViet refused the request: %s', 'kiotviet-sync' ), $e->getMessage() ),
				array( 'status' => 400 )
			);
		}
		return new WP_Error( 'kiotviet_sync_upstream_error', __( 'KiotViet is not answering correctly right now. Try again in a few minutes.', 'kiotviet-sync' ), array( 'status' => 502 ) );
	}

	/**
	 * Filter on rest_request_before_callbacks: for our routes, answers core's parameter errors as
	 * kiotviet_sync_invalid_field with { field: message }, and never before the permission check.
	 *
	 * @param mixed           $response Response so far (WP_Error when core validation failed).
	 * @param array<mixed>    $handler  Route handler.
	 * @param WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public static function normalize_validation_error( $response, $handler, $request ) {
		if ( ! ( $response instanceof WP_Error ) || ! ( $request instanceof WP_REST_Request ) ) {
			return $response;
		}
		if ( 0 !== strpos( (string) $request->get_route(), '/' . self::NAMESPACE_V1 . '/' ) && '/' . self::NAMESPACE_V1 !== $request->get_route() ) {
			return $response;
		}
		$code = $response->get_error_code();
		if ( 'rest_invalid_param' !== $code && 'rest_missing_callback_param' !== $code ) {
			return $response;
		}

		// Core validates parameters before checking permissions; do not tell strangers about our schema.
		if ( is_array( $handler ) && isset( $handler['permission_callback'] ) && is_callable( $handler['permission_callback'] ) ) {
			$allowed = call_user_func( $handler['permission_callback'], $request );
			if ( $allowed instanceof WP_Error ) {
				return $allowed;
			}
			if ( true !== $allowed ) {
				return new WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to manage KiotViet Sync.', 'kiotviet-sync' ), array( 'status' => rest_authorization_required_code() ) );
			}
		}

		$data   = $response->get_error_data();
		$params = array();
		if ( is_array( $data ) && isset( $data['params'] ) && is_array( $data['params'] ) ) {
			foreach ( $data['params'] as $key => $value ) {
				if ( is_int( $key ) ) {
					// rest_missing_callback_param lists names only.
					$params[ (string) $value ] = __( 'This field is required.', 'kiotviet-sync' );
				} else {
					$params[ (string) $key ] = is_string( $value ) ? $value : __( 'This value is not valid.', 'kiotviet-sync' );
				}
			}
		}
		return self::invalid_fields( $params );
	}

	/**
	 * Body fields that the route does not declare (query args such as _locale are not checked).
	 *
	 * @param WP_REST_Request $request Request.
	 * @param string[]        $allowed Declared fields.
	 * @return string[]
	 */
	private static function unknown_fields( WP_REST_Request $request, array $allowed ): array {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) ) {
			$body = $request->get_body_params();
		}
		$unknown = array();
		foreach ( array_keys( (array) $body ) as $key ) {
			$key = (string) $key;
			if ( '' !== $key && '_' !== $key[0] && ! in_array( $key, $allowed, true ) ) {
				$unknown[] = $key;
			}
		}
		return $unknown;
	}
}
