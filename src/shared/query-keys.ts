/**
 * Every TanStack Query key of the admin app, in one place.
 */

const ROOT = 'kiotviet-sync' as const;

export const queryKeys = {
	all: [ ROOT ] as const,
	connection: [ ROOT, 'connection' ] as const,
	branches: [ ROOT, 'branches' ] as const,
};
