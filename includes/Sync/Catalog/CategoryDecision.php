<?php
/**
 * What to do with one KiotViet category.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * One step of a category plan, in write order (parents first).
 *
 * - create: insert a term named name() under the parent (parent_term_id(), or — when parent_pending() — the
 *   term just created for kv_parent_id()), then map it;
 * - adopt: map the existing term term_id() (same name, same parent), change nothing else;
 * - update: the mapped term term_id() gets name() and the parent;
 * - skip: mapped and unchanged (or deleted in KiotViet);
 * - conflict: not written, see issue().
 */
final class CategoryDecision {

	public const CREATE   = 'create';
	public const ADOPT    = 'adopt';
	public const UPDATE   = 'update';
	public const SKIP     = 'skip';
	public const CONFLICT = 'conflict';

	private int $kv_id;
	private string $name;
	private string $action;
	private ?int $term_id;
	private ?int $kv_parent_id;
	private ?int $parent_term_id;
	private bool $parent_pending;
	private ?CatalogIssue $issue;

	public function __construct( int $kv_id, string $name, string $action, ?int $term_id, ?int $kv_parent_id, ?int $parent_term_id, bool $parent_pending, ?CatalogIssue $issue = null ) {
		$this->kv_id          = $kv_id;
		$this->name           = $name;
		$this->action         = $action;
		$this->term_id        = $term_id;
		$this->kv_parent_id   = $kv_parent_id;
		$this->parent_term_id = $parent_term_id;
		$this->parent_pending = $parent_pending;
		$this->issue          = $issue;
	}

	public function kv_id(): int {
		return $this->kv_id;
	}

	public function name(): string {
		return $this->name;
	}

	/** One of CREATE, ADOPT, UPDATE, SKIP, CONFLICT. */
	public function action(): string {
		return $this->action;
	}

	/** Existing term (adopt, update, skip); null for create/conflict. */
	public function term_id(): ?int {
		return $this->term_id;
	}

	/** Effective KiotViet parent (null = root; orphans and cycle breakers become roots). */
	public function kv_parent_id(): ?int {
		return $this->kv_parent_id;
	}

	/** Parent term id when already known (0 = root); null when the parent is created earlier in this plan. */
	public function parent_term_id(): ?int {
		return $this->parent_term_id;
	}

	public function parent_pending(): bool {
		return $this->parent_pending;
	}

	public function issue(): ?CatalogIssue {
		return $this->issue;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'kv_id'          => $this->kv_id,
			'name'           => $this->name,
			'action'         => $this->action,
			'term_id'        => $this->term_id,
			'kv_parent_id'   => $this->kv_parent_id,
			'parent_term_id' => $this->parent_term_id,
			'parent_pending' => $this->parent_pending,
		);
	}
}
