/**
 * Typed, validated read of the bootstrap object that PHP prints before the admin bundle.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

export const bootstrapSchema = z.object( {
	restNamespace: z.string().min( 1 ),
	screen: z.string().min( 1 ),
	adminUrl: z.string().optional(),
	pluginVersion: z.string().optional(),
	isStandin: z.boolean().optional(),
} );

export type Bootstrap = z.infer< typeof bootstrapSchema >;

declare global {
	interface Window {
		kiotvietSync?: unknown;
	}
}

/** What the app uses when the bootstrap object is missing or malformed. */
export const DEFAULT_BOOTSTRAP: Bootstrap = {
	restNamespace: 'kiotviet-sync/v1',
	screen: 'setup',
};

/**
 * Reads `window.kiotvietSync`. A missing or drifted object falls back to the
 * defaults, with the mount node's `data-screen` as the screen when present,
 * so the page still opens on something useful.
 *
 * @param source    The raw bootstrap value (defaults to `window.kiotvietSync`).
 * @param mountNode The mount node, whose `data-screen` is the fallback screen.
 */
export function readBootstrap(
	source: unknown = typeof window === 'undefined'
		? undefined
		: window.kiotvietSync,
	mountNode: HTMLElement | null = null
): Bootstrap {
	const parsed = bootstrapSchema.safeParse( source );
	if ( parsed.success ) {
		return parsed.data;
	}
	return {
		...DEFAULT_BOOTSTRAP,
		screen: mountNode?.dataset.screen || DEFAULT_BOOTSTRAP.screen,
	};
}
