<?php
/**
 * Periodic repair of what webhooks missed.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\KiotViet\Exception\RateLimitedException;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Support\Clock;
use KiotVietSync\Sync\Catalog\KvProduct;

/**
 * One reconciliation run: pulls what changed in KiotViet since the watermark and repairs mapped products
 * through the writer, so a dropped webhook is repaired by one run.
 * - GET /products?lastModifiedFrom=W&includeRemoveIds=true&includeInventory=true&includePricebook=true
 *   (paged, orderBy modifiedDate) → products re-applied, removedIds → draft;
 * - GET /productOnHands?lastModifiedFrom=W (paged) → stock of mapped products;
 * - a re-price run (after a price book change) reads every product (no watermark).
 * The watermark is the envelope timestamp of the first products page, stored only after the run
 * completed; a run cut short by the page cap or the GET budget keeps the old one (the next run re-reads).
 */
final class Reconciler {

	public const CHANNEL   = 'reconcile';
	public const MAX_PAGES = 100;

	/**
	 * KiotViet reads.
	 *
	 * @var KiotVietReader
	 */
	private KiotVietReader $reader;

	/**
	 * Handler.
	 *
	 * @var EventHandler
	 */
	private EventHandler $handler;

	/**
	 * Options.
	 *
	 * @var WebhookOptions
	 */
	private WebhookOptions $options;

	/**
	 * History.
	 *
	 * @var SyncLogWriter
	 */
	private SyncLogWriter $log;

	/**
	 * Clock.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Creates the reconciler.
	 *
	 * @param KiotVietReader $reader  Reads.
	 * @param EventHandler   $handler Handler.
	 * @param WebhookOptions $options Options.
	 * @param SyncLogWriter  $log     History.
	 * @param Clock          $clock   Clock.
	 */
	public function __construct( KiotVietReader $reader, EventHandler $handler, WebhookOptions $options, SyncLogWriter $log, Clock $clock ) {
		$this->reader  = $reader;
		$this->handler = $handler;
		$this->options = $options;
		$this->log     = $log;
		$this->clock   = $clock;
	}

	/**
	 * Runs once.
	 *
	 * @param bool $reprice_all Read every product (price book change) instead of the changes since the watermark.
	 * @return array{products: int, applied: int, skipped: int, failed: int, removed: int, stock: int, complete: bool, watermark: string|null}
	 */
	public function run( bool $reprice_all = false ): array {
		$since  = $reprice_all ? null : ( $this->options->watermark() ?? $this->default_since() );
		$totals = array(
			'products'  => 0,
			'applied'   => 0,
			'skipped'   => 0,
			'failed'    => 0,
			'removed'   => 0,
			'stock'     => 0,
			'complete'  => false,
			'watermark' => null,
		);
		$query = array(
			'includeInventory' => 'true',
			'includePricebook' => 'true',
			'orderBy'          => 'modifiedDate',
		);
		if ( null !== $since ) {
			$query['lastModifiedFrom'] = $since;
			$query['includeRemoveIds'] = 'true';
		}

		$first = null;
		$pages = 0;
		try {
			foreach ( $this->reader->pages( '/products', $query ) as $page ) {
				if ( null === $first ) {
					$first = $page->timestamp();
				}
				$products = array();
				foreach ( $page->data() as $item ) {
					if ( is_array( $item ) ) {
						$products[] = KvProduct::from_array( $item );
					}
				}
				$totals['products'] += count( $products );
				foreach ( $products as $product ) {
					$this->count( $totals, $this->handler->reread_product_from( $product ) );
				}
				foreach ( $page->removed_ids() as $removed ) {
					++$totals['removed'];
					$this->count( $totals, $this->handler->product_delete( (int) $removed ) );
				}
				if ( ++$pages >= self::MAX_PAGES ) {
					$this->finish( $totals, $since, false );
					return $totals;
				}
			}
			if ( null !== $since ) {
				foreach ( $this->reader->pages( '/productOnHands', array( 'lastModifiedFrom' => $since ) ) as $page ) {
					foreach ( $page->data() as $item ) {
						if ( ! is_array( $item ) || ! isset( $item['id'] ) || ! is_numeric( $item['id'] ) ) {
							continue;
						}
						$rows = isset( $item['inventories'] ) && is_array( $item['inventories'] ) ? $item['inventories'] : array();
						$r    = $this->handler->stock_from_rows( (int) $item['id'], $rows );
						if ( HandlerResult::APPLIED === $r->outcome() ) {
							++$totals['stock'];
						}
					}
					if ( ++$pages >= self::MAX_PAGES ) {
						$this->finish( $totals, $since, false );
						return $totals;
					}
				}
			}
		} catch ( RateLimitedException $e ) {
			$this->finish( $totals, $since, false, 'GET budget reached' );
			return $totals;
		}

		$totals['complete'] = true;
		if ( ! $reprice_all && null !== $first ) {
			$this->options->save_watermark( $first );
			$totals['watermark'] = $first;
		}
		$this->finish( $totals, $since, true );
		return $totals;
	}

	/**
	 * Counts one result.
	 *
	 * @param array<string, mixed> $totals Totals.
	 * @param HandlerResult        $result Result.
	 */
	private function count( array &$totals, HandlerResult $result ): void {
		if ( HandlerResult::APPLIED === $result->outcome() ) {
			++$totals['applied'];
			$this->log->record( self::CHANNEL, 'repair', SyncLogWriter::RESULT_OK, $result->message(), array( 'reason' => $result->reason() ), null === $result->woo_id() ? array() : array( 'object_type' => 'product', 'object_id' => $result->woo_id() ) );
		} elseif ( HandlerResult::REJECTED === $result->outcome() ) {
			++$totals['failed'];
			$this->log->record( self::CHANNEL, 'repair', SyncLogWriter::RESULT_ERROR, $result->message(), array( 'reason' => $result->reason() ) );
		} else {
			++$totals['skipped'];
		}
	}

	/**
	 * Logs the run.
	 *
	 * @param array<string, mixed> $totals   Totals.
	 * @param string|null          $since    Watermark used.
	 * @param bool                 $complete Whether the run completed.
	 * @param string               $why      Why it stopped early.
	 */
	private function finish( array $totals, ?string $since, bool $complete, string $why = 'page cap' ): void {
		$this->log->record(
			self::CHANNEL,
			'run',
			$complete ? SyncLogWriter::RESULT_OK : SyncLogWriter::RESULT_SKIPPED,
			$complete
				? sprintf( 'Reconciliation: %d product(s) checked, %d repaired, %d stock repaired, %d removed.', $totals['products'], $totals['applied'], $totals['stock'], $totals['removed'] )
				: sprintf( 'Reconciliation stopped early (%s) after %d product(s); the next run continues.', $why, $totals['products'] ),
			array(
				'since'   => $since,
				'applied' => $totals['applied'],
				'failed'  => $totals['failed'],
			)
		);
	}

	/**
	 * lastModifiedFrom of a first run: one hour ago, Vietnam time.
	 */
	private function default_since(): string {
		$date = ( new \DateTimeImmutable( '@' . ( $this->clock->now() - 3600 ) ) )->setTimezone( new \DateTimeZone( 'Asia/Ho_Chi_Minh' ) );
		return $date->format( 'Y-m-d\TH:i:s' );
	}
}
