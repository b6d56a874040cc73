<?php
/**
 * The KiotViet calls an order push needs.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Narrow port over the KiotViet client, implemented by the adapter (and by fakes in tests). Every method throws
 * on failure (the client's KiotVietException family); OrderPusher classifies what it catches. A 404 on the
 * product lookup is not a failure: return null.
 */
interface KiotVietOrderApi {

	/**
	 * GET /products/code/{code}.
	 *
	 * @return array<string,mixed>|null The product, null when KiotViet has none with that code.
	 */
	public function find_product_by_code( string $code ): ?array;

	/**
	 * POST /products.
	 *
	 * @param array<string,mixed> $payload ProductCreateRequest::to_payload().
	 * @return array<string,mixed> The created product (unwrapped).
	 */
	public function create_product( array $payload ): array;

	/**
	 * GET /customers with the given query.
	 *
	 * @param array<string,mixed> $query CustomerMatcher::search_query().
	 * @return array<int,array<string,mixed>> The `data` items.
	 */
	public function search_customers( array $query ): array;

	/**
	 * POST /customers.
	 *
	 * @param array<string,mixed> $payload CustomerCreateRequest::to_payload().
	 * @return array<string,mixed> The decoded response (wrapped {message, data} or not).
	 */
	public function create_customer( array $payload ): array;

	/**
	 * Whether GET /settings has ManagerCustomerByBranch on (the adapter may cache it).
	 */
	public function manages_customers_by_branch(): bool;

	/**
	 * GET /orders with the given query.
	 *
	 * @param array<string,mixed> $query DuplicateGuard::lookup_query().
	 * @return array<string,mixed> The envelope {total, pageSize, data}.
	 */
	public function list_orders( array $query ): array;

	/**
	 * POST /orders.
	 *
	 * @param array<string,mixed> $payload OrderPayload::payload().
	 * @return array<string,mixed> The created order (unwrapped: id, code, …).
	 */
	public function create_order( array $payload ): array;
}
