<?php
/**
 * Connect, disconnect and choose the branch.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Connection;

use KiotVietSync\KiotViet\Client;
use KiotVietSync\KiotViet\ClientFactory;
use KiotVietSync\KiotViet\Credentials;
use KiotVietSync\KiotViet\Exception\AuthException;
use KiotVietSync\KiotViet\Exception\KiotVietException;
use KiotVietSync\KiotViet\Exception\NetworkException;
use KiotVietSync\KiotViet\Exception\NotFoundException;
use KiotVietSync\KiotViet\Exception\ValidationException;
use KiotVietSync\KiotViet\InMemoryTokenStore;
use KiotVietSync\KiotViet\TokenStore;
use KiotVietSync\Storage\ConnectionRepository;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Support\Clock;
use KiotVietSync\Support\PluginException;

/**
 * The connection use cases behind the Connection REST routes.
 *
 * Credentials are verified with KiotViet (a token, then one cheap authenticated GET) before anything is
 * stored; every change is written to the sync history without secrets.
 */
final class ConnectionService {

	/**
	 * Repository.
	 *
	 * @var ConnectionRepository
	 */
	private ConnectionRepository $repository;

	/**
	 * Client factory.
	 *
	 * @var ClientFactory
	 */
	private ClientFactory $clients;

	/**
	 * Persistent (encrypted) token cache for the stored credentials.
	 *
	 * @var TokenStore
	 */
	private TokenStore $token_store;

	/**
	 * Sync history.
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
	 * Creates the service.
	 *
	 * @param ConnectionRepository $repository  Repository.
	 * @param ClientFactory        $clients     Client factory.
	 * @param TokenStore           $token_store Persistent token cache.
	 * @param SyncLogWriter        $log         Sync history.
	 * @param Clock                $clock       Clock.
	 */
	public function __construct( ConnectionRepository $repository, ClientFactory $clients, TokenStore $token_store, SyncLogWriter $log, Clock $clock ) {
		$this->repository  = $repository;
		$this->clients     = $clients;
		$this->token_store = $token_store;
		$this->log         = $log;
		$this->clock       = $clock;
	}

	/**
	 * The stored connection.
	 */
	public function current(): Connection {
		return $this->repository->load();
	}

