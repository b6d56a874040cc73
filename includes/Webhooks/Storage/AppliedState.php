<?php
/**
 * What was last applied per webhook entity.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks\Storage;

/**
 * Per Event::coalescing_key(): the ModifiedDate (ISO with microseconds) and payload hash last applied,
 * the input of FreshnessGuard.
 */
interface AppliedState {

	/**
	 * Last applied state.
	 *
	 * @param string $key Coalescing key.
	 * @return array{modified_at: string|null, hash: string|null}|null
	 */
	public function get( string $key ): ?array;

	/**
	 * Records an application.
	 *
	 * @param string      $key         Coalescing key.
	 * @param string|null $modified_at ISO date with microseconds or null.
	 * @param string      $hash        Payload hash.
	 */
	public function put( string $key, ?string $modified_at, string $hash ): void;
}
