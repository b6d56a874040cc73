<?php
/**
 * Sync run routes.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Rest;

use KiotVietSync\Jobs\RunRunner;
use KiotVietSync\Sync\Catalog\Runs\Run;
use KiotVietSync\Sync\Catalog\Runs\SyncStatus;
use KiotVietSync\Sync\Connection\ConnectionService;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET /sync/status, POST /sync/fetch, POST /sync/import (202), POST /sync/runs/{id}/pause|resume|cancel
 * (docs/architecture.md "Catalog (issue 5)").
 */
final class SyncController extends AbstractController {

	/**
	 * Route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'sync';

	private RunRunner $runner;

	private SyncStatus $status;

	private ConnectionService $connection;

	public function __construct( RunRunner $runner, SyncStatus $status, ConnectionService $connection ) {
		$this->runner     = $runner;
		$this->status     = $status;
		$this->connection = $connection;
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/sync/status',
			array( $this->endpoint( WP_REST_Server::READABLE, array( $this, 'get_status' ) ) )
		);
		register_rest_route(
			$this->namespace,
			'/sync/fetch',
			array( $this->endpoint( WP_REST_Server::CREATABLE, array( $this, 'start_fetch' ), self::empty_schema() ) )
		);
		register_rest_route(
			$this->namespace,
			'/sync/quick',
			array( $this->endpoint( WP_REST_Server::CREATABLE, array( $this, 'start_quick_sync' ), self::empty_schema() ) )
		);
		register_rest_route(
			$this->namespace,
			'/sync/import',
			array( $this->endpoint( WP_REST_Server::CREATABLE, array( $this, 'start_import' ), self::empty_schema() ) )
		);
		register_rest_route(
			$this->namespace,
			'/sync/runs/(?P<id>\d+)/(?P<action>pause|resume|cancel)',
			array( $this->endpoint( WP_REST_Server::CREATABLE, array( $this, 'control_run' ), self::empty_schema() ) )
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function empty_schema(): array {
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(),
		);
	}

	private function retailer(): ?string {
		return $this->connection->current()->retailer();
	}

	/**
	 * GET /sync/status. Also re-queues a run nobody is working on (lost job, dead worker).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function get_status( WP_REST_Request $request ): array {
		unset( $request );
		$this->runner->nudge();
		return $this->status->build( $this->retailer() );
	}

	/**
	 * POST /sync/fetch.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function start_fetch( WP_REST_Request $request ): WP_REST_Response {
		unset( $request );
		return $this->started( Run::KIND_FETCH );
	}

	/**
	 * POST /sync/import.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function start_import( WP_REST_Request $request ): WP_REST_Response {
		unset( $request );
		return $this->started( Run::KIND_IMPORT );
	}

	/**
	 * POST /sync/quick ("Đồng bộ nhanh"): resumes an interrupted (paused or failed) run when the latest run is
	 * one, else starts a quick_sync run (incremental fetch, then import of the selected products).
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function start_quick_sync( WP_REST_Request $request ): WP_REST_Response {
		unset( $request );
		$latest = $this->runner->repository()->latest();
		if ( null !== $latest && in_array( $latest->state(), array( Run::PAUSED, Run::FAILED ), true ) && $latest->retailer() === $this->retailer() ) {
			$run      = $this->runner->control( $latest->id(), 'resume' );
			$response = new WP_REST_Response( $this->status->build( $this->retailer(), $run ) );
			$response->set_status( 202 );
			return $response;
		}
		return $this->started( \KiotVietSync\Jobs\QuickSyncJob::KIND );
	}

	private function started( string $kind ): WP_REST_Response {
		$run      = $this->runner->start( $kind, (string) $this->retailer() );
		$response = new WP_REST_Response( $this->status->build( $this->retailer(), $run ) );
		$response->set_status( 202 );
		return $response;
	}

	/**
	 * POST /sync/runs/{id}/pause|resume|cancel.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function control_run( WP_REST_Request $request ): array {
		$run = $this->runner->control( (int) $request['id'], (string) $request['action'] );
		return $this->status->build( $this->retailer(), $run );
	}
}
