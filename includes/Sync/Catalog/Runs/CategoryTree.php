<?php
/**
 * Category tree helpers for the Products screen.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

/**
 * Pure: orders a flat category list parents first, rolls product counts up to ancestors, and lists a
 * category's descendants. A parent that is missing from the list makes the child a root; cycles are cut.
 */
final class CategoryTree {

	/** @var array<int, array{id: int, name: string, parent_id: int|null, rank: int, products: int, selected: int}> */
	private array $nodes = array();

	/** @var array<int, int[]> parent id (0 = root) => child ids */
	private array $children = array();

	/**
	 * @param array<int, array{id: int, name: string, parent_id: int|null, rank: int, products: int, selected: int}> $categories Flat list.
	 */
	public function __construct( array $categories ) {
		foreach ( $categories as $c ) {
			$this->nodes[ (int) $c['id'] ] = $c;
		}
		foreach ( $this->nodes as $id => $c ) {
			$parent = null !== $c['parent_id'] && isset( $this->nodes[ $c['parent_id'] ] ) && $c['parent_id'] !== $id ? (int) $c['parent_id'] : 0;
			$this->children[ $parent ][] = $id;
		}
		foreach ( $this->children as $parent => $ids ) {
			usort(
				$ids,
				function ( int $a, int $b ): int {
					$ra = $this->nodes[ $a ]['rank'];
					$rb = $this->nodes[ $b ]['rank'];
					if ( $ra !== $rb ) {
						return $ra <=> $rb;
					}
					$c = strcmp( $this->nodes[ $a ]['name'], $this->nodes[ $b ]['name'] );
					return 0 !== $c ? $c : $a <=> $b;
				}
			);
			$this->children[ $parent ] = $ids;
		}
	}

	/**
	 * Depth-first, parents first, with counts including descendants.
	 *
	 * @return array<int, array{id: int, name: string, parent_id: int|null, product_count: int, selected_count: int}>
	 */
	public function flatten(): array {
		$out     = array();
		$visited = array();
		$this->walk( 0, null, $out, $visited );
		// Nodes only reachable through a cycle: list them as roots.
		foreach ( array_keys( $this->nodes ) as $id ) {
			if ( ! isset( $visited[ $id ] ) ) {
				$this->walk_node( $id, null, $out, $visited );
			}
		}
		return $out;
	}

	/**
	 * @param array<int, array<string, mixed>> $out     Output.
	 * @param array<int, bool>                 $visited Visited.
	 */
	private function walk( int $parent, ?int $parent_id, array &$out, array &$visited ): void {
		foreach ( $this->children[ $parent ] ?? array() as $id ) {
			if ( ! isset( $visited[ $id ] ) ) {
				$this->walk_node( $id, $parent_id, $out, $visited );
			}
		}
	}

	/**
	 * @param array<int, array<string, mixed>> $out     Output.
	 * @param array<int, bool>                 $visited Visited.
	 */
	private function walk_node( int $id, ?int $parent_id, array &$out, array &$visited ): void {
		$visited[ $id ] = true;
		$totals         = $this->totals( $id );
		$out[]          = array(
			'id'             => $id,
			'name'           => $this->nodes[ $id ]['name'],
			'parent_id'      => $parent_id,
			'product_count'  => $totals[0],
			'selected_count' => $totals[1],
		);
		$this->walk( $id, $id, $out, $visited );
	}

	/**
	 * Products and selected in the category and its descendants.
	 *
	 * @return array{0: int, 1: int}
	 */
	public function totals( int $id ): array {
		$products = 0;
		$selected = 0;
		foreach ( $this->descendants( $id ) as $node ) {
			$products += $this->nodes[ $node ]['products'];
			$selected += $this->nodes[ $node ]['selected'];
		}
		return array( $products, $selected );
	}

	/**
	 * The category and every descendant (cycle-safe).
	 *
	 * @return int[]
	 */
	public function descendants( int $id ): array {
		if ( ! isset( $this->nodes[ $id ] ) ) {
			return array( $id );
		}
		$out   = array();
		$queue = array( $id );
		while ( array() !== $queue ) {
			$next = array_shift( $queue );
			if ( isset( $out[ $next ] ) ) {
				continue;
			}
			$out[ $next ] = true;
			foreach ( $this->children[ $next ] ?? array() as $child ) {
				$queue[] = $child;
			}
		}
		return array_keys( $out );
	}
}
