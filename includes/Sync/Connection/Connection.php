<?php
/**
 * Stored connection value object.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Connection;

/**
 * What the plugin knows about its KiotViet connection, without the secret itself.
 */
final class Connection {

	public const STATE_NOT_CONNECTED = 'not_connected';
	public const STATE_NEEDS_BRANCH  = 'needs_branch';
	public const STATE_READY         = 'ready';

	/**
	 * Retailer code.
	 *
	 * @var string|null
	 */
	private ?string $retailer;

	/**
	 * Client id.
	 *
	 * @var string|null
	 */
	private ?string $client_id;

	/**
	 * Masked client secret.
	 *
	 * @var string|null
	 */
	private ?string $secret_masked;

	/**
	 * Branch id.
	 *
	 * @var int|null
	 */
	private ?int $branch_id;

	/**
	 * Branch name.
	 *
	 * @var string|null
	 */
	private ?string $branch_name;

	/**
	 * Unix time of the last successful connect.
	 *
	 * @var int|null
	 */
	private ?int $connected_at;

	/**
	 * Creates the value.
	 *
	 * @param string|null $retailer      Retailer code.
	 * @param string|null $client_id     Client id.
	 * @param string|null $secret_masked Masked secret (null when no secret is stored).
	 * @param int|null    $branch_id     Branch id.
	 * @param string|null $branch_name   Branch name.
	 * @param int|null    $connected_at  Unix time connected.
	 */
	public function __construct( ?string $retailer, ?string $client_id, ?string $secret_masked, ?int $branch_id, ?string $branch_name, ?int $connected_at ) {
		$this->retailer      = $retailer;
		$this->client_id     = $client_id;
		$this->secret_masked = $secret_masked;
		$this->branch_id     = $branch_id;
		$this->branch_name   = $branch_name;
		$this->connected_at  = $connected_at;
	}

	/**
	 * An empty connection.
	 */
	public static function none(): self {
		return new self( null, null, null, null, null, null );
	}

	/**
	 * not_connected | needs_branch | ready.
	 */
	public function state(): string {
		if ( null === $this->retailer || null === $this->client_id || null === $this->secret_masked ) {
			return self::STATE_NOT_CONNECTED;
		}
		return null === $this->branch_id ? self::STATE_NEEDS_BRANCH : self::STATE_READY;
	}

	/**
	 * Whether credentials are stored.
	 */
	public function is_connected(): bool {
		return self::STATE_NOT_CONNECTED !== $this->state();
	}

	/**
	 * Retailer code.
	 */
	public function retailer(): ?string {
		return $this->retailer;
	}

	/**
	 * Client id.
	 */
	public function client_id(): ?string {
		return $this->client_id;
	}

	/**
	 * Masked secret.
	 */
	public function secret_masked(): ?string {
		return $this->secret_masked;
	}

	/**
	 * Branch id.
	 */
	public function branch_id(): ?int {
		return $this->branch_id;
	}

	/**
	 * Branch name.
	 */
	public function branch_name(): ?string {
		return $this->branch_name;
	}

	/**
	 * Unix time connected.
	 */
	public function connected_at(): ?int {
		return $this->connected_at;
	}

	/**
	 * The shop's KiotViet address.
	 */
	public function shop_url(): ?string {
		return null === $this->retailer ? null : 'https://' . $this->retailer . '.kiotviet.vn';
	}

	/**
	 * The REST representation (docs/architecture.md "Connection").
	 *
	 * @return array<string, mixed>
	 */
	public function to_response(): array {
		$connected = $this->is_connected();
		return array(
			'state'                => $this->state(),
			'retailer'             => $connected ? $this->retailer : null,
			'client_id'            => $connected ? $this->client_id : null,
			'client_secret_masked' => $connected ? $this->secret_masked : null,
			'branch'               => $connected && null !== $this->branch_id
				? array(
					'id'   => $this->branch_id,
					'name' => (string) $this->branch_name,
				)
				: null,
			'connected_at'         => $connected && null !== $this->connected_at ? gmdate( 'c', $this->connected_at ) : null,
			'shop_url'             => $connected ? $this->shop_url() : null,
		);
	}
}
