<?php
/**
 * A KiotViet category (nhóm hàng).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use DateTimeImmutable;

/**
 * One KiotViet category from REST (`categoryId`, `categoryName`, `parentId`, nested `children` in
 * hierarchical mode) or a `category.update` webhook (`Id`, `Name`, `ParentId`, `IsDeleted`).
 */
final class KvCategory {

	private int $id;
	private string $name;
	private ?int $parent_id;
	private int $rank;
	private bool $is_deleted;
	private ?DateTimeImmutable $modified_date;

	public function __construct( int $id, string $name, ?int $parent_id = null, int $rank = 0, bool $is_deleted = false, ?DateTimeImmutable $modified_date = null ) {
		$this->id            = $id;
		$this->name          = $name;
		$this->parent_id     = null !== $parent_id && $parent_id > 0 && $parent_id !== $id ? $parent_id : null;
		$this->rank          = $rank;
		$this->is_deleted    = $is_deleted;
		$this->modified_date = $modified_date;
	}

	/**
	 * @param array<mixed> $data One category object (children are ignored; see list_from_array()).
	 */
	public static function from_array( array $data ): self {
		$f = new KvFields( $data );
		return new self(
			$f->int( 0, 'categoryId', 'id' ),
			TextKey::nfc( trim( $f->string( 'categoryName', 'name' ) ) ),
			$f->int_or_null( 'parentId' ),
			$f->int( 0, 'rank' ),
			$f->bool( false, 'isDeleted' ),
			KvDate::parse( $f->raw( 'modifiedDate' ) )
		);
	}

	/**
	 * Flattens a flat list or a hierarchical tree (`children`), filling a missing `parentId` of a child from its
	 * enclosing node.
	 *
	 * @param array<mixed> $items
	 * @return KvCategory[]
	 */
	public static function list_from_array( array $items ): array {
		$out = array();
		self::collect( $items, null, $out );
		return $out;
	}

	/**
	 * @param array<mixed>      $items
	 * @param array<KvCategory> $out
	 */
	private static function collect( array $items, ?int $parent_id, array &$out ): void {
		foreach ( $items as $item ) {
			if ( ! is_array( $item ) ) {
				continue;
			}
			$category = self::from_array( $item );
			if ( null === $category->parent_id() && null !== $parent_id ) {
				$category = new self( $category->id, $category->name, $parent_id, $category->rank, $category->is_deleted, $category->modified_date );
			}
			if ( $category->id() > 0 ) {
				$out[] = $category;
			}
			$children = ( new KvFields( $item ) )->list_or_null( 'children' );
			if ( null !== $children ) {
				self::collect( $children, $category->id(), $out );
			}
		}
	}

	public function id(): int {
		return $this->id;
	}

	public function name(): string {
		return $this->name;
	}

	/** Null for a root (KiotViet omits `parentId`, some clients send 0). */
	public function parent_id(): ?int {
		return $this->parent_id;
	}

	public function rank(): int {
		return $this->rank;
	}

	public function is_deleted(): bool {
		return $this->is_deleted;
	}

	public function modified_date(): ?DateTimeImmutable {
		return $this->modified_date;
	}
}
