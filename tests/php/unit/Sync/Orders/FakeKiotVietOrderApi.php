<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use KiotVietSync\Sync\Orders\KiotVietOrderApi;
use KiotVietSync\Sync\Orders\KvOrderTotals;

/**
 * In-memory KiotViet for the push flow: products by code, customers with a loose phone search, orders with
 * codes DH000001…, and scripted failures that can happen before or after KiotViet applied a write.
 */
final class FakeKiotVietOrderApi implements KiotVietOrderApi {

	/** @var array<string,array<string,mixed>> */
	public array $products = array();
	/** @var array<int,array<string,mixed>> */
	public array $customers = array();
	/** @var array<int,array<string,mixed>> */
	public array $orders = array();
	/** @var array<int,array{string,array<string,mixed>}> Calls made: [method name, argument]. */
	public array $calls = array();
	public bool $by_branch = false;
	public bool $omit_contact_numbers = false;

	/** @var array<string,array<int,array{\Throwable,bool}>> Scripted failures per method: [error, applied first]. */
	private array $failures = array();
	private int $next_id = 1;

	/** Makes the next call of $method throw $error; with $applied the write happens first (lost response). */
	public function fail_next( string $method, \Throwable $error, bool $applied = false ): void {
		$this->failures[ $method ][] = array( $error, $applied );
	}

	/** @return string[] */
	public function call_names(): array {
		return array_column( $this->calls, 0 );
	}

	public function count_calls( string $method ): int {
		return count( array_keys( $this->call_names(), $method, true ) );
	}

	public function find_product_by_code( string $code ): ?array {
		$this->record( __FUNCTION__, array( 'code' => $code ) );
		$this->maybe_fail( __FUNCTION__ );
		return $this->products[ $code ] ?? null;
	}

	public function create_product( array $payload ): array {
		$this->record( __FUNCTION__, $payload );
		$apply = function () use ( $payload ): array {
			$product                                    = array( 'id' => 32000000 + $this->next_id++ ) + $payload;
			$this->products[ (string) $payload['code'] ] = $product;
			return $product;
		};
		return $this->write( __FUNCTION__, $apply );
	}

	public function search_customers( array $query ): array {
		$this->record( __FUNCTION__, $query );
		$this->maybe_fail( __FUNCTION__ );
		$digits = (string) preg_replace( '/\D/', '', (string) ( $query['contactNumber'] ?? '' ) );
		$hits   = array();
		foreach ( $this->customers as $customer ) {
			if ( '' !== $digits && false !== strpos( (string) preg_replace( '/\D/', '', (string) ( $customer['contactNumber'] ?? '' ) ), $digits ) ) {
				if ( $this->omit_contact_numbers ) {
					unset( $customer['contactNumber'] );
				}
				$hits[] = $customer;
			}
		}
		return $hits;
	}

	public function create_customer( array $payload ): array {
		$this->record( __FUNCTION__, $payload );
		$apply = function () use ( $payload ): array {
			$customer          = array( 'id' => 880100 + $this->next_id++, 'code' => sprintf( 'KH%06d', $this->next_id ) ) + $payload;
			$this->customers[] = $customer;
			return array(
				'message' => 'Thêm mới khách hàng thành công',
				'data'    => $customer,
			);
		};
		return $this->write( __FUNCTION__, $apply );
	}

	public function manages_customers_by_branch(): bool {
		return $this->by_branch;
	}

	public function list_orders( array $query ): array {
		$this->record( __FUNCTION__, $query );
		$this->maybe_fail( __FUNCTION__ );
		$branches  = (array) ( $query['branchIds'] ?? array() );
		$customers = (array) ( $query['customerIds'] ?? array() );
		$matching  = array_values(
			array_filter(
				$this->orders,
				static function ( array $o ) use ( $branches, $customers ): bool {
					return ( array() === $branches || in_array( $o['branchId'], $branches, true ) )
						&& ( array() === $customers || in_array( $o['customerId'] ?? null, $customers, true ) );
				}
			)
		);
		$offset    = (int) ( $query['currentItem'] ?? 0 );
		$size      = min( 100, (int) ( $query['pageSize'] ?? 20 ) );
		return array(
			'total'    => count( $matching ),
			'pageSize' => $size,
			'data'     => array_slice( $matching, $offset, $size ),
		);
	}

	public function create_order( array $payload ): array {
		$this->record( __FUNCTION__, $payload );
		$apply = function () use ( $payload ): array {
			$id             = 660000 + $this->next_id++;
			$order          = array(
				'id'          => $id,
				'code'        => sprintf( 'DH%06d', count( $this->orders ) + 1 ),
				'status'      => 1,
				'statusValue' => 'Phiếu tạm',
				'total'       => KvOrderTotals::total( $payload ),
			) + $payload;
			$this->orders[] = $order;
			return $order;
		};
		return $this->write( __FUNCTION__, $apply );
	}

	/** @param array<string,mixed> $argument Call argument. */
	private function record( string $method, array $argument ): void {
		$this->calls[] = array( $method, $argument );
	}

	/**
	 * @param callable():array<string,mixed> $apply The write.
	 * @return array<string,mixed>
	 */
	private function write( string $method, callable $apply ): array {
		if ( ! empty( $this->failures[ $method ] ) ) {
			list( $error, $applied ) = array_shift( $this->failures[ $method ] );
			if ( $applied ) {
				$apply();
			}
			throw $error;
		}
		return $apply();
	}

	private function maybe_fail( string $method ): void {
		if ( ! empty( $this->failures[ $method ] ) ) {
			list( $error ) = array_shift( $this->failures[ $method ] );
			throw $error;
		}
	}
}
