import type { Plugin } from 'vite';

/**
 * Two library code paths the extension never uses, removed from the bundle so that what ships (and what
 * `web-ext lint` reads) holds no string evaluation and no dynamic HTML:
 *
 * - zod probes `new Function('')` once to decide whether it may compile fast parsers; its `jitless` setting
 *   (`z.config({ jitless: true })`) skips the probe. Here that setting is made a build-time constant, so the
 *   probe is dead code and the minifier drops it (and zod never compiles a parser from a string).
 * - Preact assigns `innerHTML` only for `dangerouslySetInnerHTML`, which no component may use (text written by
 *   other people is rendered as text). The assignment is replaced by a thrown error: a future use fails loudly
 *   instead of rendering HTML.
 *
 * Each rewrite must match exactly once, or the build fails: a library update that moves the code is noticed.
 */
const REWRITES: { file: RegExp; find: RegExp; replace: string; what: string }[] = [
  {
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    find: /if \(globalConfig\.jitless\) \{/,
    replace: 'if (true) {',
    what: "zod's Function probe",
  },
  {
    file: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    find: /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/,
    replace: '(function(){throw new Error("Cliq Pins never renders HTML: dangerouslySetInnerHTML is refused")}())',
    what: "Preact's dangerouslySetInnerHTML",
  },
];

export function noDynamicCode(): Plugin {
  return {
    name: 'cliq-pins:no-dynamic-code',
    enforce: 'pre',
    transform(code, id) {
      const rewrite = REWRITES.find((r) => r.file.test(id));
      if (!rewrite) return null;
      const matches = code.match(new RegExp(rewrite.find.source, 'g'))?.length ?? 0;
      if (matches !== 1) throw new Error(`${rewrite.what}: expected one match in ${id}, found ${matches}`);
      return { code: code.replace(rewrite.find, rewrite.replace), map: null };
    },
  };
}
