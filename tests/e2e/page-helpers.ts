import type { CDPSession, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { type Sandbox, type SeedData, startSandbox } from '../sandbox';
import { type BrowserName, type ExtensionSession, type LaunchOptions, launchWithExtension } from './harness';
import { signInToSandbox } from './sign-in';

/** A short rate-limit minute on both sides, so the queue's pacing never slows a test down. */
export const MINUTE_MS = 1_000;

export const ORG = '700012345';
export const HANNAH = { id: '61000002', name: 'Hannah Schmidt', active: true, external: false };
export const OMAR = { id: '61000003', name: 'Omar Haddad', active: true, external: false };

/** Message ids in Cliq's shape (`<epoch ms>_<digits>`), stable across runs. */
export const messageId = (chat: number, n: number) => `17724${chat}0000${String(n).padStart(3, '0')}_37541276${n}`;

export function messages(chat: number, count: number, text = (n: number) => `Message ${n} of room ${chat}`) {
  return Array.from({ length: count }, (_, i) => ({
    id: messageId(chat, i + 1),
    senderId: i % 2 === 0 ? HANNAH.id : OMAR.id,
    text: text(i + 1),
  }));
}

export async function control(sandbox: Sandbox, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`sandbox ${path}: ${JSON.stringify(json)}`);
  return json;
}

/** The browser with the extension, the sandbox loaded with `seed` through its control API, and a signed-in user. */
export async function signedInSession(
  name: BrowserName,
  sandbox: Sandbox,
  seed: SeedData,
  launch: LaunchOptions = {},
): Promise<ExtensionSession> {
  const [session] = await Promise.all([launchWithExtension(name, launch), control(sandbox, 'seed', seed)]);
  const options = await signInToSandbox(session, sandbox, { minuteMs: MINUTE_MS });
  await options.close();
  return session;
}

const featureErrors = new WeakMap<Page, string[]>();

/** Errors a feature logged under its name ("Cliq Pins: <feature> failed") since the page was opened. */
export const cliqPinsErrors = (page: Page) => featureErrors.get(page) ?? [];

export async function openChat(session: ExtensionSession, sandbox: Sandbox, chatId: string): Promise<Page> {
  const page = await session.browser.newPage();
  const errors: string[] = [];
  featureErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Cliq Pins')) errors.push(message.text());
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${sandbox.url}/company/${ORG}/chats/${chatId}`);
  await page.waitForSelector(`body[data-rendered-chat-id="${chatId}"]`);
  return page;
}

/** `>>>` pierces open shadow roots in both browsers. */
/**
 * One describe block's sandbox (seeded with `seed`), signed-in browser and page open on `chatId`, closed after it;
 * each test ends with no feature error logged. Read the fields inside hooks and tests, once `beforeAll` has run.
 */
export function usePageSession(name: BrowserName, seed: SeedData, chatId: string) {
  const at = {} as { sandbox: Sandbox; session: ExtensionSession; page: Page };
  beforeAll(async () => {
    at.sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    at.session = await signedInSession(name, at.sandbox, seed);
    at.page = await openChat(at.session, at.sandbox, chatId);
  });
  afterAll(async () => {
    await Promise.all([at.session?.close(), at.sandbox?.stop()]);
  });
  afterEach(() => {
    expect(cliqPinsErrors(at.page)).toEqual([]);
  });
  return at;
}

export const inBar = (selector: string) => `cliq-pins-bar >>> ${selector}`;
export const inDialog = (selector: string) => `cliq-pins-pin-dialog >>> ${selector}`;
export const inFolders = (selector: string) => `cliq-pins-folders >>> ${selector}`;
export const inChatMenu = (selector: string) => `cliq-pins-chat-menu >>> ${selector}`;

/**
 * Polls with `page.$`: puppeteer's `waitForSelector` re-checks on the document's mutations, and a change inside
 * one of our shadow roots is not one of them.
 */
export async function waitFor(page: Page, selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  return vi.waitFor(
    async () => {
      const found = await page.$(selector);
      if (!found) throw new Error(`no ${selector} within ${timeout} ms`);
      return found;
    },
    { timeout, interval: 100 },
  );
}

/** Clicks an element of our UIs once it has rendered (they render after the background answers). */
export async function clickOn(page: Page, selector: string): Promise<void> {
  await waitFor(page, selector);
  await page.click(selector);
}

/** Polls the sandbox's own state until `check` passes: the server is the judge, not the extension's view of it. */
export function eventually<T>(check: () => T, timeout = 20_000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 100 });
}

export function pinsOf(sandbox: Sandbox, chatId: string) {
  return sandbox.state.pins.get(chatId)?.entries ?? [];
}

export const folderHolding = (sandbox: Sandbox, chatId: string) =>
  sandbox.state.folders.filter((f) => f.chatIds.includes(chatId)).map((f) => f.title || 'My Pins');

/**
 * The sandbox page's markup (Cliq's, from the evidence): messages carry `msguid="<ms>%20<id>"` and `msg-cont`,
 * the invented chat list and header carry `chid` and a `purpose`.
 */
export const pageMessage = (id: string) => `[msg-cont][msguid="${id.replace('_', '%20')}"]`;
export const PAGE_MESSAGES = '[msg-cont][msguid]';
export const pageChatItem = (chatId: string) => `[purpose=chatitem][chid="${chatId}"]`;
export const pageHeader = (chatId: string) => `[purpose=chatheader][chid="${chatId}"]`;
export const PIN_CONTROL = '[data-cliq-pins=pin-control]';
/** What a pinned message wears in the chat, without hover. */
export const PIN_MARKER = '[data-cliq-pins=pin-marker]';

/**
 * A message whatever the markup calls its attributes (the scrambled markup renames them): the element with an
 * attribute holding the id as Cliq writes it, other than a date divider or a quote.
 */
async function messageOnPage(page: Page, id: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    (value: string) => {
      for (const element of document.querySelectorAll('section[purpose=chatview] *')) {
        if (element.getAttribute('purpose') === 'date' || element.closest('blockquote')) continue;
        if ([...element.attributes].some((a) => a.value === value)) return element;
      }
      return null;
    },
    id.replace('_', '%20'),
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no message ${id} on the page`);
  return element as ElementHandle<Element>;
}

