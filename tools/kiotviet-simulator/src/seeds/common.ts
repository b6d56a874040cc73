import type { Inventory, Product, Settings, User, SaleChannel } from '../state';
import { composeFullName } from '../state';
import { parseKvDate } from '../format';

export function at( local: string ): number {
	const ms = parseKvDate( local );
	if ( ms === undefined ) {
		throw new Error( `bad seed date ${ local }` );
	}
	return ms;
}

export function inv(
	onHand: number,
	cost: number,
	reserved = 0,
	minQuantity = 0
): Inventory {
	return {
		cost,
		onHand,
		reserved,
		onOrder: 0,
		minQuantity,
		maxQuantity: 999999999,
	};
}

export type ProductSpec = Partial< Product > &
	Pick<
		Product,
		'id' | 'code' | 'name' | 'categoryId' | 'basePrice' | 'createdDate'
	>;

export function product( spec: ProductSpec ): Product {
	const attributes = spec.attributes ?? [];
	const unit = spec.unit ?? '';
	return {
		description: '',
		allowsSale: true,
		hasVariants:
			attributes.length > 0 || spec.masterProductId !== undefined,
		unit,
		conversionValue: 1,
		type: 2,
		isActive: true,
		isRewardPoint: true,
		isLotSerialControl: false,
		isBatchExpireControl: false,
		images: [],
		orderTemplate: '',
		modifiedDate: spec.createdDate,
		inventories: {},
		serials: [],
		batches: [],
		formulas: [],
		...spec,
		attributes,
		fullName:
			spec.fullName ??
			composeFullName(
				spec.name,
				attributes,
				spec.masterUnitId !== undefined ? unit : ''
			),
	};
}

export const DEFAULT_SETTINGS: Settings = {
	ManagerCustomerByBranch: false,
	AllowOrderWhenOutStock: true,
	AllowSellWhenOrderOutStock: true,
	AllowSellWhenOutStock: false,
	OrderEnabled: true,
	DeliveryEnabled: true,
	SurchargeEnabled: true,
};

export const USERS: User[] = [
	{ id: 20001, userName: 'admin', givenName: 'Quản trị' },
	{ id: 20002, userName: 'thungan1', givenName: 'Nguyễn Văn Thu' },
];

export const SALE_CHANNELS: SaleChannel[] = [
	{ id: 1, name: 'Bán trực tiếp', isActive: true, isNotDelete: true },
	{ id: 2, name: 'Facebook', isActive: true, isNotDelete: false },
	{ id: 3, name: 'Website', isActive: true, isNotDelete: false },
];

/**
 * Vietnamese-style barcode (893 prefix) from a number.
 * @param n
 */
export function barcode( n: number ): string {
	return '893' + String( n ).padStart( 10, '0' );
}
