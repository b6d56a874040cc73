<?php
/**
 * The stand-in's storefront page: WooCommerce's classic markup for the single product, the product archive and
 * search, the cart, the checkout form and the order-received page. Escaping follows WooCommerce's templates
 * (titles and descriptions as stored, attribute labels through wp_kses_post, values escaped).
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

$kvs_sf = 'KVS_WC_Standin_Storefront';

/**
 * Stock line like wc_get_stock_html(): "{n} in stock" when managed, "Out of stock", nothing for an unmanaged
 * product in stock.
 *
 * @param WC_Product $product Product.
 * @return string
 */
$kvs_stock_html = static function ( $product ) {
	if ( ! $product->is_in_stock() ) {
		return '<p class="stock out-of-stock">' . esc_html( 'Out of stock' ) . '</p>';
	}
	if ( $product->managing_stock() ) {
		return '<p class="stock in-stock">' . esc_html( sprintf( '%s in stock', wc_stock_amount( $product->get_stock_quantity() ) ) ) . '</p>';
	}
	return '';
};

/**
 * Price HTML like get_price_html(): one price, a sale (del/ins) or the min–max range of a variable product.
 *
 * @param WC_Product $product Product.
 * @return string
 */
$kvs_price_html = static function ( $product ) {
	if ( $product->is_type( 'variable' ) ) {
		$prices = $product->get_variation_prices( true );
		if ( ! $prices['price'] ) {
			return '';
		}
		$min = current( $prices['price'] );
		$max = end( $prices['price'] );
		return $min !== $max ? wc_price( $min ) . ' <span aria-hidden="true">&ndash;</span> ' . wc_price( $max ) : wc_price( $min );
	}
	if ( '' === $product->get_price() ) {
		return '';
	}
	if ( '' !== $product->get_sale_price() && (float) $product->get_sale_price() < (float) $product->get_regular_price() && (float) $product->get_price() === (float) $product->get_sale_price() ) {
		return '<del aria-hidden="true">' . wc_price( $product->get_regular_price() ) . '</del> <ins>' . wc_price( $product->get_price() ) . '</ins>';
	}
	return wc_price( $product->get_price() );
};

$kvs_notices = static function () use ( $kvs_sf ) {
	foreach ( $kvs_sf::notices() as $notice ) {
		$class = 'error' === $notice['type'] ? 'woocommerce-error' : ( 'success' === $notice['type'] ? 'woocommerce-message' : 'woocommerce-info' );
		if ( 'woocommerce-error' === $class ) {
			echo '<ul class="woocommerce-error" role="alert"><li>' . wp_kses_post( $notice['text'] ) . '</li></ul>';
		} else {
			echo '<div class="' . esc_attr( $class ) . '" role="alert">' . wp_kses_post( $notice['text'] ) . '</div>';
		}
	}
	$errors = $kvs_sf::errors();
	if ( $errors ) {
		echo '<ul class="woocommerce-error" role="alert">';
		foreach ( $errors as $field => $message ) {
			echo '<li data-id="' . esc_attr( $field ) . '">' . esc_html( $message ) . '</li>';
		}
		echo '</ul>';
	}
};

