<?php
/**
 * Sync history routes.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Storage\SyncLog;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /history (filtered, paginated, newest first) and GET /history/export (the same filters as a CSV
 * download). Both need manage_woocommerce and, with cookie auth, the wp_rest nonce, like every admin route.
 * Nothing is ever written to a file: the CSV is built in a temporary stream and sent with the response.
 */
final class HistoryController extends AbstractController {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'history';

	/**
	 * History table.
	 *
	 * @var SyncLog
	 */
	private SyncLog $log;

	/**
	 * Creates the controller.
	 *
	 * @param SyncLog $log History table.
	 */
	public function __construct( SyncLog $log ) {
		$this->log = $log;
	}

	/**
	 * Registers the routes and the raw CSV output.
	 */
	public function register_routes(): void {
		$list          = $this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_history' ) );
		$list['args']  = self::filter_args( true );
		$export        = $this->endpoint( WP_REST_Server::READABLE, array( $this, 'export_history' ) );
		$export['args'] = self::filter_args( false );
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				$list,
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route( $this->namespace, '/' . $this->rest_base . '/export', array( $export ) );
		if ( ! has_filter( 'rest_pre_serve_request', array( self::class, 'serve_csv' ) ) ) {
			add_filter( 'rest_pre_serve_request', array( self::class, 'serve_csv' ), 10, 4 );
		}
	}

	/**
	 * GET /history.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function get_history( WP_REST_Request $request ): array {
		$filters  = self::filters( $request );
		$page     = max( 1, (int) $request->get_param( 'page' ) );
		$per_page = max( 1, min( SyncLog::MAX_PER_PAGE, (int) ( $request->get_param( 'per_page' ) ?? 50 ) ) );
		$total    = $this->log->count( $filters );
		$zone     = wp_timezone();
		$items    = array();
		foreach ( $this->log->query( $filters, $page, $per_page ) as $row ) {
			$items[] = $this->prepare_item_for_response( self::item( $row, $zone ), $request )->get_data();
		}
		return array(
			'items'       => $items,
			'total'       => $total,
			'page'        => $page,
			'per_page'    => $per_page,
			'total_pages' => (int) ceil( $total / $per_page ),
		);
	}

	/**
	 * GET /history/export: CSV download of every matching row.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function export_history( WP_REST_Request $request ): WP_REST_Response {
		$stream = fopen( 'php://temp/maxmemory:2097152', 'w+' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- memory/temp stream, nothing under uploads.
		if ( false === $stream ) {
			throw new \RuntimeException( 'Could not open a temporary stream for the CSV export.' );
		}
		// UTF-8 BOM so spreadsheet programs show Vietnamese correctly.
		fwrite( $stream, "\xEF\xBB\xBF" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite
		$this->log->export_csv( self::filters( $request ), $stream, wp_timezone() );
		rewind( $stream );
		$csv = (string) stream_get_contents( $stream );
		fclose( $stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose

		$response = new WP_REST_Response( $csv, 200 );
		$response->header( 'Content-Type', 'text/csv; charset=utf-8' );
		$response->header( 'Content-Disposition', 'attachment; filename="' . self::filename() . '"' );
		$response->header( 'X-Content-Type-Options', 'nosniff' );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * Filter on rest_pre_serve_request: sends the CSV of /history/export as is (not JSON-encoded).
	 *
	 * @param bool             $served  Whether the request was already served.
	 * @param mixed            $result  Response.
	 * @param WP_REST_Request  $request Request.
	 * @param \WP_REST_Server  $server  Server.
	 * @return bool
	 */
	public static function serve_csv( $served, $result, $request, $server ): bool {
		unset( $server );
		if ( $served || ! ( $result instanceof WP_REST_Response ) || ! ( $request instanceof WP_REST_Request ) ) {
			return (bool) $served;
		}
		if ( '/' . self::NAMESPACE_V1 . '/history/export' !== $request->get_route() || 200 !== $result->get_status() || ! is_string( $result->get_data() ) ) {
			return false;
		}
		echo $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- text/csv download with nosniff, cells neutralised by SyncLog::csv_cell().
		return true;
	}

	/**
	 * A safe download name: letters, digits, dashes only.
	 */
	public static function filename(): string {
		return 'kiotviet-sync-history-' . wp_date( 'Ymd-His' ) . '.csv';
	}

	/**
	 * Filters from the validated query.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, string>
	 */
	private static function filters( WP_REST_Request $request ): array {
		$filters = array();
		foreach ( array( 'channel', 'result', 'from', 'to', 'search' ) as $key ) {
			$value = $request->get_param( $key );
			if ( is_string( $value ) && '' !== $value ) {
				$filters[ $key ] = $value;
			}
		}
		return $filters;
	}

