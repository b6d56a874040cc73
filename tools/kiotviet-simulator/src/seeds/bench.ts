/**
 * Bench seed: N items (default 10,000) with the mix 60 % simple, 20 % variants (families of 4),
 * 10 % unit items (base + carton), 5 % services, 5 % serial/lot; 200 categories in 3 levels,
 * 3 branches, 3 price books. Scales proportionally (tested at 50,000).
 */
import type {
	Branch,
	Category,
	Customer,
	PriceBook,
	Product,
	SeedData,
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

const NOUNS = [
	'Áo',
	'Quần',
	'Giày',
	'Túi',
	'Mũ',
	'Bình',
	'Hộp',
	'Ly',
	'Chén',
	'Bút',
	'Sổ',
	'Đèn',
	'Quạt',
	'Gối',
	'Khăn',
	'Nến',
	'Kệ',
	'Ghế',
	'Bàn',
	'Thảm',
];
const ADJS = [
	'cao cấp',
	'cổ điển',
	'thời trang',
	'mini',
	'gia đình',
	'du lịch',
	'văn phòng',
	'thể thao',
	'trẻ em',
	'hiện đại',
	'tiện lợi',
	'bền đẹp',
];
const COLORS = [ 'Đỏ', 'Xanh', 'Đen', 'Trắng', 'Vàng', 'Hồng', 'Xám', 'Nâu' ];
const SIZES = [ 'S', 'M', 'L', 'XL' ];

export function benchSeed( items = 10000, retailerCode = 'demo' ): SeedData {
	const rng = new Rng( `bench-${ items }` );
	const branches: Branch[] = [
		{
			id: 5001,
			branchName: 'Chi nhánh trung tâm',
			branchCode: 'CN01',
			contactNumber: '0281234567',
			address: '12 Lê Lợi',
			isActive: true,
			createdDate: at( '2023-02-01T08:00:00' ),
		},
		{
			id: 5002,
			branchName: 'Kho Thủ Đức',
			branchCode: 'CN02',
			contactNumber: '0287654321',
			address: '5 Võ Văn Ngân',
			isActive: true,
			createdDate: at( '2024-07-01T08:00:00' ),
		},
		{
			id: 5003,
			branchName: 'Chi nhánh Hà Nội',
			branchCode: 'CN03',
			contactNumber: '0243999888',
			address: '88 Phố Huế',
			isActive: true,
			createdDate: at( '2024-10-15T08:00:00' ),
		},
	];
	const branchIds = branches.map( ( b ) => b.id );

	// 200 categories: 10 roots, 40 second level, 150 third level.
	const categories: Category[] = [];
	let cid = 500000;
	const t0 = at( '2024-01-01T08:00:00' );
	const mkCat = ( name: string, parentId?: number ): Category => {
		cid++;
		const c: Category = {
			categoryId: cid,
			parentId,
			categoryName: name,
			rank: categories.length + 1,
			createdDate: t0 + categories.length * 60000,
			modifiedDate: t0 + categories.length * 60000,
		};
		categories.push( c );
		return c;
	};
	const roots = Array.from( { length: 10 }, ( _, i ) =>
		mkCat( `Ngành hàng ${ i + 1 }` )
	);
	const level2 = Array.from( { length: 40 }, ( _, i ) =>
		mkCat(
			`Nhóm ${ Math.floor( i / 4 ) + 1 }.${ ( i % 4 ) + 1 }`,
			roots[ Math.floor( i / 4 ) ]?.categoryId
		)
	);
	const leaves = Array.from( { length: 150 }, ( _, i ) => {
		const parent = level2[ i % 40 ];
		return mkCat(
			`Loại ${ i + 1 } - ${ parent?.categoryName ?? '' }`,
			parent?.categoryId
		);
	} );
	const leafIds = leaves.map( ( c ) => c.categoryId );

	const nFamilies = Math.floor( ( items * 0.2 ) / 4 );
	const nUnitPairs = Math.floor( ( items * 0.1 ) / 2 );
	const nServices = Math.floor( items * 0.05 );
	const nSerial = Math.floor( items * 0.025 );
	const nLot = Math.floor( items * 0.025 );
	const nSimple = Math.max(
		0,
		items - nFamilies * 4 - nUnitPairs * 2 - nServices - nSerial - nLot
	);

	const products: Product[] = [];
	let id = 31000000;
	let code = 0;
	const tStart = at( '2025-01-01T08:00:00' );
	const newId = (): number => ++id;
	const newCode = ( prefix = 'SP' ): string =>
		prefix + String( ++code ).padStart( 6, '0' );
	const when = (): number => tStart + ( id - 31000000 ) * 60000;
	const stock = (
		cost: number
	): Record< number, ReturnType< typeof inv > > => {
		const r: Record< number, ReturnType< typeof inv > > = {};
		for ( const b of branchIds ) {
			r[ b ] = inv( rng.int( 0, 200 ), cost );
		}
		return r;
	};
	const name = (): string =>
		`${ rng.pick( NOUNS ) } ${ rng.pick( ADJS ) } ${ rng.int( 100, 999 ) }`;
	const price = (): number => rng.int( 10, 2000 ) * 1000;

	for ( let i = 0; i < nSimple; i++ ) {
		const pid = newId();
		const bp = price();
		products.push(
			product( {
				id: pid,
				code: newCode(),
				barCode: barcode( pid - 31000000 ),
				name: name(),
				categoryId: rng.pick( leafIds ),
				basePrice: bp,
				unit: 'cái',
				weight: rng.int( 50, 3000 ),
				createdDate: when(),
				inventories: stock( Math.round( bp * 0.6 ) ),
				images: [ `/images/sp-${ pid }-1.png` ],
			} )
		);
	}
	for ( let f = 0; f < nFamilies; f++ ) {
		const n = name();
		const cat = rng.pick( leafIds );
		const bp = price();
		const c1 = rng.pick( COLORS );
		const fcode = newCode( 'BT' );
		let masterId: number | undefined;
		for ( let v = 0; v < 4; v++ ) {
			const pid = newId();
			const attributes = [
				{ attributeName: 'MÀU', attributeValue: c1 },
				{ attributeName: 'SIZE', attributeValue: SIZES[ v ] ?? 'M' },
			];
			products.push(
				product( {
					id: pid,
					code: `${ fcode }-${ v + 1 }`,
					name: n,
					categoryId: cat,
					basePrice: bp,
					unit: 'cái',
					attributes,
					hasVariants: true,
					masterProductId: masterId,
					createdDate: when(),
					inventories: stock( Math.round( bp * 0.6 ) ),
					images: [ `/images/sp-${ pid }-1.png` ],
				} )
			);
			masterId = masterId ?? pid;
		}
	}
	for ( let u = 0; u < nUnitPairs; u++ ) {
		const baseId = newId();
		const bp = rng.int( 5, 50 ) * 1000;
		const n = `${ rng.pick( [
			'Nước',
			'Bia',
			'Sữa',
			'Trà',
			'Nước ép',
		] ) } ${ rng.pick( ADJS ) } ${ rng.int( 100, 999 ) }ml`;
		const cat = rng.pick( leafIds );
		const bcode = newCode( 'DV' );
		products.push(
			product( {
				id: baseId,
				code: bcode,
				name: n,
				categoryId: cat,
				basePrice: bp,
				unit: 'lon',
				createdDate: when(),
				inventories: stock( Math.round( bp * 0.7 ) ),
			} )
		);
		const did = newId();
		products.push(
			product( {
				id: did,
				code: `${ bcode }-T24`,
				name: n,
				categoryId: cat,
				basePrice: bp * 22,
				unit: 'thùng 24',
				masterUnitId: baseId,
				conversionValue: 24,
				createdDate: when(),
			} )
		);
	}
	for ( let s = 0; s < nServices; s++ ) {
		products.push(
			product( {
				id: newId(),
				code: newCode( 'DVU' ),
				name: `Dịch vụ ${ rng.pick( ADJS ) } ${ s + 1 }`,
				categoryId: rng.pick( leafIds ),
				basePrice: price(),
				unit: 'lần',
				type: 3,
				createdDate: when(),
			} )
		);
	}
	for ( let s = 0; s < nSerial; s++ ) {
		const pid = newId();
		const bp = rng.int( 1000, 30000 ) * 1000;
		const p = product( {
			id: pid,
			code: newCode( 'IMEI' ),
			name: `Điện thoại mẫu ${ s + 1 }`,
			categoryId: rng.pick( leafIds ),
			basePrice: bp,
			unit: 'chiếc',
			isLotSerialControl: true,
			createdDate: when(),
		} );
		for ( const b of branchIds ) {
			const n = rng.int( 0, 3 );
			p.inventories[ b ] = inv( n, Math.round( bp * 0.8 ) );
			for ( let k = 0; k < n; k++ ) {
				p.serials.push( {
					serialNumber: `35${ pid }${ b % 10 }${ k }`,
					status: 1,
					branchId: b,
					createdDate: p.createdDate,
					modifiedDate: p.createdDate,
				} );
			}
		}
		products.push( p );
	}
	for ( let s = 0; s < nLot; s++ ) {
		const pid = newId();
		const bp = rng.int( 20, 800 ) * 1000;
		const p = product( {
			id: pid,
			code: newCode( 'LO' ),
			name: `Sữa mẫu ${ s + 1 }`,
			categoryId: rng.pick( leafIds ),
			basePrice: bp,
			unit: 'hộp',
			isBatchExpireControl: true,
			createdDate: when(),
		} );
		for ( const b of branchIds ) {
			const n = rng.int( 0, 40 );
			p.inventories[ b ] = inv( n, Math.round( bp * 0.75 ) );
			p.batches.push( {
				batchName: `L${ pid % 100000 }${ b % 10 }`,
				expireDate: at( '2027-06-30T00:00:00' ),
				onHand: n,
				branchId: b,
			} );
		}
		products.push( p );
	}

	const mkBook = (
		bid: number,
		nm: string,
		factor: number,
		every: number,
		start: string,
		end: string
	): PriceBook => {
		const pb: PriceBook = {
			id: bid,
			name: nm,
			isActive: true,
			isGlobal: false,
			startDate: at( start ),
			endDate: at( end ),
			forAllCusGroup: true,
			forAllUser: true,
			branchIds: [ ...branchIds ],
			prices: {},
			createdDate: at( '2024-12-20T09:00:00' ),
			modifiedDate: at( '2024-12-20T09:00:00' ),
		};
		products.forEach( ( p, i ) => {
			if ( i % every === 0 ) {
				pb.prices[ p.id ] =
					Math.round( ( p.basePrice * factor ) / 1000 ) * 1000;
			}
		} );
		return pb;
	};
	const priceBooks = [
		mkBook(
			101,
			'Giá online',
			0.95,
			1,
			'2025-01-01T00:00:00',
			'2027-12-31T23:59:00'
		),
		mkBook(
			102,
			'Giá sỉ',
			0.85,
			3,
			'2025-01-01T00:00:00',
			'2027-12-31T23:59:00'
		),
		mkBook(
			103,
			'Khuyến mãi cuối năm 2026',
			0.8,
			10,
			'2026-11-15T00:00:00',
			'2027-01-15T23:59:00'
		),
	];

	const customers: Customer[] = Array.from( { length: 50 }, ( _, i ) => ( {
		id: 880001 + i,
		code: 'KH' + String( i + 1 ).padStart( 6, '0' ),
		name: `Khách hàng ${ i + 1 }`,
		contactNumber: '09' + String( 10000000 + i * 7919 ).slice( -8 ),
		organization: '',
		comments: '',
		type: 0 as const,
		debt: 0,
		rewardPoint: 0,
		branchId: branchIds[ i % 3 ],
		createdDate: at( '2025-04-01T10:00:00' ) + i * 3600000,
		modifiedDate: at( '2025-04-01T10:00:00' ) + i * 3600000,
	} ) );

	return {
		retailerId: 712345,
		retailerCode,
		branches,
		categories,
		products,
		priceBooks,
		customers,
		surcharges: [],
		settings: { ...DEFAULT_SETTINGS },
		users: USERS,
		saleChannels: SALE_CHANNELS,
	};
}
