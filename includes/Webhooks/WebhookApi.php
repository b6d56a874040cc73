<?php
/**
 * KiotViet webhook subscription calls.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

/**
 * GET/POST/DELETE /webhooks, behind an interface for unit tests.
 */
interface WebhookApi {

	/**
	 * Every subscription (GET /webhooks, all pages): raw items {id, type, url, isActive}.
	 *
	 * @return list<array<mixed>>
	 */
	public function list(): array;

	/**
	 * POST /webhooks; returns the created subscription id when KiotViet gave one.
	 *
	 * @param string $type        Type.
	 * @param string $url         Receiver URL.
	 * @param string $secret      Secret.
	 * @param string $description Description.
	 */
	public function create( string $type, string $url, string $secret, string $description ): ?int;

	/**
	 * DELETE /webhooks/{id}.
	 *
	 * @param int $id Subscription id.
	 */
	public function delete( int $id ): void;
}
