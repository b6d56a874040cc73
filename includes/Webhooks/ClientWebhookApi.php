<?php
/**
 * WebhookApi over the KiotViet client.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\KiotViet\Client;
use KiotVietSync\KiotViet\Exception\NotFoundException;

/**
 * The real calls.
 */
final class ClientWebhookApi implements WebhookApi {

	/**
	 * Client.
	 *
	 * @var Client
	 */
	private Client $client;

	/**
	 * Creates the API.
	 *
	 * @param Client $client Client.
	 */
	public function __construct( Client $client ) {
		$this->client = $client;
	}

	/**
	 * Every subscription.
	 *
	 * @return list<array<mixed>>
	 */
	public function list(): array {
		$out = array();
		foreach ( $this->client->paginate( '/webhooks', array() ) as $page ) {
			foreach ( $page->data() as $item ) {
				if ( is_array( $item ) ) {
					$out[] = $item;
				}
			}
		}
		return $out;
	}

	/**
	 * Creates a subscription.
	 *
	 * @param string $type        Type.
	 * @param string $url         URL.
	 * @param string $secret      Secret.
	 * @param string $description Description.
	 */
	public function create( string $type, string $url, string $secret, string $description ): ?int {
		$data = $this->client->post(
			'/webhooks',
			array(
				'Webhook' => array(
					'Type'        => $type,
					'Url'         => $url,
					'IsActive'    => true,
					'Description' => $description,
					'Secret'      => $secret,
				),
			)
		);
		$id = $data['id'] ?? ( $data['Id'] ?? ( $data['data']['id'] ?? null ) );
		return is_numeric( $id ) ? (int) $id : null;
	}

	/**
	 * Deletes a subscription (already gone counts as done).
	 *
	 * @param int $id Id.
	 */
	public function delete( int $id ): void {
		try {
			$this->client->delete( '/webhooks/' . $id );
		} catch ( NotFoundException $e ) {
			unset( $e );
		}
	}
}
