<?php
/**
 * Versioned schema migrations.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\Infrastructure\Activatable;
use KiotVietSync\Infrastructure\Registerable;

/**
 * Creates and upgrades the plugin's tables.
 *
 * An ordered list of steps, each bringing the schema to one version; the reached version is stored in
 * kiotviet_sync_db_version after every step. Runs on activation and whenever the stored version is older
 * (an update replaced the files without re-activating). Steps use dbDelta, so re-running one is harmless.
 */
final class Migrations implements Activatable, Registerable {

	/**
	 * Database.
	 *
	 * @var \wpdb
	 */
	private \wpdb $wpdb;

	/**
	 * Options.
	 *
	 * @var SettingsStore
	 */
	private SettingsStore $options;

	/**
	 * Creates the migrator.
	 *
	 * @param \wpdb         $wpdb    Database.
	 * @param SettingsStore $options Options.
	 */
	public function __construct( \wpdb $wpdb, SettingsStore $options ) {
		$this->wpdb    = $wpdb;
		$this->options = $options;
	}

	/**
	 * Tables the plugin owns, without the WordPress prefix (uninstall drops them).
	 *
	 * @return string[]
	 */
	public static function tables(): array {
		return array( SyncLog::TABLE, CatalogCacheRepository::PRODUCTS_TABLE, CatalogCacheRepository::CATEGORIES_TABLE, RunRepository::TABLE, \KiotVietSync\Webhooks\Storage\WebhookInbox::TABLE, \KiotVietSync\Webhooks\Storage\AppliedStateTable::TABLE, OrderOutbox::TABLE, MappingRepository::TABLE, ImageRepository::TABLE );
	}

	/**
	 * Schema version the code expects.
	 */
	public static function latest_version(): int {
		return max( array_keys( self::step_names() ) );
	}

	/**
	 * Version => method that brings the schema to it, in order.
	 *
	 * @return array<int, string>
	 */
	private static function step_names(): array {
		return array(
			1 => 'create_sync_log_table',
			2 => 'create_catalog_tables',
			3 => 'create_webhook_tables',
			4 => 'create_order_outbox_table',
			5 => 'create_mapping_tables',
			6 => 'add_product_list_indexes',
		);
	}

	/**
	 * Upgrades after a file update that skipped activation.
	 */
	public function register(): void {
		if ( did_action( 'plugins_loaded' ) ) {
			$this->maybe_migrate();
			return;
		}
		add_action( 'plugins_loaded', array( $this, 'maybe_migrate' ) );
	}

	/**
	 * Runs on activation.
	 */
	public function activate(): void {
		$this->migrate();
	}

	/**
	 * Migrates when the stored version is older than the code's.
	 */
	public function maybe_migrate(): void {
		if ( $this->stored_version() < self::latest_version() ) {
			$this->migrate();
		}
	}

	/**
	 * Stored schema version (0 before the first activation).
	 */
	public function stored_version(): int {
		return (int) $this->options->get( Settings::DB_VERSION, 0 );
	}

	/**
	 * Runs every step newer than the stored version.
	 */
	public function migrate(): void {
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$current = $this->stored_version();
		foreach ( self::step_names() as $version => $method ) {
			if ( $version <= $current ) {
				continue;
			}
			$this->{$method}();
			$this->options->set( Settings::DB_VERSION, $version, true );
		}
	}

