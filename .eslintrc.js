/**
 * ESLint: the @wordpress/scripts default plus the plugin's text domain.
 */
const defaultConfig = require( '@wordpress/scripts/config/.eslintrc.js' );

module.exports = {
	...defaultConfig,
	overrides: [
		...( defaultConfig.overrides || [] ),
		{
			files: [ 'src/**/*.{ts,tsx,js,jsx}' ],
			rules: {
				// Every string of the admin app belongs to our text domain (style guide §5, i18n).
				'@wordpress/i18n-text-domain': [
					'error',
					{ allowedTextDomain: 'kiotviet-sync' },
				],
			},
		},
		{
			// Command-line scripts, the simulator and tests talk to the terminal on purpose.
			files: [ 'scripts/**', 'tools/**', 'tests/**' ],
			rules: { 'no-console': 'off' },
		},
	],
};
