<?php
/**
 * Maps failed KiotViet responses to typed exceptions.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\KiotViet\Exception\AuthException;
use KiotVietSync\KiotViet\Exception\KiotVietException;
use KiotVietSync\KiotViet\Exception\NotFoundException;
use KiotVietSync\KiotViet\Exception\RateLimitedException;
use KiotVietSync\KiotViet\Exception\ServerException;
use KiotVietSync\KiotViet\Exception\ValidationException;

/**
 * Turns a non-2xx response into the exception the rest of the plugin reacts to.
 * Reads KiotViet's `responseStatus` body and the OAuth `error` body of the token endpoint.
 */
final class ErrorMapper {

	/**
	 * Maps a non-2xx response.
	 *
	 * @param HttpResponse $response Response.
	 * @param int          $now      Unix time, to turn an HTTP-date Retry-After into seconds.
	 */
	public static function from_response( HttpResponse $response, int $now ): KiotVietException {
		$status = $response->status();
		list( $code, $message ) = self::read_error( $response );
		if ( '' === $message ) {
			$message = sprintf( 'KiotViet answered HTTP %d.', $status );
		}

		if ( 429 === $status ) {
			return new RateLimitedException( $message, self::retry_after( $response, $now ), 429, $code );
		}
		if ( 401 === $status || 403 === $status ) {
			return new AuthException( $message, $status, $code );
		}
		if ( 404 === $status || 410 === $status ) {
			return new NotFoundException( $message, $status, $code );
		}
		if ( 408 === $status || $status >= 500 || $status < 400 ) {
			// 3xx is unexpected because redirects are never followed; 408 and 5xx are transient.
			return new ServerException( $message, $status, $code );
		}
		return new ValidationException( $message, $status, $code );
	}

	/**
	 * Reads errorCode and message from either body shape.
	 *
	 * @param HttpResponse $response Response.
	 * @return array{0: string, 1: string}
	 */
	public static function read_error( HttpResponse $response ): array {
		$json = $response->json();
		if ( null === $json ) {
			return array( '', '' );
		}
		if ( isset( $json['responseStatus'] ) && is_array( $json['responseStatus'] ) ) {
			$status = $json['responseStatus'];
			return array(
				is_scalar( $status['errorCode'] ?? null ) ? (string) $status['errorCode'] : '',
				is_scalar( $status['message'] ?? null ) ? self::clip( (string) $status['message'] ) : '',
			);
		}
		if ( isset( $json['error'] ) && is_string( $json['error'] ) ) {
			$description = isset( $json['error_description'] ) && is_string( $json['error_description'] ) ? $json['error_description'] : $json['error'];
			return array( $json['error'], self::clip( $description ) );
		}
		return array( '', '' );
	}

	/**
	 * Parses Retry-After (delta seconds or HTTP-date).
	 *
	 * @param HttpResponse $response Response.
	 * @param int          $now      Unix time.
	 */
	public static function retry_after( HttpResponse $response, int $now ): ?int {
		$value = $response->header( 'retry-after' );
		if ( null === $value || '' === trim( $value ) ) {
			return null;
		}
		$value = trim( $value );
		if ( ctype_digit( $value ) ) {
			return (int) $value;
		}
		$time = strtotime( $value );
		if ( false === $time ) {
			return null;
		}
		return max( 0, $time - $now );
	}

	/**
	 * Keeps remote messages short enough for logs and notices.
	 *
	 * @param string $message Message.
	 */
	private static function clip( string $message ): string {
		$message = trim( $message );
		return strlen( $message ) > 500 ? substr( $message, 0, 500 ) . '…' : $message;
	}
}
