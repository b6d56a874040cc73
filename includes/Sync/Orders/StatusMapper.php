<?php
/**
 * Maps KiotViet order statuses to WooCommerce statuses.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use Normalizer;

/**
 * KiotViet order state → Woo status, and whether the Woo order may move.
 *
 * Recognition: the Vietnamese `statusValue` text first, the numeric `status` as fallback. The spec (§5.8)
 * marks the numbers as a reconstruction [U] and the texts as what the official plugin keys on; if both are
 * present and recognised but disagree, the text wins and the reason records the conflict. Texts are compared
 * after NFC normalisation, lower-casing and with both tone-mark placements ("hủy"/"huỷ").
 *
 * | KiotViet                               | Woo                                           |
 * |----------------------------------------|-----------------------------------------------|
 * | 1 Phiếu tạm (draft)                    | no change: every pushed order starts there; it says nothing new (the official plugin forced "processing", which wrongly promoted on-hold orders awaiting a bank transfer) |
 * | 5 Đã xác nhận, "Đang xử lý"            | processing                                    |
 * | 2 Đang giao hàng                       | processing (WooCommerce has no "shipped")     |
 * | 3 Hoàn thành                           | completed                                     |
 * | 4 Đã hủy                               | cancelled (WooCommerce restocks)              |
 * | anything else                          | no change, logged; never "pending"            |
 *
 * Never backwards: pending < on-hold < processing < completed; a late "Đang giao hàng" does not reopen a
 * completed order. Cancelled, refunded, failed (and trash/draft) are final: nothing re-opens them automatically
 * (KiotViet cannot un-cancel an order either). A completed Woo order is not cancelled from KiotViet: it was
 * paid and delivered, so cancelling (and restocking) it needs a person — the reason says so. An order in a
 * custom status only moves to completed or cancelled.
 */
final class StatusMapper {

	private const STATE_DRAFT      = 'draft';
	private const STATE_CONFIRMED  = 'confirmed';
	private const STATE_PROCESSING = 'processing';
	private const STATE_DELIVERING = 'delivering';
	private const STATE_COMPLETED  = 'completed';
	private const STATE_CANCELLED  = 'cancelled';

	private const TEXTS = array(
		'phiếu tạm'      => self::STATE_DRAFT,
		'đã xác nhận'    => self::STATE_CONFIRMED,
		'đang xử lý'     => self::STATE_PROCESSING,
		'đang giao hàng' => self::STATE_DELIVERING,
		'hoàn thành'     => self::STATE_COMPLETED,
		'đã hủy'         => self::STATE_CANCELLED,
		'đã huỷ'         => self::STATE_CANCELLED,
	);

	private const CODES = array(
		1 => self::STATE_DRAFT,
		2 => self::STATE_DELIVERING,
		3 => self::STATE_COMPLETED,
		4 => self::STATE_CANCELLED,
		5 => self::STATE_CONFIRMED,
	);

	private const WOO_TARGET = array(
		self::STATE_DRAFT      => null,
		self::STATE_CONFIRMED  => 'processing',
		self::STATE_PROCESSING => 'processing',
		self::STATE_DELIVERING => 'processing',
		self::STATE_COMPLETED  => 'completed',
		self::STATE_CANCELLED  => 'cancelled',
	);

	private const RANK = array(
		'pending'    => 0,
		'on-hold'    => 1,
		'processing' => 2,
		'completed'  => 3,
	);

	private const FINAL_STATUSES = array( 'cancelled', 'refunded', 'failed', 'trash', 'checkout-draft' );

	/**
	 * The Woo status a KiotViet status corresponds to, ignoring the order's current state; null when unknown or
	 * when the state carries no Woo meaning (draft).
	 */
	public function woo_status_for( ?int $status, ?string $status_value ): ?string {
		$state = $this->state( $status, $status_value )['state'];
		return null === $state ? null : self::WOO_TARGET[ $state ];
	}

