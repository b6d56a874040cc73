<?php
/**
 * What the outbox remembers about an order between push attempts.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use DateTimeImmutable;

/**
 * Immutable per-order push state, persisted by the adapter (outbox row / order meta) and passed back on the
 * next attempt. `needs_lookup` is set after an ambiguous POST /orders and cleared only when KiotViet was
 * searched; `first_sent_at` and `sent_customer_id` describe the first POST so the search can be narrow.
 */
final class PushState {

	private int $attempts;
	private bool $needs_lookup;
	private ?DateTimeImmutable $first_sent_at;
	private ?int $sent_customer_id;
	private ?int $kiotviet_id;
	private string $kiotviet_code;

	public function __construct( int $attempts = 0, bool $needs_lookup = false, ?DateTimeImmutable $first_sent_at = null, ?int $sent_customer_id = null, ?int $kiotviet_id = null, string $kiotviet_code = '' ) {
		$this->attempts         = max( 0, $attempts );
		$this->needs_lookup     = $needs_lookup;
		$this->first_sent_at    = $first_sent_at;
		$this->sent_customer_id = $sent_customer_id;
		$this->kiotviet_id      = ( null !== $kiotviet_id && $kiotviet_id > 0 ) ? $kiotviet_id : null;
		$this->kiotviet_code    = $kiotviet_code;
	}

	public static function fresh(): self {
		return new self();
	}

	/**
	 * @param array<string,mixed> $data to_array() output.
	 */
	public static function from_array( array $data ): self {
		$sent = $data['first_sent_at'] ?? null;
		return new self(
			(int) ( $data['attempts'] ?? 0 ),
			(bool) ( $data['needs_lookup'] ?? false ),
			is_string( $sent ) && '' !== $sent ? new DateTimeImmutable( $sent ) : null,
			isset( $data['sent_customer_id'] ) ? (int) $data['sent_customer_id'] : null,
			isset( $data['kiotviet_id'] ) ? (int) $data['kiotviet_id'] : null,
			(string) ( $data['kiotviet_code'] ?? '' )
		);
	}

	/** @return array{attempts:int,needs_lookup:bool,first_sent_at:?string,sent_customer_id:?int,kiotviet_id:?int,kiotviet_code:string} */
	public function to_array(): array {
		return array(
			'attempts'         => $this->attempts,
			'needs_lookup'     => $this->needs_lookup,
			'first_sent_at'    => null === $this->first_sent_at ? null : $this->first_sent_at->format( DATE_ATOM ),
			'sent_customer_id' => $this->sent_customer_id,
			'kiotviet_id'      => $this->kiotviet_id,
			'kiotviet_code'    => $this->kiotviet_code,
		);
	}

	/** A manual "Đồng bộ lại" after the attempts ran out: attempts restart, the duplicate protection stays. */
	public function for_manual_retry(): self {
		return new self( 0, $this->needs_lookup, $this->first_sent_at, $this->sent_customer_id, $this->kiotviet_id, $this->kiotviet_code );
	}

	public function attempts(): int {
		return $this->attempts;
	}

	public function needs_lookup(): bool {
		return $this->needs_lookup;
	}

	public function first_sent_at(): ?DateTimeImmutable {
		return $this->first_sent_at;
	}

	public function sent_customer_id(): ?int {
		return $this->sent_customer_id;
	}

	public function kiotviet_id(): ?int {
		return $this->kiotviet_id;
	}

	public function kiotviet_code(): string {
		return $this->kiotviet_code;
	}

	public function is_synced(): bool {
		return null !== $this->kiotviet_id;
	}

	public function with_attempt(): self {
		return new self( $this->attempts + 1, $this->needs_lookup, $this->first_sent_at, $this->sent_customer_id, $this->kiotviet_id, $this->kiotviet_code );
	}

	/**
	 * Records a POST /orders about to be sent. The first send time is kept; the customer stays known only while
	 * every send used the same one (null = search without a customer filter).
	 */
	public function with_sent( DateTimeImmutable $at, ?int $customer_id ): self {
		$customer = null === $this->first_sent_at
			? $customer_id
			: ( $this->sent_customer_id === $customer_id ? $customer_id : null );
		return new self( $this->attempts, $this->needs_lookup, $this->first_sent_at ?? $at, $customer, $this->kiotviet_id, $this->kiotviet_code );
	}

	public function with_lookup( bool $needs_lookup ): self {
		return new self( $this->attempts, $needs_lookup, $this->first_sent_at, $this->sent_customer_id, $this->kiotviet_id, $this->kiotviet_code );
	}

	public function with_kiotviet_order( int $id, string $code ): self {
		return new self( $this->attempts, false, $this->first_sent_at, $this->sent_customer_id, $id, $code );
	}
}
