<?php
/**
 * Webhook subscription planning.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Webhooks;

/**
 * Compares KiotViet's subscriptions (GET /webhooks `data`: {id, type, url, isActive}) with what this
 * site needs and plans the calls. KiotViet allows one subscription per type per retailer (§6.1), and
 * the official plugin's worst habit was deleting every subscription of a type whatever its URL
 * (reference-plugin.md §6/§9). Rules:
 *
 * - "Ours" = URL equal to this site's webhook URL after WebhookUrl::normalise() (or to one of the
 *   URLs this site registered before, passed by the caller). Only ours is ever deleted.
 * - Per wanted type: keep one active subscription of ours (lowest id); delete our duplicates and our
 *   inactive ones (KiotViet disables a subscription after a 4xx and there is no documented
 *   re-activate call); create when we then have none — unless another URL holds the type, which is
 *   reported as a conflict and never deleted.
 * - Our subscriptions of types no longer wanted are deleted.
 * - `$recreate` (reconnect, secret rotated): every subscription of ours is deleted and every wanted
 *   type not held by another URL is created again, so all carry the current Secret.
 * - Entries without a usable id/type/url are ignored.
 */
final class SubscriptionPlanner {

	/**
	 * Wanted types.
	 *
	 * @var list<string>
	 */
	private array $wanted;

	/**
	 * Creates the planner.
	 *
	 * @param list<string>|null $wanted Types to subscribe; defaults to WebhookType::WANTED.
	 */
	public function __construct( ?array $wanted = null ) {
		$types = array();
		foreach ( null === $wanted ? WebhookType::WANTED : $wanted as $type ) {
			$type = strtolower( trim( (string) $type ) );
			if ( '' !== $type && ! in_array( $type, $types, true ) ) {
				$types[] = $type;
			}
		}
		$this->wanted = $types;
	}

	/**
	 * Plans the changes.
	 *
	 * @param list<mixed>  $existing      GET /webhooks data items.
	 * @param string       $site_url      This site's webhook URL as it would be registered.
	 * @param bool         $recreate      Delete and re-register all of ours (new Secret).
	 * @param list<string> $previous_urls Other URLs this site registered before (e.g. before a key change).
	 */
	public function plan( array $existing, string $site_url, bool $recreate = false, array $previous_urls = array() ): SubscriptionPlan {
		$our_urls = array();
		foreach ( array_merge( array( $site_url ), $previous_urls ) as $url ) {
			$normal = is_string( $url ) ? WebhookUrl::normalise( $url ) : null;
			if ( null !== $normal ) {
				$our_urls[] = $normal;
			}
		}

		$ours   = array();
		$others = array();
		foreach ( $existing as $raw ) {
			$entry = self::entry( $raw );
			if ( null === $entry ) {
				continue;
			}
			$normal = WebhookUrl::normalise( $entry['url'] );
			if ( null !== $normal && in_array( $normal, $our_urls, true ) ) {
				if ( null !== $entry['id'] ) {
					$ours[ $entry['type'] ][] = $entry;
				}
			} else {
				$others[ $entry['type'] ][] = $entry;
			}
		}

		$create    = array();
		$delete    = array();
		$keep      = array();
		$conflicts = array();
		$states    = array();

		foreach ( $this->wanted as $type ) {
			$mine = isset( $ours[ $type ] ) ? $ours[ $type ] : array();
			usort(
				$mine,
				static function ( array $a, array $b ): int {
					return $a['id'] <=> $b['id'];
				}
			);
			$foreign = isset( $others[ $type ] ) ? $others[ $type ] : array();

			$active = null;
			foreach ( $mine as $entry ) {
				if ( $entry['is_active'] ) {
					$active = $entry;
					break;
				}
			}

			if ( null !== $active ) {
				$states[ $type ] = SubscriptionPlan::STATE_ACTIVE;
			} elseif ( array() !== $foreign ) {
				$states[ $type ] = SubscriptionPlan::STATE_CONFLICT;
			} elseif ( array() !== $mine ) {
				$states[ $type ] = SubscriptionPlan::STATE_INACTIVE;
			} else {
				$states[ $type ] = SubscriptionPlan::STATE_MISSING;
			}

			foreach ( $foreign as $entry ) {
				$conflicts[] = array(
					'type'      => $type,
					'id'        => $entry['id'],
					'url'       => $entry['url'],
					'is_active' => $entry['is_active'],
				);
			}

			if ( null !== $active && ! $recreate ) {
				foreach ( $mine as $entry ) {
					if ( $entry['id'] === $active['id'] ) {
						$keep[] = $entry['id'];
					} else {
						$delete[] = $entry['id'];
					}
				}
				continue;
			}

			foreach ( $mine as $entry ) {
				$delete[] = $entry['id'];
			}
			if ( array() === $foreign ) {
				$create[] = $type;
			}
		}

		foreach ( $ours as $type => $entries ) {
			if ( in_array( (string) $type, $this->wanted, true ) ) {
				continue;
			}
			foreach ( $entries as $entry ) {
				$delete[] = $entry['id'];
			}
		}

		return new SubscriptionPlan( $create, array_values( array_unique( $delete ) ), $keep, $conflicts, $states );
	}

	/**
	 * A usable subscription entry, keys looked up ignoring case.
	 *
	 * @param mixed $raw GET /webhooks data item.
	 * @return array{id: int|null, type: string, url: string, is_active: bool}|null
	 */
	private static function entry( $raw ): ?array {
		if ( ! Json::is_object( $raw ) ) {
			return null;
		}
		$type = Json::get( $raw, 'type' );
		$url  = Json::get( $raw, 'url' );
		if ( ! is_string( $type ) || '' === trim( $type ) || ! is_string( $url ) ) {
			return null;
		}
		$active = Json::get( $raw, 'isActive' );
		return array(
			'id'        => Json::to_id( Json::get( $raw, 'id' ) ),
			'type'      => strtolower( trim( $type ) ),
			'url'       => $url,
			'is_active' => null === $active ? true : ( true === $active || 1 === $active || 'true' === $active ),
		);
	}
}
