/**
 * Step "Bảng giá" (user guide 2.2): the KiotViet price books that give the
 * website's regular price and sale price.
 */

/**
 * External dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import { formErrors } from '../../components/error-message';
import { FieldHelp } from '../../components/field-help';
import { Loading } from '../../components/loading';
import { RetryNotice } from '../../components/retry-notice';
import { StepForm } from '../../components/step-form';
import { useNotices } from '../../hooks/use-notices';
import { usePriceBooks, useSavePriceBooks } from '../../hooks/use-price-books';

type Field = 'regular_price_book_id' | 'sale_price_book_id';

const FIELDS: Field[] = [ 'regular_price_book_id', 'sale_price_book_id' ];

interface PriceBooksStepProps {
	onBack: () => void;
	onDone: () => void;
	focusOnMount?: boolean;
}

export function PriceBooksStep( {
	onBack,
	onDone,
	focusOnMount = false,
}: PriceBooksStepProps ) {
	const books = usePriceBooks();
	const update = useSavePriceBooks();
	const notices = useNotices();
	const [ regular, setRegular ] = useState< string | null >( null );
	const [ sale, setSale ] = useState< string | null >( null );
	const [ errors, setErrors ] = useState<
		Partial< Record< Field, string > >
	>( {} );
	const [ formError, setFormError ] = useState< string | null >( null );

	const list = books.data?.price_books ?? [];
	const regularValue =
		regular ?? String( books.data?.regular_price_book_id ?? 0 );
	const saleValue =
		sale ??
		( books.data?.sale_price_book_id === null ||
		books.data?.sale_price_book_id === undefined
			? ''
			: String( books.data.sale_price_book_id ) );

	const submit = async ( event: FormEvent ) => {
		event.preventDefault();
		if ( update.isPending ) {
			return;
		}
		setErrors( {} );
		setFormError( null );
		if ( saleValue !== '' && saleValue === regularValue ) {
			setErrors( {
				sale_price_book_id: __(
					'The sale price book must be different from the regular price book.',
					'kiotviet-sync'
				),
			} );
			return;
		}
		const regularId = Number( regularValue );
		const saleId = saleValue === '' ? null : Number( saleValue );
		try {
			await update.mutateAsync( {
				regular_price_book_id: regularId,
				sale_price_book_id: saleId,
			} );
			notices.success(
				__( 'The price books were saved.', 'kiotviet-sync' )
			);
			onDone();
		} catch ( error ) {
			const found = formErrors( error, FIELDS );
			setErrors( found.fields );
			if ( found.summary ) {
				setFormError( found.summary );
			}
		}
	};

	const options = list.map( ( book ) => ( {
		value: String( book.id ),
		label: book.name,
	} ) );

	let body;
	if ( books.isPending ) {
		body = (
			<Loading label={ __( 'Loading price books…', 'kiotviet-sync' ) } />
		);
	} else if ( books.isError ) {
		body = (
			<RetryNotice
				inline
				error={ books.error }
				onRetry={ () => books.refetch() }
			/>
		);
	} else {
		body = (
			<>
				<div className="kvs-form__field">
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Regular price', 'kiotviet-sync' ) }
						value={ regularValue }
						onChange={ ( next: string ) => {
							setRegular( next );
							setErrors( {} );
						} }
						aria-invalid={
							errors.regular_price_book_id ? true : undefined
						}
						options={ options }
						help={
							<FieldHelp
								error={ errors.regular_price_book_id }
								help={ __(
									'By default the website uses the General price book; you can choose another one.',
									'kiotviet-sync'
								) }
							/>
						}
					/>
				</div>
				<div className="kvs-form__field">
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Sale price', 'kiotviet-sync' ) }
						value={ saleValue }
						onChange={ ( next: string ) => {
							setSale( next );
							setErrors( {} );
						} }
						aria-invalid={
							errors.sale_price_book_id ? true : undefined
						}
						options={ [
							{
								value: '',
								label: __( '— None —', 'kiotviet-sync' ),
							},
							...options,
						] }
						help={
							<FieldHelp
								error={ errors.sale_price_book_id }
								help={ __(
									'Optional. Prices in the sale price book must be lower than or equal to the regular prices, and the two books must be different.',
									'kiotviet-sync'
								) }
							/>
						}
					/>
				</div>
			</>
		);
	}

	return (
		<StepForm
			title={ __( 'Price books', 'kiotviet-sync' ) }
			description={ __(
				'Choose the KiotViet price books that give the regular price and the sale price on the website. Choosing a price book is not mandatory; only active, currently valid price books are listed.',
				'kiotviet-sync'
			) }
			focusOnMount={ focusOnMount }
			onSubmit={ submit }
			formError={ formError }
			isSubmitting={ update.isPending }
			cannotSubmit={ ! books.data }
			onBack={ onBack }
		>
			{ body }
		</StepForm>
	);
}
