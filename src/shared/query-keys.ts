/**
 * Every TanStack Query key of the admin app, in one place.
 */

const ROOT = 'kiotviet-sync' as const;

export const queryKeys = {
	all: [ ROOT ] as const,
	connection: [ ROOT, 'connection' ] as const,
	branches: [ ROOT, 'branches' ] as const,
	settings: [ ROOT, 'settings' ] as const,
	history: [ ROOT, 'history' ] as const,
	historyList: ( filters: Record< string, unknown > ) =>
		[ ROOT, 'history', filters ] as const,
	health: [ ROOT, 'health' ] as const,
};
