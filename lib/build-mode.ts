import { SANDBOX_MODES } from './cliq/datacentres';

/**
 * True in development, test and demo builds: the loopback sandbox is reachable and may be configured. The first
 * test is a constant the minifier folds, so production bundles drop the sandbox's branches.
 */
export const SANDBOX_BUILD = import.meta.env.MODE !== 'production' && SANDBOX_MODES.includes(import.meta.env.MODE);
