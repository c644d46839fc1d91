import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type CliqLocation, parseCliqUrl } from '../web/url';
import { isExtensionGone } from './background';
import { type Schedule, watchChanges } from './observe';
import { pageChatId } from './selectors';

/**
 * One in-page feature, in one file. It gets an AbortSignal that ends when the page navigates to another chat
 * (`scope: 'chat'`) or when the extension goes away (update, reload, uninstall); whatever it set up listens to
 * that signal. A feature that throws is logged under its name and never stops another.
 */
export interface PageFeature {
  name: string;
  scope: 'chat' | 'page';
  start(env: FeatureEnv): void | Promise<void>;
}

export interface FeatureEnv {
  ctx: ContentScriptContext;
  feature: string;
  signal: AbortSignal;
  /** Chat-scoped features: the chat the URL names (set before the page has finished rendering it). */
  location: CliqLocation;
  schedule: Schedule;
  /** `check` now, and after every frame in which the page's DOM changed, until `signal` ends. */
  onPageChange(check: () => void): void;
  /**
   * `use` each element `find` returns, as it appears or is replaced; the signal given to `use` ends when the
   * element goes. When nothing is found for the grace period, `onMissing` runs and the part is reported missing
   * (one warning per page), unless the feature has a designed home without it (`fallback`, such as the corner
   * dock) or the part is one nobody has seen on the real page (`optional`): those stay quiet.
   */
  track<E extends Element>(
    part: string,
    find: () => E | null,
    use: (element: E, signal: AbortSignal) => void,
    options?: { fallback?: boolean; optional?: boolean; onMissing?: () => void },
  ): void;
  /** Wraps an event handler so an error is logged under the feature's name instead of thrown into the page. */
  guard<A extends unknown[]>(handler: (...args: A) => unknown): (...args: A) => void;
}

export interface RunOptions {
  schedule: Schedule;
  /** How long a page part may take to appear before it is reported missing. */
  graceMs: number;
  allowLoopback?: boolean;
  log?: Pick<Console, 'warn' | 'error'>;
}

type Miss = { feature: string; part: string };

/** Markup misses, collected for a moment and told in one warning per page, however many features miss. */
function missReporter(ctx: ContentScriptContext, log: Pick<Console, 'warn'>) {
  const misses: Miss[] = [];
  let state: 'idle' | 'collecting' | 'told' = 'idle';
  const tell = () => {
    state = 'told';
    const off = misses.map((m) => `${m.feature} (no ${m.part})`).join(', ');
    log.warn(`Cliq Pins: this Cliq page's markup is not recognised (lib/page/selectors.ts); off: ${off}.`);
  };
  return (miss: Miss) => {
    if (state === 'told' || misses.some((m) => m.feature === miss.feature && m.part === miss.part)) return;
    misses.push(miss);
    if (state === 'idle') {
      state = 'collecting';
      ctx.setTimeout(tell, 500);
    }
  };
}

export function runFeatures(ctx: ContentScriptContext, features: readonly PageFeature[], options: RunOptions): void {
  const log = options.log ?? console;
  const reportMiss = missReporter(ctx, log);
  // A part this page did not have before is not waited for again on the next chat: the fallback shows at once.
  const missedBefore = new Set<string>();
  const checks = new Set<() => void>();
  const failed = (feature: string, signal: AbortSignal, error: unknown) => {
    if (signal.aborted || ctx.isInvalid || isExtensionGone(error)) return;
    log.error(`Cliq Pins: ${feature} failed`, error);
  };

  watchChanges(document, {
    schedule: options.schedule,
    signal: ctx.signal,
    onChange: () => {
      // An updated or removed extension leaves this script orphaned: the getter tears everything down.
      if (ctx.isInvalid) return;
      // An address without a chat (`/index.do`, `/channels/<name>`): the page says which chat it opened.
      const next = here(location.href);
      if (!next.chatId || next.fromPage) enterChat(next);
      for (const check of [...checks]) check();
    },
  });

  function envFor(feature: PageFeature, signal: AbortSignal, location: CliqLocation): FeatureEnv {
    const guard: FeatureEnv['guard'] =
      (handler) =>
      (...args) => {
        try {
          const result = handler(...args);
          if (result instanceof Promise) result.catch((error: unknown) => failed(feature.name, signal, error));
        } catch (error) {
          failed(feature.name, signal, error);
        }
      };
    const onPageChange = (check: () => void) => {
      if (signal.aborted) return;
      const guarded = guard(check);
      checks.add(guarded);
      signal.addEventListener('abort', () => checks.delete(guarded), { once: true });
      guarded();
    };
    const track: FeatureEnv['track'] = (part, find, use, trackOptions = {}) => {
      let current: Element | null = null;
      let scope: AbortController | undefined;
      let timer: number | undefined;
      let told = false;
      const key = `${feature.name}:${part}`;
      const missing = () => {
        timer = undefined;
        if (current || signal.aborted || told) return;
        told = true;
        missedBefore.add(key);
        if (!trackOptions.fallback && !trackOptions.optional) reportMiss({ feature: feature.name, part });
        trackOptions.onMissing?.();
      };
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      onPageChange(() => {
        const found = find();
        if (found !== current) {
          scope?.abort();
          scope = undefined;
          current = found;
          if (found) {
            clearTimeout(timer);
            timer = undefined;
            told = false;
            scope = new AbortController();
            use(found, AbortSignal.any([signal, scope.signal]));
          }
        }
        if (current || timer !== undefined || told) return;
        if (missedBefore.has(key)) missing();
        else timer = ctx.setTimeout(missing, options.graceMs);
      });
    };
    return { ctx, feature: feature.name, signal, location, schedule: options.schedule, onPageChange, track, guard };
  }

  function start(scope: PageFeature['scope'], signal: AbortSignal, location: CliqLocation) {
    for (const feature of features) {
      if (feature.scope !== scope) continue;
      const env = envFor(feature, signal, location);
      env.guard(() => feature.start(env))();
    }
  }

  function here(href: string | URL): CliqLocation & { fromPage?: boolean } {
    const url = parseCliqUrl(href, options.allowLoopback);
    if (!url || url.chatId) return url ?? {};
    const chatId = pageChatId();
    return chatId ? { ...url, chatId, fromPage: true } : url;
  }
  start('page', ctx.signal, here(location.href));

  let chat: { id: string; scope: AbortController } | undefined;
  function enterChat({ fromPage: _, ...next }: ReturnType<typeof here>) {
    if (next.chatId === chat?.id) return;
    chat?.scope.abort();
    chat = undefined;
    if (!next.chatId || ctx.signal.aborted) return;
    chat = { id: next.chatId, scope: new AbortController() };
    start('chat', AbortSignal.any([ctx.signal, chat.scope.signal]), next);
  }
  enterChat(here(location.href));
  ctx.addEventListener(window, 'wxt:locationchange', (event) => enterChat(here(event.newUrl)));
}
