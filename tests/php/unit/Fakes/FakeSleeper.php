<?php
/**
 * Sleeper that records waits.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Fakes;

use KiotVietSync\Support\Sleeper;

/**
 * Records each requested wait instead of sleeping; optionally advances a FakeClock.
 */
final class FakeSleeper implements Sleeper {

	/**
	 * Waits in seconds.
	 *
	 * @var float[]
	 */
	public array $waits = array();

	/**
	 * Clock to advance.
	 *
	 * @var FakeClock|null
	 */
	private ?FakeClock $clock;

	/**
	 * Creates the sleeper.
	 *
	 * @param FakeClock|null $clock Clock to advance by each wait.
	 */
	public function __construct( ?FakeClock $clock = null ) {
		$this->clock = $clock;
	}

	/**
	 * Records a wait.
	 *
	 * @param float $seconds Seconds.
	 */
	public function sleep( float $seconds ): void {
		$this->waits[] = $seconds;
		if ( null !== $this->clock ) {
			$this->clock->advance( (int) ceil( $seconds ) );
		}
	}
}
