<?php
/**
 * Out-of-order and duplicate protection for webhook events.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

use DateTimeImmutable;

/**
 * Decides whether an event may overwrite what was last applied to its entity (per coalescing key).
 * The caller stores, per entity, the ModifiedDate and Event::payload_hash() it last applied.
 *
 * Dated events (product/category/pricebook/order .update with ModifiedDate):
 * - strictly older than the last applied date → SKIP_OLDER;
 * - same instant and same payload hash → SKIP_DUPLICATE;
 * - same instant, different payload → APPLY (ModifiedDate is cut to microseconds; two edits in one
 *   microsecond are possible, and the later arrival is the better guess);
 * - newer, or nothing applied before, or no stored date → APPLY.
 *
 * Undated state events (stock.update, pricebookdetail.update, an update without a usable
 * ModifiedDate) — KiotViet sends no date, so the rule is "arrival order, first attempts only":
 * - same payload hash as last applied → SKIP_DUPLICATE;
 * - first attempt (Attempt = 1) → APPLY; the inbox processes deliveries in arrival order, so the
 *   latest arrival wins;
 * - a retry (Attempt > 1) → REREAD: KiotViet retries minutes later, after newer deliveries may have
 *   been applied, so its absolute OnHand/Price may be stale; the caller re-reads the entity from the
 *   API instead of trusting the payload.
 *
 * Deletes carry no state: APPLY unless the same delete was already applied (SKIP_DUPLICATE).
 */
final class FreshnessGuard {

	public const APPLY          = 'apply';
	public const SKIP_OLDER     = 'skip_older';
	public const SKIP_DUPLICATE = 'skip_duplicate';
	public const REREAD         = 'reread';

	/**
	 * Whether the event's payload may be applied as is.
	 *
	 * @param Event                  $event                    Incoming event.
	 * @param DateTimeImmutable|null $last_applied_modified_at ModifiedDate last applied for the entity.
	 * @param string|null            $last_applied_hash        Payload hash last applied for the entity.
	 */
	public function should_apply( Event $event, ?DateTimeImmutable $last_applied_modified_at, ?string $last_applied_hash ): bool {
		return self::APPLY === $this->decide( $event, $last_applied_modified_at, $last_applied_hash );
	}

	/**
	 * The decision: APPLY, SKIP_OLDER, SKIP_DUPLICATE or REREAD.
	 *
	 * @param Event                  $event                    Incoming event.
	 * @param DateTimeImmutable|null $last_applied_modified_at ModifiedDate last applied for the entity.
	 * @param string|null            $last_applied_hash        Payload hash last applied for the entity.
	 */
	public function decide( Event $event, ?DateTimeImmutable $last_applied_modified_at, ?string $last_applied_hash ): string {
		$same_payload = null !== $last_applied_hash && hash_equals( $last_applied_hash, $event->payload_hash() );

		if ( $event->is_delete() ) {
			return $same_payload ? self::SKIP_DUPLICATE : self::APPLY;
		}

		$modified = $event->modified_at();
		if ( null !== $modified ) {
			if ( null === $last_applied_modified_at ) {
				return $same_payload ? self::SKIP_DUPLICATE : self::APPLY;
			}
			if ( $modified < $last_applied_modified_at ) {
				return self::SKIP_OLDER;
			}
			if ( $modified == $last_applied_modified_at && $same_payload ) { // phpcs:ignore Universal.Operators.StrictComparisons -- DateTime values compare by instant.
				return self::SKIP_DUPLICATE;
			}
			return self::APPLY;
		}

		if ( $same_payload ) {
			return self::SKIP_DUPLICATE;
		}
		return $event->attempt() > 1 ? self::REREAD : self::APPLY;
	}
}
