<?php
/**
 * Webhook bodies shaped like kiotviet-api.md §6.5.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Webhooks;

/**
 * Raw JSON texts, byte for byte as a ServiceStack sender would produce them (PascalCase, `__type`
 * hints, camelCase `isActive`, `+07:00` dates).
 */
final class WebhookPayloads {

	public const RETAILER = 712345;

	public static function stock_update(): string {
		return '{"Id":"5b0c2f8e-7d1a-4c61-9a3e-2f5e8c1d0b44","Attempt":1,"Notifications":[{"Action":"stock.update.712345","Data":['
			. '{"__type":"KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductStockRes, KiotViet.OmniChannelCore.Api.Shared",'
			. '"ProductId":31000102,"ProductCode":"AOTHUN-DEN-L","ProductName":"Áo thun basic","BranchId":5001,"BranchName":"Chi nhánh trung tâm",'
			. '"Cost":85000,"OnHand":13,"Reserved":3,"MinQuantity":2,"MaxQuantity":999999999,"isActive":true},'
			. '{"__type":"KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductStockRes, KiotViet.OmniChannelCore.Api.Shared",'
			. '"ProductId":31000102,"ProductCode":"AOTHUN-DEN-L","ProductName":"Áo thun basic","BranchId":5002,"BranchName":"Chi nhánh Thủ Đức",'
			. '"Cost":85000,"OnHand":0,"Reserved":0,"MinQuantity":0,"MaxQuantity":999999999,"isActive":true}'
			. ']}]}';
	}

	public static function product_update(): string {
		return '{"Id":"8f1d7c3a-0b2e-4e5f-9a6b-1c2d3e4f5a6b","Attempt":1,"Notifications":[{"Action":"product.update.712345","Data":[{'
			. '"__type":"KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductUpdateRes, KiotViet.OmniChannelCore.Api.Shared",'
			. '"Id":31000102,"RetailerId":712345,"Code":"AOTHUN-DEN-L","Name":"Áo thun basic","FullName":"Áo thun basic - Đen - L",'
			. '"CategoryId":901,"CategoryName":"Áo thun","AllowsSale":true,"Type":2,"HasVariants":true,"MasterProductId":31000101,'
			. '"BasePrice":159000,"Weight":250,"Unit":"cái","ConversionValue":1,"Description":"<p>Vải cotton 2 chiều</p>",'
			. '"ModifiedDate":"2025-06-10T14:03:11.5570000+07:00","isActive":true,"IsRewardPoint":true,"OrderTemplate":"",'
			. '"TradeMarkId":41,"TradeMarkName":"NoBrand",'
			. '"Attributes":[{"ProductId":31000102,"AttributeName":"MÀU","AttributeValue":"Đen"},{"ProductId":31000102,"AttributeName":"SIZE","AttributeValue":"L"}],'
			. '"Units":[{"Id":31000150,"Code":"AOTHUN-DEN-L-LOC10","Name":"Áo thun basic","FullName":"Áo thun basic - Đen - L (lốc 10)","Unit":"lốc 10","ConversionValue":10,"BasePrice":1450000}],'
			. '"Inventories":[{"ProductId":31000102,"ProductCode":"AOTHUN-DEN-L","ProductName":"Áo thun basic","BranchId":5001,"BranchName":"Chi nhánh trung tâm","Cost":85000,"OnHand":14,"Reserved":3,"MinQuantity":2,"MaxQuantity":999999999,"isActive":true}],'
			. '"PriceBooks":[{"ProductId":31000102,"PriceBookId":77,"PriceBookName":"Giá online","Price":149000,"IsActive":true,"StartDate":"2025-01-01T00:00:00.0000000+07:00","EndDate":"2026-12-31T23:59:00.0000000+07:00"}],'
			. '"Serials":[],"Images":["https://cdn.example.test/kv/aothun-den-1.jpg"]}]}]}';
	}

	/**
	 * The captured variant quirk: Attributes/Inventories name another product than the item Id.
	 */
	public static function product_update_variant_quirk(): string {
		return '{"Id":"c7a1e2d3-4b5c-4d6e-8f70-9a1b2c3d4e5f","Attempt":1,"Notifications":[{"Action":"product.update.500400541","Data":[{'
			. '"__type":"KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductUpdateRes, KiotViet.OmniChannelCore.Api.Shared",'
			. '"Id":20354926,"RetailerId":500400541,"Code":"SP020354926","Name":"Quần jean","FullName":"Quần jean - Xanh - 30",'
			. '"CategoryId":550123,"CategoryName":"Quần","AllowsSale":true,"Type":2,"HasVariants":true,"MasterProductId":20300931,'
			. '"BasePrice":399000,"Weight":0,"Unit":"","ConversionValue":1,"ModifiedDate":"2024-03-04T23:39:24.1470000+07:00","isActive":true,'
			. '"Attributes":[{"ProductId":20300931,"AttributeName":"MÀU","AttributeValue":"Xanh"}],'
			. '"Inventories":[{"ProductId":20300931,"ProductCode":"SP020300931","BranchId":51234,"OnHand":4,"Reserved":0,"isActive":true}],'
			. '"PriceBooks":[],"Serials":[],"Images":[]}]}]}';
	}

