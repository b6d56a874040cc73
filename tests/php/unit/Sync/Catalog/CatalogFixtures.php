<?php
/**
 * KiotViet payloads shaped like the examples of kiotviet-api.md.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Catalog;

use DateTimeImmutable;
use DateTimeZone;
use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;

/**
 * Realistic REST (camelCase) and webhook (PascalCase) fixtures.
 */
final class CatalogFixtures {

	public const BRANCH_MAIN    = 5001;
	public const BRANCH_THUDUC  = 5002;
	public const BOOK_ONLINE    = 77;
	public const BOOK_PROMO     = 78;
	public const BOOK_EXPIRED   = 79;
	public const BOOK_INACTIVE  = 80;
	public const BOOK_FUTURE    = 81;

	public static function now(): DateTimeImmutable {
		return new DateTimeImmutable( '2026-11-29T15:00:00+07:00' );
	}

	/**
	 * @param array<string, mixed> $overrides
	 */
	public static function settings( array $overrides = array() ): CatalogSettings {
		return CatalogSettings::from_array(
			array_merge(
				array(
					'stock_branch_id' => self::BRANCH_MAIN,
					'stock_mode'      => CatalogSettings::STOCK_BRANCH,
					'regular_book_id' => 0,
					'sale_book_id'    => null,
					'match_by_sku'    => false,
					'locked_fields'   => array(),
					'weight_unit'     => 'kg',
				),
				$overrides
			),
			self::now()
		);
	}

	/** kiotviet-api.md §5.2: a variant child that also has a second unit. */
	public static function rest_variant_child(): array {
		return json_decode( <<<'JSON'
{
  "id": 31000102, "code": "AOTHUN-DEN-L", "barCode": "8936000000024", "retailerId": 712345, "allowsSale": true,
  "name": "Áo thun basic", "fullName": "Áo thun basic - Đen - L", "categoryId": 901, "categoryName": "Áo thun",
  "tradeMarkId": 41, "tradeMarkName": "NoBrand", "description": "<p>Vải cotton 2 chiều</p>",
  "hasVariants": true, "masterProductId": 31000101,
  "attributes": [
    { "productId": 31000102, "attributeName": "MÀU", "attributeValue": "Đen" },
    { "productId": 31000102, "attributeName": "SIZE", "attributeValue": "L" }
  ],
  "unit": "cái", "conversionValue": 1,
  "units": [ { "id": 31000150, "code": "AOTHUN-DEN-L-LOC10", "name": "Áo thun basic", "fullName": "Áo thun basic - Đen - L (lốc 10)", "unit": "lốc 10", "conversionValue": 10, "basePrice": 1450000 } ],
  "images": ["https://cdn.example.test/kv/aothun-den-1.jpg", "https://cdn.example.test/kv/aothun-den-2.jpg"],
  "inventories": [
    { "productId": 31000102, "productCode": "AOTHUN-DEN-L", "productName": "Áo thun basic", "branchId": 5001, "branchName": "Chi nhánh trung tâm", "cost": 85000, "onHand": 14, "reserved": 3, "onOrder": 0, "minQuantity": 2, "maxQuantity": 999999999 },
    { "productId": 31000102, "productCode": "AOTHUN-DEN-L", "productName": "Áo thun basic", "branchId": 5002, "branchName": "Kho Thủ Đức", "cost": 85000, "onHand": 0, "reserved": 0, "onOrder": 0, "minQuantity": 0, "maxQuantity": 999999999 }
  ],
  "priceBooks": [
    { "priceBookId": 77, "priceBookName": "Giá online", "productId": 31000102, "isActive": true, "startDate": "2025-01-01T00:00:00.0000000", "endDate": "2026-12-31T23:59:00.0000000", "price": 149000 }
  ],
  "basePrice": 159000, "weight": 250, "type": 2, "isActive": true, "isRewardPoint": true,
  "isLotSerialControl": false, "isBatchExpireControl": false, "orderTemplate": "",
  "createdDate": "2025-03-02T09:15:40.1230000", "modifiedDate": "2025-06-10T14:03:11.5570000"
}
JSON
			, true );
	}

