<?php
/**
 * What to change in KiotViet's webhook subscriptions.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * Output of SubscriptionPlanner: types to register, subscription ids to delete (ours only), ids to
 * keep, types held by another URL, and the state of each wanted type as found.
 */
final class SubscriptionPlan {

	public const STATE_ACTIVE   = 'active';
	public const STATE_INACTIVE = 'inactive';
	public const STATE_MISSING  = 'missing';
	public const STATE_CONFLICT = 'conflict';

	/**
	 * Types to register.
	 *
	 * @var list<string>
	 */
	private array $create;

	/**
	 * Ids to delete.
	 *
	 * @var list<int>
	 */
	private array $delete;

	/**
	 * Ids to keep.
	 *
	 * @var list<int>
	 */
	private array $keep;

	/**
	 * Conflicts.
	 *
	 * @var list<array{type: string, id: int|null, url: string, is_active: bool}>
	 */
	private array $conflicts;

	/**
	 * Type → state.
	 *
	 * @var array<string, string>
	 */
	private array $states;

	/**
	 * Creates the plan.
	 *
	 * @param list<string>                                                        $create    Types.
	 * @param list<int>                                                           $delete    Ids.
	 * @param list<int>                                                           $keep      Ids.
	 * @param list<array{type: string, id: int|null, url: string, is_active: bool}> $conflicts Conflicts.
	 * @param array<string, string>                                               $states    States.
	 */
	public function __construct( array $create, array $delete, array $keep, array $conflicts, array $states ) {
		$this->create    = $create;
		$this->delete    = $delete;
		$this->keep      = $keep;
		$this->conflicts = $conflicts;
		$this->states    = $states;
	}

	/**
	 * Types to register (POST /webhooks), after the deletions.
	 *
	 * @return list<string>
	 */
	public function create(): array {
		return $this->create;
	}

	/**
	 * Subscription ids to delete first (DELETE /webhooks/{id}); only ever this site's.
	 *
	 * @return list<int>
	 */
	public function delete(): array {
		return $this->delete;
	}

	/**
	 * Subscription ids of this site that stay.
	 *
	 * @return list<int>
	 */
	public function keep(): array {
		return $this->keep;
	}

	/**
	 * Wanted types subscribed by another URL (never touched): "product.update is used by another
	 * integration at <url>".
	 *
	 * @return list<array{type: string, id: int|null, url: string, is_active: bool}>
	 */
	public function conflicts(): array {
		return $this->conflicts;
	}

	/**
	 * State of each wanted type as found: active, inactive (ours, disabled — e.g. after a 4xx),
	 * missing, or conflict (held by another URL).
	 *
	 * @return array<string, string>
	 */
	public function states(): array {
		return $this->states;
	}

	/**
	 * Whether any call to KiotViet is needed.
	 */
	public function has_changes(): bool {
		return array() !== $this->create || array() !== $this->delete;
	}
}
