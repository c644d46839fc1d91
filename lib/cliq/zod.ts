import {
  check,
  config,
  type input,
  looseObject,
  type output,
  pipe,
  safeParse,
  transform,
  type ZodMiniObject,
  type ZodMiniType,
} from 'zod/mini';
import { zodMessage } from './issues';

/*
 * zod/mini, the tree-shakable form of zod: a bundle carries only the schema kinds and checks it uses (classic zod
 * attaches every method to every schema, so all of it ships). Schemas are written as functions:
 * `z.optional(z.string().check(z.minLength(1)))`, not `z.string().min(1).optional()`.
 *
 * Import zod through this module (`import * as z from '…/cliq/zod'`): it installs messages in the UI's language
 * (lib/cliq/issues.ts, "should have at most 100 characters") where classic zod would install English ones by
 * itself; zod's English locale would also be 0.8 kB gzip in every bundle that parses.
 * A choice of values is `z.literal(['a', 'b'])`: the same issue as `z.enum`, without the enum kind (0.2 kB gzip).
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

type Shaped = ZodMiniObject & { _zod: { def: { shape: Record<string, { _zod: { values?: Set<unknown> } }> } } };

/**
 * `z.discriminatedUnion` for the few unions of objects told apart by one key, built from kinds every bundle has:
 * the option whose `key` takes the value parses the object, so a bad field is reported as that option's issue;
 * a value no option takes is zod's own `invalid_union` at `key`, worded by `error` if given. zod's discriminated
 * union kind would be another 0.4 kB gzip in the background.
 */
/* @__NO_SIDE_EFFECTS__ */
export function byKey<const O extends readonly [ZodMiniObject, ...ZodMiniObject[]]>(
  key: string,
  options: O,
  error?: (issue: { input: unknown }) => string | undefined,
) {
  return pipe(
    looseObject({}),
    transform((value: Record<string, unknown>, payload) => {
      const option = options.find((o) => (o as Shaped)._zod.def.shape[key]?._zod.values?.has(value[key]));
      const parsed = option && safeParse(option, value);
      if (parsed?.success) return parsed.data;
      // The option's issues arrive worded already, and keep their words.
      const issues = parsed?.error.issues ?? [
        { code: 'invalid_union', errors: [], input: value, path: [key], message: error?.({ input: value }) },
      ];
      payload.issues.push(...(issues as typeof payload.issues));
      return value;
    }),
  ) as unknown as ZodMiniType<output<O[number]>, input<O[number]>>;
}
