<?php
/**
 * Plan for one WooCommerce variable product and its variations.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * One KiotViet same-type family (master + members sharing masterProductId) → a variable product named after
 * the master, with one variation per member, the master included.
 *
 * The parent's identity is the master's KiotViet id (mapping kind "product"); the master's own variation is
 * mapped under the same id with kind "variation". The parent has no SKU: the master's code belongs to the
 * master's variation, and WooCommerce SKUs are unique across products and variations (the official plugin
 * invented "<code>Master" SKUs instead).
 */
final class VariablePlan {

	private int $family_id;
	private bool $master_in_batch;
	private WooProductSpec $parent;
	/** @var array<int, WooProductSpec> */
	private array $variations;
	/** @var array<int, KvProduct> */
	private array $members;

	/**
	 * @param array<int, WooProductSpec> $variations kv id => variation spec.
	 * @param array<int, KvProduct>      $members    kv id => product.
	 */
	public function __construct( int $family_id, bool $master_in_batch, WooProductSpec $parent, array $variations, array $members ) {
		$this->family_id       = $family_id;
		$this->master_in_batch = $master_in_batch;
		$this->parent          = $parent;
		$this->variations      = $variations;
		$this->members         = $members;
	}

	/** The master's KiotViet id. */
	public function family_id(): int {
		return $this->family_id;
	}

	/** False when only some members arrived (incremental sync, webhook): the parent data came from a member. */
	public function master_in_batch(): bool {
		return $this->master_in_batch;
	}

	/** Full parent spec (creation). */
	public function parent(): WooProductSpec {
		return $this->parent;
	}

	/**
	 * Parent spec for updating an existing parent: without the master in the batch, name, description,
	 * category and images are left alone (a member must not overwrite the master's data).
	 */
	public function parent_for_update(): WooProductSpec {
		if ( $this->master_in_batch ) {
			return $this->parent;
		}
		return $this->parent->without(
			array( WooProductSpec::NAME, WooProductSpec::DESCRIPTION, WooProductSpec::CATEGORY_KV_ID, WooProductSpec::IMAGE_URLS, WooProductSpec::KV_META )
		);
	}

	/**
	 * @return array<int, WooProductSpec> kv id => variation spec, master first.
	 */
	public function variations(): array {
		return $this->variations;
	}

	/**
	 * @return array<int, KvProduct>
	 */
	public function members(): array {
		return $this->members;
	}

	/**
	 * @return array<string, string[]> attribute name => ordered distinct values of this batch.
	 */
	public function attributes(): array {
		$attributes = $this->parent->get( WooProductSpec::ATTRIBUTES, array() );
		return is_array( $attributes ) ? $attributes : array();
	}

	/**
	 * The parent's attribute options after this batch, given the options it already has: a batch may carry only
	 * some members, so values are only ever added here (existing first, new values appended, names and values
	 * matched case/Unicode-insensitively). Removing values is left to a full resync of the family.
	 *
	 * @param array<string, string[]> $existing
	 * @return array<string, string[]>
	 */
	public function merged_attributes( array $existing ): array {
		$out   = array();
		$names = array();
		foreach ( array( $existing, $this->attributes() ) as $source ) {
			foreach ( $source as $name => $values ) {
				$key = TextKey::of( (string) $name );
				if ( ! isset( $names[ $key ] ) ) {
					$names[ $key ]          = (string) $name;
					$out[ (string) $name ] = array();
				}
				$target = $names[ $key ];
				$seen   = array();
				foreach ( $out[ $target ] as $value ) {
					$seen[ TextKey::of( $value ) ] = true;
				}
				foreach ( (array) $values as $value ) {
					$value_key = TextKey::of( (string) $value );
					if ( ! isset( $seen[ $value_key ] ) ) {
						$seen[ $value_key ]  = true;
						$out[ $target ][] = (string) $value;
					}
				}
			}
		}
		return $out;
	}
}
