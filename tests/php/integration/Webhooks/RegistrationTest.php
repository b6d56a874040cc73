<?php
/**
 * Webhook registration against the simulator.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Webhooks;

use KiotVietSync\Sync\Webhooks\WebhookType;
use KiotVietSync\Sync\Webhooks\WebhookUrl;
use KiotVietSync\Webhooks\WebhookOptions;

final class RegistrationTest extends WebhookTestCase {

	public function test_connect_registers_every_type_with_a_secret_to_our_url(): void {
		$this->connect();
		$url  = $this->webhooks()->registration()->receiver_url();
		$subs = $this->sim_subscriptions();
		$types = array();
		foreach ( $subs as $sub ) {
			self::assertTrue( WebhookUrl::same( (string) $sub['url'], $url ), 'only our URL' );
			self::assertNotEmpty( $sub['secret'] ?? '', 'registered with a Secret' );
			self::assertSame( $this->webhooks()->options()->secret(), $sub['secret'] );
			$types[] = strtolower( (string) $sub['type'] );
		}
		sort( $types );
		$wanted = WebhookType::WANTED;
		sort( $wanted );
		self::assertSame( $wanted, $types );
		self::assertMatchesRegularExpression( '#/kiotviet-sync/v1/webhook/[A-Za-z0-9_-]{16,}$#', rawurldecode( $url ) );

		// The Secret is stored encrypted.
		$stored = (string) get_option( WebhookOptions::SECRET );
		self::assertNotSame( '', $stored );
		self::assertStringNotContainsString( $this->webhooks()->options()->secret(), $stored );
	}

	public function test_disconnect_deletes_only_our_subscriptions(): void {
		$this->connect();
		$client = $this->services()->connection_service()->client();
		$client->post(
			'/webhooks',
			array(
				'Webhook' => array(
					'Type'     => 'customer.update',
					'Url'      => 'http://127.0.0.1:5999/other-integration/hook',
					'IsActive' => true,
				),
			)
		);
		self::assertCount( count( WebhookType::WANTED ) + 1, $this->sim_subscriptions() );

		$this->services()->connection_service()->disconnect();

		$left = $this->sim_subscriptions();
		self::assertCount( 1, $left, (string) wp_json_encode( array( $this->history( 'connection' ), $this->history( 'webhook' ) ) ) );
		self::assertSame( 'http://127.0.0.1:5999/other-integration/hook', $left[0]['url'] );
		self::assertSame( '', $this->webhooks()->options()->secret() );
	}

	public function test_a_type_held_by_another_integration_is_a_conflict_and_survives(): void {
		$this->connect();
		$client = $this->services()->connection_service()->client();
		foreach ( $this->sim_subscriptions() as $sub ) {
			if ( 'product.update' === strtolower( (string) $sub['type'] ) ) {
				$client->delete( '/webhooks/' . (int) $sub['id'] );
			}
		}
		$client->post(
			'/webhooks',
			array(
				'Webhook' => array(
					'Type'     => 'product.update',
					'Url'      => 'http://127.0.0.1:5999/mykiot',
					'IsActive' => true,
				),
			)
		);
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', '/webhooks/register' );
		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertSame( 'product.update', $data['conflicts'][0]['type'] );
		self::assertSame( 'http://127.0.0.1:5999/mykiot', $data['conflicts'][0]['url'] );
		$states = array_column( $data['subscriptions'], 'state', 'type' );
		self::assertSame( 'conflict', $states['product.update'] );
		self::assertSame( 'active', $states['stock.update'] );
		self::assertArrayNotHasKey( 'secret', $data );
		self::assertStringNotContainsString( $this->webhooks()->options()->secret(), (string) wp_json_encode( $data ) );

		$foreign = array_filter( $this->sim_subscriptions(), static fn ( array $s ): bool => 'http://127.0.0.1:5999/mykiot' === $s['url'] );
		self::assertCount( 1, $foreign );
	}

	public function test_admin_routes_need_manage_woocommerce(): void {
		$this->as_role( 'customer' );
		self::assertSame( 403, $this->rest( 'GET', '/webhooks' )->get_status() );
		self::assertSame( 403, $this->rest( 'GET', '/webhooks/inbox' )->get_status() );
		self::assertSame( 403, $this->rest( 'POST', '/webhooks/register' )->get_status() );
		$this->as_role( 'shop_manager' );
		$response = $this->rest( 'GET', '/webhooks' );
		self::assertSame( 200, $response->get_status() );
		self::assertSame( array( 'received', 'processed', 'ignored', 'failed', 'malformed' ), array_keys( $response->get_data()['inbox'] ) );
		self::assertSame( 409, $this->rest( 'POST', '/webhooks/register' )->get_status() );
	}
}
