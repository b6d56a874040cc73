/**
 * Extends the default @wordpress/scripts config with the admin entry.
 * WordPress package imports stay external (dependency extraction writes
 * build/admin.asset.php); @tanstack/react-query and zod are bundled.
 */
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: {
		admin: './src/admin/index.tsx',
	},
};
