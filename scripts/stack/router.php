<?php
/**
 * Router for PHP's built-in web server: static files as they are, PHP files run in place,
 * everything else through WordPress's front controller (pretty permalinks, /wp-json/).
 *
 * @package kiotviet-sync
 */

$kvs_root = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$kvs_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

// Never serve dotfiles, nor the developer folders that the plugin symlink (the whole repository) exposes.
if ( preg_match( '#/\.#', $kvs_path ) || preg_match( '#^/wp-content/plugins/kiotviet-sync/(node_modules|vendor|tests|tools|scripts|artifacts|docs)/#', $kvs_path ) ) {
	http_response_code( 403 );
	echo 'Forbidden';
	return true;
}

$kvs_file = $kvs_root . $kvs_path;
if ( is_dir( $kvs_file ) ) {
	if ( substr( $kvs_path, -1 ) !== '/' ) {
		header( 'Location: ' . $kvs_path . '/' . ( empty( $_SERVER['QUERY_STRING'] ) ? '' : '?' . $_SERVER['QUERY_STRING'] ), true, 301 );
		return true;
	}
	$kvs_file .= 'index.php';
	$kvs_path .= 'index.php';
}

if ( is_file( $kvs_file ) ) {
	if ( substr( $kvs_file, -4 ) !== '.php' ) {
		return false; // The built-in server sends static files itself.
	}
	$_SERVER['SCRIPT_NAME']     = $kvs_path;
	$_SERVER['PHP_SELF']        = $kvs_path;
	$_SERVER['SCRIPT_FILENAME'] = $kvs_file;
	chdir( dirname( $kvs_file ) );
	require $kvs_file;
	return true;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $kvs_root . '/index.php';
chdir( $kvs_root );
require $kvs_root . '/index.php';
return true;
