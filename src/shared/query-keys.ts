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
	syncStatus: [ ROOT, 'sync', 'status' ] as const,
	catalog: [ ROOT, 'catalog' ] as const,
	catalogCategories: [ ROOT, 'catalog', 'categories' ] as const,
	catalogProducts: [ ROOT, 'catalog', 'products' ] as const,
	catalogProductList: ( query: Record< string, unknown > ) =>
		[ ROOT, 'catalog', 'products', query ] as const,
	catalogPreview: [ ROOT, 'catalog', 'preview' ] as const,
	priceBooks: [ ROOT, 'price-books' ] as const,
	syncedProducts: [ ROOT, 'products' ] as const,
	syncedProductList: ( query: Record< string, unknown > ) =>
		[ ROOT, 'products', query ] as const,
	orders: [ ROOT, 'orders' ] as const,
	ordersList: ( query: Record< string, unknown > ) =>
		[ ROOT, 'orders', query ] as const,
};
