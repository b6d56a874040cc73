<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Storage;

use KiotVietSync\KiotViet\AccessToken;
use KiotVietSync\KiotViet\Credentials;
use KiotVietSync\Storage\ConnectionRepository;
use KiotVietSync\Storage\EncryptedTokenStore;
use KiotVietSync\Storage\OptionBudgetStore;
use KiotVietSync\Storage\Settings;
use KiotVietSync\Support\SecretBox;
use KiotVietSync\Sync\Connection\Connection;
use KiotVietSync\Tests\Unit\Fakes\InMemorySettingsStore;
use PHPUnit\Framework\TestCase;

/**
 * The connection options: secret and token encrypted and not autoloaded; responses show only a mask.
 */
final class ConnectionRepositoryTest extends TestCase {

	private const SECRET = 'demo-secret-0123456789abcdef';

	private InMemorySettingsStore $options;
	private SecretBox $box;
	private ConnectionRepository $repository;

	protected function setUp(): void {
		$this->options    = new InMemorySettingsStore();
		$this->box        = new SecretBox( 'test salts' );
		$this->repository = new ConnectionRepository( $this->options, $this->box );
	}

	public function test_empty_by_default(): void {
		$connection = $this->repository->load();
		self::assertSame( Connection::STATE_NOT_CONNECTED, $connection->state() );
		self::assertNull( $this->repository->credentials() );
		self::assertSame(
			array(
				'state'                => 'not_connected',
				'retailer'             => null,
				'client_id'            => null,
				'client_secret_masked' => null,
				'branch'               => null,
				'connected_at'         => null,
				'shop_url'             => null,
			),
			$connection->to_response()
		);
	}

	public function test_saves_credentials_encrypted_and_not_autoloaded(): void {
		$this->repository->save_credentials( new Credentials( 'demo', 'demo-client', self::SECRET ), 1764403200 );

		self::assertFalse( $this->options->autoload[ Settings::CLIENT_SECRET ] );
		self::assertFalse( $this->options->autoload[ Settings::CONNECTION ] );
		self::assertStringNotContainsString( self::SECRET, (string) json_encode( $this->options->values ) );
		self::assertStringNotContainsString( 'demo-secret', (string) json_encode( $this->options->values ) );

		$credentials = $this->repository->credentials();
		self::assertNotNull( $credentials );
		self::assertSame( self::SECRET, $credentials->client_secret() );
		self::assertSame( 'demo', $credentials->retailer() );

		$response = $this->repository->load()->to_response();
		self::assertSame( 'needs_branch', $response['state'] );
		self::assertSame( 'demo', $response['retailer'] );
		self::assertSame( 'demo-client', $response['client_id'] );
		self::assertSame( '••••••••cdef', $response['client_secret_masked'] );
		self::assertSame( '2025-11-29T08:00:00+00:00', $response['connected_at'] );
		self::assertSame( 'https://demo.kiotviet.vn', $response['shop_url'] );
		self::assertNull( $response['branch'] );
		self::assertStringNotContainsString( self::SECRET, (string) json_encode( $response ) );
	}

	public function test_branch_makes_it_ready_and_reconnecting_forgets_it(): void {
		$this->repository->save_credentials( new Credentials( 'demo', 'demo-client', self::SECRET ), 1764403200 );
		$this->repository->save_branch( 5001, 'Chi nhánh trung tâm' );

		$response = $this->repository->load()->to_response();
		self::assertSame( 'ready', $response['state'] );
		self::assertSame( array( 'id' => 5001, 'name' => 'Chi nhánh trung tâm' ), $response['branch'] );

		$this->repository->save_credentials( new Credentials( 'demo', 'demo-client', self::SECRET ), 1764403300 );
		self::assertSame( 'needs_branch', $this->repository->load()->state() );
	}

	public function test_clear_removes_credentials_token_and_branch(): void {
		$tokens = new EncryptedTokenStore( $this->options, $this->box );
		$this->repository->save_credentials( new Credentials( 'demo', 'demo-client', self::SECRET ), 1764403200 );
		$this->repository->save_branch( 5001, 'CN' );
		$tokens->save( new AccessToken( 'tok', 1764489600, 'owner' ) );

		$this->repository->clear();

		self::assertSame( array(), $this->options->values );
		self::assertSame( 'not_connected', $this->repository->load()->state() );
		self::assertNull( $tokens->load() );
	}

	public function test_secret_unreadable_after_salts_change(): void {
		$this->repository->save_credentials( new Credentials( 'demo', 'demo-client', self::SECRET ), 1764403200 );
		$other = new ConnectionRepository( $this->options, new SecretBox( 'new salts' ) );
		self::assertNull( $other->credentials() );
		self::assertSame( 'needs_branch', $other->load()->state(), 'still shown as connected so the admin can reconnect' );
	}

	public function test_token_store_round_trip_encrypted(): void {
		$tokens = new EncryptedTokenStore( $this->options, $this->box );
		self::assertNull( $tokens->load() );

		$tokens->save( new AccessToken( 'eyJ-secret-token', 1764489600, 'fingerprint' ) );

		self::assertFalse( $this->options->autoload[ Settings::ACCESS_TOKEN ] );
		self::assertStringNotContainsString( 'eyJ-secret-token', (string) $this->options->values[ Settings::ACCESS_TOKEN ] );
		$loaded = $tokens->load();
		self::assertNotNull( $loaded );
		self::assertSame( 'eyJ-secret-token', $loaded->value() );
		self::assertSame( 1764489600, $loaded->expires_at() );
		self::assertSame( 'fingerprint', $loaded->owner() );

		$this->options->values[ Settings::ACCESS_TOKEN ] = 'garbage';
		self::assertNull( $tokens->load() );
	}

	public function test_budget_store_round_trip(): void {
		$store = new OptionBudgetStore( $this->options );
		self::assertSame( array(), $store->load() );
		$store->save( array( 29406720 => 3, 29406721 => 1 ) );
		self::assertSame( array( 29406720 => 3, 29406721 => 1 ), $store->load() );
		self::assertFalse( $this->options->autoload[ Settings::CALL_BUDGET ] );
	}

	public function test_every_option_name_has_the_plugin_prefix(): void {
		$constants = ( new \ReflectionClass( Settings::class ) )->getConstants();
		foreach ( $constants as $name => $value ) {
			self::assertStringStartsWith( 'kiotviet_sync_', (string) $value, $name );
		}
	}
}
