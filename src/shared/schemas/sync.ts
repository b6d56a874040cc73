/**
 * Zod mirror of the sync run contract (docs/architecture.md, "Catalog":
 * GET /sync/status, POST /sync/fetch|import, POST /sync/runs/{id}/pause|resume|cancel).
 */

/**
 * External dependencies
 */
import { z } from 'zod';

const isoDate = z.iso.datetime( { offset: true } );

export const runKindSchema = z.enum( [
	'fetch',
	'import',
	'quick_sync',
	'reconcile',
] );

export const runStateSchema = z.enum( [
	'queued',
	'running',
	'paused',
	'cancelled',
	'failed',
	'done',
] );

export const phaseNameSchema = z.enum( [
	'categories',
	'products',
	'branches',
	'price_books',
	'import_categories',
	'import_products',
	'images',
	'done',
] );

export const phaseSchema = z.object( {
	name: phaseNameSchema,
	state: z.enum( [ 'pending', 'running', 'done' ] ),
	done: z.number().int().nonnegative(),
	total: z.number().int().nonnegative(),
} );

export const runCountsSchema = z.object( {
	created: z.number().int().nonnegative(),
	updated: z.number().int().nonnegative(),
	skipped: z.number().int().nonnegative(),
	failed: z.number().int().nonnegative(),
} );

export const runSchema = z.object( {
	id: z.number().int().positive(),
	kind: runKindSchema,
	state: runStateSchema,
	phase: phaseNameSchema,
	phases: z.array( phaseSchema ),
	counts: runCountsSchema,
	message: z.string().nullable(),
	started_at: isoDate,
	updated_at: isoDate,
	finished_at: isoDate.nullable(),
} );

/** Response of GET /sync/status, POST /sync/fetch|import and the run actions. */
export const syncStatusSchema = z.object( {
	run: runSchema.nullable(),
	last_fetch_at: isoDate.nullable(),
	last_import_at: isoDate.nullable(),
	catalog: z.object( {
		products: z.number().int().nonnegative(),
		categories: z.number().int().nonnegative(),
		selected: z.number().int().nonnegative(),
	} ),
} );

export const runActionSchema = z.enum( [ 'pause', 'resume', 'cancel' ] );

export type RunKind = z.infer< typeof runKindSchema >;
export type RunState = z.infer< typeof runStateSchema >;
export type PhaseName = z.infer< typeof phaseNameSchema >;
export type Phase = z.infer< typeof phaseSchema >;
export type RunCounts = z.infer< typeof runCountsSchema >;
export type Run = z.infer< typeof runSchema >;
export type SyncStatus = z.infer< typeof syncStatusSchema >;
export type RunAction = z.infer< typeof runActionSchema >;

/** A run that still has work to do. */
export type ActiveRun = Run & { state: 'queued' | 'running' | 'paused' };

/** States in which a run still has work to do (polling continues). */
export const ACTIVE_RUN_STATES: readonly RunState[] = [
	'queued',
	'running',
	'paused',
];

/**
 * Whether a run is still going (queued, running or paused).
 *
 * @param run The run, if any.
 */
export function isRunActive( run: Run | null | undefined ): run is ActiveRun {
	return !! run && ACTIVE_RUN_STATES.includes( run.state );
}
