/**
 * Demo seed: a believable Vietnamese shop of about 150 items (fashion variants, IMEI phones,
 * drinks sold by can and carton, lot/expiry milk, services, combos, an inactive item, materials
 * not sold directly), 3 branches, categories in 3 levels, 2 price books, customers with phones.
 */
import type {
	Branch,
	Category,
	Customer,
	PriceBook,
	Product,
	SeedData,
	Surcharge,
	Attribute,
} from '../state';
import { Rng } from '../rng';
import {
	at,
	barcode,
	DEFAULT_SETTINGS,
	inv,
	product,
	SALE_CHANNELS,
	USERS,
} from './common';

export const DEMO_RETAILER_ID = 712345;

interface CatNode {
	name: string;
	key?: string;
	children?: CatNode[];
}

const CATEGORY_TREE: CatNode[] = [
	{
		name: 'Thời trang',
		children: [
			{
				name: 'Áo',
				children: [
					{ name: 'Áo thun', key: 'thun' },
					{ name: 'Áo polo', key: 'polo' },
					{ name: 'Áo sơ mi', key: 'somi' },
				],
			},
			{
				name: 'Quần',
				children: [
					{ name: 'Quần jean', key: 'jean' },
					{ name: 'Quần kaki', key: 'kaki' },
				],
			},
			{
				name: 'Giày dép',
				children: [ { name: 'Giày thể thao', key: 'shoes' } ],
			},
		],
	},
	{
		name: 'Điện thoại & Phụ kiện',
		children: [
			{
				name: 'Điện thoại',
				key: 'phone',
				children: [
					{ name: 'iPhone', key: 'iphone' },
					{ name: 'Samsung', key: 'samsung' },
					{ name: 'Điện thoại khác', key: 'otherphone' },
				],
			},
			{
				name: 'Phụ kiện',
				key: 'acc',
				children: [
					{ name: 'Sạc & Cáp', key: 'cable' },
					{ name: 'Ốp lưng & Cường lực', key: 'case' },
					{ name: 'Tai nghe', key: 'audio' },
				],
			},
		],
	},
	{
		name: 'Thực phẩm & Đồ uống',
		children: [
			{
				name: 'Đồ uống',
				children: [
					{ name: 'Nước ngọt', key: 'soft' },
					{ name: 'Bia', key: 'beer' },
					{ name: 'Cà phê & Trà', key: 'coffee' },
				],
			},
			{
				name: 'Sữa',
				children: [
					{ name: 'Sữa bột', key: 'milkpowder' },
					{ name: 'Sữa tươi & Sữa chua', key: 'milk' },
				],
			},
			{
				name: 'Bánh kẹo',
				children: [
					{ name: 'Bánh', key: 'cake' },
					{ name: 'Kẹo & Snack', key: 'candy' },
				],
			},
		],
	},
	{
		name: 'Mỹ phẩm',
		children: [
			{
				name: 'Chăm sóc da',
				key: 'skin',
				children: [
					{ name: 'Sữa rửa mặt', key: 'cleanser' },
					{ name: 'Kem chống nắng', key: 'sun' },
				],
			},
		],
	},
	{
		name: 'Gia dụng',
		children: [
			{
				name: 'Nhà bếp',
				children: [ { name: 'Dụng cụ nấu ăn', key: 'kitchen' } ],
			},
			{ name: 'Phòng tắm', key: 'bath' },
		],
	},
	{
		name: 'Dịch vụ',
		children: [
			{ name: 'Dịch vụ sửa chữa', key: 'repair' },
			{ name: 'Gói quà & Giao hàng', key: 'gift' },
		],
	},
	{ name: 'Combo', key: 'combo' },
	{ name: 'Vật tư đóng gói', key: 'material' },
];

