<?php
/**
 * Settings snapshot for one processing run.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\Sync\Catalog\CatalogSettings;

/**
 * CatalogSettings (branch, stock mode, books, locks, weight unit, one "now") plus the live-sync switches.
 */
final class LiveSettings {

	/**
	 * Catalog settings.
	 *
	 * @var CatalogSettings
	 */
	private CatalogSettings $catalog;

	/**
	 * Whether unmapped products may be created.
	 *
	 * @var bool
	 */
	private bool $auto_add_new_products;

	/**
	 * Creates the snapshot.
	 *
	 * @param CatalogSettings $catalog               Catalog settings.
	 * @param bool            $auto_add_new_products Auto-add switch.
	 */
	public function __construct( CatalogSettings $catalog, bool $auto_add_new_products ) {
		$this->catalog               = $catalog;
		$this->auto_add_new_products = $auto_add_new_products;
	}

	/**
	 * Catalog settings.
	 */
	public function catalog(): CatalogSettings {
		return $this->catalog;
	}

	/**
	 * Whether new KiotViet products are added automatically.
	 */
	public function auto_add_new_products(): bool {
		return $this->auto_add_new_products;
	}
}
