<?php
/**
 * Daily sync history clean-up.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

use KiotVietSync\Infrastructure\Registerable;
use KiotVietSync\Storage\SyncLog;
use KiotVietSync\Storage\SyncSettingsRepository;

/**
 * Deletes history rows older than the retention setting (history_retention_days) once a day.
 * The recurring job is ensured on init and re-scheduled whenever the settings are saved.
 */
final class HistoryPruneJob implements Registerable {

	public const HOOK = 'kiotviet_sync_prune_history';

	public const INTERVAL = 86400;

	/**
	 * Scheduler.
	 *
	 * @var Scheduler
	 */
	private Scheduler $scheduler;

	/**
	 * History table.
	 *
	 * @var SyncLog
	 */
	private SyncLog $log;

	/**
	 * Settings.
	 *
	 * @var SyncSettingsRepository
	 */
	private SyncSettingsRepository $settings;

	/**
	 * Creates the job.
	 *
	 * @param Scheduler              $scheduler Scheduler.
	 * @param SyncLog                $log       History table.
	 * @param SyncSettingsRepository $settings  Settings.
	 */
	public function __construct( Scheduler $scheduler, SyncLog $log, SyncSettingsRepository $settings ) {
		$this->scheduler = $scheduler;
		$this->log       = $log;
		$this->settings  = $settings;
	}

	/**
	 * Hooks the job.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( 'kiotviet_sync_settings_saved', array( $this, 'reschedule' ) );
		if ( did_action( 'init' ) ) {
			$this->ensure_scheduled();
		} else {
			add_action( 'init', array( $this, 'ensure_scheduled' ) );
		}
	}

	/**
	 * Schedules the daily run when it is missing (first run in an hour).
	 */
	public function ensure_scheduled(): void {
		if ( ! $this->scheduler->is_scheduled( self::HOOK ) ) {
			$this->scheduler->schedule_recurring( self::HOOK, self::INTERVAL, array(), 3600 );
		}
	}

	/**
	 * Re-schedules after a settings change (the retention may have changed).
	 */
	public function reschedule(): void {
		$this->scheduler->unschedule_all( self::HOOK );
		$this->scheduler->schedule_recurring( self::HOOK, self::INTERVAL, array(), 3600 );
	}

	/**
	 * Deletes rows older than the retention period.
	 *
	 * @return int Rows deleted.
	 */
	public function run(): int {
		$days = (int) $this->settings->load()->get( 'history_retention_days' );
		return $this->log->prune_older_than( $days );
	}
}