	/** kiotviet-api.md §6.5: a product.update webhook Data item. */
	public static function webhook_variant_child(): array {
		return json_decode( <<<'JSON'
{ "__type": "KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductUpdateRes, KiotViet.OmniChannelCore.Api.Shared",
  "Id": 31000102, "RetailerId": 712345, "Code": "AOTHUN-DEN-L", "Name": "Áo thun basic",
  "FullName": "Áo thun basic - Đen - L", "CategoryId": 901, "CategoryName": "Áo thun",
  "AllowsSale": true, "Type": 2, "HasVariants": true, "MasterProductId": 31000101,
  "BasePrice": 159000, "Weight": 250, "Unit": "cái", "ConversionValue": 1,
  "Description": "<p>Vải cotton 2 chiều</p>", "ModifiedDate": "2025-06-10T14:03:11.5570000+07:00",
  "isActive": true, "IsRewardPoint": true, "OrderTemplate": "", "TradeMarkId": 41, "TradeMarkName": "NoBrand",
  "Attributes": [ { "ProductId": 20300931, "AttributeName": "MÀU", "AttributeValue": "Đen" }, { "ProductId": 20300931, "AttributeName": "SIZE", "AttributeValue": "L" } ],
  "Units": [ { "Id": 31000150, "Code": "AOTHUN-DEN-L-LOC10", "Name": "Áo thun basic", "FullName": "Áo thun basic - Đen - L (lốc 10)", "Unit": "lốc 10", "ConversionValue": 10, "BasePrice": 1450000 } ],
  "Inventories": [ { "ProductId": 20300931, "ProductCode": "AOTHUN-DEN-L", "ProductName": "Áo thun basic", "BranchId": 5001, "BranchName": "Chi nhánh trung tâm", "Cost": 85000, "OnHand": 14, "Reserved": 3, "MinQuantity": 2, "MaxQuantity": 999999999, "isActive": true } ],
  "PriceBooks": [ { "ProductId": 31000102, "PriceBookId": 77, "PriceBookName": "Giá online", "Price": 149000, "IsActive": true, "StartDate": "2025-01-01T00:00:00.0000000+07:00", "EndDate": "2026-12-31T23:59:00.0000000+07:00" } ],
  "Serials": [],
  "Images": [ { "Image": "https://cdn.example.test/kv/aothun-den-1.jpg" } ] }
JSON
			, true );
	}

	/**
	 * A plain REST product with the stock branch, to be tweaked per test.
	 *
	 * @param array<string, mixed> $overrides
	 */
	public static function product( int $id, string $code, string $name, array $overrides = array() ): array {
		return array_merge(
			array(
				'id'                   => $id,
				'code'                 => $code,
				'retailerId'           => 712345,
				'allowsSale'           => true,
				'name'                 => $name,
				'fullName'             => $name,
				'categoryId'           => 901,
				'categoryName'         => 'Áo thun',
				'hasVariants'          => false,
				'unit'                 => '',
				'conversionValue'      => 1,
				'images'               => array(),
				'inventories'          => array(
					array( 'productId' => $id, 'productCode' => $code, 'branchId' => self::BRANCH_MAIN, 'branchName' => 'Chi nhánh trung tâm', 'onHand' => 10, 'reserved' => 0, 'minQuantity' => 0 ),
				),
				'priceBooks'           => array(),
				'basePrice'            => 100000,
				'weight'               => 500,
				'type'                 => 2,
				'isActive'             => true,
				'isLotSerialControl'   => false,
				'isBatchExpireControl' => false,
				'modifiedDate'         => '2026-11-20T10:00:00.0000000',
			),
			$overrides
		);
	}

