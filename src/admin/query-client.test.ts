import { shouldRetry } from './query-client';
import { ApiError } from '../shared/api/errors';

describe( 'shouldRetry', () => {
	it.each( [
		[ 'a network error', new ApiError( 'network_error', 'x', 0 ), true ],
		[
			'a 502',
			new ApiError( 'kiotviet_sync_unreachable', 'x', 502 ),
			true,
		],
		[ 'a 400', new ApiError( 'rest_invalid_param', 'x', 400 ), false ],
		[
			'a 409',
			new ApiError( 'kiotviet_sync_not_connected', 'x', 409 ),
			false,
		],
		[ 'a schema drift', new ApiError( 'schema_error', 'x', 0 ), false ],
		[ 'a plain Error', new Error( 'x' ), false ],
	] )( 'first failure with %s → %s', ( _label, error, expected ) => {
		expect( shouldRetry( 0, error ) ).toBe( expected );
	} );

	it( 'stops after two retries', () => {
		expect(
			shouldRetry( 2, new ApiError( 'network_error', 'x', 0 ) )
		).toBe( false );
	} );
} );
