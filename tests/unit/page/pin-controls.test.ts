// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pinMessage } from '../../../entrypoints/cliq.content/features/pin-message';
import { runFeatures } from '../../../lib/page/features';
import { CHAT, EVIDENCE, MESSAGE_IDS, scrambleClasses } from './evidence';

const PINNED = MESSAGE_IDS[3] as string;
const CONTROL = '[data-cliq-pins=pin-control]';

/** Ids of the messages holding a pin control, and whether each says it is pinned. */
const controls = () =>
  [...document.querySelectorAll(CONTROL)].map((control) => ({
    in: control.parentElement?.getAttribute('msguid')?.replace(/%20| /, '_'),
    pinned: control.getAttribute('aria-pressed') === 'true',
  }));

describe.each([
  ['the evidence markup', () => undefined],
  ['every class renamed', () => scrambleClasses()],
  [
    'every class renamed and the message marker gone (the fallback)',
    () => {
      scrambleClasses();
      for (const message of document.querySelectorAll('[msg-cont]')) message.removeAttribute('msg-cont');
    },
  ],
])('pin controls on %s, opened at /index.do', (_, change) => {
  let ctx: ContentScriptContext;
  let frames: (() => void)[] = [];
  const asked: unknown[] = [];
  const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);

  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://cliq.zoho.com/index.do',
    );
    document.body.innerHTML = EVIDENCE;
    change();
    asked.length = 0;
    fakeBrowser.runtime.sendMessage = vi.fn(async (message: { type: string; data: unknown }) => {
      asked.push(message);
      return { ok: true, data: { chatId: CHAT, pins: [{ messageId: PINNED }], syncedAt: 1 } };
    }) as never;
    ctx = new ContentScriptContext('test');
    frames = [];
    runFeatures(ctx, [pinMessage], { schedule: (work) => void frames.push(work), graceMs: 1_000, log: console });
  });
  afterEach(() => ctx.abort());

  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const now = frames;
      frames = [];
      for (const work of now) work();
    }
  };

  it('puts one control on every message and none on dividers or quoted replies; shows the pinned one', async () => {
    await settle();
    expect(controls()).toEqual(MESSAGE_IDS.map((id) => ({ in: id, pinned: id === PINNED })));
    expect(document.querySelector(`[purpose=date] ${CONTROL}, blockquote ${CONTROL}`)).toBeNull();
    // The chat came from the chat view, the address has none.
    expect(asked).toContainEqual({ type: 'getChatPins', data: { chatId: CHAT } });
  });

  it('gives messages that arrive later their control, and takes every control away when it stops', async () => {
    await settle();
    const list = document.querySelector('[purpose=msglist]') as Element;
    const next = list.lastElementChild?.cloneNode(true) as Element;
    next.setAttribute('msguid', '1772527380000%20375412769230');
    for (const own of next.querySelectorAll(CONTROL)) own.remove();
    list.append(next);
    await settle();
    expect(controls().map((c) => c.in)).toEqual([...MESSAGE_IDS, '1772527380000_375412769230']);
    ctx.abort();
    expect(document.querySelectorAll(CONTROL)).toHaveLength(0);
  });

  it('says once, in the console, when the fallback is in use', async () => {
    await settle();
    const fallback = document.querySelector('[msg-cont]') === null;
    const told = info.mock.calls.filter(([line]) => String(line).includes('fallback'));
    expect(told.length).toBe(fallback ? 1 : 0);
  });
});