	/**
	 * Version 1: the sync history table.
	 */
	private function create_sync_log_table(): void {
		$table   = $this->wpdb->prefix . SyncLog::TABLE;
		$collate = $this->wpdb->get_charset_collate();
		// dbDelta is picky: two spaces after PRIMARY KEY, one column per line, KEY not INDEX.
		dbDelta(
			"CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  created_at datetime NOT NULL,
  level varchar(16) NOT NULL DEFAULT 'info',
  channel varchar(32) NOT NULL,
  action varchar(64) NOT NULL,
  result varchar(16) NOT NULL,
  object_type varchar(32) DEFAULT NULL,
  object_id bigint(20) unsigned DEFAULT NULL,
  kiotviet_id bigint(20) DEFAULT NULL,
  message text NOT NULL,
  context longtext DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY created_at (created_at),
  KEY channel (channel),
  KEY result (result)
) {$collate};"
		);
	}

	/**
	 * Version 2: the catalog cache (KiotViet products and categories) and the background runs.
	 */
	private function create_catalog_tables(): void {
		$collate    = $this->wpdb->get_charset_collate();
		$products   = $this->wpdb->prefix . CatalogCacheRepository::PRODUCTS_TABLE;
		$categories = $this->wpdb->prefix . CatalogCacheRepository::CATEGORIES_TABLE;
		$runs       = $this->wpdb->prefix . RunRepository::TABLE;
		dbDelta(
			"CREATE TABLE {$products} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  retailer varchar(64) NOT NULL,
  kv_id bigint(20) NOT NULL,
  code varchar(191) NOT NULL DEFAULT '',
  name varchar(255) NOT NULL DEFAULT '',
  full_name varchar(255) NOT NULL DEFAULT '',
  category_id bigint(20) DEFAULT NULL,
  master_product_id bigint(20) DEFAULT NULL,
  master_unit_id bigint(20) DEFAULT NULL,
  family_id bigint(20) NOT NULL,
  conversion_value decimal(18,6) NOT NULL DEFAULT 1,
  kind varchar(16) NOT NULL DEFAULT 'goods',
  is_variant tinyint(1) NOT NULL DEFAULT 0,
  is_active tinyint(1) NOT NULL DEFAULT 1,
  allows_sale tinyint(1) NOT NULL DEFAULT 1,
  unit varchar(64) NOT NULL DEFAULT '',
  base_price decimal(20,4) DEFAULT NULL,
  stock bigint(20) DEFAULT NULL,
  modified_at datetime DEFAULT NULL,
  selected tinyint(1) NOT NULL DEFAULT 0,
  locked_fields text DEFAULT NULL,
  seen_run bigint(20) unsigned NOT NULL DEFAULT 0,
  payload longtext NOT NULL,
  fetched_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY retailer_kv (retailer,kv_id),
  KEY category (retailer,category_id),
  KEY family (retailer,family_id),
  KEY master (retailer,master_product_id),
  KEY master_unit (retailer,master_unit_id),
  KEY code (retailer,code),
  KEY name (retailer,name(100)),
  KEY selected (retailer,selected,family_id)
) {$collate};"
		);
		dbDelta(
			"CREATE TABLE {$categories} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  retailer varchar(64) NOT NULL,
  kv_id bigint(20) NOT NULL,
  name varchar(255) NOT NULL DEFAULT '',
  parent_id bigint(20) DEFAULT NULL,
  sort_rank int(11) NOT NULL DEFAULT 0,
  seen_run bigint(20) unsigned NOT NULL DEFAULT 0,
  payload longtext NOT NULL,
  fetched_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY retailer_kv (retailer,kv_id),
  KEY parent (retailer,parent_id)
) {$collate};"
		);
		dbDelta(
			"CREATE TABLE {$runs} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  kind varchar(32) NOT NULL,
  retailer varchar(64) NOT NULL DEFAULT '',
  state varchar(16) NOT NULL,
  phase varchar(32) NOT NULL DEFAULT '',
  checkpoint longtext DEFAULT NULL,
  phases longtext DEFAULT NULL,
  counts longtext DEFAULT NULL,
  message text DEFAULT NULL,
  lock_token varchar(64) DEFAULT NULL,
  steps int(10) unsigned NOT NULL DEFAULT 0,
  started_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  heartbeat_at datetime DEFAULT NULL,
  finished_at datetime DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY state (state),
  KEY kind_state (kind,state)
) {$collate};"
		);
	}
	/**
	 * Version 3: the webhook inbox (deliveries as received, de-duplicated by delivery id) and the
	 * last applied state per webhook entity (FreshnessGuard input).
	 */
	private function create_webhook_tables(): void {
		$inbox   = $this->wpdb->prefix . \KiotVietSync\Webhooks\Storage\WebhookInbox::TABLE;
		$state   = $this->wpdb->prefix . \KiotVietSync\Webhooks\Storage\AppliedStateTable::TABLE;
		$collate = $this->wpdb->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$inbox} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  delivery_id varchar(191) NOT NULL,
  received_at datetime NOT NULL,
  attempt int(11) NOT NULL DEFAULT 1,
  verified tinyint(1) NOT NULL DEFAULT 0,
  verification varchar(96) NOT NULL DEFAULT '',
  state varchar(16) NOT NULL DEFAULT 'received',
  body longtext NOT NULL,
  body_bytes int(11) NOT NULL DEFAULT 0,
  events int(11) NOT NULL DEFAULT 0,
  processed_at datetime DEFAULT NULL,
  error text NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY delivery_id (delivery_id),
  KEY state_id (state,id),
  KEY received_at (received_at)
) {$collate};"
		);
		dbDelta(
			"CREATE TABLE {$state} (
  entity_key varchar(191) NOT NULL,
  modified_at varchar(40) NOT NULL DEFAULT '',
  payload_hash char(64) NOT NULL DEFAULT '',
  applied_at datetime NOT NULL,
  PRIMARY KEY  (entity_key)
) {$collate};"
		);
	}

	/**
	 * Version 4: the order push outbox.
	 */
	private function create_order_outbox_table(): void {
		dbDelta( OrderOutbox::schema( $this->wpdb->prefix . OrderOutbox::TABLE, $this->wpdb->get_charset_collate() ) );
	}

	/**
	 * Version 5: the KiotViet ↔ WooCommerce mapping (products, variations, categories) and the image
	 * download registry (source URL → attachment).
	 */
	private function create_mapping_tables(): void {
		$collate = $this->wpdb->get_charset_collate();
		$map     = $this->wpdb->prefix . MappingRepository::TABLE;
		$images  = $this->wpdb->prefix . ImageRepository::TABLE;
		dbDelta(
			"CREATE TABLE {$map} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  retailer varchar(64) NOT NULL,
  kind varchar(16) NOT NULL,
  kv_id bigint(20) NOT NULL,
  woo_id bigint(20) unsigned NOT NULL DEFAULT 0,
  sku varchar(100) DEFAULT NULL,
  kv_modified_at datetime DEFAULT NULL,
  synced_at datetime DEFAULT NULL,
  last_error text DEFAULT NULL,
  locked_fields text DEFAULT NULL,
  payload_hash char(40) DEFAULT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY retailer_kind_kv (retailer,kind,kv_id),
  KEY kind_woo (kind,woo_id)
) {$collate};"
		);
		dbDelta(
			"CREATE TABLE {$images} (
  url_hash char(40) NOT NULL,
  url text NOT NULL,
  attachment_id bigint(20) unsigned NOT NULL DEFAULT 0,
  attempts smallint(5) unsigned NOT NULL DEFAULT 0,
  last_error text DEFAULT NULL,
  next_attempt_at datetime DEFAULT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (url_hash),
  KEY attachment_id (attachment_id)
) {$collate};"
		);
	}

	/**
	 * Version 6: indexes in the products list's order (family, parent before variants, id), overall and per
	 * selection, so a page is read from the index instead of sorting every cached product; the mapping's
	 * key with woo_id, so the list's "synced"/"new" filters and counts read the index only.
	 */
	private function add_product_list_indexes(): void {
		$products = $this->wpdb->prefix . CatalogCacheRepository::PRODUCTS_TABLE;
		$indexes  = array(
			'list_order'    => array( $products, '(retailer,family_id,is_variant,kv_id)' ),
			'list_selected' => array( $products, '(retailer,selected,family_id,is_variant,kv_id)' ),
			'list_woo'      => array( $this->wpdb->prefix . MappingRepository::TABLE, '(retailer,kind,kv_id,woo_id)' ),
		);
		foreach ( $indexes as $name => list( $table, $columns ) ) {
			// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- Schema change; names are ours.
			$exists = $this->wpdb->get_var( $this->wpdb->prepare( "SHOW INDEX FROM {$table} WHERE Key_name = %s", $name ) );
			if ( null === $exists ) {
				$this->wpdb->query( "ALTER TABLE {$table} ADD INDEX {$name} {$columns}" );
			}
			// phpcs:enable
		}
	}
}
