<?php
/**
 * One background run (fetch, import, …) and its state machine.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

/**
 * A run's persisted state: kind, state, current phase, checkpoint (cursor), per-phase progress and counts.
 * Pure: no WordPress calls. Every mutator returns nothing and changes this object; RunRepository saves it.
 *
 * States: queued → running → done | failed | cancelled; running ⇄ paused; queued → paused/cancelled;
 * failed → queued (resume retries the failed step from its checkpoint). done and cancelled are final.
 */
final class Run {

	public const KIND_FETCH  = 'fetch';
	public const KIND_IMPORT = 'import';

	public const QUEUED    = 'queued';
	public const RUNNING   = 'running';
	public const PAUSED    = 'paused';
	public const CANCELLED = 'cancelled';
	public const FAILED    = 'failed';
	public const DONE      = 'done';

	public const PHASE_PENDING = 'pending';
	public const PHASE_RUNNING = 'running';
	public const PHASE_DONE    = 'done';

	/** States in which a run blocks another run from starting. */
	public const ACTIVE_STATES = array( self::QUEUED, self::RUNNING, self::PAUSED );

	/** States in which the runner executes steps. */
	public const RUNNABLE_STATES = array( self::QUEUED, self::RUNNING );

	/**
	 * Allowed transitions: from => to[].
	 */
	private const TRANSITIONS = array(
		self::QUEUED    => array( self::RUNNING, self::PAUSED, self::CANCELLED, self::FAILED, self::DONE ),
		self::RUNNING   => array( self::PAUSED, self::CANCELLED, self::FAILED, self::DONE ),
		self::PAUSED    => array( self::QUEUED, self::CANCELLED ),
		self::FAILED    => array( self::QUEUED, self::CANCELLED ),
		self::DONE      => array(),
		self::CANCELLED => array(),
	);

	private int $id;
	private string $kind;
	private string $retailer;
	private string $state;
	private string $phase;
	/** @var array<string, mixed> */
	private array $cursor;
	/** @var array<int, array{name: string, state: string, done: int, total: int|null}> */
	private array $phases;
	/** @var array<string, int> */
	private array $counts;
	private ?string $message;
	private int $steps;
	private int $started_at;
	private int $updated_at;
	private ?int $heartbeat_at;
	private ?int $finished_at;
	private ?string $lock_token;

	/**
	 * @param array<string, mixed>                                                         $cursor Checkpoint.
	 * @param array<int, array{name: string, state: string, done: int, total: int|null}> $phases Progress per phase.
	 * @param array<string, int>                                                           $counts Counts.
	 */
	public function __construct( int $id, string $kind, string $retailer, string $state, string $phase, array $cursor, array $phases, array $counts, ?string $message, int $steps, int $started_at, int $updated_at, ?int $heartbeat_at, ?int $finished_at, ?string $lock_token ) {
		$this->id           = $id;
		$this->kind         = $kind;
		$this->retailer     = $retailer;
		$this->state        = $state;
		$this->phase        = $phase;
		$this->cursor       = $cursor;
		$this->phases       = $phases;
		$this->counts       = $counts + self::empty_counts();
		$this->message      = $message;
		$this->steps        = $steps;
		$this->started_at   = $started_at;
		$this->updated_at   = $updated_at;
		$this->heartbeat_at = $heartbeat_at;
		$this->finished_at  = $finished_at;
		$this->lock_token   = $lock_token;
	}

	/**
	 * A new queued run (id 0 until saved).
	 *
	 * @param string   $kind     Kind.
	 * @param string   $retailer Retailer.
	 * @param string[] $phases   Phase names in order.
	 * @param int      $now      Unix time.
	 * @param array<string, mixed> $cursor Initial checkpoint.
	 */
	public static function create( string $kind, string $retailer, array $phases, int $now, array $cursor = array() ): self {
		$list = array();
		foreach ( $phases as $name ) {
			$list[] = array(
				'name'  => $name,
				'state' => self::PHASE_PENDING,
				'done'  => 0,
				'total' => null,
			);
		}
		return new self( 0, $kind, $retailer, self::QUEUED, $phases[0] ?? 'done', $cursor, $list, self::empty_counts(), null, 0, $now, $now, null, null, null );
	}

	/**
	 * @return array<string, int>
	 */
	public static function empty_counts(): array {
		return array(
			'created' => 0,
			'updated' => 0,
			'skipped' => 0,
			'failed'  => 0,
		);
	}

	/** Whether a transition is allowed. */
	public static function can_transition( string $from, string $to ): bool {
		return isset( self::TRANSITIONS[ $from ] ) && in_array( $to, self::TRANSITIONS[ $from ], true );
	}

	/**
	 * Moves to another state.
	 *
	 * @throws \LogicException When the transition is not allowed.
	 */
	public function transition( string $to, int $now, ?string $message = null ): void {
		if ( $to === $this->state ) {
			return;
		}
		if ( ! self::can_transition( $this->state, $to ) ) {
			throw new \LogicException( sprintf( 'A %s run cannot become %s.', $this->state, $to ) );
		}
		$this->state      = $to;
		$this->updated_at = $now;
		if ( null !== $message ) {
			$this->message = $message;
		}
		if ( in_array( $to, array( self::DONE, self::FAILED, self::CANCELLED ), true ) ) {
			$this->finished_at = $now;
		} else {
			$this->finished_at = null;
		}
		if ( self::DONE === $to ) {
			$this->phase = 'done';
		}
	}

