<?php
/**
 * Executes background runs step by step.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\KiotViet\Exception\RateLimitedException;
use KiotVietSync\Storage\RunRepository;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Support\Clock;
use KiotVietSync\Support\PluginException;
use KiotVietSync\Sync\Catalog\Runs\Run;
use KiotVietSync\Sync\Catalog\Runs\RunHandler;
use KiotVietSync\Sync\Catalog\Runs\SliceAwareHandler;
use KiotVietSync\Sync\Connection\Connection;

/**
 * One run at a time (RunRepository::start), one worker per run (RunRepository::claim with a heartbeat;
 * a worker silent for STALL_SECONDS is presumed dead and its run is taken over from the last checkpoint).
 *
 * A job invocation (hook kiotviet_sync_run_step, args [run_id]) executes steps — each one KiotViet page or
 * one import batch, checkpointed — until its time slice (15 s, filter kiotviet_sync_run_slice_seconds) or
 * memory bound is used, then schedules the next invocation through the Scheduler (Action Scheduler or
 * WP-Cron). Tests and benchmarks call run_until_idle() to drive runs synchronously.
 */
final class RunRunner implements Registerable {

	public const HOOK = 'kiotviet_sync_run_step';

	public const STALL_SECONDS = 300;

	private RunRepository $runs;

	/** @var array<string, RunHandler> */
	private array $handlers = array();

	private Scheduler $scheduler;

	private Clock $clock;

	private SyncLogWriter $log;

	/**
	 * @param RunHandler[] $handlers Handlers.
	 */
	public function __construct( RunRepository $runs, array $handlers, Scheduler $scheduler, Clock $clock, SyncLogWriter $log ) {
		$this->runs = $runs;
		foreach ( $handlers as $handler ) {
			$this->handlers[ $handler->kind() ] = $handler;
		}
		$this->scheduler = $scheduler;
		$this->clock     = $clock;
		$this->log       = $log;
	}

	public function register(): void {
		add_action( self::HOOK, array( $this, 'handle' ), 10, 1 );
		add_action( 'kiotviet_sync_branch_selected', array( $this, 'on_branch_selected' ), 20, 1 );
		add_action( 'kiotviet_sync_disconnected', array( $this, 'on_disconnected' ), 20, 1 );
		foreach ( $this->handlers as $handler ) {
			if ( $handler instanceof Registerable ) {
				$handler->register();
			}
		}
	}

	public function repository(): RunRepository {
		return $this->runs;
	}

	/**
	 * Starts a run of a kind.
	 *
	 * @throws PluginException 409 kiotviet_sync_run_active, or the handler's precondition errors.
	 */
	public function start( string $kind, string $retailer ): Run {
		$handler = $this->handler( $kind );
		$handler->assert_can_start();
		list( $started, $run ) = $this->runs->start( Run::create( $kind, $retailer, $handler->phases(), $this->clock->now() ) );
		if ( ! $started ) {
			throw new PluginException( 'kiotviet_sync_run_active', __( 'Another sync is in progress. Wait for it to finish, or cancel it.', 'kiotviet-sync' ), 409, array(), null );
		}
		$this->schedule( $run->id() );
		return $run;
	}

	/**
	 * Pauses, resumes or cancels a run.
	 *
	 * @param string $action pause|resume|cancel.
	 * @throws PluginException 404 kiotviet_sync_not_found, 409 kiotviet_sync_run_state.
	 */
	public function control( int $id, string $action ): Run {
		$run = $this->runs->find( $id );
		if ( null === $run ) {
			throw new PluginException( 'kiotviet_sync_not_found', __( 'This sync run does not exist.', 'kiotviet-sync' ), 404 );
		}
		$to = array(
			'pause'  => Run::PAUSED,
			'resume' => Run::QUEUED,
			'cancel' => Run::CANCELLED,
		)[ $action ] ?? '';
		if ( $run->state() === $to || ( 'resume' === $action && $run->is_runnable() ) ) {
			return $run;
		}
		if ( ! Run::can_transition( $run->state(), $to ) ) {
			throw new PluginException( 'kiotviet_sync_run_state', __( 'This sync run cannot be changed in its current state.', 'kiotviet-sync' ), 409 );
		}
		if ( 'resume' === $action ) {
			$active = $this->runs->active();
			if ( null !== $active && $active->id() !== $run->id() ) {
				throw new PluginException( 'kiotviet_sync_run_active', __( 'Another sync is in progress. Wait for it to finish, or cancel it.', 'kiotviet-sync' ), 409 );
			}
		}
		$run->transition( $to, $this->clock->now(), 'resume' === $action ? null : $run->message() );
		$this->runs->save( $run );
		if ( 'resume' === $action ) {
			$this->schedule( $run->id() );
		}
		return $run;
	}

