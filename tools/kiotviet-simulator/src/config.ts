/** Simulator behaviour switches for the [U] items of kiotviet-api.md (POST /__sim/config). */
export interface SimConfig {
	/** Status for a missing/unknown Retailer header: 400 RetailerException (default) or 401 TokenException. */
	retailerErrorStatus: 400 | 401;
	/** Unknown id/code: 404 (default) or 400. */
	notFoundStatus: number;
	/** Business validation errors: 400 (default) or 420. */
	validationStatus: number;
	capPageSize: boolean;
	maxPageSize: number;
	categoryGetWrapped: boolean;
	onhandLowercase: boolean;
	dropCustomerContactNumber: boolean;
	tokenTtlSeconds: number;
	/** How long a "timeout" fault holds the connection before dropping it. */
	timeoutHoldMs: number;
}

export const DEFAULT_CONFIG: SimConfig = {
	retailerErrorStatus: 400,
	notFoundStatus: 404,
	validationStatus: 400,
	capPageSize: true,
	maxPageSize: 100,
	categoryGetWrapped: false,
	onhandLowercase: false,
	dropCustomerContactNumber: false,
	tokenTtlSeconds: 86400,
	timeoutHoldMs: 120_000,
};
