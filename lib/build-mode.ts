import { SANDBOX_MODES } from './cliq/datacentres';

/** True in development, test and demo builds: the loopback sandbox is reachable and may be configured. */
export const SANDBOX_BUILD = SANDBOX_MODES.includes(import.meta.env.MODE);
