<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use KiotVietSync\Sync\Orders\ErrorInfo;
use KiotVietSync\Sync\Orders\FailureClassifier;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KiotVietSync\Sync\Orders\FailureClassifier
 * @covers \KiotVietSync\Sync\Orders\ErrorInfo
 */
final class FailureClassifierTest extends TestCase {

	/**
	 * @dataProvider cases
	 */
	public function test_classify( ErrorInfo $error, string $expected ): void {
		$this->assertSame( $expected, ( new FailureClassifier() )->classify( $error ) );
	}

	/** @return array<string,array<int,mixed>> */
	public static function cases(): array {
		return array(
			'timeout after sending POST'     => array( new ErrorInfo( 0, '', 'cURL error 28: Operation timed out', true, true, true, 'POST' ), FailureClassifier::AMBIGUOUS ),
			'connect failed before sending'  => array( new ErrorInfo( 0, '', 'cURL error 7: Failed to connect', true, false, false, 'POST' ), FailureClassifier::TRANSIENT ),
			'timeout on GET'                 => array( new ErrorInfo( 0, '', 'timed out', true, true, true, 'GET' ), FailureClassifier::TRANSIENT ),
			'500 on POST'                    => array( new ErrorInfo( 500, '', 'Internal error', false, false, true, 'POST' ), FailureClassifier::AMBIGUOUS ),
			'502 on POST'                    => array( new ErrorInfo( 502, '', 'Bad gateway', false, false, true, 'POST' ), FailureClassifier::AMBIGUOUS ),
			'504 on POST'                    => array( new ErrorInfo( 504, '', 'Gateway timeout', false, false, true, 'POST' ), FailureClassifier::AMBIGUOUS ),
			'500 on GET'                     => array( new ErrorInfo( 500, '', 'Internal error', false, false, true, 'GET' ), FailureClassifier::TRANSIENT ),
			'503 on POST'                    => array( new ErrorInfo( 503, '', 'Service unavailable', false, false, true, 'POST' ), FailureClassifier::TRANSIENT ),
			'429 rate limit'                          => array( new ErrorInfo( 429, 'RateLimitException', 'Quá giới hạn', false, false, true, 'POST', 120 ), FailureClassifier::TRANSIENT ),
			'400 out of stock'               => array( new ErrorInfo( 400, 'KvValidateException', 'Không đủ tồn kho cho hàng hóa AOTHUN-DEN-L', false, false, true, 'POST' ), FailureClassifier::PERMANENT ),
			'420 validation'                 => array( new ErrorInfo( 420, 'KvValidateException', 'Hàng hóa không tồn tại', false, false, true, 'POST' ), FailureClassifier::PERMANENT ),
			'404 not found'                          => array( new ErrorInfo( 404, '', 'Không tìm thấy', false, false, true, 'POST' ), FailureClassifier::PERMANENT ),
			'orders disabled'                => array( new ErrorInfo( 400, '', 'Thiết lập “Cho phép đặt hàng” đang không được bật.', false, false, true, 'POST' ), FailureClassifier::PERMANENT ),
			'401 token'                          => array( new ErrorInfo( 401, 'TokenException', 'Token hết hạn', false, false, true, 'POST' ), FailureClassifier::AUTH ),
			'TokenException with odd status' => array( new ErrorInfo( 400, 'TokenException', 'invalid token', false, false, true, 'POST' ), FailureClassifier::AUTH ),
			'403 forbidden'                          => array( new ErrorInfo( 403, '', 'Forbidden', false, false, true, 'GET' ), FailureClassifier::AUTH ),
		);
	}

	public function test_from_throwable_reads_client_exceptions(): void {
		$timeout = self::client_exception( 'cURL error 28: Operation timed out after 30001 milliseconds', 0 );
		$info    = ErrorInfo::from_throwable( $timeout, 'post' );
		$this->assertTrue( $info->request_sent() );
		$this->assertTrue( $info->timed_out() );
		$this->assertSame( 'POST', $info->method() );
		$this->assertSame( FailureClassifier::AMBIGUOUS, ( new FailureClassifier() )->classify( $info ) );

		$refused = ErrorInfo::from_throwable( self::client_exception( 'cURL error 7: Failed to connect to public.kiotapi.com port 443: Connection refused', 0 ), 'POST' );
		$this->assertFalse( $refused->request_sent() );
		$this->assertSame( FailureClassifier::TRANSIENT, ( new FailureClassifier() )->classify( $refused ) );

		$rejected = ErrorInfo::from_throwable( self::client_exception( 'Không đủ tồn kho', 400, 'KvValidateException' ), 'POST' );
		$this->assertSame( 400, $rejected->http_status() );
		$this->assertSame( 'KvValidateException', $rejected->error_code() );
		$this->assertSame( FailureClassifier::PERMANENT, ( new FailureClassifier() )->classify( $rejected ) );

		$limited = ErrorInfo::from_throwable( self::client_exception( 'Rate limited', 429, 'RateLimitException', 90 ), 'GET' );
		$this->assertSame( 90, $limited->retry_after() );

		$plain = ErrorInfo::from_throwable( new \RuntimeException( 'boom' ), 'POST' );
		$this->assertSame( FailureClassifier::AMBIGUOUS, ( new FailureClassifier() )->classify( $plain ), 'an unexplained failure of a write is ambiguous' );
	}

	private static function client_exception( string $message, int $status, string $code = '', ?int $retry_after = null ): \RuntimeException {
		return new class ($message, $status, $code, $retry_after) extends \RuntimeException {
			private int $status;
			private string $kv_code;
			private ?int $retry;

			public function __construct( string $message, int $status, string $code, ?int $retry ) {
				parent::__construct( $message );
				$this->status  = $status;
				$this->kv_code = $code;
				$this->retry   = $retry;
			}

			public function get_http_status(): int {
				return $this->status;
			}

			public function get_kiotviet_error_code(): string {
				return $this->kv_code;
			}

			public function get_retry_after(): ?int {
				return $this->retry;
			}
		};
	}
}
