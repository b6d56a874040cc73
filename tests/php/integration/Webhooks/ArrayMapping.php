<?php
/**
 * In-memory mapping for the webhook integration tests.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Webhooks;

use KiotVietSync\Webhooks\Woo\MappingLookup;

/**
 * In-memory mapping for tests (the writer's mapping table is not needed to exercise live sync).
 */
final class ArrayMapping implements MappingLookup {

	/** @var array<int, array{woo_id: int, kind: string, locked_fields: list<string>}> */
	public $products = array();

	/** @var array<int, int> */
	public $categories = array();

	public function product( int $kv_id ): ?array {
		return $this->products[ $kv_id ] ?? null;
	}

	public function category( int $kv_id ): ?int {
		return $this->categories[ $kv_id ] ?? null;
	}

	public function unmap_category( int $kv_id ): void {
		unset( $this->categories[ $kv_id ] );
	}
}
