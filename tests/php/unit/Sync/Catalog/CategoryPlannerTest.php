<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use KiotVietSync\Sync\Catalog\CategoryDecision as D;
use KiotVietSync\Sync\Catalog\CategoryPlan;
use KiotVietSync\Sync\Catalog\CategoryPlanner;
use KiotVietSync\Sync\Catalog\CatalogIssue;
use KiotVietSync\Sync\Catalog\KvCategory;
use PHPUnit\Framework\TestCase;

/**
 * Category hierarchy, ordering and adoption of existing terms.
 */
final class CategoryPlannerTest extends TestCase {

	/**
	 * @return KvCategory[]
	 */
	private function kiotviet(): array {
		return KvCategory::list_from_array(
			array(
				array( 'categoryId' => 905, 'parentId' => 901, 'categoryName' => 'Áo thun nam' ),
				array( 'categoryId' => 901, 'parentId' => 900, 'categoryName' => 'Áo thun' ),
				array( 'categoryId' => 900, 'categoryName' => 'Thời trang' ),
				array( 'categoryId' => 910, 'categoryName' => 'Giày & Dép' ),
			)
		);
	}

	/**
	 * @return array<int, string> kv id => action
	 */
	private function actions( CategoryPlan $plan ): array {
		$out = array();
		foreach ( $plan->decisions() as $d ) {
			$out[ $d->kv_id() ] = $d->action();
		}
		return $out;
	}

	/**
	 * Applies a plan the way the adapter would, returning the new terms and mapping.
	 *
	 * @param array<int, array{term_id: int, name: string, parent: int}> $terms
	 * @param array<int, int>                                            $mapping
	 * @return array{0: array<int, array{term_id: int, name: string, parent: int}>, 1: array<int, int>}
	 */
	private function apply( CategoryPlan $plan, array $terms, array $mapping ): array {
		$next = 100 + count( $terms );
		foreach ( $plan->decisions() as $d ) {
			$parent = $d->parent_pending() ? $mapping[ $d->kv_parent_id() ] : (int) $d->parent_term_id();
			if ( D::CREATE === $d->action() ) {
				$terms[]                = array( 'term_id' => ++$next, 'name' => htmlspecialchars( $d->name() ), 'parent' => $parent );
				$mapping[ $d->kv_id() ] = $next;
			} elseif ( D::ADOPT === $d->action() ) {
				$mapping[ $d->kv_id() ] = (int) $d->term_id();
			} elseif ( D::UPDATE === $d->action() ) {
				foreach ( $terms as $i => $t ) {
					if ( $t['term_id'] === $d->term_id() ) {
						$terms[ $i ] = array( 'term_id' => $t['term_id'], 'name' => htmlspecialchars( $d->name() ), 'parent' => $parent );
					}
				}
			}
		}
		return array( $terms, $mapping );
	}

	public function test_parents_come_first_and_new_children_wait_for_their_parent(): void {
		$plan = CategoryPlanner::plan( $this->kiotviet(), array(), array() );
		self::assertSame( array( 900, 910, 901, 905 ), array_map( static function ( D $d ): int {
			return $d->kv_id();
		}, $plan->decisions() ) );
		self::assertSame( array( 900 => 'create', 910 => 'create', 901 => 'create', 905 => 'create' ), $this->actions( $plan ) );
		$shirt = $plan->decision_for( 901 );
		self::assertTrue( $shirt->parent_pending() );
		self::assertSame( 900, $shirt->kv_parent_id() );
		self::assertNull( $shirt->parent_term_id() );
		self::assertSame( 0, $plan->decision_for( 900 )->parent_term_id() );
		self::assertSame( array(), $plan->issues() );
	}

	public function test_existing_terms_with_same_name_and_parent_are_adopted(): void {
		$terms = array(
			array( 'term_id' => 10, 'name' => 'thời  trang ', 'parent' => 0 ),
			array( 'term_id' => 11, 'name' => "A\u{0301}o thun", 'parent' => 10 ), // decomposed "Áo".
			array( 'term_id' => 12, 'name' => 'Áo thun', 'parent' => 0 ),          // same name, other parent.
			array( 'term_id' => 13, 'name' => 'Giày &amp; Dép', 'parent' => 0 ),   // as WordPress stores "&".
		);
		$plan  = CategoryPlanner::plan( $this->kiotviet(), $terms, array() );
		self::assertSame( array( 900 => 'adopt', 910 => 'adopt', 901 => 'adopt', 905 => 'create' ), $this->actions( $plan ) );
		self::assertSame( 10, $plan->decision_for( 900 )->term_id() );
		self::assertSame( 11, $plan->decision_for( 901 )->term_id() );
		self::assertSame( 13, $plan->decision_for( 910 )->term_id() );
		self::assertSame( 11, $plan->decision_for( 905 )->parent_term_id() );
		self::assertFalse( $plan->decision_for( 905 )->parent_pending() );
	}

	public function test_same_name_under_another_parent_is_not_adopted(): void {
		$terms = array(
			array( 'term_id' => 10, 'name' => 'Thời trang', 'parent' => 0 ),
			array( 'term_id' => 12, 'name' => 'Áo thun', 'parent' => 0 ),
		);
		$plan  = CategoryPlanner::plan( $this->kiotviet(), $terms, array() );
		self::assertSame( 'adopt', $plan->decision_for( 900 )->action() );
		self::assertSame( 'create', $plan->decision_for( 901 )->action() );
		self::assertSame( 10, $plan->decision_for( 901 )->parent_term_id() );
	}