	/**
	 * One row as the API item.
	 *
	 * @param array<string, mixed> $row  Row.
	 * @param \DateTimeZone        $zone Site timezone.
	 * @return array<string, mixed>
	 */
	private static function item( array $row, \DateTimeZone $zone ): array {
		$object_type = isset( $row['object_type'] ) && '' !== $row['object_type'] ? (string) $row['object_type'] : null;
		$object_id   = isset( $row['object_id'] ) ? (int) $row['object_id'] : null;
		return array(
			'id'          => (int) $row['id'],
			'created_at'  => SyncLog::local_time( (string) $row['created_at'], $zone ),
			'channel'     => (string) $row['channel'],
			'action'      => (string) $row['action'],
			'result'      => (string) $row['result'],
			'message'     => (string) $row['message'],
			'object_type' => $object_type,
			'object_id'   => $object_id,
			'kiotviet_id' => isset( $row['kiotviet_id'] ) ? (int) $row['kiotviet_id'] : null,
			'edit_url'    => self::edit_url( $object_type, $object_id ),
		);
	}

	/**
	 * Admin link to the WooCommerce product or order, when it exists and the user may edit it.
	 *
	 * @param string|null $type Object type.
	 * @param int|null    $id   Object id.
	 */
	private static function edit_url( ?string $type, ?int $id ): ?string {
		if ( null === $type || null === $id || $id <= 0 ) {
			return null;
		}
		if ( 'order' === $type ) {
			$order = function_exists( 'wc_get_order' ) ? wc_get_order( $id ) : false;
			if ( $order instanceof \WC_Order && current_user_can( 'edit_shop_orders' ) ) {
				return $order->get_edit_order_url();
			}
			return null;
		}
		if ( in_array( $type, array( 'product', 'variation' ), true ) ) {
			$post_id = $id;
			if ( 'variation' === $type ) {
				$parent  = (int) wp_get_post_parent_id( $id );
				$post_id = $parent > 0 ? $parent : $id;
			}
			$url = get_edit_post_link( $post_id, 'raw' );
			return is_string( $url ) && '' !== $url ? $url : null;
		}
		if ( 'category' === $type ) {
			$url = get_edit_term_link( $id, 'product_cat', 'product' );
			return is_string( $url ) && '' !== $url ? $url : null;
		}
		return null;
	}

	/**
	 * Query args of the list (with pagination) or of the export.
	 *
	 * @param bool $paginated Whether page/per_page apply.
	 * @return array<string, array<string, mixed>>
	 */
	private static function filter_args( bool $paginated ): array {
		$args = array(
			'channel' => array(
				'type'      => 'string',
				'pattern'   => '^[a-z_]{0,32}$',
				'maxLength' => 32,
			),
			'result'  => array(
				'type' => 'string',
				'enum' => array( '', SyncLog::RESULT_OK, SyncLog::RESULT_ERROR, SyncLog::RESULT_SKIPPED ),
			),
			'from'    => array(
				'type'    => 'string',
				'pattern' => '^(\d{4}-\d{2}-\d{2})?$',
			),
			'to'      => array(
				'type'    => 'string',
				'pattern' => '^(\d{4}-\d{2}-\d{2})?$',
			),
			'search'  => array(
				'type'      => 'string',
				'maxLength' => 200,
			),
		);
		if ( $paginated ) {
			$args['page']     = array(
				'type'    => 'integer',
				'minimum' => 1,
				'default' => 1,
			);
			$args['per_page'] = array(
				'type'    => 'integer',
				'minimum' => 1,
				'maximum' => SyncLog::MAX_PER_PAGE,
				'default' => 50,
			);
		}
		return $args;
	}

	/**
	 * Item schema (the keys an item may have).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'kiotviet-sync-history-item',
			'type'       => 'object',
			'properties' => array(
				'id'          => array( 'type' => 'integer' ),
				'created_at'  => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
				'channel'     => array( 'type' => 'string' ),
				'action'      => array( 'type' => 'string' ),
				'result'      => array( 'type' => 'string' ),
				'message'     => array( 'type' => 'string' ),
				'object_type' => array( 'type' => array( 'string', 'null' ) ),
				'object_id'   => array( 'type' => array( 'integer', 'null' ) ),
				'kiotviet_id' => array( 'type' => array( 'integer', 'null' ) ),
				'edit_url'    => array( 'type' => array( 'string', 'null' ) ),
			),
		);
	}
}
