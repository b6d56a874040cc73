<?php
/**
 * Re-reads requested by a delivery that cannot be trusted.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * For a delivery that failed verification (or an event FreshnessGuard answered REREAD): the
 * entities to fetch again from the KiotViet API instead of applying the payload. A forged body can
 * thus at most cause bounded reads of the real data, never a change of its own.
 *
 * Mapping: product.update/delete, stock.update, pricebookdetail.* → product; category.* → category;
 * pricebook.* → pricebook; order.update → order; unknown.delete → nothing (no entity kind).
 * Results are de-duplicated and capped (`$max`, default 20) so a hostile body cannot drain the
 * API budget.
 */
final class RereadPlanner {

	public const ENTITY_PRODUCT   = 'product';
	public const ENTITY_CATEGORY  = 'category';
	public const ENTITY_PRICEBOOK = 'pricebook';
	public const ENTITY_ORDER     = 'order';

	private const ENTITIES = array(
		WebhookType::PRODUCT_UPDATE         => self::ENTITY_PRODUCT,
		WebhookType::PRODUCT_DELETE         => self::ENTITY_PRODUCT,
		WebhookType::STOCK_UPDATE           => self::ENTITY_PRODUCT,
		WebhookType::PRICEBOOKDETAIL_UPDATE => self::ENTITY_PRODUCT,
		WebhookType::PRICEBOOKDETAIL_DELETE => self::ENTITY_PRODUCT,
		WebhookType::CATEGORY_UPDATE        => self::ENTITY_CATEGORY,
		WebhookType::CATEGORY_DELETE        => self::ENTITY_CATEGORY,
		WebhookType::PRICEBOOK_UPDATE       => self::ENTITY_PRICEBOOK,
		WebhookType::PRICEBOOK_DELETE       => self::ENTITY_PRICEBOOK,
		WebhookType::ORDER_UPDATE           => self::ENTITY_ORDER,
	);

	/**
	 * Entities to re-read, in first-seen order.
	 *
	 * @param list<Event> $events Events (e.g. Delivery::events()).
	 * @param int         $max    Cap.
	 * @return list<array{entity: string, id: int}>
	 */
	public function plan( array $events, int $max = 20 ): array {
		$out  = array();
		$seen = array();
		foreach ( $events as $event ) {
			if ( count( $out ) >= $max ) {
				break;
			}
			if ( ! $event instanceof Event || ! isset( self::ENTITIES[ $event->type() ] ) ) {
				continue;
			}
			$entity = self::ENTITIES[ $event->type() ];
			$key    = $entity . ':' . $event->kiotviet_id();
			if ( isset( $seen[ $key ] ) ) {
				continue;
			}
			$seen[ $key ] = true;
			$out[]        = array(
				'entity' => $entity,
				'id'     => $event->kiotviet_id(),
			);
		}
		return $out;
	}
}
