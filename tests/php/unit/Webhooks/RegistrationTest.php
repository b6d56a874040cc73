<?php
/**
 * Registration orchestration.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Webhooks;

use KiotVietSync\Support\SecretBox;
use KiotVietSync\Sync\Webhooks\WebhookType;
use KiotVietSync\Tests\Unit\Fakes\FakeClock;
use KiotVietSync\Tests\Unit\Fakes\InMemorySettingsStore;
use KiotVietSync\Webhooks\Registration;
use KiotVietSync\Webhooks\WebhookOptions;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Fakes.php';

final class RegistrationTest extends TestCase {

	private WebhookOptions $options;
	private RecordingLog $log;
	private FakeWebhookApi $api;

	protected function setUp(): void {
		$this->options = new WebhookOptions( new InMemorySettingsStore(), new SecretBox( str_repeat( 'k', 32 ) ) );
		$this->log     = new RecordingLog();
		$this->api     = new FakeWebhookApi();
	}

	private function registration(): Registration {
		return new Registration(
			$this->options,
			$this->log,
			new FakeClock(),
			static fn ( string $key ): string => 'https://shop.example.test/wp-json/kiotviet-sync/v1/webhook/' . $key
		);
	}

	public function test_registers_every_wanted_type_with_one_new_secret(): void {
		$state = $this->registration()->register( $this->api );
		self::assertCount( count( WebhookType::WANTED ), $this->api->created );
		$secrets = array_unique( array_column( $this->api->created, 'secret' ) );
		self::assertCount( 1, $secrets );
		self::assertSame( $this->options->secret(), $secrets[0] );
		self::assertGreaterThanOrEqual( 44, strlen( $secrets[0] ) );
		foreach ( $state['states'] as $type_state ) {
			self::assertSame( 'active', $type_state['state'] );
		}
		self::assertStringNotContainsString( $secrets[0], (string) json_encode( $state ) );
		self::assertStringNotContainsString( $secrets[0], (string) json_encode( $this->log->rows ) );
	}

	public function test_reregistering_replaces_only_ours_and_reports_conflicts(): void {
		$this->api->subs[1] = array(
			'id'       => 1,
			'type'     => 'product.update',
			'url'      => 'https://other.example.test/hook',
			'isActive' => true,
		);
		$this->api->subs[2] = array(
			'id'       => 2,
			'type'     => 'customer.update',
			'url'      => 'https://mykiot.example.test/x',
			'isActive' => true,
		);
		$this->registration()->register( $this->api );
		$first_secret = $this->options->secret();
		self::assertSame( array(), $this->api->deleted );
		self::assertNotContains( 'product.update', array_column( $this->api->created, 'type' ) );

		$state = $this->registration()->register( $this->api );
		self::assertNotSame( $first_secret, $this->options->secret(), 'a new Secret on re-registration' );
		self::assertNotContains( 1, $this->api->deleted );
		self::assertNotContains( 2, $this->api->deleted );
		self::assertCount( count( WebhookType::WANTED ) - 1, $this->api->deleted );
		self::assertSame( 'conflict', $state['states']['product.update']['state'] );
		self::assertSame( 'https://other.example.test/hook', $state['conflicts'][0]['url'] );
	}

	public function test_unregister_deletes_only_our_urls(): void {
		$this->registration()->register( $this->api );
		$this->api->subs[1] = array(
			'id'       => 1,
			'type'     => 'customer.update',
			'url'      => 'https://other.example.test/hook',
			'isActive' => true,
		);
		$deleted = $this->registration()->unregister( $this->api );
		self::assertSame( count( WebhookType::WANTED ), $deleted );
		self::assertSame( array( 1 ), array_keys( $this->api->subs ) );
		self::assertSame( '', $this->options->secret() );
	}
}