	public function test_rerunning_after_applying_changes_nothing(): void {
		list( $terms, $mapping ) = $this->apply( CategoryPlanner::plan( $this->kiotviet(), array(), array() ), array(), array() );
		self::assertCount( 4, $terms );
		$again = CategoryPlanner::plan( $this->kiotviet(), $terms, $mapping );
		self::assertSame( array( 900 => 'skip', 910 => 'skip', 901 => 'skip', 905 => 'skip' ), $this->actions( $again ) );
		// Even if the mapping was lost (retry after a crash), nothing is duplicated: the terms are adopted.
		$lost = CategoryPlanner::plan( $this->kiotviet(), $terms, array() );
		self::assertSame( array( 900 => 'adopt', 910 => 'adopt', 901 => 'adopt', 905 => 'adopt' ), $this->actions( $lost ) );
	}

	public function test_mapped_categories_are_renamed_and_reparented(): void {
		$terms   = array(
			array( 'term_id' => 20, 'name' => 'Thời trang', 'parent' => 0 ),
			array( 'term_id' => 21, 'name' => 'Áo phông', 'parent' => 20 ),
			array( 'term_id' => 22, 'name' => 'Áo thun nam', 'parent' => 0 ),
			array( 'term_id' => 23, 'name' => 'Giày & Dép', 'parent' => 0 ),
		);
		$mapping = array( 900 => 20, 901 => 21, 905 => 22, 910 => 23 );
		$plan    = CategoryPlanner::plan( $this->kiotviet(), $terms, $mapping );
		self::assertSame( array( 900 => 'skip', 910 => 'skip', 901 => 'update', 905 => 'update' ), $this->actions( $plan ) );
		self::assertSame( 'Áo thun', $plan->decision_for( 901 )->name() );
		self::assertSame( 21, $plan->decision_for( 905 )->parent_term_id() );
	}

	public function test_stale_mapping_is_ignored(): void {
		$plan = CategoryPlanner::plan( array( new KvCategory( 900, 'Thời trang' ) ), array(), array( 900 => 77 ) );
		self::assertSame( 'create', $plan->decision_for( 900 )->action() );
	}

	public function test_orphan_becomes_a_root_unless_its_parent_is_mapped(): void {
		$orphan = CategoryPlanner::plan( array( new KvCategory( 905, 'Áo thun nam', 901 ) ), array(), array() );
		self::assertNull( $orphan->decision_for( 905 )->kv_parent_id() );
		self::assertSame( 0, $orphan->decision_for( 905 )->parent_term_id() );
		self::assertSame( CatalogIssue::CATEGORY_PARENT_MISSING, $orphan->issues()[0]->code() );

		$mapped = CategoryPlanner::plan( array( new KvCategory( 905, 'Áo thun nam', 901 ) ), array( array( 'term_id' => 31, 'name' => 'Áo thun', 'parent' => 0 ) ), array( 901 => 31 ) );
		self::assertSame( 901, $mapped->decision_for( 905 )->kv_parent_id() );
		self::assertSame( 31, $mapped->decision_for( 905 )->parent_term_id() );
		self::assertSame( array(), $mapped->issues() );
	}

	public function test_cycles_are_broken(): void {
		$plan = CategoryPlanner::plan( array( new KvCategory( 1, 'A', 2 ), new KvCategory( 2, 'B', 1 ) ), array(), array() );
		self::assertCount( 2, $plan->decisions() );
		self::assertSame( 'category_cycle', $plan->issues()[0]->code() );
		$roots = array_filter( $plan->decisions(), static function ( D $d ): bool {
			return null === $d->kv_parent_id();
		} );
		self::assertCount( 1, $roots );
		self::assertSame( 'create', $plan->decisions()[0]->action() );
		self::assertFalse( $plan->decisions()[0]->parent_pending() );
		self::assertTrue( $plan->decisions()[1]->parent_pending() );
	}

	public function test_term_already_mapped_to_another_category_is_a_conflict(): void {
		$terms = array(
			array( 'term_id' => 40, 'name' => 'Phụ kiện', 'parent' => 0 ),
		);
		$plan  = CategoryPlanner::plan( array( new KvCategory( 920, 'PHỤ KIỆN' ), new KvCategory( 921, 'Ví', 920 ) ), $terms, array( 919 => 40 ) );
		self::assertSame( array( 920 => 'conflict', 921 => 'create' ), $this->actions( $plan ) );
		self::assertSame( 'term_taken', $plan->decision_for( 920 )->issue()->code() );
		self::assertNull( $plan->decision_for( 921 )->kv_parent_id(), 'child of a blocked category is created as a root' );
		self::assertFalse( $plan->decision_for( 921 )->parent_pending() );
	}

	public function test_duplicate_names_in_kiotviet_under_one_parent_are_a_conflict(): void {
		$plan = CategoryPlanner::plan( array( new KvCategory( 1, 'Khác' ), new KvCategory( 2, 'khác ' ) ), array(), array() );
		self::assertSame( array( 1 => 'create', 2 => 'conflict' ), $this->actions( $plan ) );
		self::assertSame( 1, $plan->decision_for( 2 )->issue()->details()['same_as_kv_id'] );
	}

	public function test_deleted_categories_are_not_created(): void {
		$plan = CategoryPlanner::plan( array( KvCategory::from_array( array( 'Id' => 903, 'Name' => 'Quần', 'IsDeleted' => true ) ) ), array(), array() );
		self::assertSame( 'skip', $plan->decision_for( 903 )->action() );
	}
}
