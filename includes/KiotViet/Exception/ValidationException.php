<?php
/**
 * Validation failure.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet\Exception;

/**
 * KiotViet refused the request as invalid (400, 409, 420, 422 and other 4xx), e.g. RetailerException or KvValidateException.
 */
final class ValidationException extends KiotVietException {
}
