import { signBody } from '../src/signature';
import { kvDate, kvDateOffset, parseKvDate, omitNulls } from '../src/format';

describe( 'X-Hub-Signature (§6.6 worked example)', () => {
	const secret = 'c2hvcC1zZWNyZXQtMjAyNQ==';
	const body = '{"Id":"t-1","Attempt":1,"Notifications":[]}';

	it( 'default: sha1= + hex HMAC-SHA256 keyed with the registered string', () => {
		expect( signBody( body, secret ) ).toBe(
			'sha1=3b6d81965231000b4c0a93d87d019139bbcc5dff2a27c421ca6747f8132f0096'
		);
	} );

	it( 'hex, sha256-prefixed and base64 variants', () => {
		expect( signBody( body, secret, 'hex' ) ).toBe(
			'3b6d81965231000b4c0a93d87d019139bbcc5dff2a27c421ca6747f8132f0096'
		);
		expect( signBody( body, secret, 'sha256-prefixed-hex' ) ).toBe(
			'sha256=3b6d81965231000b4c0a93d87d019139bbcc5dff2a27c421ca6747f8132f0096'
		);
		expect( signBody( body, secret, 'base64' ) ).toBe(
			'O22BllIxAAtMCpPYfQGRObvMXf8qJ8QhymdH+BMvAJY='
		);
	} );

	it( 'base64-decoded key', () => {
		expect( signBody( body, secret, 'hex', 'base64-decoded' ) ).toBe(
			'5ff553162a360e2b6bd33eaff0bf36dc233915befe9b1620a084ebcbed7ffc43'
		);
	} );
} );

describe( 'format', () => {
	it( 'dates have 7 fractional digits, Vietnam local time, offset only where asked', () => {
		const ms = Date.UTC( 2025, 5, 10, 7, 3, 11, 557 );
		expect( kvDate( ms ) ).toBe( '2025-06-10T14:03:11.5570000' );
		expect( kvDateOffset( ms ) ).toBe(
			'2025-06-10T14:03:11.5570000+07:00'
		);
	} );

	it( 'parses dates with and without offsets, date-only and 7 digits', () => {
		const ms = Date.UTC( 2025, 5, 10, 7, 3, 11, 557 );
		expect( parseKvDate( '2025-06-10T14:03:11.5570000' ) ).toBe( ms );
		expect( parseKvDate( '2025-06-10T14:03:11.5570000+07:00' ) ).toBe( ms );
		expect( parseKvDate( '2025-06-10T07:03:11.557Z' ) ).toBe( ms );
		expect( parseKvDate( '2025-06-10' ) ).toBe(
			Date.UTC( 2025, 5, 9, 17 )
		);
		expect( parseKvDate( '2025-06-10T14:03:11.5570000 07:00' ) ).toBe( ms );
		expect( parseKvDate( 'nope' ) ).toBeUndefined();
	} );

	it( 'omits nulls but keeps empty values', () => {
		expect(
			omitNulls( {
				a: null,
				b: undefined,
				c: '',
				d: [],
				e: 0,
				f: false,
				g: { h: null },
			} )
		).toEqual( { c: '', d: [], e: 0, f: false, g: {} } );
	} );
} );