	public static function order_update(): string {
		return '{"Id":"0d3e9a41-6c2b-4f1e-8d7a-55b0c9e1f2a3","Attempt":1,"Notifications":[{"Action":"order.update.712345","Data":[{'
			. '"Id":660101,"Code":"DH000512","PurchaseDate":"2025-06-11T09:20:00.0000000+07:00","BranchId":5001,"CustomerId":880012,'
			. '"CustomerCode":"KH000245","CustomerName":"Nguyễn Thị Lan","Total":318000,"TotalPayment":0,"Discount":10000,"Status":4,'
			. '"StatusValue":"Đã hủy","Description":"…","UsingCod":false,"SaleChannelId":3,"ModifiedDate":"2025-06-11T10:02:00.0000000+07:00",'
			. '"OrderDetails":[{"ProductId":31000102,"ProductCode":"AOTHUN-DEN-L","ProductName":"Áo thun basic - Đen - L","Quantity":2,"Price":149000,"Discount":0}]'
			. '}]}]}';
	}

	public static function pricebookdetail_update(): string {
		return '{"Id":"a1b2c3d4-0000-4000-8000-000000000001","Attempt":1,"Notifications":[{"Action":"pricebookdetail.update.712345","Data":['
			. '{"PriceBookId":77,"ProductId":31000102,"Price":139000},{"PriceBookId":78,"ProductId":31000102,"Price":129000}]}]}';
	}

	public static function pricebookdetail_delete(): string {
		return '{"Id":"a1b2c3d4-0000-4000-8000-000000000002","Attempt":1,"Notifications":[{"Action":"pricebookdetail.delete.712345","Data":['
			. '{"PricebookId":77,"ProductIds":[31000102,31000103]}]}]}';
	}

	public static function pricebook_update(): string {
		return '{"Id":"a1b2c3d4-0000-4000-8000-000000000003","Attempt":1,"Notifications":[{"Action":"pricebook.update.712345","Data":[{'
			. '"Id":77,"Name":"Giá online","IsActive":true,"IsGlobal":false,"StartDate":"2025-01-01T00:00:00.0000000+07:00",'
			. '"EndDate":"2026-12-31T23:59:00.0000000+07:00","ForAllCusGroup":true,"ForAllUser":true,'
			. '"PriceBookBranches":[{"Id":1201,"PriceBookId":77,"BranchId":5001,"BranchName":"Chi nhánh trung tâm"}],'
			. '"PriceBookCustomerGroups":[],"PriceBookUsers":[]}]}]}';
	}

	public static function pricebook_delete(): string {
		return '{"Id":"a1b2c3d4-0000-4000-8000-000000000004","Attempt":1,"Notifications":[{"Action":"pricebook.delete.712345","Data":[77]}]}';
	}

	public static function category_update(): string {
		return '{"Id":"a1b2c3d4-0000-4000-8000-000000000005","Attempt":1,"Notifications":[{"Action":"category.update.712345","Data":[{'
			. '"Id":901,"Name":"Áo thun","ParentId":900,"IsDeleted":false,"CreatedDate":"2025-03-01T08:00:00.0000000+07:00",'
			. '"ModifiedDate":"2025-06-01T08:30:00.0000000+07:00","RetailerId":712345,"Rank":1,"HasChild":false}]}]}';
	}

	public static function category_delete(): string {
		return '{"Id":"a1b2c3d4-0000-4000-8000-000000000006","Attempt":1,"Notifications":[{"Action":"category.delete.712345","Data":[901,902]}]}';
	}

	public static function product_delete(): string {
		return '{"Id":"a1b2c3d4-0000-4000-8000-000000000007","Attempt":2,"Notifications":[{"Action":"product.delete.712345","Data":[31000102,31000103]}]}';
	}

	public static function bare_remove_id(): string {
		return '{"RemoveId":[31000102,31000103]}';
	}

	/**
	 * Several notifications in one delivery, including one type we do not subscribe to.
	 */
	public static function mixed(): string {
		return '{"Id":"f0e1d2c3-b4a5-4968-8776-655443322110","Attempt":1,"Notifications":['
			. '{"Action":"stock.update.712345","Data":[{"__type":"KiotViet.OmniChannelCore.Api.Shared.Model.WebhookProductStockRes, KiotViet.OmniChannelCore.Api.Shared","ProductId":31000101,"BranchId":5001,"OnHand":7,"Reserved":0,"isActive":true}]},'
			. '{"Action":"customer.update.712345","Data":[{"Id":880012,"Code":"KH000245","Name":"Nguyễn Thị Lan"}]},'
			. '{"Action":"product.delete.712345","Data":[31000199]},'
			. '{"Action":"stock.update.712345","Data":[{"ProductId":31000102,"BranchId":5001,"OnHand":12,"Reserved":3},{"ProductId":31000103,"BranchId":5001,"OnHand":1,"Reserved":0}]}'
			. ']}';
	}
}