?><!DOCTYPE html>
<html <?php language_attributes(); ?>>
<head>
<meta charset="<?php bloginfo( 'charset' ); ?>">
<meta name="viewport" content="width=device-width, initial-scale=1">
<?php wp_head(); ?>
</head>
<body <?php body_class(); ?>>
<?php wp_body_open(); ?>
<header class="site-header"><p class="site-title"><a href="<?php echo esc_url( home_url( '/' ) ); ?>"><?php bloginfo( 'name' ); ?></a></p>
<form role="search" method="get" class="woocommerce-product-search" action="<?php echo esc_url( home_url( '/' ) ); ?>">
<label class="screen-reader-text" for="woocommerce-product-search-field-0"><?php echo esc_html( 'Search for:' ); ?></label>
<input type="search" id="woocommerce-product-search-field-0" class="search-field" placeholder="<?php echo esc_attr( 'Search products…' ); ?>" value="<?php echo esc_attr( get_search_query() ); ?>" name="s">
<button type="submit" value="<?php echo esc_attr( 'Search' ); ?>"><?php echo esc_html( 'Search' ); ?></button>
<input type="hidden" name="post_type" value="product">
</form></header>
<main id="main" class="site-main">
<div class="woocommerce-notices-wrapper"><?php $kvs_notices(); ?></div>
<?php
if ( is_singular( 'product' ) ) :
	the_post();
	$kvs_product = wc_get_product( get_the_ID() );
	?>
	<div id="product-<?php the_ID(); ?>" <?php post_class( 'product' ); ?>>
		<div class="summary entry-summary">
			<?php the_title( '<h1 class="product_title entry-title">', '</h1>' ); ?>
			<p class="price"><?php echo $kvs_price_html( $kvs_product ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- price HTML. ?></p>
			<?php if ( $kvs_product->get_short_description() ) : ?>
				<div class="woocommerce-product-details__short-description"><?php echo apply_filters( 'woocommerce_short_description', $kvs_product->get_short_description() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- as WooCommerce. ?></div>
			<?php endif; ?>
			<?php
			if ( $kvs_product->is_type( 'variable' ) ) :
				$kvs_attributes = $kvs_product->get_variation_attributes();
				$kvs_available  = array();
				foreach ( $kvs_product->get_visible_children() as $kvs_child_id ) {
					$kvs_variation = wc_get_product( $kvs_child_id );
					if ( ! $kvs_variation || '' === $kvs_variation->get_price() ) {
						continue;
					}
					$kvs_available[] = array(
						'attributes'            => $kvs_variation->get_variation_attributes(),
						'availability_html'     => $kvs_stock_html( $kvs_variation ),
						'display_price'         => (float) $kvs_variation->get_price(),
						'display_regular_price' => (float) $kvs_variation->get_regular_price(),
						'is_in_stock'           => $kvs_variation->is_in_stock(),
						'is_purchasable'        => $kvs_variation->is_purchasable(),
						'max_qty'               => $kvs_variation->managing_stock() ? (int) $kvs_variation->get_stock_quantity() : '',
						'min_qty'               => 1,
						'sku'                   => $kvs_variation->get_sku(),
						'variation_id'          => $kvs_variation->get_id(),
						'variation_is_active'   => true,
						'variation_is_visible'  => true,
					);
				}
				?>
				<form class="variations_form cart" action="<?php echo esc_url( get_permalink() ); ?>" method="post" enctype="multipart/form-data" data-product_id="<?php echo absint( $kvs_product->get_id() ); ?>" data-product_variations="<?php echo esc_attr( (string) wp_json_encode( $kvs_available ) ); ?>">
					<table class="variations" cellspacing="0" role="presentation"><tbody>
					<?php
					foreach ( $kvs_attributes as $kvs_name => $kvs_options ) :
						$kvs_key = sanitize_title( $kvs_name );
						?>
						<tr>
							<th class="label"><label for="<?php echo esc_attr( $kvs_key ); ?>"><?php echo esc_html( wc_attribute_label( $kvs_name ) ); ?></label></th>
							<td class="value">
								<select id="<?php echo esc_attr( $kvs_key ); ?>" name="attribute_<?php echo esc_attr( $kvs_key ); ?>" data-attribute_name="attribute_<?php echo esc_attr( $kvs_key ); ?>" data-show_option_none="yes">
									<option value=""><?php echo esc_html( 'Choose an option' ); ?></option>
									<?php
									foreach ( $kvs_options as $kvs_option ) {
										$kvs_term = taxonomy_exists( $kvs_name ) ? get_term_by( 'slug', $kvs_option, $kvs_name ) : null;
										$kvs_text = $kvs_term ? $kvs_term->name : $kvs_option;
										echo '<option value="' . esc_attr( $kvs_option ) . '">' . esc_html( $kvs_text ) . '</option>';
									}
									?>
								</select>
							</td>
						</tr>
					<?php endforeach; ?>
					</tbody></table>
					<div class="single_variation_wrap">
						<div class="woocommerce-variation single_variation"></div>
						<div class="woocommerce-variation-add-to-cart variations_button">
							<div class="quantity"><label class="screen-reader-text" for="quantity_<?php the_ID(); ?>"><?php echo esc_html( 'Quantity' ); ?></label><input type="number" id="quantity_<?php the_ID(); ?>" class="input-text qty text" name="quantity" value="1" min="1" step="1"></div>
							<button type="submit" class="single_add_to_cart_button button alt"><?php echo esc_html( 'Add to cart' ); ?></button>
							<input type="hidden" name="add-to-cart" value="<?php echo absint( $kvs_product->get_id() ); ?>">
							<input type="hidden" name="product_id" value="<?php echo absint( $kvs_product->get_id() ); ?>">
							<input type="hidden" name="variation_id" class="variation_id" value="0">
						</div>
					</div>
				</form>
				<script>
				// What WooCommerce's add-to-cart-variation.js does for the form: the chosen attributes select the
				// variation (an empty variation value matches any option), shown with its stock line.
				( function () {
					var form = document.currentScript.previousElementSibling;
					var list = JSON.parse( form.getAttribute( 'data-product_variations' ) || '[]' );
					var selects = form.querySelectorAll( 'select[data-attribute_name]' );
					function update() {
						var chosen = {};
						selects.forEach( function ( s ) { chosen[ s.getAttribute( 'data-attribute_name' ) ] = s.value; } );
						var found = list.find( function ( v ) {
							return Object.keys( v.attributes ).every( function ( k ) {
								return chosen[ k ] && ( v.attributes[ k ] === '' || v.attributes[ k ] === chosen[ k ] );
							} );
						} );
						form.querySelector( 'input.variation_id' ).value = found ? String( found.variation_id ) : '0';
						var box = form.querySelector( '.single_variation' );
						box.textContent = '';
						if ( found ) {
							box.insertAdjacentHTML( 'beforeend', found.availability_html );
						}
					}
					selects.forEach( function ( s ) { s.addEventListener( 'change', update ); } );
				} )();
				</script>
			<?php else : ?>
				<?php echo $kvs_stock_html( $kvs_product ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped above. ?>
				<?php if ( $kvs_product->is_purchasable() && $kvs_product->is_in_stock() ) : ?>
					<form class="cart" action="<?php echo esc_url( get_permalink() ); ?>" method="post" enctype="multipart/form-data">
						<div class="quantity"><label class="screen-reader-text" for="quantity_<?php the_ID(); ?>"><?php echo esc_html( 'Quantity' ); ?></label><input type="number" id="quantity_<?php the_ID(); ?>" class="input-text qty text" name="quantity" value="1" min="1" step="1"<?php echo $kvs_product->managing_stock() ? ' max="' . absint( $kvs_product->get_stock_quantity() ) . '"' : ''; ?>></div>
						<button type="submit" name="add-to-cart" value="<?php echo absint( $kvs_product->get_id() ); ?>" class="single_add_to_cart_button button alt"><?php echo esc_html( 'Add to cart' ); ?></button>
					</form>
				<?php endif; ?>
			<?php endif; ?>
			<div class="product_meta">
				<?php if ( $kvs_product->get_sku() ) : ?>
					<span class="sku_wrapper"><?php echo esc_html( 'SKU:' ); ?> <span class="sku"><?php echo esc_html( $kvs_product->get_sku() ); ?></span></span>
				<?php endif; ?>
				<?php echo get_the_term_list( $kvs_product->get_id(), 'product_cat', '<span class="posted_in">Category: ', ', ', '</span>' ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes term names. ?>
			</div>
		</div>
		<div class="woocommerce-tabs wc-tabs-wrapper">
			<div class="woocommerce-Tabs-panel woocommerce-Tabs-panel--description panel entry-content wc-tab" id="tab-description">
				<h2><?php echo esc_html( 'Description' ); ?></h2>
				<?php the_content(); ?>
			</div>
			<?php
			$kvs_rows = array();
			foreach ( $kvs_product->get_attributes() as $kvs_attribute ) {
				if ( ! $kvs_attribute || ! $kvs_attribute->get_visible() ) {
					continue;
				}
				$kvs_values = array();
				if ( $kvs_attribute->is_taxonomy() ) {
					foreach ( (array) $kvs_attribute->get_terms() as $kvs_term ) {
						$kvs_values[] = esc_html( $kvs_term->name );
					}
				} else {
					foreach ( $kvs_attribute->get_options() as $kvs_value ) {
						$kvs_values[] = make_clickable( esc_html( $kvs_value ) );
					}
				}
				$kvs_rows[] = array(
					'label' => wc_attribute_label( $kvs_attribute->get_name() ),
					'value' => wpautop( wptexturize( implode( ', ', $kvs_values ) ) ),
				);
			}
			if ( $kvs_rows ) :
				?>
				<div class="woocommerce-Tabs-panel woocommerce-Tabs-panel--additional_information panel entry-content wc-tab" id="tab-additional_information">
					<h2><?php echo esc_html( 'Additional information' ); ?></h2>
					<table class="woocommerce-product-attributes shop_attributes" aria-label="<?php echo esc_attr( 'Product Details' ); ?>">
						<?php foreach ( $kvs_rows as $kvs_row ) : ?>
							<tr class="woocommerce-product-attributes-item">
								<th class="woocommerce-product-attributes-item__label" scope="row"><?php echo wp_kses_post( $kvs_row['label'] ); ?></th>
								<td class="woocommerce-product-attributes-item__value"><?php echo wp_kses_post( $kvs_row['value'] ); ?></td>
							</tr>
						<?php endforeach; ?>
					</table>
				</div>
			<?php endif; ?>
		</div>
	</div>
	<?php
elseif ( is_page() && get_queried_object_id() === wc_get_page_id( 'checkout' ) ) :
	?>
	<div class="woocommerce">
	<?php
	$kvs_order = $kvs_sf::is_order_received() ? $kvs_sf::received_order() : null;
	if ( $kvs_sf::is_order_received() ) :
		if ( ! $kvs_order ) :
			?>
			<p class="woocommerce-notice woocommerce-notice--error woocommerce-thankyou-order-failed"><?php echo esc_html( 'Invalid order.' ); ?></p>
		<?php else : ?>
			<div class="woocommerce-order">
				<p class="woocommerce-notice woocommerce-notice--success woocommerce-thankyou-order-received"><?php echo esc_html( 'Thank you. Your order has been received.' ); ?></p>
				<ul class="woocommerce-order-overview woocommerce-thankyou-order-details order_details">
					<li class="woocommerce-order-overview__order order"><?php echo esc_html( 'Order number:' ); ?> <strong><?php echo esc_html( $kvs_order->get_order_number() ); ?></strong></li>
					<li class="woocommerce-order-overview__email email"><?php echo esc_html( 'Email:' ); ?> <strong><?php echo esc_html( $kvs_order->get_billing_email() ); ?></strong></li>
					<li class="woocommerce-order-overview__total total"><?php echo esc_html( 'Total:' ); ?> <strong><?php echo wc_price( $kvs_order->get_total() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- price HTML. ?></strong></li>
					<li class="woocommerce-order-overview__payment-method method"><?php echo esc_html( 'Payment method:' ); ?> <strong><?php echo wp_kses_post( $kvs_order->get_payment_method_title() ); ?></strong></li>
				</ul>
			</div>
			<?php
		endif;
	else :
		$kvs_cart = $kvs_sf::cart_contents();
		if ( ! $kvs_cart['lines'] ) :
			?>
			<p class="cart-empty woocommerce-info"><?php echo esc_html( 'Your cart is currently empty.' ); ?></p>
			<?php
		else :
			$kvs_countries = $kvs_sf::allowed_countries();
			$kvs_rate      = $kvs_sf::shipping_rate( (string) reset( $kvs_countries ) );
			?>
			<form name="checkout" method="post" class="checkout woocommerce-checkout" action="<?php echo esc_url( wc_get_checkout_url() ); ?>" enctype="multipart/form-data">
				<div class="col2-set" id="customer_details"><div class="woocommerce-billing-fields">
					<h3><?php echo esc_html( 'Billing details' ); ?></h3>
					<div class="woocommerce-billing-fields__field-wrapper">
					<?php
					// phpcs:disable WordPress.Security.NonceVerification.Missing -- redisplay of the posted form.
					foreach ( $kvs_sf::billing_fields() as $kvs_id => $kvs_field ) :
						$kvs_value = isset( $_POST[ $kvs_id ] ) ? wc_clean( wp_unslash( $_POST[ $kvs_id ] ) ) : '';
						?>
						<p class="form-row<?php echo $kvs_field[2] ? ' validate-required' : ''; ?>" id="<?php echo esc_attr( $kvs_id ); ?>_field">
							<label for="<?php echo esc_attr( $kvs_id ); ?>"><?php echo esc_html( $kvs_field[0] ); ?><?php echo $kvs_field[2] ? '&nbsp;<abbr class="required" title="required">*</abbr>' : '&nbsp;<span class="optional">(optional)</span>'; ?></label>
							<span class="woocommerce-input-wrapper">
							<?php if ( 'country' === $kvs_field[1] && 1 === count( $kvs_countries ) ) : ?>
								<strong><?php echo esc_html( (string) ( WC()->countries->get_countries()[ $kvs_countries[0] ] ?? $kvs_countries[0] ) ); ?></strong>
								<input type="hidden" name="<?php echo esc_attr( $kvs_id ); ?>" id="<?php echo esc_attr( $kvs_id ); ?>" value="<?php echo esc_attr( $kvs_countries[0] ); ?>" class="country_to_state">
							<?php elseif ( 'country' === $kvs_field[1] ) : ?>
								<select name="<?php echo esc_attr( $kvs_id ); ?>" id="<?php echo esc_attr( $kvs_id ); ?>" class="country_to_state country_select">
									<?php foreach ( $kvs_countries as $kvs_code ) : ?>
										<option value="<?php echo esc_attr( $kvs_code ); ?>"><?php echo esc_html( (string) ( WC()->countries->get_countries()[ $kvs_code ] ?? $kvs_code ) ); ?></option>
									<?php endforeach; ?>
								</select>
							<?php else : ?>
								<input type="<?php echo esc_attr( $kvs_field[1] ); ?>" class="input-text" name="<?php echo esc_attr( $kvs_id ); ?>" id="<?php echo esc_attr( $kvs_id ); ?>" value="<?php echo esc_attr( is_string( $kvs_value ) ? $kvs_value : '' ); ?>">
							<?php endif; ?>
							</span>
						</p>
						<?php
					endforeach;
					// phpcs:enable WordPress.Security.NonceVerification.Missing
					?>
					</div>
				</div>
				<div class="woocommerce-additional-fields"><p class="form-row notes" id="order_comments_field"><label for="order_comments"><?php echo esc_html( 'Order notes' ); ?>&nbsp;<span class="optional">(optional)</span></label><span class="woocommerce-input-wrapper"><textarea name="order_comments" class="input-text" id="order_comments" rows="2" cols="5"></textarea></span></p></div>
				</div>
				<h3 id="order_review_heading"><?php echo esc_html( 'Your order' ); ?></h3>
				<div id="order_review" class="woocommerce-checkout-review-order">
					<table class="shop_table woocommerce-checkout-review-order-table">
						<thead><tr><th class="product-name"><?php echo esc_html( 'Product' ); ?></th><th class="product-total"><?php echo esc_html( 'Subtotal' ); ?></th></tr></thead>
						<tbody>
						<?php foreach ( $kvs_cart['lines'] as $kvs_line ) : ?>
							<tr class="cart_item"><td class="product-name"><?php echo wp_kses_post( $kvs_line['product']->get_name() ); ?>&nbsp;<strong class="product-quantity">&times;&nbsp;<?php echo absint( $kvs_line['quantity'] ); ?></strong></td><td class="product-total"><?php echo wc_price( $kvs_line['total'] ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- price HTML. ?></td></tr>
						<?php endforeach; ?>
						</tbody>
						<tfoot>
							<tr class="cart-subtotal"><th><?php echo esc_html( 'Subtotal' ); ?></th><td><?php echo wc_price( $kvs_cart['subtotal'] ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- price HTML. ?></td></tr>
							<?php if ( $kvs_rate ) : ?>
								<tr class="woocommerce-shipping-totals shipping"><th><?php echo esc_html( 'Shipping' ); ?></th><td data-title="<?php echo esc_attr( 'Shipping' ); ?>"><?php echo esc_html( $kvs_rate['title'] ); ?>: <?php echo wc_price( $kvs_rate['cost'] ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- price HTML. ?></td></tr>
							<?php endif; ?>
							<tr class="order-total"><th><?php echo esc_html( 'Total' ); ?></th><td><strong><?php echo wc_price( $kvs_cart['subtotal'] + ( $kvs_rate ? $kvs_rate['cost'] : 0 ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- price HTML. ?></strong></td></tr>
						</tfoot>
					</table>
					<div id="payment" class="woocommerce-checkout-payment">
						<ul class="wc_payment_methods payment_methods methods">
							<li class="wc_payment_method payment_method_cod">
								<input id="payment_method_cod" type="radio" class="input-radio" name="payment_method" value="cod" checked="checked">
								<label for="payment_method_cod"><?php echo esc_html( (string) ( get_option( 'woocommerce_cod_settings', array() )['title'] ?? 'Cash on delivery' ) ); ?></label>
							</li>
						</ul>
						<div class="form-row place-order">
							<?php wp_nonce_field( 'woocommerce-process_checkout', 'woocommerce-process-checkout-nonce' ); ?>
							<button type="submit" class="button alt" name="woocommerce_checkout_place_order" id="place_order" value="<?php echo esc_attr( 'Place order' ); ?>"><?php echo esc_html( 'Place order' ); ?></button>
						</div>
					</div>
				</div>
			</form>
			<?php
		endif;
	endif;
	?>
	</div>
	<?php
elseif ( is_page() ) :
	// The cart page.
	$kvs_cart = $kvs_sf::cart_contents();
	?>
	<div class="woocommerce">
		<?php if ( ! $kvs_cart['lines'] ) : ?>
			<p class="cart-empty woocommerce-info"><?php echo esc_html( 'Your cart is currently empty.' ); ?></p>
		<?php else : ?>
			<table class="shop_table shop_table_responsive cart woocommerce-cart-form__contents">
				<?php foreach ( $kvs_cart['lines'] as $kvs_line ) : ?>
					<tr class="woocommerce-cart-form__cart-item cart_item"><td class="product-name"><a href="<?php echo esc_url( $kvs_line['product']->get_permalink() ); ?>"><?php echo wp_kses_post( $kvs_line['product']->get_name() ); ?></a></td><td class="product-quantity"><?php echo absint( $kvs_line['quantity'] ); ?></td><td class="product-subtotal"><?php echo wc_price( $kvs_line['total'] ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- price HTML. ?></td></tr>
				<?php endforeach; ?>
			</table>
			<div class="wc-proceed-to-checkout"><a href="<?php echo esc_url( wc_get_checkout_url() ); ?>" class="checkout-button button alt wc-forward"><?php echo esc_html( 'Proceed to checkout' ); ?></a></div>
		<?php endif; ?>
	</div>
	<?php
else :
	// Shop archive and product search.
	?>
	<header class="woocommerce-products-header">
		<h1 class="woocommerce-products-header__title page-title"><?php echo is_search() ? esc_html( sprintf( 'Search results: “%s”', get_search_query( false ) ) ) : esc_html( 'Shop' ); ?></h1>
	</header>
	<?php if ( have_posts() ) : ?>
		<ul class="products columns-4">
		<?php
		while ( have_posts() ) :
			the_post();
			$kvs_product = wc_get_product( get_the_ID() );
			if ( ! $kvs_product ) {
				continue;
			}
			?>
			<li <?php post_class( 'product' ); ?>>
				<a href="<?php the_permalink(); ?>" class="woocommerce-LoopProduct-link woocommerce-loop-product__link">
					<h2 class="woocommerce-loop-product__title"><?php echo get_the_title(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- as WooCommerce's loop title. ?></h2>
					<span class="price"><?php echo $kvs_price_html( $kvs_product ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- price HTML. ?></span>
				</a>
			</li>
		<?php endwhile; ?>
		</ul>
	<?php else : ?>
		<div class="woocommerce-no-products-found"><div class="woocommerce-info"><?php echo esc_html( 'No products were found matching your selection.' ); ?></div></div>
		<?php
	endif;
endif;
?>
</main>
<?php wp_footer(); ?>
</body>
</html>