/** Hovers a message and clicks its pin control; the pin dialog opens. */
export async function openPinDialog(page: Page, id: string): Promise<void> {
  const message = await messageOnPage(page, id);
  await message.hover();
  const control = await vi.waitFor(
    async () => {
      const found = await message.$(`:scope > ${PIN_CONTROL}`);
      if (!found) throw new Error(`message ${id} has no pin control`);
      return found;
    },
    { timeout: 15_000, interval: 100 },
  );
  await control.click();
  const dialog = await waitFor(page, inDialog('[data-testid=pin-dialog]'));
  // The dialog knows whether the message is pinned once the background answered.
  await page.waitForFunction((el) => el.getAttribute('data-pinned') !== 'unknown', { timeout: 15_000 }, dialog);
}

/** The pinned bar's rows, top to bottom. */
export async function barRows(page: Page): Promise<{ id: string; primary: boolean }[]> {
  const rows = await page.$$(inBar('[data-testid=pin-row]'));
  return Promise.all(
    rows.map((row) =>
      row.evaluate((el) => ({
        id: el.getAttribute('data-message-id') ?? '',
        primary: el.getAttribute('data-primary') === 'true',
      })),
    ),
  );
}

export async function openBarPanel(page: Page): Promise<void> {
  await waitFor(page, inBar('[data-testid=pinned-bar][data-state=ready]'));
  if (!(await page.$(inBar('[data-testid=pinned-bar-panel]'))))
    await page.click(inBar('[data-testid=pinned-bar-toggle]'));
  await waitFor(page, inBar('[data-testid=pinned-bar-panel]'));
}

/**
 * Evaluates in the content script's isolated world, found through CDP (Chromium only): where the closed shadow
 * roots are reachable (`chrome.dom.openOrClosedShadowRoot`) and the page's own scripts are not.
 */
export async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await page.createCDPSession();
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Cliq Pins');
  if (!world) throw new Error(`no content-script world among ${contexts.map((c) => c.name).join(', ')}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) return { threw: exceptionDetails.exception?.description ?? exceptionDetails.text };
  return result.value;
}
