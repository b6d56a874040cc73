import { demoSeed } from '../src/seeds/demo';
import { benchSeed } from '../src/seeds/bench';
import { State } from '../src/state';
import { boot } from './helpers';

describe( 'demo seed', () => {
	const seed = demoSeed();
	const st = new State( seed );

	it( 'is deterministic', () => {
		expect( JSON.stringify( demoSeed() ) ).toBe( JSON.stringify( seed ) );
	} );

	it( 'about 150 items with the KiotViet variety', () => {
		const ps = seed.products;
		expect( ps.length ).toBeGreaterThanOrEqual( 140 );
		expect( ps.length ).toBeLessThanOrEqual( 170 );
		expect( ps.some( ( p ) => p.fullName === 'Áo Polo - Đỏ - S' ) ).toBe(
			true
		);
		expect(
			ps.some(
				( p ) =>
					p.masterUnitId !== undefined && p.conversionValue === 24
			)
		).toBe( true );
		expect( ps.filter( ( p ) => p.type === 3 ).length ).toBeGreaterThan(
			2
		);
		expect( ps.filter( ( p ) => p.type === 1 ).length ).toBeGreaterThan(
			0
		);
		expect(
			ps.filter( ( p ) => p.isLotSerialControl ).length
		).toBeGreaterThan( 2 );
		expect(
			ps.filter( ( p ) => p.isBatchExpireControl && /Sữa/.test( p.name ) )
				.length
		).toBeGreaterThan( 2 );
		expect( ps.some( ( p ) => ! p.isActive ) ).toBe( true );
		expect( ps.some( ( p ) => ! p.allowsSale ) ).toBe( true );
	} );

	it( 'categories in 3 levels with Vietnamese names, 3 branches, 2 price books (one dated promotion), customers with phones', () => {
		const depths = seed.categories.map( ( c ) =>
			st.categoryDepth( c.categoryId )
		);
		expect( Math.max( ...depths ) ).toBe( 3 );
		expect(
			seed.categories.some( ( c ) => c.categoryName === 'Thời trang' )
		).toBe( true );
		expect( seed.branches ).toHaveLength( 3 );
		expect( seed.priceBooks ).toHaveLength( 2 );
		expect(
			seed.priceBooks.some(
				( b ) => b.endDate - b.startDate < 100 * 86_400_000
			)
		).toBe( true );
		expect(
			seed.customers.every(
				( c ) => ( c.contactNumber ?? '' ).length >= 9
			)
		).toBe( true );
		expect( seed.retailerId ).toBe( 712345 );
	} );
} );

describe( 'bench seed', () => {
	it( 'default 10,000 items with the specified mix, 200 categories in 3 levels, 3 branches, 3 price books', () => {
		const seed = benchSeed();
		const ps = seed.products;
		expect( ps ).toHaveLength( 10000 );
		expect( ps.filter( ( p ) => p.hasVariants ) ).toHaveLength( 2000 );
		expect(
			ps.filter(
				( p ) => p.hasVariants && p.masterProductId === undefined
			)
		).toHaveLength( 500 );
		const bases = new Set(
			ps.flatMap( ( p ) =>
				p.masterUnitId !== undefined ? [ p.masterUnitId ] : []
			)
		);
		expect(
			ps.filter( ( p ) => p.masterUnitId !== undefined ).length +
				bases.size
		).toBe( 1000 );
		expect( ps.filter( ( p ) => p.type === 3 ) ).toHaveLength( 500 );
		expect(
			ps.filter( ( p ) => p.isLotSerialControl || p.isBatchExpireControl )
		).toHaveLength( 500 );
		expect(
			ps.filter(
				( p ) =>
					! p.hasVariants &&
					p.type === 2 &&
					! p.isLotSerialControl &&
					! p.isBatchExpireControl &&
					p.masterUnitId === undefined
			).length
		).toBe( 6000 + 500 );
		expect( seed.categories ).toHaveLength( 200 );
		const st = new State( seed );
		expect(
			Math.max(
				...seed.categories.map( ( c ) =>
					st.categoryDepth( c.categoryId )
				)
			)
		).toBe( 3 );
		expect( seed.branches ).toHaveLength( 3 );
		expect( seed.priceBooks ).toHaveLength( 3 );
		expect( JSON.stringify( benchSeed( 1000 ) ) ).toBe(
			JSON.stringify( benchSeed( 1000 ) )
		);
	} );

	it( 'scales to 50,000 items and boots quickly', async () => {
		const t = Date.now();
		const { sim, c } = await boot( { seed: 'bench', items: 50000 } );
		try {
			expect( Date.now() - t ).toBeLessThan( 5000 );
			const r = await c.get(
				'/products?pageSize=100&currentItem=49900&includeInventory=true&includePricebook=true'
			);
			expect( r.body.total ).toBe( 50000 );
			expect( r.body.data ).toHaveLength( 100 );
		} finally {
			await sim.close();
		}
	}, 20000 );
} );
