/**
 * Extends the default @wordpress/scripts config with the admin entry.
 * @wordpress/* imports stay external (dependency extraction writes
 * build/admin.asset.php); @tanstack/react-query and zod are bundled.
 *
 * @package kiotviet-sync
 */
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: {
		admin: './src/admin/index.tsx',
	},
};
