<?php
/**
 * The early receiver (answers before WooCommerce loads) against the REST route, and the processing kick.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Webhooks;

use KiotVietSync\Webhooks\ProcessKicker;
use KiotVietSync\Webhooks\Storage\WebhookInbox;

final class EarlyReceiverTest extends WebhookTestCase {

	private const PRODUCT = 31000160; // SDP-10K: simple, 44 at 5001.

	protected function setUp(): void {
		parent::setUp();
		$this->connect();
		$this->commit_for_receiver();
	}

	/**
	 * A stock.update body.
	 *
	 * @param string $id      Delivery Id.
	 * @param int    $on_hand New stock.
	 */
	private function stock_body( string $id, int $on_hand ): string {
		return (string) wp_json_encode(
			array(
				'Id'            => $id,
				'Attempt'       => 1,
				'Notifications' => array(
					array(
						'Action' => 'stock.update.712345',
						'Data'   => array(
							array(
								'ProductId' => self::PRODUCT,
								'BranchId'  => 5001,
								'OnHand'    => $on_hand,
								'Reserved'  => 0,
							),
						),
					),
				),
			)
		);
	}

	/**
	 * The deliveries both paths get: [label, body, signature, wrong key].
	 *
	 * @return list<array{0: string, 1: string, 2: string|null, 3: bool}>
	 */
	private function cases(): array {
		$valid     = $this->stock_body( 'early-1', 12 );
		$forged    = $this->stock_body( 'early-2', 0 );
		$broken    = '{"Id":"x", "Notifications": [';
		$oversized = '{"Id":"big","Pad":"' . str_repeat( 'a', 5 * 1024 * 1024 + 10 ) . '"}';
		return array(
			array( 'valid', $valid, $this->sign( $valid ), false ),
			array( 'duplicate', $valid, $this->sign( $valid ), false ),
			array( 'forged', $forged, 'sha1=' . hash_hmac( 'sha256', $forged, 'not-our-secret' ), false ),
			array( 'unsigned', $forged, null, false ),
			array( 'malformed', $broken, $this->sign( $broken ), false ),
			array( 'not an object', '[1,2,3]', null, false ),
			array( 'oversized', $oversized, $this->sign( $oversized ), false ),
			array( 'wrong key', $valid, $this->sign( $valid ), true ),
		);
	}

	/**
	 * Inbox rows without ids and times.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function stored(): array {
		return array_map(
			static fn ( array $r ): array => array(
				'delivery_id'  => $r['delivery_id'],
				'verified'     => (string) $r['verified'],
				'verification' => $r['verification'],
				'state'        => $r['state'],
				'error'        => $r['error'],
				'body_bytes'   => (string) $r['body_bytes'],
				'events'       => (string) $r['events'],
			),
			$this->inbox_rows()
		);
	}

	/** Deletes the inbox rows (committed, the web server wrote them). */
	private function clear_inbox(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . $wpdb->prefix . WebhookInbox::TABLE );
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'START TRANSACTION' );
	}

	public function test_the_early_receiver_answers_and_stores_exactly_as_the_rest_route(): void {
		$product = $this->mapped_product( self::PRODUCT, 'SDP-10K', 44 );
		$url     = $this->webhooks()->registration()->receiver_url();
		$key     = (string) $this->webhooks()->options()->site_key();
		self::assertStringContainsString( '/wp-json/kiotviet-sync/v1/webhook/', $url, 'the stack uses pretty permalinks' );

		// Over HTTP: the early receiver (no REST server: WordPress's REST answers carry a Link header).
		$early = array();
		foreach ( $this->cases() as list( $label, $body, $signature, $wrong ) ) {
			$target   = $wrong ? str_replace( $key, 'wrong-key-wrong-key-wrong', $url ) : $url;
			$response = $this->raw_post( $target, $body, $signature );
			self::assertSame( '', (string) wp_remote_retrieve_header( $response, 'link' ), $label . ': answered before the REST server' );
			$early[ $label ] = array( (int) wp_remote_retrieve_response_code( $response ), (string) wp_remote_retrieve_body( $response ) );
		}
		$early_rows = $this->stored();
		$this->clear_inbox();

		// In process: the REST route, every WordPress filter included.
		$rest = array();
		foreach ( $this->cases() as list( $label, $body, $signature, $wrong ) ) {
			$request = new \WP_REST_Request( 'POST', '/kiotviet-sync/v1/webhook/' . ( $wrong ? 'wrong-key-wrong-key-wrong' : $key ) );
			$request->set_header( 'Content-Type', 'application/json' );
			if ( null !== $signature ) {
				$request->set_header( 'X-Hub-Signature', $signature );
			}
			$request->set_body( $body );
			$response       = rest_do_request( $request );
			$rest[ $label ] = array( $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		}
		$rest_rows = $this->stored();

		self::assertSame( $rest, $early );
		self::assertSame( $rest_rows, $early_rows );
		self::assertSame( array( 200, '{"received":true}' ), $early['valid'] );
		self::assertSame( array( 200, '{"received":true}' ), $early['duplicate'] );
		self::assertSame( array( 200, '{"received":false}' ), $early['forged'] );
		self::assertSame( 200, $early['oversized'][0], 'oversized is recorded, answered 200 (a 4xx would disable the subscription)' );
		self::assertCount( 6, $early_rows, 'valid, forged, unsigned, two malformed, oversized; not the duplicate nor the wrong key' );

		// The ?rest_route= form takes the same path.
		$this->clear_inbox();
		$plain    = add_query_arg( 'rest_route', '/kiotviet-sync/v1/webhook/' . $key, home_url( '/index.php' ) );
		$valid    = $this->stock_body( 'early-plain', 13 );
		$response = $this->raw_post( $plain, $valid, $this->sign( $valid ) );
		self::assertSame( 200, (int) wp_remote_retrieve_response_code( $response ) );
		self::assertSame( '', (string) wp_remote_retrieve_header( $response, 'link' ) );
		self::assertSame( array( 'early-plain' ), array_column( $this->inbox_rows(), 'delivery_id' ) );

		// Forged deliveries changed nothing.
		self::assertSame( 44, $this->reload( $product->get_id() )->get_stock_quantity() );
	}

	public function test_a_stored_delivery_is_processed_with_no_other_traffic_and_one_processor_at_a_time(): void {
		global $wpdb;
		$product = $this->mapped_product( self::PRODUCT, 'SDP-10K', 44 );
		$id      = $product->get_id();

		// While a processor runs (this test holds its lock), a kick sends nothing and the row waits.
		$body = $this->stock_body( 'kick-1', 21 );
		self::assertSame( 200, $this->post_to_receiver( $body, $this->sign( $body ) )['status'] );
		$process = (string) $this->webhooks()->process_url();
		$denied  = $this->raw_post( $process, '{}', null, array( ProcessKicker::KEY_HEADER => 'wrong' ) );
		self::assertSame( 401, (int) wp_remote_retrieve_response_code( $denied ), 'the process endpoint needs the key' );
		self::assertNotSame( '', (string) wp_remote_retrieve_header( $denied, 'link' ), 'a wrong key is left to the REST route' );
		$locked = $this->raw_post( $process, '{}', null, array( ProcessKicker::KEY_HEADER => $this->webhooks()->options()->process_key() ) );
		self::assertSame( 200, (int) wp_remote_retrieve_response_code( $locked ) );
		self::assertSame( array( 'ok' => true ), json_decode( (string) wp_remote_retrieve_body( $locked ), true ) );
		self::assertSame( '', (string) wp_remote_retrieve_header( $locked, 'link' ), 'the loopback is handled at wp_loaded, before the REST server' );
		self::assertSame( array( 'received' ), array_column( $this->inbox_rows(), 'state' ), 'the lock holder processes, nobody else' );

		// The lock is free: the next delivery's kick starts the processor; nothing else calls the site.
		$this->release_process_lock();
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'START TRANSACTION' );
		$body = $this->stock_body( 'kick-2', 22 );
		self::assertSame( 200, $this->post_to_receiver( $body, $this->sign( $body ) )['status'] );
		$deadline = microtime( true ) + 30;
		$states   = array();
		while ( microtime( true ) < $deadline ) {
			$states = array_column( $this->inbox_rows(), 'state' );
			if ( array( 'processed', 'processed' ) === $states ) {
				break;
			}
			usleep( 200000 );
		}
		self::assertSame( array( 'processed', 'processed' ), $states, 'both rows processed by the kicked run' );
		$stock = $wpdb->get_var( $wpdb->prepare( "SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = '_stock'", $id ) );
		self::assertSame( 22, (int) $stock );
		$applied = array_filter( $this->history( 'webhook' ), static fn ( array $r ): bool => 'stock.update' === $r['action'] && 'ok' === $r['result'] );
		self::assertCount( 1, $applied, 'coalesced and applied once' );
	}

	/**
	 * POST over HTTP with optional headers.
	 *
	 * @param string                $url       URL.
	 * @param string                $body      Body.
	 * @param string|null           $signature X-Hub-Signature.
	 * @param array<string, string> $headers   More headers.
	 * @return array<string, mixed>
	 */
	private function raw_post( string $url, string $body, ?string $signature, array $headers = array() ): array {
		global $wpdb;
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'START TRANSACTION' );
		$headers['Content-Type'] = 'application/json';
		if ( null !== $signature ) {
			$headers['X-Hub-Signature'] = $signature;
		}
		$response = wp_remote_post(
			$url,
			array(
				'headers' => $headers,
				'body'    => $body,
				'timeout' => 30,
			)
		);
		if ( is_wp_error( $response ) ) {
			self::fail( $url . ': ' . $response->get_error_message() );
		}
		return $response;
	}
}