	/**
	 * Job callback.
	 *
	 * @param mixed $run_id Run id.
	 */
	public function handle( $run_id ): void {
		$seconds = (float) apply_filters( 'kiotviet_sync_run_slice_seconds', 15.0 );
		$this->run_slice( (int) $run_id, $seconds, PHP_INT_MAX, true );
	}

	/**
	 * Drives runs synchronously (tests, benchmarks): executes up to $max_steps steps of the active run(s),
	 * without scheduling, until no run is runnable. Returns the number of steps executed.
	 */
	public function run_until_idle( int $max_steps ): int {
		$done = 0;
		while ( $done < $max_steps ) {
			$run = $this->runs->active();
			if ( null === $run || ! $run->is_runnable() ) {
				break;
			}
			$steps = $this->run_slice( $run->id(), INF, $max_steps - $done, false );
			if ( 0 === $steps ) {
				break;
			}
			$done += $steps;
		}
		return $done;
	}

	/**
	 * Re-schedules a runnable run that nobody is working on and nothing will pick up (e.g. the site lost its
	 * queued job, or a worker died). Cheap; called by GET /sync/status.
	 */
	public function nudge(): void {
		$run = $this->runs->active();
		if ( null === $run || ! $run->is_claimable( $this->clock->now(), self::STALL_SECONDS ) ) {
			return;
		}
		if ( ! $this->scheduler->is_scheduled( self::HOOK, array( $run->id() ) ) ) {
			$this->schedule( $run->id() );
		}
	}

	/**
	 * Executes steps of one run within a time and step budget.
	 *
	 * @return int Steps executed.
	 */
	public function run_slice( int $run_id, float $seconds, int $max_steps, bool $reschedule ): int {
		$token = function_exists( 'wp_generate_uuid4' ) ? wp_generate_uuid4() : bin2hex( random_bytes( 16 ) );
		$now   = $this->clock->now();
		if ( ! $this->runs->claim( $run_id, $token, $now, $now - self::STALL_SECONDS ) ) {
			return 0;
		}
		$started = microtime( true );
		$steps   = 0;
		$more    = false;
		$used    = array();
		try {
			while ( $steps < $max_steps ) {
				$run = $this->runs->find( $run_id );
				if ( null === $run || ! $run->is_runnable() ) {
					$more = false;
					break;
				}
				$handler = $this->handlers[ $run->kind() ] ?? null;
				if ( null !== $handler ) {
					$used[ $run->kind() ] = $handler;
				}
				if ( null === $handler ) {
					$run->transition( Run::FAILED, $this->clock->now(), 'Unknown run kind.' );
					$this->runs->save( $run );
					break;
				}
				if ( Run::QUEUED === $run->state() ) {
					$run->transition( Run::RUNNING, $this->clock->now() );
					$this->runs->save( $run );
				}
				$delay = 0;
				try {
					$has_more = $handler->step( $run );
					$run->stepped( $this->clock->now() );
					if ( ! $has_more || 'done' === $run->phase() ) {
						$run->transition( Run::DONE, $this->clock->now(), null );
					}
				} catch ( RateLimitedException $e ) {
					// Keep the checkpoint; try again when KiotViet's window allows.
					$delay = max( 30, (int) $e->get_retry_after() );
					$run->set_message( __( 'Waiting for KiotViet\'s request limit to reset.', 'kiotviet-sync' ) );
					$run->stepped( $this->clock->now() );
				} catch ( \Throwable $e ) {
					$run->transition( Run::FAILED, $this->clock->now(), self::failure_message( $e ) );
					$this->log->record(
						SyncLogWriter::CHANNEL_IMPORT,
						$run->kind(),
						SyncLogWriter::RESULT_ERROR,
						sprintf( 'The %s run stopped in phase %s: %s', $run->kind(), $run->phase(), $e->getMessage() ),
						array(
							'run_id'    => $run->id(),
							'exception' => get_class( $e ),
						)
					);
				}
				++$steps;
				if ( ! $this->runs->holds( $run_id, $token ) ) {
					// Presumed dead and taken over by another worker: its checkpoint wins.
					return $steps;
				}
				$this->merge_control_state( $run );
				$this->runs->save( $run );
				$more = $run->is_runnable();
				if ( ! $more ) {
					break;
				}
				if ( $delay > 0 ) {
					$this->runs->release( $run_id, $token );
					if ( $reschedule ) {
						$this->schedule( $run_id, $delay );
					}
					return $steps;
				}
				if ( microtime( true ) - $started >= $seconds || self::memory_tight() ) {
					break;
				}
			}
		} finally {
			$this->end_slice( $used );
			$this->runs->release( $run_id, $token );
		}
		if ( $more && $reschedule ) {
			$this->schedule( $run_id );
		}
		return $steps;
	}

