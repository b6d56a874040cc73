<?php
/**
 * REST wiring.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Infrastructure\Registerable;

/**
 * Registers every controller of kiotviet-sync/v1 on rest_api_init. Controllers are built only then,
 * so ordinary page loads pay nothing for the REST layer.
 */
final class RestRegistrar implements Registerable {

	/**
	 * Builds the controllers.
	 *
	 * @var callable(): AbstractController[]
	 */
	private $controllers;

	/**
	 * Creates the registrar.
	 *
	 * @param callable(): AbstractController[] $controllers Factory returning the controllers.
	 */
	public function __construct( callable $controllers ) {
		$this->controllers = $controllers;
	}

	/**
	 * Hooks route registration and our validation-error shape.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_request_before_callbacks', array( AbstractController::class, 'normalize_validation_error' ), 10, 3 );
	}

	/**
	 * Callback for rest_api_init.
	 */
	public function register_routes(): void {
		foreach ( ( $this->controllers )() as $controller ) {
			$controller->register_routes();
		}
	}
}
