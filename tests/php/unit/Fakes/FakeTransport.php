<?php
/**
 * Scripted HTTP transport for unit tests.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Fakes;

use KiotVietSync\KiotViet\HttpResponse;
use KiotVietSync\KiotViet\HttpTransport;

/**
 * Answers token requests with fresh tokens and API requests from a script; records every request.
 */
final class FakeTransport implements HttpTransport {

	public const TOKEN_URL = 'https://id.example.test/connect/token';
	public const API_BASE  = 'https://api.example.test';

	/**
	 * Recorded requests.
	 *
	 * @var array<int, array{method: string, url: string, headers: array<string, string>, body: string|null}>
	 */
	public array $requests = array();

	/**
	 * Scripted API answers, consumed in order: HttpResponse, \Throwable, or callable(method, url, headers, body).
	 *
	 * @var array<int, mixed>
	 */
	private array $api_script = array();

	/**
	 * Scripted token answers; when empty a new token "tok-N" is issued.
	 *
	 * @var array<int, mixed>
	 */
	private array $token_script = array();

	/**
	 * Tokens issued so far.
	 *
	 * @var int
	 */
	public int $tokens_issued = 0;

	/**
	 * Handler used when the API script is empty.
	 *
	 * @var callable|null
	 */
	private $fallback = null;

	/**
	 * Queues API answers.
	 *
	 * @param mixed ...$answers Answers.
	 */
	public function queue( ...$answers ): self {
		foreach ( $answers as $answer ) {
			$this->api_script[] = $answer;
		}
		return $this;
	}

	/**
	 * Queues token endpoint answers.
	 *
	 * @param mixed ...$answers Answers.
	 */
	public function queue_token( ...$answers ): self {
		foreach ( $answers as $answer ) {
			$this->token_script[] = $answer;
		}
		return $this;
	}

	/**
	 * Sets a handler for API requests when the script is empty.
	 *
	 * @param callable $handler fn(string $method, string $url, array $headers, ?string $body): HttpResponse.
	 */
	public function fallback( callable $handler ): self {
		$this->fallback = $handler;
		return $this;
	}

	/**
	 * JSON response helper.
	 *
	 * @param int                   $status  Status.
	 * @param mixed                 $body    Body to encode.
	 * @param array<string, string> $headers Headers.
	 */
	public static function json( int $status, $body, array $headers = array() ): HttpResponse {
		return new HttpResponse( $status, $headers + array( 'Content-Type' => 'application/json' ), (string) json_encode( $body ) );
	}

	/**
	 * KiotViet error helper.
	 *
	 * @param int                   $status  Status.
	 * @param string                $code    errorCode.
	 * @param string                $message Message.
	 * @param array<string, string> $headers Headers.
	 */
	public static function error( int $status, string $code, string $message = 'failed', array $headers = array() ): HttpResponse {
		return self::json(
			$status,
			array(
				'responseStatus' => array(
					'errorCode' => $code,
					'message'   => $message,
				),
			),
			$headers
		);
	}

	/**
	 * Requests that went to the API (not the token endpoint).
	 *
	 * @return array<int, array{method: string, url: string, headers: array<string, string>, body: string|null}>
	 */
	public function api_requests(): array {
		return array_values(
			array_filter(
				$this->requests,
				static function ( array $r ): bool {
					return self::TOKEN_URL !== $r['url'];
				}
			)
		);
	}

	/**
	 * Sends a request.
	 *
	 * @param string                $method  Method.
	 * @param string                $url     URL.
	 * @param array<string, string> $headers Headers.
	 * @param string|null           $body    Body.
	 */
	public function send( string $method, string $url, array $headers = array(), ?string $body = null ): HttpResponse {
		$this->requests[] = array(
			'method'  => $method,
			'url'     => $url,
			'headers' => $headers,
			'body'    => $body,
		);
		if ( self::TOKEN_URL === $url ) {
			if ( array() !== $this->token_script ) {
				return $this->answer( array_shift( $this->token_script ), $method, $url, $headers, $body );
			}
			++$this->tokens_issued;
			return self::json(
				200,
				array(
					'access_token' => 'tok-' . $this->tokens_issued,
					'expires_in'   => 86400,
					'token_type'   => 'Bearer',
				)
			);
		}
		if ( array() !== $this->api_script ) {
			return $this->answer( array_shift( $this->api_script ), $method, $url, $headers, $body );
		}
		if ( null !== $this->fallback ) {
			return ( $this->fallback )( $method, $url, $headers, $body );
		}
		throw new \LogicException( 'Unexpected request: ' . $method . ' ' . $url );
	}

	/**
	 * Plays one scripted answer.
	 *
	 * @param mixed                 $answer  Answer.
	 * @param string                $method  Method.
	 * @param string                $url     URL.
	 * @param array<string, string> $headers Headers.
	 * @param string|null           $body    Body.
	 */
	private function answer( $answer, string $method, string $url, array $headers, ?string $body ): HttpResponse {
		if ( $answer instanceof \Throwable ) {
			throw $answer;
		}
		if ( is_callable( $answer ) ) {
			return $answer( $method, $url, $headers, $body );
		}
		return $answer;
	}
}
