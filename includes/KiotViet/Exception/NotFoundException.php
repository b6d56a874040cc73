<?php
/**
 * Not found.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet\Exception;

/**
 * The requested KiotViet object does not exist (404/410).
 */
final class NotFoundException extends KiotVietException {
}
