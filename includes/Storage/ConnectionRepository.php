<?php
/**
 * Stored KiotViet connection.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\KiotViet\Credentials;
use KiotVietSync\Support\SecretBox;
use KiotVietSync\Sync\Connection\Connection;

/**
 * Reads and writes the connection options: public fields in kiotviet_sync_connection, the client secret
 * encrypted in kiotviet_sync_client_secret (not autoloaded), the token via EncryptedTokenStore.
 */
final class ConnectionRepository {

	/**
	 * Options.
	 *
	 * @var SettingsStore
	 */
	private SettingsStore $options;

	/**
	 * Encryption.
	 *
	 * @var SecretBox
	 */
	private SecretBox $box;

	/**
	 * Creates the repository.
	 *
	 * @param SettingsStore $options Options.
	 * @param SecretBox     $box     Encryption.
	 */
	public function __construct( SettingsStore $options, SecretBox $box ) {
		$this->options = $options;
		$this->box     = $box;
	}

	/**
	 * The stored connection.
	 */
	public function load(): Connection {
		$data = $this->options->get( Settings::CONNECTION, array() );
		if ( ! is_array( $data ) || empty( $data['retailer'] ) || empty( $data['client_id'] ) ) {
			return Connection::none();
		}
		$has_secret = '' !== (string) $this->options->get( Settings::CLIENT_SECRET, '' );
		return new Connection(
			(string) $data['retailer'],
			(string) $data['client_id'],
			$has_secret ? (string) ( $data['secret_masked'] ?? SecretBox::mask( '' ) ) : null,
			isset( $data['branch_id'] ) && is_numeric( $data['branch_id'] ) ? (int) $data['branch_id'] : null,
			isset( $data['branch_name'] ) ? (string) $data['branch_name'] : null,
			isset( $data['connected_at'] ) && is_numeric( $data['connected_at'] ) ? (int) $data['connected_at'] : null
		);
	}

	/**
	 * The stored credentials, null when incomplete or the secret cannot be decrypted (salts changed).
	 */
	public function credentials(): ?Credentials {
		$connection = $this->load();
		$secret     = $this->stored_secret();
		if ( ! $connection->is_connected() || null === $secret ) {
			return null;
		}
		return new Credentials( (string) $connection->retailer(), (string) $connection->client_id(), $secret );
	}

	/**
	 * The decrypted client secret, null when none or unreadable.
	 */
	public function stored_secret(): ?string {
		$stored = $this->options->get( Settings::CLIENT_SECRET, '' );
		if ( ! is_string( $stored ) || '' === $stored ) {
			return null;
		}
		return $this->box->decrypt( $stored );
	}

	/**
	 * Saves verified credentials; any previously chosen branch is forgotten.
	 *
	 * @param Credentials $credentials  Verified credentials.
	 * @param int         $connected_at Unix time.
	 */
	public function save_credentials( Credentials $credentials, int $connected_at ): void {
		$this->options->set( Settings::CLIENT_SECRET, $this->box->encrypt( $credentials->client_secret() ), false );
		$this->options->set(
			Settings::CONNECTION,
			array(
				'retailer'      => $credentials->retailer(),
				'client_id'     => $credentials->client_id(),
				'secret_masked' => SecretBox::mask( $credentials->client_secret() ),
				'branch_id'     => null,
				'branch_name'   => null,
				'connected_at'  => $connected_at,
			),
			false
		);
	}

	/**
	 * Saves the product sync branch.
	 *
	 * @param int    $branch_id   Branch id.
	 * @param string $branch_name Branch name.
	 */
	public function save_branch( int $branch_id, string $branch_name ): void {
		$data = $this->options->get( Settings::CONNECTION, array() );
		if ( ! is_array( $data ) ) {
			return;
		}
		$data['branch_id']   = $branch_id;
		$data['branch_name'] = $branch_name;
		$this->options->set( Settings::CONNECTION, $data, false );
	}

	/**
	 * Removes credentials, token and branch.
	 */
	public function clear(): void {
		$this->options->delete( Settings::CONNECTION );
		$this->options->delete( Settings::CLIENT_SECRET );
		$this->options->delete( Settings::ACCESS_TOKEN );
	}
}