	/**
	 * @param int|null    $status             KiotViet `Status`.
	 * @param string|null $status_value       KiotViet `StatusValue`.
	 * @param string      $current_woo_status Current Woo status (with or without "wc-").
	 */
	public function decide( ?int $status, ?string $status_value, string $current_woo_status ): StatusDecision {
		$found   = $this->state( $status, $status_value );
		$state   = $found['state'];
		$label   = $this->label( $status, $status_value );
		$current = WooOrderSnapshot::normalise_status( $current_woo_status );
		$suffix  = '' !== $found['note'] ? ' ' . $found['note'] : '';

		if ( null === $state ) {
			return new StatusDecision( null, sprintf( 'Unknown KiotViet order status %s; the order was left unchanged.', $label ), false );
		}
		$target = self::WOO_TARGET[ $state ];
		if ( null === $target ) {
			return new StatusDecision( null, sprintf( 'KiotViet status %s is the initial state of a pushed order; no change.%s', $label, $suffix ), true );
		}
		if ( $current === $target ) {
			return new StatusDecision( null, sprintf( 'The order is already %s (KiotViet %s).%s', $target, $label, $suffix ), true );
		}
		if ( in_array( $current, self::FINAL_STATUSES, true ) ) {
			return new StatusDecision( null, sprintf( 'The order is %s, which is final; KiotViet %s was not applied. Re-open it manually if needed.%s', $current, $label, $suffix ), true );
		}
		if ( 'completed' === $current && 'cancelled' === $target ) {
			return new StatusDecision( null, sprintf( 'KiotViet cancelled the order (%s) but it is completed on the website; cancel or refund it manually.%s', $label, $suffix ), true );
		}
		if ( 'cancelled' !== $target ) {
			if ( ! isset( self::RANK[ $current ] ) ) {
				if ( 'completed' !== $target ) {
					return new StatusDecision( null, sprintf( 'The order has the custom status %s; KiotViet %s does not move it.%s', $current, $label, $suffix ), true );
				}
			} elseif ( self::RANK[ $target ] <= self::RANK[ $current ] ) {
				return new StatusDecision( null, sprintf( 'KiotViet %s would move the order back from %s to %s; ignored.%s', $label, $current, $target, $suffix ), true );
			}
		}
		return new StatusDecision( $target, sprintf( 'KiotViet status %s: %s → %s.%s', $label, '' !== $current ? $current : '(none)', $target, $suffix ), true );
	}

	/**
	 * decide() for one `order.update` webhook item (PascalCase `Status`/`StatusValue`, camelCase also accepted,
	 * as in GET /orders results).
	 *
	 * @param array<string,mixed> $item Webhook Data item or REST order.
	 */
	public function decide_for_item( array $item, string $current_woo_status ): StatusDecision {
		$status = $item['Status'] ?? $item['status'] ?? null;
		$value  = $item['StatusValue'] ?? $item['statusValue'] ?? null;
		return $this->decide(
			is_numeric( $status ) ? (int) $status : null,
			is_string( $value ) ? $value : null,
			$current_woo_status
		);
	}

	/**
	 * @return array{state:?string,note:string}
	 */
	private function state( ?int $status, ?string $status_value ): array {
		$from_text = null;
		if ( null !== $status_value ) {
			$key       = self::text_key( $status_value );
			$from_text = self::TEXTS[ $key ] ?? null;
		}
		$from_code = null !== $status ? ( self::CODES[ $status ] ?? null ) : null;
		if ( null !== $from_text ) {
			$note = ( null !== $from_code && $from_code !== $from_text )
				? sprintf( '(Status code %d disagrees with the text; the text was used.)', (int) $status )
				: '';
			return array(
				'state' => $from_text,
				'note'  => $note,
			);
		}
		return array(
			'state' => $from_code,
			'note'  => '',
		);
	}

	private function label( ?int $status, ?string $status_value ): string {
		$parts = array();
		if ( null !== $status ) {
			$parts[] = (string) $status;
		}
		if ( null !== $status_value && '' !== trim( $status_value ) ) {
			$parts[] = '"' . trim( $status_value ) . '"';
		}
		return array() === $parts ? '(none)' : implode( ' ', $parts );
	}

	private static function text_key( string $text ): string {
		if ( class_exists( Normalizer::class ) ) {
			$normalized = Normalizer::normalize( $text, Normalizer::FORM_C );
			if ( is_string( $normalized ) ) {
				$text = $normalized;
			}
		}
		$text = trim( (string) preg_replace( '/\s+/u', ' ', $text ) );
		return mb_strtolower( $text, 'UTF-8' );
	}
}
