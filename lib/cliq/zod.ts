import { check, config } from 'zod/mini';
import { zodMessage } from './issues';

/*
 * zod/mini, the tree-shakable form of zod: a bundle carries only the schema kinds and checks it uses (classic zod
 * attaches every method to every schema, so all of it ships). Schemas are written as functions:
 * `z.optional(z.string().check(z.minLength(1)))`, not `z.string().min(1).optional()`.
 *
 * Import zod through this module (`import * as z from '…/cliq/zod'`): it installs messages in the UI's language
 * (lib/cliq/issues.ts, "should have at most 100 characters") where classic zod would install English ones by
 * itself; zod's English locale would also be 0.8 kB gzip in every bundle that parses.
 * zod's `jitless` is a build-time constant (build/no-dynamic-code.ts), so no `new Function` probe ships.
 */
config({ localeError: zodMessage });

export * from 'zod/mini';

/**
 * `z.refine` as a plain check: the same issue (`custom`, later checks still run), without zod's `custom` schema
 * kind, which only `refine` would bring into a bundle.
 */
/* @__NO_SIDE_EFFECTS__ */
export const rule = <T>(ok: (value: T) => boolean, message: () => string) =>
  check<T>((payload) => {
    if (!ok(payload.value))
      payload.issues.push({ code: 'custom', input: payload.value, message: message(), continue: true });
  });
