<?php
/**
 * KiotViet Public API client.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\KiotViet\Exception\AuthException;
use KiotVietSync\KiotViet\Exception\KiotVietException;
use KiotVietSync\KiotViet\Exception\ServerException;
use KiotVietSync\Support\Clock;
use KiotVietSync\Support\Sleeper;

/**
 * Calls the KiotViet Public API for one retailer.
 *
 * Adds `Authorization: Bearer` and `Retailer` headers, re-authenticates once on 401 TokenException,
 * retries idempotent calls per RetryPolicy, spends GETs from CallBudget, maps failures to typed exceptions,
 * and reports every call to a CallObserver. Paths are fixed API paths chosen by our code: there is
 * deliberately no way to call an arbitrary URL.
 */
final class Client {

	/**
	 * Largest page KiotViet serves.
	 */
	public const PAGE_SIZE = 100;

	/**
	 * Safety stop for a server whose paging never ends.
	 */
	private const MAX_PAGES = 10000;

	/**
	 * Transport.
	 *
	 * @var HttpTransport
	 */
	private HttpTransport $transport;

	/**
	 * Token provider.
	 *
	 * @var TokenProvider
	 */
	private TokenProvider $tokens;

	/**
	 * Retailer code.
	 *
	 * @var string
	 */
	private string $retailer;

	/**
	 * API base URL without trailing slash.
	 *
	 * @var string
	 */
	private string $api_base;

	/**
	 * Retry policy.
	 *
	 * @var RetryPolicy
	 */
	private RetryPolicy $retry;

	/**
	 * GET budget.
	 *
	 * @var CallBudget
	 */
	private CallBudget $budget;

	/**
	 * Sleeper for backoff.
	 *
	 * @var Sleeper
	 */
	private Sleeper $sleeper;

	/**
	 * Call observer.
	 *
	 * @var CallObserver
	 */
	private CallObserver $observer;

	/**
	 * Clock.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Creates the client.
	 *
	 * @param HttpTransport $transport Transport.
	 * @param TokenProvider $tokens    Token provider.
	 * @param string        $retailer  Retailer code (Retailer header).
	 * @param string        $api_base  API base URL (KIOTVIET_SYNC_API_BASE).
	 * @param RetryPolicy   $retry     Retry policy.
	 * @param CallBudget    $budget    GET budget.
	 * @param Sleeper       $sleeper   Sleeper for backoff.
	 * @param CallObserver  $observer  Call observer.
	 * @param Clock         $clock     Clock.
	 */
	public function __construct( HttpTransport $transport, TokenProvider $tokens, string $retailer, string $api_base, RetryPolicy $retry, CallBudget $budget, Sleeper $sleeper, CallObserver $observer, Clock $clock ) {
		$this->transport = $transport;
		$this->tokens    = $tokens;
		$this->retailer  = $retailer;
		$this->api_base  = rtrim( $api_base, '/' );
		$this->retry     = $retry;
		$this->budget    = $budget;
		$this->sleeper   = $sleeper;
		$this->observer  = $observer;
		$this->clock     = $clock;
	}

	/**
	 * GET a resource.
	 *
	 * @param string               $path  API path, e.g. /branches.
	 * @param array<string, mixed> $query Query parameters.
	 * @return array<mixed> Decoded JSON body.
	 * @throws KiotVietException On failure.
	 */
	public function get( string $path, array $query = array() ): array {
		return $this->request( 'GET', $path, $query, null );
	}

	/**
	 * POST a JSON body. Never retried automatically.
	 *
	 * @param string       $path API path.
	 * @param array<mixed> $body Body.
	 * @return array<mixed>
	 * @throws KiotVietException On failure.
	 */
	public function post( string $path, array $body ): array {
		return $this->request( 'POST', $path, array(), $body );
	}

	/**
	 * PUT a JSON body. Never retried automatically.
	 *
	 * @param string       $path API path.
	 * @param array<mixed> $body Body.
	 * @return array<mixed>
	 * @throws KiotVietException On failure.
	 */
	public function put( string $path, array $body ): array {
		return $this->request( 'PUT', $path, array(), $body );
	}

	/**
	 * DELETE a resource.
	 *
	 * @param string               $path  API path.
	 * @param array<string, mixed> $query Query parameters.
	 * @return array<mixed>
	 * @throws KiotVietException On failure.
	 */
	public function delete( string $path, array $query = array() ): array {
		return $this->request( 'DELETE', $path, $query, null );
	}

