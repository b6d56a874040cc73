/**
 * Screen id (from the bootstrap object) → component. No router library for a
 * handful of screens: each admin submenu renders the same mount node with its
 * own screen id.
 */

/**
 * External dependencies
 */
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import SetupScreen from './screens/setup';
import HealthScreen from './screens/health';
import HistoryScreen from './screens/history';
import SettingsScreen from './screens/settings';
import OrdersScreen from './screens/orders';
import ProductsScreen from './screens/products';

export const routes = {
	setup: SetupScreen,
	settings: SettingsScreen,
	history: HistoryScreen,
	health: HealthScreen,
	orders: OrdersScreen,
	products: ProductsScreen,
} satisfies Record< string, ComponentType >;

export type ScreenId = keyof typeof routes;

/**
 * @param screen Screen id from `window.kiotvietSync.screen`.
 */
export function isScreenId( screen: string ): screen is ScreenId {
	return Object.prototype.hasOwnProperty.call( routes, screen );
}
