<?php
/**
 * KiotViet webhook event types.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * The event types KiotViet emits (kiotviet-api.md §6.3), the ones this plugin subscribes to, and the
 * prefix match of a notification `Action` ("stock.update.925719" = type + "." + retailer id, §6.4).
 */
final class WebhookType {

	public const PRODUCT_UPDATE         = 'product.update';
	public const PRODUCT_DELETE         = 'product.delete';
	public const STOCK_UPDATE           = 'stock.update';
	public const PRICEBOOK_UPDATE       = 'pricebook.update';
	public const PRICEBOOK_DELETE       = 'pricebook.delete';
	public const PRICEBOOKDETAIL_UPDATE = 'pricebookdetail.update';
	public const PRICEBOOKDETAIL_DELETE = 'pricebookdetail.delete';
	public const CATEGORY_UPDATE        = 'category.update';
	public const CATEGORY_DELETE        = 'category.delete';
	public const ORDER_UPDATE           = 'order.update';

	/**
	 * A delete whose type is unknown: the bare `{"RemoveId":[…]}` body names no type (§6.5).
	 */
	public const UNKNOWN_DELETE = 'unknown.delete';

	/**
	 * Every type the sync subscribes to (issue 6), in registration order.
	 */
	public const WANTED = array(
		self::PRODUCT_UPDATE,
		self::PRODUCT_DELETE,
		self::STOCK_UPDATE,
		self::PRICEBOOK_UPDATE,
		self::PRICEBOOK_DELETE,
		self::PRICEBOOKDETAIL_UPDATE,
		self::PRICEBOOKDETAIL_DELETE,
		self::CATEGORY_UPDATE,
		self::CATEGORY_DELETE,
		self::ORDER_UPDATE,
	);

	/**
	 * Every type KiotViet is known to emit (§6.3), wanted or not.
	 */
	public const KNOWN = array(
		self::PRODUCT_UPDATE,
		self::PRODUCT_DELETE,
		self::STOCK_UPDATE,
		self::PRICEBOOK_UPDATE,
		self::PRICEBOOK_DELETE,
		self::PRICEBOOKDETAIL_UPDATE,
		self::PRICEBOOKDETAIL_DELETE,
		self::CATEGORY_UPDATE,
		self::CATEGORY_DELETE,
		self::ORDER_UPDATE,
		'customer.update',
		'customer.delete',
		'invoice.update',
		'branch.update',
		'branch.delete',
	);

	/**
	 * Whether the sync handles this type.
	 *
	 * @param string $type Event type.
	 */
	public static function is_wanted( string $type ): bool {
		return in_array( $type, self::WANTED, true );
	}

	/**
	 * Whether the type names a deletion (its Data items are ids, or ids grouped per price book).
	 *
	 * @param string $type Event type.
	 */
	public static function is_delete( string $type ): bool {
		return '.delete' === substr( $type, -7 );
	}

	/**
	 * Splits an `Action` into the known type it starts with and the retailer id after it.
	 * Matching is by prefix on a dot boundary, case-insensitive, never by equality:
	 * "stock.update.925719" → stock.update / 925719; "stock.update" → stock.update / null;
	 * "product.updated.1" and "pricebook.update" vs "pricebookdetail.update" never mix.
	 *
	 * @param string $action Notification Action.
	 * @return array{0: string, 1: int|null}|null [type, retailer id] or null when no known type matches.
	 */
	public static function parse_action( string $action ): ?array {
		$action = strtolower( trim( $action ) );
		if ( '' === $action || strlen( $action ) > 200 ) {
			return null;
		}
		$best = null;
		foreach ( self::KNOWN as $type ) {
			if ( $action === $type || 0 === strpos( $action, $type . '.' ) ) {
				if ( null === $best || strlen( $type ) > strlen( $best ) ) {
					$best = $type;
				}
			}
		}
		if ( null === $best ) {
			return null;
		}
		$rest     = (string) substr( $action, strlen( $best ) + 1 );
		$retailer = null;
		if ( 1 === preg_match( '/^[0-9]{1,18}$/', $rest ) ) {
			$retailer = (int) $rest;
		}
		return array( $best, $retailer );
	}
}