	/**
	 * Iterates a list endpoint page by page.
	 *
	 * Asks for PAGE_SIZE items and advances currentItem by the number of items actually returned, so a
	 * server that silently serves smaller pages is still read completely. Stops when currentItem reaches
	 * total or a page comes back empty.
	 *
	 * @param string               $path  List path, e.g. /products.
	 * @param array<string, mixed> $query Filters; currentItem (offset to start at) is honoured.
	 * @return \Generator<int, Page, mixed, void>
	 * @throws KiotVietException On failure.
	 */
	public function paginate( string $path, array $query = array() ): \Generator {
		$offset = isset( $query['currentItem'] ) ? max( 0, (int) $query['currentItem'] ) : 0;
		$query['pageSize'] = self::PAGE_SIZE;

		for ( $pages = 0; $pages < self::MAX_PAGES; $pages++ ) {
			$query['currentItem'] = $offset;
			$page                 = Page::from_envelope( $this->get( $path, $query ), $offset );
			yield $page;

			$count = count( $page->data() );
			if ( 0 === $count ) {
				return;
			}
			$offset += $count;
			if ( null !== $page->total() && $offset >= $page->total() ) {
				return;
			}
		}
		throw new ServerException( sprintf( 'Paging %s did not end after %d pages.', $path, self::MAX_PAGES ) );
	}

	/**
	 * Sends one logical call with re-auth, retries and budget.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $path   API path.
	 * @param array<string, mixed> $query  Query parameters.
	 * @param array<mixed>|null    $body   JSON body.
	 * @return array<mixed>
	 * @throws KiotVietException On failure.
	 */
	private function request( string $method, string $path, array $query, ?array $body ): array {
		self::assert_path( $path );
		$display = $path . ( array() === $query ? '' : '?' . self::build_query( $query ) );
		$url     = $this->api_base . $display;
		$payload = null;
		if ( null !== $body ) {
			$payload = json_encode( $body, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- no WordPress in unit tests.
			if ( false === $payload ) {
				throw new \InvalidArgumentException( 'Request body cannot be encoded as JSON.' );
			}
		}

		$attempt  = 0;
		$reauthed = false;
		while ( true ) {
			++$attempt;
			if ( 'GET' === $method ) {
				// Outside the try: a refusal by our own budget is final for this request.
				$this->budget->acquire();
			}
			try {
				$response = $this->send_once( $method, $url, $payload );
				if ( $response->is_success() ) {
					$this->observer->succeeded( $method, $display, $response->status() );
					return $this->decode( $response );
				}
				$error = ErrorMapper::from_response( $response, $this->clock->now() );
				if ( 401 === $response->status() && ! $reauthed && in_array( $error->get_kiotviet_error_code(), array( 'TokenException', '' ), true ) ) {
					// The cached token expired or was revoked early: get a new one and repeat once.
					// KiotViet did not process the request, so this is safe for POST/PUT too.
					$reauthed = true;
					$this->observer->failed( $method, $display, $error, $attempt, true );
					$this->tokens->invalidate();
					--$attempt;
					continue;
				}
				throw $error;
			} catch ( KiotVietException $e ) {
				$will_retry = ! ( $e instanceof AuthException ) && $this->retry->should_retry( $method, $e, $attempt );
				$this->observer->failed( $method, $display, $e, $attempt, $will_retry );
				if ( ! $will_retry ) {
					throw $e;
				}
				$this->sleeper->sleep( $this->retry->delay( $attempt, $e ) );
			}
		}
	}

	/**
	 * One HTTP exchange with the current token.
	 *
	 * @param string      $method  HTTP method.
	 * @param string      $url     Absolute URL.
	 * @param string|null $payload JSON body.
	 * @throws KiotVietException On token or network failure.
	 */
	private function send_once( string $method, string $url, ?string $payload ): HttpResponse {
		$headers = array(
			'Authorization' => 'Bearer ' . $this->tokens->get_token()->value(),
			'Retailer'      => $this->retailer,
			'Accept'        => 'application/json',
		);
		if ( null !== $payload ) {
			$headers['Content-Type'] = 'application/json; charset=utf-8';
		}
		return $this->transport->send( $method, $url, $headers, $payload );
	}

	/**
	 * Decodes a 2xx body.
	 *
	 * @param HttpResponse $response Response.
	 * @return array<mixed>
	 * @throws ServerException When the body is not JSON.
	 */
	private function decode( HttpResponse $response ): array {
		if ( '' === trim( $response->body() ) ) {
			return array();
		}
		$json = $response->json();
		if ( null === $json ) {
			throw new ServerException( 'KiotViet returned a response that is not JSON.', $response->status() );
		}
		return $json;
	}

	/**
	 * Only relative API paths: no scheme, host, traversal or query in the path itself.
	 *
	 * @param string $path API path.
	 * @throws \InvalidArgumentException When the path is not a plain API path.
	 */
	private static function assert_path( string $path ): void {
		if ( ! preg_match( '#^/[A-Za-z0-9_\-./]*$#', $path ) || false !== strpos( $path, '..' ) || false !== strpos( $path, '//' ) ) {
			throw new \InvalidArgumentException( 'Invalid KiotViet API path.' );
		}
	}

	/**
	 * Query string with booleans as true/false (what KiotViet expects).
	 *
	 * @param array<string, mixed> $query Query parameters.
	 */
	private static function build_query( array $query ): string {
		foreach ( $query as $key => $value ) {
			if ( is_bool( $value ) ) {
				$query[ $key ] = $value ? 'true' : 'false';
			}
		}
		return http_build_query( $query, '', '&', PHP_QUERY_RFC3986 );
	}
}
