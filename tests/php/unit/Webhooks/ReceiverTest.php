<?php
/**
 * Receiver orchestration.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Webhooks;

use KiotVietSync\Support\SecretBox;
use KiotVietSync\Tests\Unit\Fakes\FakeClock;
use KiotVietSync\Tests\Unit\Fakes\InMemorySettingsStore;
use KiotVietSync\Webhooks\Receiver;
use KiotVietSync\Webhooks\Storage\InboxStore;
use KiotVietSync\Webhooks\WebhookOptions;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Fakes.php';

final class ReceiverTest extends TestCase {

	private const SECRET = 'c2hvcC1zZWNyZXQtMjAyNQ==';

	private MemoryInbox $inbox;
	private int $kicks = 0;
	private WebhookOptions $options;
	private string $key;

	protected function setUp(): void {
		$this->inbox   = new MemoryInbox();
		$this->options = new WebhookOptions( new InMemorySettingsStore(), new SecretBox( str_repeat( 'k', 32 ) ) );
		$this->key     = $this->options->ensure_site_key();
		$this->options->save_secret( self::SECRET );
	}

	private function receiver(): Receiver {
		return new Receiver(
			$this->options,
			$this->inbox,
			new FakeClock(),
			function (): void {
				++$this->kicks;
			}
		);
	}

	private static function body( string $id = 'd-1', int $on_hand = 13 ): string {
		return '{"Id":"' . $id . '","Attempt":1,"Notifications":[{"Action":"stock.update.712345","Data":[{"ProductId":31000102,"BranchId":5001,"OnHand":' . $on_hand . ',"Reserved":3}]}]}';
	}

	private static function sign( string $body, string $secret = self::SECRET ): string {
		return 'sha1=' . hash_hmac( 'sha256', $body, $secret );
	}

	public function test_site_key_is_url_safe_and_long(): void {
		self::assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{32}$/', $this->key );
		self::assertSame( $this->key, $this->options->ensure_site_key() );
	}

	public function test_verified_delivery_is_stored_once_and_processing_scheduled(): void {
		$body   = self::body();
		$first  = $this->receiver()->receive( $this->key, $body, self::sign( $body ) );
		$second = $this->receiver()->receive( $this->key, $body, self::sign( $body ) );
		self::assertSame( 200, $first['status'] );
		self::assertSame( array( 'received' => true ), $first['body'] );
		self::assertSame( 'accepted', $first['outcome'] );
		self::assertSame( 'duplicate', $second['outcome'] );
		self::assertSame( array( 'received' => true ), $second['body'] );
		self::assertCount( 1, $this->inbox->rows );
		self::assertSame( 1, $this->kicks );
		$row = array_values( $this->inbox->rows )[0];
		self::assertSame( 'd-1', $row['delivery_id'] );
		self::assertSame( '1', $row['verified'] );
		self::assertSame( 'hex-sha256-key-as-registered (sha1=)', $row['verification'] );
		self::assertSame( 1, $row['events'] );
		self::assertSame( $body, $row['body'] );
	}

	public function test_forged_and_unsigned_deliveries_are_recorded_never_under_the_real_id(): void {
		$body   = self::body( 'real-id', 0 );
		$forged = $this->receiver()->receive( $this->key, $body, self::sign( $body, 'wrong' ) );
		$none   = $this->receiver()->receive( $this->key, $body, null );
		self::assertSame( 200, $forged['status'] );
		self::assertSame( array( 'received' => false ), $forged['body'] );
		self::assertSame( 'bad_signature', $forged['outcome'] );
		self::assertSame( 'missing_signature', $none['outcome'] );
		self::assertCount( 2, $this->inbox->rows );
		foreach ( $this->inbox->rows as $row ) {
			self::assertSame( '0', $row['verified'] );
			self::assertStringStartsWith( 'u:', $row['delivery_id'] );
		}
		$genuine = $this->receiver()->receive( $this->key, $body, self::sign( $body ) );
		self::assertSame( 'accepted', $genuine['outcome'], 'a forgery cannot pre-empt the genuine delivery' );
	}

	public function test_malformed_oversized_and_wrong_key(): void {
		$bad = $this->receiver()->receive( $this->key, '{"Id":', self::sign( '{"Id":' ) );
		self::assertSame( 200, $bad['status'] );
		self::assertSame( InboxStore::STATE_MALFORMED, $bad['state'] );
		$big = $this->receiver()->receive( $this->key, str_repeat( ' ', Receiver::MAX_BODY_BYTES + 1 ), null );
		self::assertSame( 200, $big['status'] );
		self::assertSame( 'oversized', $big['outcome'] );
		$rows = array_values( $this->inbox->rows );
		self::assertSame( 'not_json', $rows[0]['error'] );
		self::assertSame( '', $rows[1]['body'], 'an oversized body is not kept' );

		$wrong = $this->receiver()->receive( 'someone-elses-key-1234', self::body(), null );
		self::assertSame( 200, $wrong['status'] );
		self::assertCount( 2, $this->inbox->rows );
		self::assertSame( 0, $this->kicks );
	}

	public function test_store_failure_is_503_only_for_verified_deliveries(): void {
		$this->inbox->fail = true;
		$body              = self::body();
		self::assertSame( 503, $this->receiver()->receive( $this->key, $body, self::sign( $body ) )['status'] );
		self::assertSame( 200, $this->receiver()->receive( $this->key, $body, null )['status'] );
	}

	public function test_no_secret_stored_never_verifies(): void {
		$options  = new WebhookOptions( new InMemorySettingsStore(), new SecretBox( str_repeat( 'k', 32 ) ) );
		$key      = $options->ensure_site_key();
		$receiver = new Receiver( $options, $this->inbox, new FakeClock(), static function (): void {
		} );
		$body     = self::body();
		$result   = $receiver->receive( $key, $body, self::sign( $body, '' ) );
		self::assertSame( 200, $result['status'] );
		self::assertSame( '0', array_values( $this->inbox->rows )[0]['verified'] );
		self::assertSame( 'no_secret', array_values( $this->inbox->rows )[0]['verification'] );
	}
}
