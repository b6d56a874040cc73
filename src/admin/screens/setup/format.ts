/**
 * Dates, money and numbers in the admin's language (the <html lang> WordPress prints).
 */

function locale(): string | undefined {
	return document.documentElement.lang || undefined;
}

/**
 * @param iso ISO 8601 date with offset.
 */
export function formatDateTime( iso: string ): string {
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	try {
		return new Intl.DateTimeFormat( locale(), {
			dateStyle: 'medium',
			timeStyle: 'short',
		} ).format( date );
	} catch {
		return date.toLocaleString();
	}
}

/**
 * @param value Whole number or decimal.
 */
export function formatNumber( value: number ): string {
	try {
		return new Intl.NumberFormat( locale() ).format( value );
	} catch {
		return String( value );
	}
}

/**
 * KiotViet prices are in Vietnamese đồng.
 *
 * @param value Amount in VND.
 */
export function formatPrice( value: number ): string {
	try {
		return new Intl.NumberFormat( locale(), {
			style: 'currency',
			currency: 'VND',
			maximumFractionDigits: 0,
		} ).format( value );
	} catch {
		return `${ value } ₫`;
	}
}
