<?php
/**
 * Authentication failure.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet\Exception;

/**
 * KiotViet rejected the credentials or the token (401/403, or the token endpoint's invalid_client).
 */
final class AuthException extends KiotVietException {
}
