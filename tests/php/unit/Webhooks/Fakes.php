<?php
/**
 * Test doubles for the webhook orchestration.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Webhooks;

use KiotVietSync\KiotViet\Page;
use KiotVietSync\Storage\SyncLogWriter;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\WooProductSpec;
use KiotVietSync\Webhooks\CatalogGateway;
use KiotVietSync\Webhooks\KiotVietReader;
use KiotVietSync\Webhooks\Storage\AppliedState;
use KiotVietSync\Webhooks\Storage\InboxStore;
use KiotVietSync\Webhooks\WebhookApi;

final class MemoryInbox implements InboxStore {
	/** @var array<int, array<string, mixed>> */
	public array $rows = array();
	public bool $fail  = false;
	private int $next  = 1;

	public function insert( array $row ): string {
		if ( $this->fail ) {
			return self::FAILED;
		}
		foreach ( $this->rows as $existing ) {
			if ( $existing['delivery_id'] === $row['delivery_id'] ) {
				return self::DUPLICATE;
			}
		}
		$row['id']                = $this->next++;
		$row['verified']          = $row['verified'] ? '1' : '0';
		$row['processed_at']      = null;
		$this->rows[ $row['id'] ] = $row;
		return self::INSERTED;
	}

	public function pending( int $limit ): array {
		$out = array();
		foreach ( $this->rows as $row ) {
			if ( self::STATE_RECEIVED === $row['state'] ) {
				$out[] = $row;
			}
		}
		return array_slice( $out, 0, $limit );
	}

	public function finish( int $id, string $state, ?string $error, string $processed_at ): void {
		$this->rows[ $id ]['state']        = $state;
		$this->rows[ $id ]['error']        = $error;
		$this->rows[ $id ]['processed_at'] = $processed_at;
	}
}

final class MemoryAppliedState implements AppliedState {
	/** @var array<string, array{modified_at: string|null, hash: string|null}> */
	public array $rows = array();

	public function get( string $key ): ?array {
		return $this->rows[ $key ] ?? null;
	}

	public function put( string $key, ?string $modified_at, string $hash ): void {
		$this->rows[ $key ] = array(
			'modified_at' => $modified_at,
			'hash'        => $hash,
		);
	}
}

final class RecordingLog implements SyncLogWriter {
	/** @var list<array{channel: string, action: string, result: string, message: string, context: array<string, mixed>, refs: array<string, mixed>}> */
	public array $rows = array();

	public function record( string $channel, string $action, string $result, string $message, array $context = array(), array $refs = array() ): void {
		$this->rows[] = compact( 'channel', 'action', 'result', 'message', 'context', 'refs' );
	}
}

final class FakeGateway implements CatalogGateway {
	/** @var array<int, array{woo_id: int, type: string, locked_fields: list<string>}> */
	public array $products = array();
	/** @var array<int, int> */
	public array $categories = array();
	/** @var list<array{0: int, 1: array<string, mixed>}> */
	public array $writes = array();
	/** @var list<int> */
	public array $unpublished = array();
	/** @var list<list<int>> */
	public array $imports = array();
	/** @var list<KvCategory> */
	public array $category_updates = array();

	public function product_target( int $kv_id ): ?array {
		return $this->products[ $kv_id ] ?? null;
	}

	public function write_fields( int $woo_id, WooProductSpec $spec ): bool {
		$this->writes[] = array( $woo_id, $spec->to_array() );
		return true;
	}

	public function unpublish( int $woo_id ): bool {
		$this->unpublished[] = $woo_id;
		return true;
	}

	public function import_products( array $products, array $books, CatalogSettings $settings ): array {
		$this->imports[] = array_map( static fn ( $p ): int => $p->id(), $products );
		return array(
			'created'  => 0,
			'updated'  => count( $products ),
			'skipped'  => 0,
			'failed'   => 0,
			'messages' => array(),
		);
	}

	public function category_term( int $kv_id ): ?int {
		return $this->categories[ $kv_id ] ?? null;
	}

	public function writer_stock( int $kv_id, ?int $quantity, CatalogSettings $settings ): ?bool {
		return null;
	}

	public function writer_unpublish( int $kv_id ): ?bool {
		return null;
	}

	public function update_category( KvCategory $category ): bool {
		$this->category_updates[] = $category;
		return true;
	}

	public function unmap_category( int $kv_id ): ?int {
		$term = $this->categories[ $kv_id ] ?? null;
		unset( $this->categories[ $kv_id ] );
		return $term;
	}
}

final class FakeReader implements KiotVietReader {
	/** @var array<int, array<mixed>> */
	public array $products = array();
	/** @var list<int> */
	public array $product_calls = array();
	/** @var list<array<mixed>> */
	public array $books = array();
	/** @var array<string, list<Page>> */
	public array $lists = array();
	/** @var list<array{0: string, 1: array<mixed>}> */
	public array $list_calls = array();

	public function product( int $id ): ?array {
		$this->product_calls[] = $id;
		return $this->products[ $id ] ?? null;
	}

	public function price_books(): array {
		return $this->books;
	}

	public function category( int $id ): ?array {
		return null;
	}

	public function pages( string $path, array $query ): iterable {
		$this->list_calls[] = array( $path, $query );
		return $this->lists[ $path ] ?? array();
	}
}

final class FakeWebhookApi implements WebhookApi {
	/** @var array<int, array<string, mixed>> */
	public array $subs = array();
	/** @var list<int> */
	public array $deleted = array();
	/** @var list<array{type: string, url: string, secret: string}> */
	public array $created = array();
	private int $next = 900;

	public function list(): array {
		return array_values( $this->subs );
	}

	public function create( string $type, string $url, string $secret, string $description ): ?int {
		$id                = $this->next++;
		$this->created[]   = compact( 'type', 'url', 'secret' );
		$this->subs[ $id ] = array(
			'id'       => $id,
			'type'     => $type,
			'url'      => $url,
			'isActive' => true,
		);
		return $id;
	}

	public function delete( int $id ): void {
		$this->deleted[] = $id;
		unset( $this->subs[ $id ] );
	}
}