	/**
	 * Tells the handlers that ran in this slice that it ends (they finish work deferred across its steps).
	 * Never throws: the slice's steps are checkpointed already.
	 *
	 * @param array<string, RunHandler> $handlers Handlers used, by run kind.
	 */
	private function end_slice( array $handlers ): void {
		foreach ( $handlers as $handler ) {
			if ( ! $handler instanceof SliceAwareHandler ) {
				continue;
			}
			try {
				$handler->end_slice();
			} catch ( \Throwable $e ) {
				$this->log->record( SyncLogWriter::CHANNEL_IMPORT, 'slice', SyncLogWriter::RESULT_ERROR, 'End of worker slice failed: ' . $e->getMessage(), array( 'exception' => get_class( $e ) ) );
			}
		}
	}

	/**
	 * A pause or cancel that arrived while the step ran wins over the worker's copy.
	 */
	private function merge_control_state( Run $run ): void {
		$fresh = $this->runs->find( $run->id() );
		if ( null === $fresh || $fresh->is_runnable() || $fresh->state() === $run->state() ) {
			return;
		}
		if ( Run::can_transition( $run->state(), $fresh->state() ) ) {
			$run->transition( $fresh->state(), $this->clock->now(), $fresh->message() );
		}
	}

	private static function failure_message( \Throwable $e ): string {
		if ( $e instanceof PluginException || $e instanceof \KiotVietSync\KiotViet\Exception\KiotVietException ) {
			return $e->getMessage();
		}
		return __( 'The sync stopped because of an unexpected error. Resume it to try again.', 'kiotviet-sync' );
	}

	private static function memory_tight(): bool {
		$limit = function_exists( 'wp_convert_hr_to_bytes' ) ? wp_convert_hr_to_bytes( (string) ini_get( 'memory_limit' ) ) : -1;
		return $limit > 0 && memory_get_usage( true ) > 0.7 * $limit;
	}

	private function schedule( int $run_id, int $delay = 0 ): void {
		$this->scheduler->schedule_single( self::HOOK, array( $run_id ), $delay );
	}

	private function handler( string $kind ): RunHandler {
		if ( ! isset( $this->handlers[ $kind ] ) ) {
			throw new PluginException( 'kiotviet_sync_invalid_field', __( 'Unknown sync kind.', 'kiotviet-sync' ), 400 );
		}
		return $this->handlers[ $kind ];
	}

	/**
	 * Branch chosen: fetch the catalog (seed: choosing the branch leads to "Lấy dữ liệu từ KiotViet").
	 * A running fetch is restarted (its stock is for the old branch); an import keeps running.
	 *
	 * @param mixed $connection Connection.
	 */
	public function on_branch_selected( $connection ): void {
		if ( ! $connection instanceof Connection || null === $connection->retailer() ) {
			return;
		}
		$active = $this->runs->active();
		if ( null !== $active ) {
			if ( Run::KIND_FETCH !== $active->kind() ) {
				return;
			}
			$active->transition( Run::CANCELLED, $this->clock->now(), __( 'Cancelled: the product sync branch changed.', 'kiotviet-sync' ) );
			$this->runs->save( $active );
		}
		try {
			$this->start( Run::KIND_FETCH, (string) $connection->retailer() );
		} catch ( PluginException $e ) {
			$this->log->record( SyncLogWriter::CHANNEL_IMPORT, 'fetch', SyncLogWriter::RESULT_SKIPPED, 'The catalog fetch did not start: ' . $e->getMessage(), array() );
		}
	}

	/**
	 * Disconnected: cancel any active run (the cache stays; the disconnect flow decides about deletions).
	 *
	 * @param mixed $previous Previous connection.
	 */
	public function on_disconnected( $previous ): void {
		unset( $previous );
		$active = $this->runs->active();
		if ( null === $active ) {
			return;
		}
		$active->transition( Run::CANCELLED, $this->clock->now(), __( 'Cancelled: disconnected from KiotViet.', 'kiotviet-sync' ) );
		$this->runs->save( $active );
	}
}