	/**
	 * Verifies and stores credentials. The secret may be omitted when one is stored for the same
	 * retailer and client id.
	 *
	 * @param string      $retailer_input Store access address as typed.
	 * @param string      $client_id      Client id.
	 * @param string|null $client_secret  Client secret, null/'' to keep the stored one.
	 * @throws PluginException On invalid input or when KiotViet refuses.
	 */
	public function connect( string $retailer_input, string $client_id, ?string $client_secret ): Connection {
		$retailer      = RetailerNormalizer::normalize( $retailer_input );
		$client_id     = trim( $client_id );
		$client_secret = null === $client_secret ? '' : trim( $client_secret );
		$errors        = array();

		if ( '' === $retailer ) {
			$errors['retailer'] = __( 'Enter the store access address.', 'kiotviet-sync' );
		} elseif ( ! RetailerNormalizer::is_valid( $retailer ) ) {
			$errors['retailer'] = __( 'Enter the store address as in KiotViet, e.g. "myshop" for myshop.kiotviet.vn.', 'kiotviet-sync' );
		}
		if ( '' === $client_id ) {
			$errors['client_id'] = __( 'Enter the Client ID.', 'kiotviet-sync' );
		} elseif ( strlen( $client_id ) > 128 || 1 === preg_match( '/\s/', $client_id ) ) {
			$errors['client_id'] = __( 'The Client ID is not valid.', 'kiotviet-sync' );
		}
		if ( '' === $client_secret ) {
			$stored = $this->current();
			$secret = $this->repository->stored_secret();
			if ( null !== $secret && $stored->retailer() === $retailer && $stored->client_id() === $client_id ) {
				$client_secret = $secret;
			} else {
				$errors['client_secret'] = __( 'Enter the security code.', 'kiotviet-sync' );
			}
		} elseif ( strlen( $client_secret ) > 256 ) {
			$errors['client_secret'] = __( 'The security code is not valid.', 'kiotviet-sync' );
		}
		if ( array() !== $errors ) {
			throw new PluginException( 'kiotviet_sync_invalid_field', __( 'Some connection details are missing or not valid.', 'kiotviet-sync' ), 400, $errors );
		}

		$credentials = new Credentials( $retailer, $client_id, $client_secret );
		$memory      = new InMemoryTokenStore();
		$tokens      = $this->clients->token_provider( $credentials, $memory );
		$log_context = array(
			'retailer'  => $retailer,
			'client_id' => $client_id,
		);

		try {
			$tokens->get_token();
		} catch ( AuthException | ValidationException $e ) {
			$message = __( 'KiotViet did not accept this Client ID and security code.', 'kiotviet-sync' );
			$this->fail( 'kiotviet_sync_bad_credentials', $message, $log_context, $e );
			throw new PluginException(
				'kiotviet_sync_bad_credentials',
				$message,
				400,
				array(
					'client_id'     => __( 'Check the Client ID in KiotViet (Settings → API connection).', 'kiotviet-sync' ),
					'client_secret' => __( 'Check the security code in KiotViet (Settings → API connection).', 'kiotviet-sync' ),
				),
				$e
			);
		} catch ( KiotVietException $e ) {
			throw $this->unreachable( $e, $log_context );
		}

		try {
			// Cheapest authenticated call; proves the retailer code matches the credentials.
			$this->clients->create( $credentials, $memory, $tokens )->get( '/branches', array( 'pageSize' => 1 ) );
		} catch ( AuthException | ValidationException | NotFoundException $e ) {
			$message = __( 'KiotViet does not know this store address, or it does not belong to this Client ID.', 'kiotviet-sync' );
			$this->fail( 'kiotviet_sync_unknown_retailer', $message, $log_context, $e );
			throw new PluginException(
				'kiotviet_sync_unknown_retailer',
				$message,
				400,
				array( 'retailer' => __( 'Check the store access address (the connection name in KiotViet).', 'kiotviet-sync' ) ),
				$e
			);
		} catch ( KiotVietException $e ) {
			throw $this->unreachable( $e, $log_context );
		}

		$this->repository->save_credentials( $credentials, $this->clock->now() );
		$token = $memory->load();
		$this->token_store->clear();
		if ( null !== $token ) {
			$this->token_store->save( $token );
		}
		$this->log->record( SyncLogWriter::CHANNEL_CONNECTION, 'connect', SyncLogWriter::RESULT_OK, 'Connected to KiotViet.', $log_context );

		$connection = $this->current();
		/**
		 * Fires after KiotViet credentials were verified and stored (the branch is not chosen yet).
		 *
		 * @since 0.1.0
		 *
		 * @param Connection $connection The new connection.
		 */
		do_action( 'kiotviet_sync_connected', $connection );
		return $connection;
	}

	/**
	 * Removes credentials, token and branch.
	 *
	 * @param array{delete_categories?: bool, delete_products?: bool} $options What to delete of the synced data
	 *                                                                        (passed to kiotviet_sync_disconnected).
	 */
	public function disconnect( array $options = array() ): Connection {
		$previous = $this->current();
		if ( $previous->is_connected() ) {
			try {
				/**
				 * Fires before the KiotViet credentials are removed, while client() still works
				 * (e.g. to delete the webhooks this plugin registered). Failures do not stop the disconnect.
				 *
				 * @since 0.1.0
				 *
				 * @param Connection $previous The connection about to be removed.
				 */
				do_action( 'kiotviet_sync_before_disconnect', $previous );
			} catch ( \Throwable $e ) {
				$this->log->record(
					SyncLogWriter::CHANNEL_CONNECTION,
					'disconnect',
					SyncLogWriter::RESULT_ERROR,
					'Clean-up before disconnecting failed: ' . $e->getMessage(),
					array( 'exception' => get_class( $e ) )
				);
			}
		}
		$this->repository->clear();
		$this->token_store->clear();
		$this->log->record(
			SyncLogWriter::CHANNEL_CONNECTION,
			'disconnect',
			SyncLogWriter::RESULT_OK,
			'Disconnected from KiotViet; credentials removed.',
			array( 'retailer' => $previous->retailer() )
		);
		/**
		 * Fires after the KiotViet credentials were removed.
		 *
		 * @since 0.1.0
		 *
		 * @param Connection $previous The connection that was removed.
		 * @param array      $options  { delete_categories: bool, delete_products: bool } ("Xóa thông tin").
		 */
		do_action(
			'kiotviet_sync_disconnected',
			$previous,
			array(
				'delete_categories' => ! empty( $options['delete_categories'] ),
				'delete_products'   => ! empty( $options['delete_products'] ),
			)
		);
		return $this->current();
	}

