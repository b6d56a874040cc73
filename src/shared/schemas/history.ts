/**
 * Zod mirror of GET /history (docs/architecture.md, "History").
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/** Channels that SyncLog writes (docs/architecture.md, "Logging"). */
export const HISTORY_CHANNELS = [
	'connection',
	'api',
	'import',
	'webhook',
	'reconcile',
	'order',
	'settings',
] as const;

export const HISTORY_RESULTS = [ 'ok', 'error', 'skipped' ] as const;

export const historyItemSchema = z.object( {
	id: z.number().int(),
	// ISO 8601 with the site's UTC offset, e.g. 2026-11-29T15:00:00+07:00.
	created_at: z.string(),
	channel: z.string(),
	action: z.string(),
	result: z.string(),
	message: z.string(),
	object_type: z.string().nullable(),
	object_id: z.number().int().nullable(),
	kiotviet_id: z.number().int().nullable(),
	edit_url: z.string().nullable(),
} );

export const historyPageSchema = z.object( {
	items: z.array( historyItemSchema ),
	total: z.number().int().nonnegative(),
	page: z.number().int().positive(),
	per_page: z.number().int().positive(),
	total_pages: z.number().int().nonnegative(),
} );

/** Query of GET /history (and GET /history/export without page/per_page). */
export interface HistoryFilters {
	channel?: string;
	result?: string;
	/** Y-m-d, site timezone, inclusive. */
	from?: string;
	/** Y-m-d, site timezone, inclusive. */
	to?: string;
	search?: string;
	page?: number;
	per_page?: number;
}

export type HistoryItem = z.infer< typeof historyItemSchema >;
export type HistoryPage = z.infer< typeof historyPageSchema >;
