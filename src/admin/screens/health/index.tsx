/**
 * Health screen (screen id `health`): the health panel on its own page.
 */

/**
 * Internal dependencies
 */
import { HealthPanel } from './health-panel';

export default function HealthScreen() {
	return <HealthPanel />;
}