	public function id(): int {
		return $this->id;
	}

	public function with_id( int $id ): self {
		$copy     = clone $this;
		$copy->id = $id;
		return $copy;
	}

	public function kind(): string {
		return $this->kind;
	}

	public function retailer(): string {
		return $this->retailer;
	}

	public function state(): string {
		return $this->state;
	}

	public function is_active(): bool {
		return in_array( $this->state, self::ACTIVE_STATES, true );
	}

	public function is_runnable(): bool {
		return in_array( $this->state, self::RUNNABLE_STATES, true );
	}

	public function phase(): string {
		return $this->phase;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function cursor(): array {
		return $this->cursor;
	}

	/**
	 * Replaces the checkpoint.
	 *
	 * @param array<string, mixed> $cursor Checkpoint.
	 */
	public function set_cursor( array $cursor ): void {
		$this->cursor = $cursor;
	}

	/**
	 * @return array<int, array{name: string, state: string, done: int, total: int|null}>
	 */
	public function phases(): array {
		return $this->phases;
	}

	/**
	 * Names of the phases, in order.
	 *
	 * @return string[]
	 */
	public function phase_names(): array {
		return array_map(
			static function ( array $p ): string {
				return $p['name'];
			},
			$this->phases
		);
	}

	/** Marks the current phase running with progress. */
	public function progress( int $done, ?int $total ): void {
		foreach ( $this->phases as $i => $p ) {
			if ( $p['name'] === $this->phase ) {
				$this->phases[ $i ]['state'] = self::PHASE_RUNNING;
				$this->phases[ $i ]['done']  = max( 0, $done );
				if ( null !== $total ) {
					$this->phases[ $i ]['total'] = max( 0, $total );
				}
			}
		}
	}

	/**
	 * Completes the current phase and moves to the next one (or 'done' after the last).
	 *
	 * @param array<string, mixed> $cursor Checkpoint of the next phase.
	 * @return bool True when another phase follows.
	 */
	public function next_phase( array $cursor = array() ): bool {
		$next  = null;
		$found = false;
		foreach ( $this->phases as $i => $p ) {
			if ( $found && null === $next ) {
				$next = $p['name'];
			}
			if ( $p['name'] === $this->phase ) {
				$found                       = true;
				$this->phases[ $i ]['state'] = self::PHASE_DONE;
				if ( null === $this->phases[ $i ]['total'] ) {
					$this->phases[ $i ]['total'] = $this->phases[ $i ]['done'];
				}
			}
		}
		$this->cursor = $cursor;
		if ( null === $next ) {
			$this->phase = 'done';
			return false;
		}
		$this->phase = $next;
		return true;
	}

	/**
	 * @return array<string, int>
	 */
	public function counts(): array {
		return $this->counts;
	}

	/** Adds to a count. */
	public function add_count( string $key, int $by ): void {
		$this->counts[ $key ] = ( $this->counts[ $key ] ?? 0 ) + $by;
	}

	public function message(): ?string {
		return $this->message;
	}

	public function set_message( ?string $message ): void {
		$this->message = $message;
	}

	public function steps(): int {
		return $this->steps;
	}

	/** Records one executed step. */
	public function stepped( int $now ): void {
		++$this->steps;
		$this->updated_at   = $now;
		$this->heartbeat_at = $now;
	}

	public function started_at(): int {
		return $this->started_at;
	}

	public function updated_at(): int {
		return $this->updated_at;
	}

	public function heartbeat_at(): ?int {
		return $this->heartbeat_at;
	}

	public function finished_at(): ?int {
		return $this->finished_at;
	}

	public function lock_token(): ?string {
		return $this->lock_token;
	}

	/**
	 * Whether another worker may take the run over: not locked, or the lock holder's heartbeat is older than
	 * the stall limit (it crashed or was killed).
	 */
	public function is_claimable( int $now, int $stall_seconds ): bool {
		if ( ! $this->is_runnable() ) {
			return false;
		}
		if ( null === $this->lock_token ) {
			return true;
		}
		return null === $this->heartbeat_at || $this->heartbeat_at < $now - $stall_seconds;
	}

	/**
	 * The REST shape (docs/architecture.md "Catalog (issue 5)"), dates as ISO 8601 UTC.
	 *
	 * @return array<string, mixed>
	 */
	public function to_response(): array {
		$phases = array();
		foreach ( $this->phases as $p ) {
			$phases[] = array(
				'name'  => $p['name'],
				'state' => $p['state'],
				'done'  => $p['done'],
				// Unknown totals read as 0 (the admin app's schema wants an integer).
				'total' => null === $p['total'] ? 0 : max( (int) $p['total'], 0 ),
			);
		}
		return array(
			'id'          => $this->id,
			'kind'        => $this->kind,
			'state'       => $this->state,
			'phase'       => $this->phase,
			'phases'      => $phases,
			'counts'      => $this->counts,
			'message'     => $this->message,
			'started_at'  => self::iso( $this->started_at ),
			'updated_at'  => self::iso( $this->updated_at ),
			'finished_at' => null === $this->finished_at ? null : self::iso( $this->finished_at ),
		);
	}

	/** ISO 8601 in UTC. */
	public static function iso( int $time ): string {
		return gmdate( 'Y-m-d\TH:i:s+00:00', $time );
	}
}
