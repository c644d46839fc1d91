// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type FeatureEnv, type PageFeature, runFeatures } from '../../../lib/page/features';
import { frames } from '../../helpers';

const GRACE = 5_000;
const ORIGIN = 'https://cliq.zoho.eu';

const settle = async (clock: ReturnType<typeof frames>) => {
  await vi.advanceTimersByTimeAsync(0);
  clock.frame();
};

function goTo(path: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ORIGIN}${path}`);
}

describe('runFeatures', () => {
  let ctx: ContentScriptContext;
  let clock: ReturnType<typeof frames>;
  const log = { warn: vi.fn(), error: vi.fn() };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    document.body.innerHTML = '';
    goTo('/company/1/chats/CT_first');
    ctx = new ContentScriptContext('test');
    clock = frames();
    log.warn.mockReset();
    log.error.mockReset();
  });
  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
  });

  const run = (features: PageFeature[]) =>
    runFeatures(ctx, features, { schedule: clock.schedule, graceMs: GRACE, log });

  it('starts every feature; one that throws is logged under its name and stops no other', () => {
    const started: string[] = [];
    run([
      {
        name: 'broken',
        scope: 'page',
        start: () => {
          throw new Error('boom');
        },
      },
      { name: 'fine', scope: 'page', start: ({ feature }) => void started.push(feature) },
      {
        name: 'rejecting',
        scope: 'chat',
        start: async () => {
          throw new Error('later');
        },
      },
    ]);
    expect(started).toEqual(['fine']);
    expect(log.error).toHaveBeenCalledWith('Cliq Pins: broken failed', expect.any(Error));
    return vi.waitFor(() => expect(log.error).toHaveBeenCalledWith('Cliq Pins: rejecting failed', expect.any(Error)));
  });

  it('gives chat features the chat from the URL, and a fresh start (old signal ended) on navigation', async () => {
    const runs: { chatId?: string; signal: AbortSignal }[] = [];
    run([
      {
        name: 'bar',
        scope: 'chat',
        start: ({ location, signal }) => void runs.push({ chatId: location.chatId, signal }),
      },
    ]);
    expect(runs.map((r) => r.chatId)).toEqual(['CT_first']);

    history.pushState({}, '', '/company/1/chats/CT_second');
    await vi.advanceTimersByTimeAsync(1_000); // WXT's location watcher polls where there is no Navigation API
    expect(runs.map((r) => r.chatId)).toEqual(['CT_first', 'CT_second']);
    expect(runs[0]?.signal.aborted).toBe(true);
    expect(runs[1]?.signal.aborted).toBe(false);

    // Same chat, other URL (a message link): nothing restarts.
    history.pushState({}, '', '/company/1/chats/CT_second/messages/1_2');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(2);

    ctx.abort();
    expect(runs[1]?.signal.aborted).toBe(true);
  });

  it('tracks a page part as it appears and is replaced, each with its own signal', async () => {
    const used: { el: Element; signal: AbortSignal }[] = [];
    run([
      {
        name: 'list',
        scope: 'page',
        start: ({ track }: FeatureEnv) =>
          track(
            'message list',
            () => document.querySelector('.list'),
            (el, signal) => void used.push({ el, signal }),
          ),
      },
    ]);
    expect(used).toHaveLength(0);
    document.body.innerHTML = '<div class="list"></div>';
    await settle(clock);
    expect(used).toHaveLength(1);
    document.body.innerHTML = '<div class="list"></div>';
    await settle(clock);
    expect(used).toHaveLength(2);
    expect(used[0]?.signal.aborted).toBe(true);
    expect(used[1]?.el.isConnected).toBe(true);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('names every feature whose page part never appeared in exactly one warning; designed homes stay quiet', async () => {
    const fellBack = vi.fn();
    const needs = (name: string, part: string, fallback = false, optional = false): PageFeature => ({
      name,
      scope: 'chat',
      start: ({ track }) =>
        track(
          part,
          () => document.querySelector(`.${part}`),
          () => undefined,
          { fallback, optional, onMissing: fellBack },
        ),
    });
    run([
      needs('pin-message', 'message-list'),
      needs('pinned-bar', 'chat-header', true),
      needs('chat-list-folders', 'chat-list', false, true),
    ]);
    await vi.advanceTimersByTimeAsync(GRACE + 1_000);
    expect(log.warn).toHaveBeenCalledTimes(1);
    const [warning] = log.warn.mock.calls[0] as [string];
    expect(warning).toMatch(/off: pin-message \(no message-list\)\.$/);
    // The corner dock is where the bar lives without a header, and nobody has seen Cliq's chat list: no warning.
    expect(warning).not.toMatch(/chat-header|chat-list/);
    expect(fellBack).toHaveBeenCalledTimes(3);

    // On the next chat the fallback comes at once, not after another grace period; and no second warning.
    history.pushState({}, '', '/company/1/chats/CT_other');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fellBack).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(GRACE + 1_000);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.error).not.toHaveBeenCalled();
  });

  it.each(['/index.do', '/channels/release-room'])(
    'takes the chat from the page when the address (%s) names none, never from visible text',
    async (path) => {
      goTo(path);
      // Text that looks like a chat id is only text.
      document.body.innerHTML = '<h1>CT_1111111111111111111_654200107</h1>';
      const runs: { chatId?: string; signal: AbortSignal }[] = [];
      run([{ name: 'chat', scope: 'chat', start: ({ location, signal }) => void runs.push({ ...location, signal }) }]);
      await settle(clock);
      expect(runs).toEqual([]);

      document.body.innerHTML =
        '<section class="currentchat" purpose="chatview" id="CT_2231796882690347967_654200107-B1"></section>';
      await settle(clock);
      expect(runs.map((r) => r.chatId)).toEqual(['CT_2231796882690347967_654200107-B1']);

      // Another chat opened in place: the features of the first one stop, the second one's start.
      document.body.innerHTML =
        '<section purpose="chatview"><div msguid="1772440500000%20375" chid="1488288613043522033"></div></section>';
      await settle(clock);
      expect(runs.map((r) => r.chatId)).toEqual(['CT_2231796882690347967_654200107-B1', '1488288613043522033']);
      expect(runs[0]?.signal.aborted).toBe(true);
      expect(log.warn).not.toHaveBeenCalled();
    },
  );

  it('tears everything down when the extension goes away', () => {
    const signals: AbortSignal[] = [];
    run([
      { name: 'a', scope: 'page', start: ({ signal }) => void signals.push(signal) },
      { name: 'b', scope: 'chat', start: ({ signal }) => void signals.push(signal) },
    ]);
    ctx.abort();
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  });
});
