/**
 * Zod mirror of GET/PUT /settings (docs/architecture.md, "Settings").
 * PHP's Storage\SyncSettings is the source of truth for keys, defaults and
 * validation; this schema only checks the wire shape and mirrors the ranges so
 * the form can show a message before sending.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

export const STOCK_MODES = [ 'branch', 'all_branches' ] as const;

export const LOCKABLE_FIELDS = [
	'name',
	'description',
	'images',
	'category',
	'regular_price',
	'sale_price',
	'stock',
	'weight',
] as const;

export const PUSH_STATUS_CHOICES = [
	'pending',
	'on-hold',
	'processing',
	'completed',
] as const;

/** Ranges of SyncSettings::validate_one(). */
export const SETTINGS_LIMITS = {
	reconcileIntervalMinutes: { min: 5, max: 1440 },
	autoResyncInterval: { min: 3600, max: 604800 },
	autoResyncLimit: { min: 1, max: 5000 },
	historyRetentionDays: { min: 1, max: 365 },
} as const;

export const stockModeSchema = z.enum( STOCK_MODES );
export const lockableFieldSchema = z.enum( LOCKABLE_FIELDS );
export const pushStatusSchema = z.enum( PUSH_STATUS_CHOICES );

/** Response of GET/PUT /settings (SyncSettings::to_array()). */
export const settingsSchema = z.object( {
	// Catalog (seed 2.1, 2.2, 2.8).
	stock_mode: stockModeSchema,
	regular_price_book_id: z.number().int().nonnegative(),
	sale_price_book_id: z.number().int().nonnegative().nullable(),
	match_by_sku: z.boolean(),
	locked_fields: z.array( lockableFieldSchema ),
	auto_add_new_products: z.boolean(),
	reconcile_interval_minutes: z.number().int(),
	// Orders (seed 2.3, 2.8).
	order_branch_id: z.number().int().positive().nullable(),
	auto_push_orders: z.boolean(),
	push_statuses: z.array( pushStatusSchema ),
	order_lines_by_sku: z.boolean(),
	sync_shipping: z.boolean(),
	auto_resync_orders: z.boolean(),
	auto_resync_interval: z.number().int(),
	auto_resync_limit: z.number().int(),
	// History (seed 2.6).
	history_retention_days: z.number().int(),
} );

/**
 * Body of PUT /settings: any subset of the keys (unknown keys are refused by
 * PHP with kiotviet_sync_invalid_field, and by `.strict()` here).
 */
export const settingsPatchSchema = settingsSchema.partial().strict();

export type Settings = z.infer< typeof settingsSchema >;
export type SettingsPatch = z.infer< typeof settingsPatchSchema >;
export type SettingKey = keyof Settings;
export type StockMode = z.infer< typeof stockModeSchema >;
export type LockableField = z.infer< typeof lockableFieldSchema >;
export type PushStatus = z.infer< typeof pushStatusSchema >;