	/**
	 * "Áo Polo" family: master Trắng/M and members Đỏ/S, Đỏ/M (KiotViet fullName "Áo Polo - Đỏ - S").
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public static function polo_family(): array {
		$member = static function ( int $id, string $code, string $color, string $size, int $price, bool $master ): array {
			$data = self::product(
				$id,
				$code,
				'Áo Polo',
				array(
					'fullName'    => 'Áo Polo - ' . $color . ' - ' . $size,
					'categoryId'  => 902,
					'hasVariants' => true,
					'description' => $master ? '<p>Polo cá sấu</p>' : '',
					'images'      => array( 'https://cdn.example.test/kv/polo-' . strtolower( $code ) . '.jpg' ),
					'attributes'  => array(
						array( 'productId' => $id, 'attributeName' => 'Màu', 'attributeValue' => $color ),
						array( 'productId' => $id, 'attributeName' => 'Size', 'attributeValue' => $size ),
					),
					'basePrice'   => $price,
					'weight'      => 200,
				)
			);
			if ( ! $master ) {
				$data['masterProductId'] = 40000001;
			}
			return $data;
		};
		return array(
			$member( 40000002, 'AOPOLO-DO-S', 'Đỏ', 'S', 250000, false ),
			$member( 40000001, 'AOPOLO-TRANG-M', 'Trắng', 'M', 250000, true ),
			$member( 40000003, 'AOPOLO-DO-M', 'Đỏ', 'M', 260000, false ),
		);
	}

	/**
	 * Beer sold by the can (base unit "lon") and by the case of 24 ("thùng").
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public static function beer_units(): array {
		$can  = self::product(
			50000001,
			'BIA-TIGER-LON',
			'Bia Tiger',
			array(
				'fullName'    => 'Bia Tiger',
				'categoryId'  => 950,
				'unit'        => 'lon',
				'basePrice'   => 18000,
				'weight'      => 350,
				'units'       => array( array( 'id' => 50000002, 'code' => 'BIA-TIGER-THUNG', 'name' => 'Bia Tiger', 'fullName' => 'Bia Tiger (thùng)', 'unit' => 'thùng', 'conversionValue' => 24, 'basePrice' => 410000 ) ),
				'inventories' => array(
					array( 'branchId' => self::BRANCH_MAIN, 'onHand' => 100, 'reserved' => 3, 'minQuantity' => 24 ),
					array( 'branchId' => self::BRANCH_THUDUC, 'onHand' => 50, 'reserved' => 0, 'minQuantity' => 0 ),
				),
			)
		);
		$case = self::product(
			50000002,
			'BIA-TIGER-THUNG',
			'Bia Tiger',
			array(
				'fullName'        => 'Bia Tiger (thùng)',
				'categoryId'      => 950,
				'unit'            => 'thùng',
				'masterUnitId'    => 50000001,
				'conversionValue' => 24,
				'basePrice'       => 410000,
				'weight'          => 8400,
				'inventories'     => array(
					array( 'branchId' => self::BRANCH_MAIN, 'onHand' => 100, 'reserved' => 3 ),
				),
			)
		);
		return array( $can, $case );
	}

	/**
	 * @return array<int, KvPriceBook>
	 */
	public static function books(): array {
		return KvPriceBook::map_from_array(
			array(
				array( 'id' => self::BOOK_ONLINE, 'name' => 'Giá online', 'isActive' => true, 'isGlobal' => false, 'startDate' => '2025-01-01T00:00:00.0000000', 'endDate' => '2026-12-31T23:59:00.0000000' ),
				array( 'id' => self::BOOK_PROMO, 'name' => 'Khuyến mãi Black Friday', 'isActive' => true, 'isGlobal' => false, 'startDate' => '2026-11-27T00:00:00.0000000', 'endDate' => '2026-12-01T23:59:59.0000000' ),
				array( 'id' => self::BOOK_EXPIRED, 'name' => 'Giá hè 2026', 'isActive' => true, 'isGlobal' => false, 'startDate' => '2026-06-01T00:00:00.0000000', 'endDate' => '2026-08-31T23:59:00.0000000' ),
				array( 'id' => self::BOOK_INACTIVE, 'name' => 'Giá sỉ (ngừng)', 'isActive' => false, 'isGlobal' => false, 'startDate' => '2025-01-01T00:00:00.0000000', 'endDate' => '2027-12-31T23:59:00.0000000' ),
				array( 'id' => self::BOOK_FUTURE, 'name' => 'Giá Tết 2027', 'isActive' => true, 'isGlobal' => false, 'startDate' => '2027-01-20T00:00:00.0000000', 'endDate' => '2027-02-10T23:59:00.0000000' ),
			)
		);
	}

	/**
	 * A product priced in every fixture book.
	 *
	 * @param array<int, float> $prices book id => price
	 */
	public static function priced( float $base, array $prices ): KvProduct {
		$entries = array();
		foreach ( $prices as $book => $price ) {
			$entries[] = array( 'priceBookId' => $book, 'priceBookName' => 'Book ' . $book, 'productId' => 1, 'price' => $price );
		}
		return KvProduct::from_array( self::product( 1, 'SP000001', 'Nón lá', array( 'basePrice' => $base, 'priceBooks' => $entries ) ) );
	}

	public static function vn( string $local ): DateTimeImmutable {
		return new DateTimeImmutable( $local, new DateTimeZone( 'Asia/Ho_Chi_Minh' ) );
	}
}