export function demoSeed( retailerCode = 'demo' ): SeedData {
	const rng = new Rng( 'demo' );
	const branches: Branch[] = [
		{
			id: 5001,
			branchName: 'Chi nhánh trung tâm',
			branchCode: 'CN01',
			contactNumber: '0281234567',
			email: 'cn01@demo.example.test',
			address: '12 Lê Lợi, Phường Bến Nghé',
			locationName: 'Hồ Chí Minh - Quận 1',
			wardName: 'Phường Bến Nghé',
			isActive: true,
			createdDate: at( '2023-02-01T08:00:00' ),
			modifiedDate: at( '2025-01-05T08:00:00' ),
		},
		{
			id: 5002,
			branchName: 'Kho Thủ Đức',
			branchCode: 'CN02',
			contactNumber: '0287654321',
			address: '5 Võ Văn Ngân, Phường Linh Chiểu',
			locationName: 'Hồ Chí Minh - Thành phố Thủ Đức',
			wardName: 'Phường Linh Chiểu',
			isActive: true,
			createdDate: at( '2024-07-01T08:00:00' ),
		},
		{
			id: 5003,
			branchName: 'Chi nhánh Hà Nội',
			branchCode: 'CN03',
			contactNumber: '0243999888',
			email: 'hanoi@demo.example.test',
			address: '88 Phố Huế, Phường Ngô Thì Nhậm',
			locationName: 'Hà Nội - Quận Hai Bà Trưng',
			wardName: 'Phường Ngô Thì Nhậm',
			isActive: true,
			createdDate: at( '2024-10-15T08:00:00' ),
		},
	];
	const branchIds = branches.map( ( b ) => b.id );

	// Categories --------------------------------------------------------------------------
	const categories: Category[] = [];
	const catByKey: Record< string, number > = {};
	let catId = 500100;
	let catTime = at( '2024-11-02T08:30:00' );
	const walk = ( nodes: CatNode[], parentId: number | undefined ): void => {
		for ( const n of nodes ) {
			catId++;
			catTime += 600000;
			const c: Category = {
				categoryId: catId,
				parentId,
				categoryName: n.name,
				rank: categories.length + 1,
				createdDate: catTime,
				modifiedDate: catTime,
			};
			categories.push( c );
			if ( n.key ) {
				catByKey[ n.key ] = catId;
			}
			if ( n.children ) {
				walk( n.children, catId );
			}
		}
	};
	walk( CATEGORY_TREE, undefined );
	const cat = ( key: string ): number => {
		const id = catByKey[ key ];
		if ( id === undefined ) {
			throw new Error( `unknown demo category ${ key }` );
		}
		return id;
	};

	// Products ----------------------------------------------------------------------------
	const products: Product[] = [];
	let nextId = 31000100;
	let t = at( '2025-03-02T09:15:40.123' );
	const stock = (
		cost: number,
		max = 60
	): Record< number, ReturnType< typeof inv > > => {
		const r: Record< number, ReturnType< typeof inv > > = {};
		for ( const b of branchIds ) {
			r[ b ] = inv(
				rng.int( 0, max ),
				cost,
				0,
				rng.chance( 0.3 ) ? 2 : 0
			);
		}
		return r;
	};
	const add = (
		spec: Omit<
			Parameters< typeof product >[ 0 ],
			'id' | 'createdDate'
		> & { modifiedDate?: number }
	): Product => {
		nextId++;
		t += 3_600_000 + rng.int( 0, 3_000_000 );
		const p = product( {
			id: nextId,
			createdDate: t,
			modifiedDate: t + rng.int( 0, 40 ) * 86_400_000,
			barCode: barcode( nextId - 31000000 ),
			images: [ `/images/${ spec.code.toLowerCase() }-1.png` ],
			...spec,
		} );
		products.push( p );
		return p;
	};
	const round1000 = ( n: number ): number => Math.round( n / 1000 ) * 1000;

	// Variant families (hàng cùng loại): the first member is the master.
	const family = (
		base: {
			name: string;
			code: string;
			categoryId: number;
			price: number;
			cost: number;
			weight: number;
			tradeMarkName?: string;
			description?: string;
		},
		axes: { name: string; values: { label: string; code: string }[] }[]
	): Product[] => {
		const combos: { label: string; code: string }[][] = axes.reduce<
			{ label: string; code: string }[][]
		>(
			( acc, axis ) =>
				acc.flatMap( ( prefix ) =>
					axis.values.map( ( v ) => [ ...prefix, v ] )
				),
			[ [] ]
		);
		const members: Product[] = [];
		for ( const combo of combos ) {
			const attributes: Attribute[] = combo.map( ( v, i ) => ( {
				attributeName: axes[ i ]?.name ?? '',
				attributeValue: v.label,
			} ) );
			const code = [ base.code, ...combo.map( ( v ) => v.code ) ].join(
				'-'
			);
			members.push(
				add( {
					code,
					name: base.name,
					categoryId: base.categoryId,
					basePrice: base.price,
					weight: base.weight,
					unit: 'cái',
					attributes,
					hasVariants: true,
					masterProductId: members[ 0 ]?.id,
					tradeMarkName: base.tradeMarkName,
					tradeMarkId: base.tradeMarkName ? 41 : undefined,
					description: base.description ?? '',
					inventories: stock( base.cost, 25 ),
				} )
			);
		}
		return members;
	};
	const color = (
		label: string,
		code: string
	): { label: string; code: string } => ( { label, code } );
	const sizes = ( ...s: string[] ): { label: string; code: string }[] =>
		s.map( ( x ) => ( { label: x, code: x } ) );

	const fashion: Product[] = [
		...family(
			{
				name: 'Áo Polo',
				code: 'POLO',
				categoryId: cat( 'polo' ),
				price: 250000,
				cost: 120000,
				weight: 250,
				tradeMarkName: 'Coolmate',
				description:
					'<p>Áo polo cá sấu, vải cotton co giãn 4 chiều</p>',
			},
			[
				{
					name: 'MÀU',
					values: [
						color( 'Đỏ', 'DO' ),
						color( 'Xanh navy', 'XN' ),
						color( 'Trắng', 'TR' ),
					],
				},
				{ name: 'SIZE', values: sizes( 'S', 'M', 'L', 'XL' ) },
			]
		),
		...family(
			{
				name: 'Áo thun basic',
				code: 'AOTHUN',
				categoryId: cat( 'thun' ),
				price: 159000,
				cost: 85000,
				weight: 200,
				description: '<p>Vải cotton 2 chiều</p>',
			},
			[
				{
					name: 'MÀU',
					values: [
						color( 'Đen', 'DEN' ),
						color( 'Trắng', 'TRANG' ),
						color( 'Xám', 'XAM' ),
					],
				},
				{ name: 'SIZE', values: sizes( 'S', 'M', 'L' ) },
			]
		),
		...family(
			{
				name: 'Áo sơ mi Oxford',
				code: 'SOMI',
				categoryId: cat( 'somi' ),
				price: 349000,
				cost: 170000,
				weight: 280,
			},
			[
				{
					name: 'MÀU',
					values: [
						color( 'Trắng', 'TR' ),
						color( 'Xanh nhạt', 'XNH' ),
					],
				},
				{ name: 'SIZE', values: sizes( 'S', 'M', 'L', 'XL' ) },
			]
		),
		...family(
			{
				name: 'Quần jean slim',
				code: 'JEAN',
				categoryId: cat( 'jean' ),
				price: 459000,
				cost: 230000,
				weight: 550,
			},
			[ { name: 'SIZE', values: sizes( '29', '30', '31', '32' ) } ]
		),
		...family(
			{
				name: "Giày thể thao Biti's Hunter",
				code: 'HUNTER',
				categoryId: cat( 'shoes' ),
				price: 890000,
				cost: 520000,
				weight: 700,
				tradeMarkName: "Biti's",
			},
			[
				{
					name: 'MÀU',
					values: [ color( 'Đen', 'DEN' ), color( 'Trắng', 'TR' ) ],
				},
				{ name: 'SIZE', values: sizes( '39', '40', '41', '42' ) },
			]
		),
		...family(
			{
				name: 'Quần kaki',
				code: 'KAKI',
				categoryId: cat( 'kaki' ),
				price: 399000,
				cost: 190000,
				weight: 500,
			},
			[
				{
					name: 'MÀU',
					values: [ color( 'Be', 'BE' ), color( 'Đen', 'DEN' ) ],
				},
				{ name: 'SIZE', values: sizes( '29', '30', '31', '32' ) },
			]
		),
	];

	// IMEI phones (serial controlled).
	const phones: [ string, string, string, number ][] = [
		[ 'IP15-128', 'iPhone 15 128GB', 'iphone', 22990000 ],
		[ 'IP15PRO-256', 'iPhone 15 Pro 256GB', 'iphone', 28990000 ],
		[ 'SS-S24', 'Samsung Galaxy S24 8GB/256GB', 'samsung', 19990000 ],
		[ 'SS-A55', 'Samsung Galaxy A55 5G', 'samsung', 9490000 ],
		[ 'XM-RN13', 'Xiaomi Redmi Note 13', 'otherphone', 4890000 ],
		[ 'OPPO-RENO11F', 'OPPO Reno11 F 5G', 'otherphone', 8490000 ],
	];
	const phoneProducts = phones.map( ( [ code, name, key, price ] ) => {
		const p = add( {
			code,
			name,
			categoryId: cat( key ),
			basePrice: price,
			weight: 190,
			unit: 'chiếc',
			isLotSerialControl: true,
			tradeMarkName: name.split( ' ' )[ 0 ],
			tradeMarkId: 42,
		} );
		p.inventories = {};
		for ( const b of branchIds ) {
			const n = rng.int( 1, 5 );
			p.inventories[ b ] = inv( n, Math.round( price * 0.82 ) );
			for ( let i = 0; i < n; i++ ) {
				p.serials.push( {
					serialNumber: `35${ String( p.id ).slice( -4 ) }${ String(
						b
					).slice( -1 ) }${ String(
						100000000 + rng.int( 0, 899999999 )
					) }`.slice( 0, 15 ),
					status: 1,
					branchId: b,
					createdDate: p.createdDate,
					modifiedDate: p.createdDate,
				} );
			}
		}
		return p;
	} );
	const nokia = add( {
		code: 'NOKIA105',
		name: 'Nokia 105 (2019)',
		categoryId: cat( 'otherphone' ),
		basePrice: 390000,
		unit: 'chiếc',
		isActive: false,
		inventories: stock( 300000, 3 ),
		description: 'Ngừng kinh doanh',
	} );

	const simple = (
		key: string,
		unit: string,
		items: [ string, string, number, number? ][]
	): Product[] =>
		items.map( ( [ code, name, price, weight ] ) =>
			add( {
				code,
				name,
				categoryId: cat( key ),
				basePrice: price,
				weight,
				unit,
				inventories: stock( round1000( price * 0.6 ) ),
			} )
		);

	const accessories = [
		...simple( 'cable', 'cái', [
			[ 'SAC20W', 'Sạc nhanh 20W USB-C', 290000, 80 ],
			[ 'CAP-C-L1M', 'Cáp USB-C to Lightning 1m', 190000, 40 ],
			[ 'CAP-C-2M', 'Cáp USB-C 2m', 150000, 50 ],
			[ 'SDP-10K', 'Sạc dự phòng 10000mAh', 450000, 220 ],
			[ 'SAC65W-3C', 'Củ sạc 3 cổng 65W', 690000, 120 ],
		] ),
		...simple( 'case', 'cái', [
			[ 'OP-IP15', 'Ốp lưng iPhone 15 trong suốt', 120000, 30 ],
			[ 'OP-S24', 'Ốp lưng Samsung S24', 120000, 30 ],
			[ 'CL-IP15', 'Cường lực iPhone 15', 90000, 20 ],
		] ),
		...simple( 'audio', 'cái', [
			[ 'TN-TWS', 'Tai nghe Bluetooth TWS', 590000, 60 ],
			[ 'TN-35', 'Tai nghe có dây 3.5mm', 99000, 30 ],
		] ),
		...simple( 'acc', 'cái', [
			[ 'GIADO-DT', 'Giá đỡ điện thoại', 79000, 100 ],
			[ 'MICROSD64', 'Thẻ nhớ microSD 64GB', 159000, 5 ],
		] ),
	];

	// Drinks sold by the unit and by the carton (đơn vị tính): each unit is its own product.
	const unitItems: Product[] = [];
	const unitFamily = (
		key: string,
		code: string,
		name: string,
		unit: string,
		price: number,
		derived: [ string, string, number, number ][]
	): void => {
		const base = add( {
			code,
			name,
			categoryId: cat( key ),
			basePrice: price,
			unit,
			weight: 350,
			inventories: stock( round1000( price * 0.7 ), 400 ),
		} );
		unitItems.push( base );
		for ( const [ suffix, dunit, conv, dprice ] of derived ) {
			unitItems.push(
				add( {
					code: `${ code }-${ suffix }`,
					name,
					categoryId: cat( key ),
					basePrice: dprice,
					unit: dunit,
					masterUnitId: base.id,
					conversionValue: conv,
					weight: 350 * conv,
					images: base.images,
					barCode: undefined,
				} )
			);
		}
	};
	unitFamily( 'soft', 'COCA330', 'Coca-Cola lon 330ml', 'lon', 10000, [
		[ 'T24', 'thùng 24 lon', 24, 215000 ],
	] );
	unitFamily( 'soft', 'PEPSI330', 'Pepsi lon 330ml', 'lon', 10000, [
		[ 'T24', 'thùng 24 lon', 24, 210000 ],
	] );
	unitFamily( 'soft', '7UP330', '7Up lon 330ml', 'lon', 10000, [
		[ 'T24', 'thùng 24 lon', 24, 210000 ],
	] );
	unitFamily(
		'soft',
		'STING330',
		'Nước tăng lực Sting chai 330ml',
		'chai',
		12000,
		[ [ 'T24', 'thùng 24 chai', 24, 259000 ] ]
	);
	unitFamily( 'soft', 'AQUA500', 'Nước suối Aquafina 500ml', 'chai', 6000, [
		[ 'T24', 'thùng 24 chai', 24, 120000 ],
	] );
	unitFamily(
		'soft',
		'KHONGDO455',
		'Trà xanh Không Độ 455ml',
		'chai',
		11000,
		[ [ 'T24', 'thùng 24 chai', 24, 240000 ] ]
	);
	unitFamily( 'beer', 'TIGER330', 'Bia Tiger lon 330ml', 'lon', 19000, [
		[ 'T24', 'thùng 24 lon', 24, 415000 ],
	] );
	unitFamily( 'beer', 'HEINEKEN330', 'Bia Heineken lon 330ml', 'lon', 22000, [
		[ 'T24', 'thùng 24 lon', 24, 489000 ],
	] );
	unitFamily(
		'beer',
		'SAIGON330',
		'Bia Sài Gòn Special lon 330ml',
		'lon',
		16000,
		[ [ 'T24', 'thùng 24 lon', 24, 355000 ] ]
	);
	unitFamily(
		'milk',
		'THMILK180',
		'Sữa tươi TH true MILK 180ml',
		'hộp',
		9000,
		[
			[ 'L4', 'lốc 4 hộp', 4, 35000 ],
			[ 'T48', 'thùng 48 hộp', 48, 410000 ],
		]
	);

	const coffee = simple( 'coffee', 'hộp', [
		[ 'G7-3IN1', 'Cà phê G7 3in1 hộp 18 gói', 59000, 320 ],
		[ 'TN-ST8', 'Cà phê Trung Nguyên Sáng tạo 8 340g', 135000, 340 ],
		[ 'LIPTON25', 'Trà Lipton túi lọc 25 gói', 39000, 60 ],
		[ 'ROBUSTA500', 'Cà phê hạt Robusta 500g', 165000, 500 ],
	] );

	// Lot/expiry controlled milk.
	const lotMilk: [ string, string, string, number ][] = [
		[
			'DIELAC-AG4',
			'Sữa bột Vinamilk Dielac Alpha Gold 4 900g',
			'milkpowder',
			289000,
		],
		[
			'SIMILAC5G4',
			'Sữa bột Abbott Similac 5G số 4 900g',
			'milkpowder',
			559000,
		],
		[
			'NAN-OPTI3',
			'Sữa bột Nestlé NAN Optipro 3 800g',
			'milkpowder',
			445000,
		],
		[ 'MEIJI0', 'Sữa bột Meiji số 0 800g', 'milkpowder', 539000 ],
		[ 'VNM-1L', 'Sữa tươi Vinamilk 100% có đường 1L', 'milk', 36000 ],
		[ 'YAKULT5', 'Sữa chua uống Yakult lốc 5', 'milk', 27000 ],
	];
	const lotProducts = lotMilk.map( ( [ code, name, key, price ], i ) => {
		const p = add( {
			code,
			name,
			categoryId: cat( key ),
			basePrice: price,
			unit: key === 'milk' ? 'hộp' : 'lon',
			weight: 900,
			isBatchExpireControl: true,
		} );
		for ( const b of branchIds ) {
			const a = rng.int( 0, 20 );
			const c = rng.int( 0, 20 );
			p.inventories[ b ] = inv( a + c, Math.round( price * 0.75 ) );
			p.batches.push( {
				batchName: `L${ 2601 + i }${ String( b ).slice( -1 ) }A`,
				expireDate: at( '2027-03-31T00:00:00' ) + i * 86400000,
				onHand: a,
				branchId: b,
			} );
			p.batches.push( {
				batchName: `L${ 2607 + i }${ String( b ).slice( -1 ) }B`,
				expireDate: at( '2027-09-30T00:00:00' ) + i * 86400000,
				onHand: c,
				branchId: b,
			} );
		}
		return p;
	} );

	const snacks = [
		...simple( 'cake', 'gói', [
			[ 'COSY-MARIE', 'Bánh quy Cosy Marie 144g', 18000, 144 ],
			[ 'OREO133', 'Bánh Oreo 133g', 22000, 133 ],
			[ 'CHOCOPIE12', 'Bánh ChocoPie Orion hộp 12', 59000, 396 ],
			[ 'ONEONE150', 'Bánh gạo One One 150g', 25000, 150 ],
			[ 'CUSTAS12', 'Bánh Custas hộp 12', 62000, 282 ],
			[ 'AFC200', 'Bánh AFC lúa mì 200g', 30000, 200 ],
		] ),
		...simple( 'candy', 'gói', [
			[ 'ALPEN120', 'Kẹo Alpenliebe gói 120g', 21000, 120 ],
			[ 'KEODUA400', 'Kẹo dừa Bến Tre 400g', 55000, 400 ],
			[ 'OISHI-TOM', 'Snack Oishi tôm cay 40g', 6000, 40 ],
			[ 'DOUBLEMINT', 'Kẹo cao su Doublemint vỉ 5 thanh', 5000, 15 ],
			[ 'LAYS-95', "Snack khoai tây Lay's 95g", 22000, 95 ],
			[ 'HAOHAO-T30', 'Mì Hảo Hảo tôm chua cay gói 75g', 4500, 75 ],
			[ 'KITKAT4F', 'Socola KitKat 4 thanh', 19000, 35 ],
			[ 'MENTOS-CUON', 'Kẹo Mentos cuộn bạc hà', 8000, 38 ],
			[ 'HURA-CUON', 'Bánh bông lan Hura cuộn', 6000, 36 ],
		] ),
	];

	const cosmetics = [
		...simple( 'cleanser', 'chai', [
			[ 'CETAPHIL125', 'Sữa rửa mặt Cetaphil 125ml', 219000, 150 ],
			[ 'SENKA120', 'Sữa rửa mặt Senka Perfect Whip 120g', 95000, 130 ],
			[ 'CERAVE236', 'Sữa rửa mặt CeraVe 236ml', 345000, 260 ],
		] ),
		...simple( 'sun', 'chai', [
			[ 'ANESSA60', 'Kem chống nắng Anessa 60ml', 495000, 80 ],
			[ 'LRP-UV50', 'Kem chống nắng La Roche-Posay 50ml', 465000, 70 ],
			[ 'SKINAQUA80', 'Kem chống nắng Skin Aqua 80g', 129000, 90 ],
		] ),
		...simple( 'skin', 'chai', [
			[ 'BIODERMA500', 'Nước tẩy trang Bioderma 500ml', 429000, 520 ],
			[ 'GARNIER400', 'Nước tẩy trang Garnier 400ml', 159000, 420 ],
			[ 'DHC-LIP', 'Son dưỡng DHC 1.5g', 99000, 10 ],
			[ 'INNIS-MASK', 'Mặt nạ Innisfree trà xanh', 25000, 25 ],
		] ),
	];

	const household = [
		...simple( 'kitchen', 'cái', [
			[ 'CHAO-SH26', 'Chảo chống dính Sunhouse 26cm', 259000, 800 ],
			[ 'NOI-INOX24', 'Nồi inox 3 đáy 24cm', 389000, 1200 ],
			[ 'DAO-5MON', 'Bộ dao inox 5 món', 299000, 900 ],
			[ 'THOT-NGHIEN', 'Thớt gỗ nghiến 30cm', 189000, 1500 ],
			[ 'AM-PHILIPS17', 'Ấm siêu tốc Philips 1.7L', 549000, 1100 ],
			[ 'NCD-SHARP18', 'Nồi cơm điện Sharp 1.8L', 890000, 2500 ],
			[ 'LOCK-500', 'Bình giữ nhiệt Lock&Lock 500ml', 329000, 300 ],
			[ 'HOPCOM-TT', 'Hộp cơm thủy tinh 3 ngăn', 159000, 700 ],
		] ),
		...simple( 'bath', 'cái', [
			[ 'PS-BC', 'Bàn chải đánh răng P/S', 25000, 20 ],
			[ 'PS-KDR230', 'Kem đánh răng P/S 230g', 42000, 230 ],
			[ 'CLEAR650', 'Dầu gội Clear 650g', 185000, 700 ],
			[ 'DOVE530', 'Sữa tắm Dove 530g', 169000, 580 ],
			[ 'LIFEBUOY500', 'Nước rửa tay Lifebuoy 500g', 79000, 520 ],
			[ 'PULPPY10', 'Giấy vệ sinh Pulppy lốc 10 cuộn', 89000, 1000 ],
		] ),
	];

	// Services (type 3): no stock.
	const services = (
		[
			[ 'DV-DANCL', 'Dán cường lực điện thoại', 'repair', 50000 ],
			[ 'DV-THAYPIN', 'Thay pin điện thoại', 'repair', 350000 ],
			[ 'DV-VESINH', 'Vệ sinh điện thoại', 'repair', 80000 ],
			[ 'DV-CAIDAT', 'Cài đặt phần mềm', 'repair', 100000 ],
			[ 'DV-GOIQUA', 'Gói quà cao cấp', 'gift', 30000 ],
			[ 'DV-HOATOC', 'Giao hàng hỏa tốc nội thành', 'gift', 40000 ],
		] as [ string, string, string, number ][]
	 ).map( ( [ code, name, key, price ] ) =>
		add( {
			code,
			name,
			categoryId: cat( key ),
			basePrice: price,
			unit: 'lần',
			type: 3,
			images: [],
			isRewardPoint: false,
		} )
	);

	// Combos (type 1) with components.
	const sac = accessories.find( ( p ) => p.code === 'SAC20W' );
	const cap = accessories.find( ( p ) => p.code === 'CAP-C-L1M' );
	const dielac = lotProducts[ 0 ];
	const combos: Product[] = [];
	if ( sac && cap && dielac ) {
		combos.push(
			add( {
				code: 'COMBO-SACCAP',
				name: 'Combo Sạc nhanh 20W + Cáp Lightning',
				categoryId: cat( 'combo' ),
				basePrice: 429000,
				unit: 'bộ',
				type: 1,
				formulas: [
					{ materialId: sac.id, quantity: 1 },
					{ materialId: cap.id, quantity: 1 },
				],
			} )
		);
		combos.push(
			add( {
				code: 'COMBO-DIELAC2',
				name: 'Combo 2 lon Dielac Alpha Gold 4',
				categoryId: cat( 'combo' ),
				basePrice: 559000,
				unit: 'bộ',
				type: 1,
				formulas: [ { materialId: dielac.id, quantity: 2 } ],
			} )
		);
	}

	// Not sold directly (allowsSale false) and another inactive item.
	const materials = [
		add( {
			code: 'VT-TUINILON',
			name: 'Túi nilon đóng gói',
			categoryId: cat( 'material' ),
			basePrice: 500,
			unit: 'cái',
			allowsSale: false,
			inventories: stock( 300, 2000 ),
			images: [],
		} ),
		add( {
			code: 'VT-CARTON',
			name: 'Hộp carton 30x20x15',
			categoryId: cat( 'material' ),
			basePrice: 8000,
			unit: 'cái',
			allowsSale: false,
			inventories: stock( 5000, 300 ),
			images: [],
		} ),
		add( {
			code: 'VT-BANGKEO',
			name: 'Băng keo trong 5cm',
			categoryId: cat( 'material' ),
			basePrice: 15000,
			unit: 'cuộn',
			allowsSale: false,
			inventories: stock( 9000, 100 ),
			images: [],
		} ),
	];
	const oldTee = add( {
		code: 'AOTHUN-2023',
		name: 'Áo thun mẫu 2023',
		categoryId: cat( 'thun' ),
		basePrice: 99000,
		unit: 'cái',
		isActive: false,
		inventories: stock( 50000, 2 ),
	} );

	// Price books -------------------------------------------------------------------------
	const online: PriceBook = {
		id: 77,
		name: 'Giá online',
		isActive: true,
		isGlobal: false,
		startDate: at( '2025-01-01T00:00:00' ),
		endDate: at( '2027-12-31T23:59:00' ),
		forAllCusGroup: true,
		forAllUser: true,
		branchIds: [ ...branchIds ],
		prices: {},
		createdDate: at( '2024-12-20T09:00:00' ),
		modifiedDate: at( '2025-05-01T09:00:00' ),
	};
	for ( const p of [
		...fashion,
		...accessories,
		...cosmetics,
		...phoneProducts,
		...household,
	] ) {
		online.prices[ p.id ] = round1000( p.basePrice * 0.95 );
	}
	const promo: PriceBook = {
		id: 78,
		name: 'Khuyến mãi cuối năm 2026',
		isActive: true,
		isGlobal: false,
		startDate: at( '2026-11-15T00:00:00' ),
		endDate: at( '2027-01-15T23:59:00' ),
		forAllCusGroup: true,
		forAllUser: true,
		branchIds: [ 5001, 5003 ],
		prices: {},
		createdDate: at( '2026-11-01T09:00:00' ),
		modifiedDate: at( '2026-11-01T09:00:00' ),
	};
	for ( const p of [
		...fashion.filter( ( _, i ) => i % 2 === 0 ),
		...snacks,
		...coffee,
		...unitItems.filter( ( u ) => u.masterUnitId !== undefined ),
	] ) {
		promo.prices[ p.id ] = round1000( p.basePrice * 0.85 );
	}
	void nokia;
	void services;
	void materials;
	void oldTee;

	// Customers ---------------------------------------------------------------------------
	const people: [ string, string, boolean, string, string, number ][] = [
		[
			'Nguyễn Thị Lan',
			'0903123456',
			false,
			'45 Nguyễn Trãi',
			'Hồ Chí Minh - Quận 5',
			5001,
		],
		[
			'Trần Văn Minh',
			'0912000111',
			true,
			'102 Cách Mạng Tháng 8',
			'Hồ Chí Minh - Quận 3',
			5001,
		],
		[
			'Lê Hoàng Nam',
			'0987 654 321',
			true,
			'7 Kha Vạn Cân',
			'Hồ Chí Minh - Thành phố Thủ Đức',
			5002,
		],
		[
			'Phạm Thu Hà',
			'0934.567.890',
			false,
			'15 Hàng Bài',
			'Hà Nội - Quận Hoàn Kiếm',
			5003,
		],
		[
			'Hoàng Minh Tuấn',
			'0977111222',
			true,
			'220 Lý Thường Kiệt',
			'Hồ Chí Minh - Quận 10',
			5001,
		],
		[
			'Vũ Ngọc Anh',
			'0909888777',
			false,
			'3 Trần Hưng Đạo',
			'Hà Nội - Quận Hoàn Kiếm',
			5003,
		],
		[
			'Đặng Quốc Bảo',
			'0368123123',
			true,
			'58 Võ Văn Ngân',
			'Hồ Chí Minh - Thành phố Thủ Đức',
			5002,
		],
		[
			'Bùi Thị Mai',
			'0903123457',
			false,
			'19 Nguyễn Trãi',
			'Hồ Chí Minh - Quận 5',
			5001,
		],
		[
			'Đỗ Văn Hùng',
			'+84 912 345 678',
			true,
			'77 Kim Mã',
			'Hà Nội - Quận Ba Đình',
			5003,
		],
		[
			'Ngô Thanh Tâm',
			'0888999000',
			false,
			'5 Pasteur',
			'Hồ Chí Minh - Quận 1',
			5001,
		],
		[
			'Công ty TNHH Hoa Sen',
			'02838123456',
			false,
			'120 Điện Biên Phủ',
			'Hồ Chí Minh - Quận Bình Thạnh',
			5001,
		],
		[
			'Lý Gia Huy',
			'0903123456',
			true,
			'8 Phan Xích Long',
			'Hồ Chí Minh - Quận Phú Nhuận',
			5002,
		],
	];
	const customers: Customer[] = people.map(
		( [ name, phone, male, address, locationName, branchId ], i ) => {
			const created = at( '2025-04-01T10:00:00' ) + i * 86_400_000 * 3;
			return {
				id: 880001 + i,
				code: 'KH' + String( i + 1 ).padStart( 6, '0' ),
				name,
				gender: name.startsWith( 'Công ty' ) ? undefined : male,
				contactNumber: phone,
				address,
				locationName,
				email: i % 3 === 0 ? `kh${ i + 1 }@example.test` : undefined,
				organization: name.startsWith( 'Công ty' ) ? name : '',
				comments: '',
				type: name.startsWith( 'Công ty' ) ? 1 : 0,
				debt: 0,
				rewardPoint: rng.int( 0, 300 ),
				branchId,
				createdDate: created,
				modifiedDate: created,
			};
		}
	);

	const surcharges: Surcharge[] = [
		{
			id: 3301,
			surchargeCode: 'PDGQ',
			surchargeName: 'Phí đóng gói quà',
			valueRatio: 0,
			value: 20000,
			isActive: true,
			createDate: at( '2025-01-01T00:00:00' ),
			modifiedDate: at( '2025-01-01T00:00:00' ),
		},
		{
			id: 3302,
			surchargeCode: 'PTNGOAIGIO',
			surchargeName: 'Phụ thu giao hàng ngoài giờ',
			valueRatio: 0,
			value: 30000,
			isActive: false,
			createDate: at( '2025-02-01T00:00:00' ),
			modifiedDate: at( '2025-02-01T00:00:00' ),
		},
	];

	return {
		retailerId: DEMO_RETAILER_ID,
		retailerCode,
		branches,
		categories,
		products,
		priceBooks: [ online, promo ],
		customers,
		surcharges,
		settings: { ...DEFAULT_SETTINGS },
		users: USERS,
		saleChannels: SALE_CHANNELS,
	};
}
