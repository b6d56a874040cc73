<?php
/**
 * Reads live sync needs from KiotViet.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\KiotViet\Page;

/**
 * The few KiotViet GETs of live sync, behind an interface so the orchestration is unit-testable.
 */
interface KiotVietReader {

	/**
	 * GET /products/{id} (with inventories and price books), null on 404.
	 *
	 * @param int $id Product id.
	 * @return array<mixed>|null
	 */
	public function product( int $id ): ?array;

	/**
	 * GET /pricebooks, all pages: raw items.
	 *
	 * @return list<array<mixed>>
	 */
	public function price_books(): array;

	/**
	 * GET /categories/{id}, null on 404.
	 *
	 * @param int $id Category id.
	 * @return array<mixed>|null
	 */
	public function category( int $id ): ?array;

	/**
	 * Pages of a list endpoint.
	 *
	 * @param string       $path  Path, e.g. /products.
	 * @param array<mixed> $query Query.
	 * @return iterable<Page>
	 */
	public function pages( string $path, array $query ): iterable;
}