	/**
	 * The KiotViet branches, all pages.
	 *
	 * @return array<int, array{id: int, name: string, code: string, address: string}>
	 * @throws PluginException When not connected.
	 * @throws KiotVietException When KiotViet fails.
	 */
	public function branches(): array {
		$branches = array();
		foreach ( $this->client()->paginate( '/branches', array( 'orderBy' => 'id' ) ) as $page ) {
			foreach ( $page->data() as $item ) {
				if ( ! isset( $item['id'] ) || ! is_numeric( $item['id'] ) ) {
					continue;
				}
				$branches[] = array(
					'id'      => (int) $item['id'],
					'name'    => isset( $item['branchName'] ) && is_scalar( $item['branchName'] ) ? (string) $item['branchName'] : '',
					'code'    => isset( $item['branchCode'] ) && is_scalar( $item['branchCode'] ) ? (string) $item['branchCode'] : '',
					'address' => isset( $item['address'] ) && is_scalar( $item['address'] ) ? (string) $item['address'] : '',
				);
			}
		}
		return $branches;
	}

	/**
	 * Chooses the product sync branch.
	 *
	 * @param int $branch_id KiotViet branch id.
	 * @throws PluginException When not connected or the branch does not exist.
	 * @throws KiotVietException When KiotViet fails.
	 */
	public function select_branch( int $branch_id ): Connection {
		$found = null;
		foreach ( $this->branches() as $branch ) {
			if ( $branch['id'] === $branch_id ) {
				$found = $branch;
				break;
			}
		}
		if ( null === $found ) {
			$message = __( 'This branch does not exist in KiotViet.', 'kiotviet-sync' );
			throw new PluginException( 'kiotviet_sync_unknown_branch', $message, 400, array( 'branch_id' => $message ) );
		}

		$this->repository->save_branch( $found['id'], $found['name'] );
		$this->log->record(
			SyncLogWriter::CHANNEL_CONNECTION,
			'select_branch',
			SyncLogWriter::RESULT_OK,
			sprintf( 'Product sync branch set to %s.', $found['name'] ),
			array( 'branch_id' => $found['id'] ),
			array(
				'object_type' => 'branch',
				'kiotviet_id' => $found['id'],
			)
		);

		$connection = $this->current();
		/**
		 * Fires after the product sync branch was chosen; the connection is now ready.
		 *
		 * @since 0.1.0
		 *
		 * @param Connection $connection The ready connection.
		 */
		do_action( 'kiotviet_sync_branch_selected', $connection );
		return $connection;
	}

	/**
	 * A client for the stored credentials (token cached encrypted across requests).
	 *
	 * @throws PluginException When not connected.
	 */
	public function client(): Client {
		$credentials = $this->repository->credentials();
		if ( null === $credentials ) {
			if ( $this->current()->is_connected() ) {
				// The secret was stored but cannot be decrypted: the site's keys/salts changed.
				throw new PluginException(
					'kiotviet_sync_secret_unreadable',
					__( 'The saved security code can no longer be read because the site\'s security keys changed. Enter the security code again.', 'kiotviet-sync' ),
					409,
					array( 'client_secret' => __( 'Enter the security code.', 'kiotviet-sync' ) )
				);
			}
			throw new PluginException( 'kiotviet_sync_not_connected', __( 'Connect to KiotViet first.', 'kiotviet-sync' ), 409 );
		}
		return $this->clients->create( $credentials, $this->token_store );
	}

	/**
	 * Records a refused connection attempt.
	 *
	 * @param string               $code    Our error code.
	 * @param string               $message Message.
	 * @param array<string, mixed> $context Context.
	 * @param KiotVietException    $error   KiotViet's failure.
	 */
	private function fail( string $code, string $message, array $context, KiotVietException $error ): void {
		$context['reason']     = $code;
		$context['status']     = $error->get_http_status();
		$context['error_code'] = $error->get_kiotviet_error_code();
		$this->log->record( SyncLogWriter::CHANNEL_CONNECTION, 'connect', SyncLogWriter::RESULT_ERROR, $message, $context );
	}

	/**
	 * Maps a transport/server failure during verification.
	 *
	 * @param KiotVietException    $error   Failure.
	 * @param array<string, mixed> $context Log context.
	 */
	private function unreachable( KiotVietException $error, array $context ): PluginException {
		$message = $error instanceof NetworkException
			? __( 'Could not reach KiotViet. Check the server\'s internet connection and try again.', 'kiotviet-sync' )
			: __( 'KiotViet is not answering correctly right now. Try again in a few minutes.', 'kiotviet-sync' );
		$this->fail( 'kiotviet_sync_unreachable', $message, $context, $error );
		return new PluginException( 'kiotviet_sync_unreachable', $message, 502, array(), $error );
	}
}
