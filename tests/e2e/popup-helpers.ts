import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { type BrowserName, type ExtensionSession, type LaunchOptions, launchWithExtension } from './harness';
import { signInToSandbox } from './sign-in';

/** A short rate-limit minute keeps the queue's pacing (and the background sweep) quick. */
const MINUTE_MS = 2_000;
/** Generous: two cores run the browser, the sandbox and the extension's worker at once. */
export const QUEUE_TIMEOUT = { timeout: 20_000, interval: 200 };

export interface PopupSetup {
  session: ExtensionSession;
  sandbox: Sandbox;
  popup: Page;
}

/** A browser signed in to a fresh sandbox, with the popup open once every seeded pin list has been read. */
export async function setUpPopup(name: BrowserName, launch: LaunchOptions = {}): Promise<PopupSetup> {
  const [session, sandbox] = await Promise.all([
    launchWithExtension(name, launch),
    startSandbox({ seed: 'default', minuteMs: MINUTE_MS }),
  ]);
  await signInToSandbox(session, sandbox, { minuteMs: MINUTE_MS });
  const popup = await openPopup(session);
  await waitForBoard(popup, sandbox);
  return { session, sandbox, popup };
}

export function openPopup(session: ExtensionSession): Promise<Page> {
  return session.openExtensionPage('popup.html');
}

export const chatsWithPins = (sandbox: Sandbox) =>
  [...sandbox.state.pins].filter(([, list]) => livePins(sandbox, list.entries).length > 0).map(([chatId]) => chatId);

function livePins<T extends { expiry: number }>(sandbox: Sandbox, entries: readonly T[]): T[] {
  const now = sandbox.clock.now();
  return entries.filter((pin) => pin.expiry === -1 || pin.expiry > now);
}

/** The chat's live pins in Cliq's order (the first is the primary), as the server holds them. */
export function serverPins(sandbox: Sandbox, chatId: string) {
  return livePins(sandbox, sandbox.state.pins.get(chatId)?.entries ?? []);
}

export const serverPinIds = (sandbox: Sandbox, chatId: string) => serverPins(sandbox, chatId).map((p) => p.messageId);

export function serverFolder(sandbox: Sandbox, match: (folder: { id: string; title: string }) => boolean) {
  return sandbox.state.folders.find(match);
}

async function waitForBoard(popup: Page, sandbox: Sandbox): Promise<void> {
  const expected = chatsWithPins(sandbox).length;
  await popup.waitForFunction(
    (count: number) => document.querySelectorAll('[data-testid=chat-pins]').length >= count,
    { timeout: 30_000 },
    expected,
  );
  await popup.waitForSelector('[data-testid=folder]');
}

/**
 * Until the popup says every chat has been read (a sweep finished): counts and lists are then whole, not the
 * first chats' pins. The demo and the README screenshots wait for this.
 */
export async function waitForCompleteBoard(popup: Page, timeoutMs: number): Promise<void> {
  await popup.waitForSelector('[data-testid=sync-status][data-state=complete][data-complete-at]', {
    timeout: timeoutMs,
  });
}

/** The pins of a chat as the popup shows them, top to bottom. */
export function shownPinIds(popup: Page, chatId: string): Promise<string[]> {
  return popup.$$eval(`[data-testid=chat-pins][data-chat-id="${chatId}"] [data-testid=pin]`, (rows) =>
    rows.map((row) => row.getAttribute('data-message-id') ?? ''),
  );
}

/**
 * Each element `selector` matches, with its text and the lines that text takes on screen (line boxes by their
 * tops), and whether its container sticks out sideways. Only the text a person reads counts: not a checkbox, a
 * visually hidden reason, nor a closed menu's items.
 */
export function textLines(popup: Page, selector: string) {
  return popup.$$eval(selector, (parts) => ({
    overflows: parts.some((part) => {
      const box = part.parentElement as HTMLElement;
      return box.scrollWidth > box.clientWidth;
    }),
    parts: parts.map((part) => {
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      const boxes: DOMRect[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent?.checkVisibility() || parent.closest('.visually-hidden') || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        boxes.push(...range.getClientRects());
      }
      const tops = boxes.map((r) => r.top).sort((a, b) => a - b);
      const half = (boxes[0]?.height ?? 0) / 2;
      const lines = tops.filter((top, i) => i === 0 || top - (tops[i - 1] ?? top) > half).length;
      return { text: part.textContent?.trim(), lines };
    }),
  }));
}

/**
 * Selects the first `count` rows of the open tab and measures its bulk bar: the lines its "N selected" text takes
 * and whether anything sticks out sideways. Starts from and leaves no selection.
 */
export async function bulkBarLayout(popup: Page, rows: string, bar: string, count: number) {
  await (await popup.$(`${bar} > button:last-child`))?.click();
  for (const box of (await popup.$$(`${rows} input[type=checkbox]`)).slice(0, count)) await box.click();
  const { overflows, parts } = await textLines(popup, `${bar} > span`);
  await popup.click(`${bar} > button:last-child`);
  return { text: parts[0]?.text, lines: parts[0]?.lines, overflows };
}

export async function pinCheckbox(popup: Page, chatId: string, messageId: string): Promise<ElementHandle> {
  const box = await popup.$(
    `[data-testid=pin][data-chat-id="${chatId}"][data-message-id="${messageId}"] input[type=checkbox]`,
  );
  if (!box) throw new Error(`no pin ${messageId} in ${chatId} on screen`);
  return box;
}

export async function shiftClick(popup: Page, element: ElementHandle): Promise<void> {
  await popup.keyboard.down('Shift');
  await element.click();
  await popup.keyboard.up('Shift');
}

async function centre(element: ElementHandle): Promise<{ x: number; y: number; height: number }> {
  await element.scrollIntoView();
  const box = await element.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, height: box.height };
}

/**
 * Drags with real mouse input (pointer events in both browsers): press on the handle, move in steps, release
 * over the upper or lower part of the target row.
 */
export async function dragOnto(
  popup: Page,
  handle: ElementHandle,
  target: ElementHandle,
  position: 'before' | 'after',
  /** Runs over the target, before the button is released. */
  beforeDrop?: () => Promise<void>,
): Promise<void> {
  const from = await centre(handle);
  await popup.mouse.move(from.x, from.y);
  await popup.mouse.down();
  const to = await centre(target);
  const y = to.y + (position === 'before' ? -to.height / 4 : to.height / 4);
  await popup.mouse.move(from.x, from.y + (y > from.y ? 8 : -8), { steps: 2 });
  await popup.mouse.move(to.x, y, { steps: 8 });
  await beforeDrop?.();
  await popup.mouse.up();
}

/**
 * Polls until the queue has nothing in flight (the progress line is gone), then requires that nothing failed;
 * at the deadline it fails with what the popup still showed.
 */
export async function expectNoFailures(popup: Page): Promise<void> {
  const state = () =>
    popup.evaluate(() => ({
      inFlight: document.querySelector('[data-testid=progress-text]')?.textContent ?? null,
      failed: [...document.querySelectorAll('[data-testid=failed-intent]')].map((el) => el.textContent),
    }));
  await expect.poll(state, QUEUE_TIMEOUT).toMatchObject({ inFlight: null });
  expect((await state()).failed).toEqual([]);
}
