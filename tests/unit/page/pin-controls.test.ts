// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pinMessage } from '../../../entrypoints/cliq.content/features/pin-message';
import { runFeatures } from '../../../lib/page/features';
import { CHAT, EVIDENCE, MESSAGE_IDS, scrambleClasses } from './evidence';

const PINNED = MESSAGE_IDS[3] as string;
/** Pinned in Cliq, not on the page until it arrives later. */
const ARRIVES_LATER = '1772527380000_375412769230';
const CONTROL = '[data-cliq-pins=pin-control]';
const MARKER = '[data-cliq-pins=pin-marker]';

const idOf = (element: Element | null | undefined) => element?.getAttribute('msguid')?.replace(/%20| /, '_');
/** The message with `id`, whatever attribute carries it (the fallback markup renames none of them). */
const message = (id: string) =>
  [...document.querySelectorAll('[msguid]:not([purpose=date])')].find(
    (element) => idOf(element) === id && !element.closest('blockquote'),
  ) as HTMLElement;
const control = () => document.querySelector<HTMLButtonElement>(CONTROL);
const markedIds = () => [...document.querySelectorAll(MARKER)].map((marker) => idOf(marker.closest('[msguid]')));
const hover = (element: Element) => element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));

describe.each([
  ['the evidence markup', () => undefined],
  ['every class renamed', () => scrambleClasses()],
  [
    'every class renamed and the message marker gone (the fallback)',
    () => {
      scrambleClasses();
      for (const element of document.querySelectorAll('[msg-cont]')) element.removeAttribute('msg-cont');
    },
  ],
])('the pin control and pinned markers on %s, opened at /index.do', (_, change) => {
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
    fakeBrowser.runtime.sendMessage = vi.fn(async (request: { type: string; data: unknown }) => {
      asked.push(request);
      const pins = [{ messageId: PINNED }, { messageId: ARRIVES_LATER }];
      return { ok: true, data: { chatId: CHAT, pins, syncedAt: 1 } };
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

  it('marks the pinned message without hover, and no other, no divider and no quoted reply', async () => {
    await settle();
    expect(markedIds()).toEqual([PINNED]);
    const marker = document.querySelector(MARKER);
    expect(marker?.getAttribute('role')).toBe('img');
    expect(marker?.getAttribute('aria-label')).toBe('Pinned');
    expect(marker?.querySelector('svg path')).not.toBeNull();
    expect(document.querySelector(`[purpose=date] ${MARKER}, blockquote ${MARKER}`)).toBeNull();
    // The chat came from the chat view, the address has none.
    expect(asked).toContainEqual({ type: 'getChatPins', data: { chatId: CHAT } });
  });

  it('keeps one control, in the newest message at first, where the keyboard can reach it', async () => {
    await settle();
    expect(document.querySelectorAll(CONTROL)).toHaveLength(1);
    expect(idOf(control()?.parentElement)).toBe(MESSAGE_IDS.at(-1));
    expect(control()?.tabIndex).toBe(0);
    expect(control()?.getAttribute('aria-label')).toBe('Pin message: done, all green');
  });

  it('follows the pointer, names the message it is on, and tells pinned from not pinned by name and icon', async () => {
    await settle();
    hover(message(MESSAGE_IDS[1] as string).querySelector('p') as Element);
    expect(idOf(control()?.parentElement)).toBe(MESSAGE_IDS[1]);
    // The page's text goes into the name as text: nothing of it becomes markup.
    expect(control()?.getAttribute('aria-label')).toBe('Pin message: <img src=x onerror="window.__pwned=true">');
    expect(control()?.querySelectorAll('img')).toHaveLength(0);
    expect(control()?.querySelector('svg')?.getAttribute('fill')).toBe('none');
    expect(control()?.style.opacity).toBe('1');

    hover(message(PINNED));
    expect(idOf(control()?.parentElement)).toBe(PINNED);
    expect(control()?.getAttribute('aria-label')).toBe('Pinned — change or unpin: npm run deploy -- --prod');
    expect(control()?.title).toBe('Pinned — change or unpin');
    expect(control()?.querySelector('svg')?.getAttribute('fill')).toBe('currentColor');
    // The marker sits after the message's own text, not in a quoted reply.
    const marker = message(PINNED).querySelector(MARKER);
    expect(marker?.previousSibling?.textContent).toContain('npm run deploy');
    hover(message(MESSAGE_IDS[0] as string));
    expect(idOf(control()?.parentElement)).toBe(MESSAGE_IDS[0]);
    expect(document.querySelectorAll(CONTROL)).toHaveLength(1);
  });

  it('moves between messages with the arrow keys while focused, skipping date dividers', async () => {
    await settle();
    hover(message(MESSAGE_IDS[4] as string));
    control()?.focus();
    const press = (key: string) =>
      control()?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    press('ArrowUp');
    expect(idOf(control()?.parentElement)).toBe(MESSAGE_IDS[3]);
    press('ArrowUp');
    expect(idOf(control()?.parentElement)).toBe(MESSAGE_IDS[2]);
    expect(document.activeElement).toBe(control());
    press('ArrowDown');
    expect(idOf(control()?.parentElement)).toBe(MESSAGE_IDS[3]);
    // The pointer does not pull a focused control away from the keyboard user.
    hover(message(MESSAGE_IDS[0] as string));
    expect(idOf(control()?.parentElement)).toBe(MESSAGE_IDS[3]);
  });

  it('marks a pinned message that arrives later, and takes the control and every marker away when it stops', async () => {
    await settle();
    const list = message(PINNED).parentElement as Element;
    const next = message(MESSAGE_IDS.at(-1) as string).cloneNode(true) as Element;
    for (const own of next.querySelectorAll('[data-cliq-pins]')) own.remove();
    next.setAttribute('msguid', ARRIVES_LATER.replace('_', '%20'));
    list.append(next);
    await settle();
    expect(markedIds()).toEqual([PINNED, ARRIVES_LATER]);
    ctx.abort();
    expect(document.querySelectorAll('[data-cliq-pins]')).toHaveLength(0);
  });

  it('says once, in the console, when the fallback is in use', async () => {
    await settle();
    const fallback = document.querySelector('[msg-cont]') === null;
    const told = info.mock.calls.filter(([line]) => String(line).includes('fallback'));
    expect(told.length).toBe(fallback ? 1 : 0);
  });
});
