import { SANDBOX_BUILD } from '../build-mode';

/*
 * Apart from connection.ts, whose schema imports zod: the popup estimates with this on every opening and parses no
 * connection, so it need not carry zod at start.
 */

/** The rate-limit minute the queue must keep: Cliq's real one, unless a sandbox build talks to a scaled sandbox. */
export function rateMinuteMs(connection: { sandboxMinuteMs?: number }, sandboxAllowed = SANDBOX_BUILD): number {
  return sandboxAllowed && connection.sandboxMinuteMs ? connection.sandboxMinuteMs : 60_000;
}
