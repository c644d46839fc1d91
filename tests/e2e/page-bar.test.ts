import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import {
  barRows,
  cliqPinsErrors,
  eventually,
  HANNAH,
  inBar,
  MINUTE_MS,
  messageId,
  messages,
  OMAR,
  openBarPanel,
  openChat,
  pageChatItem,
  pageHeader,
  pageMessage,
  pinsOf,
  signedInSession,
  waitFor,
} from './page-helpers';

const ROOM = 'CT_9100000000000000003_700012345';
const OTHER = 'CT_9100000000000000004_700012345';
const m = (n: number) => messageId(3, n);
/** Far up the chat: out of view, the page opening a chat at its newest message as Cliq does. */
const FAR = 8;
const HOUR = 3_600_000;

function seed() {
  return {
    users: [HANNAH, OMAR],
    chats: [
      // Enough messages that the oldest ones are scrolled out of view.
      {
        id: ROOM,
        type: 'group_chat' as const,
        title: 'Bar Room',
        memberIds: [HANNAH.id, OMAR.id],
        messages: messages(3, 60),
      },
      { id: OTHER, type: 'group_chat' as const, title: 'Other Room', memberIds: [OMAR.id], messages: messages(4, 5) },
    ],
    pins: [
      { chatId: ROOM, messageId: m(1) },
      { chatId: ROOM, messageId: m(2), expiry: Date.now() + 2 * HOUR + 60_000 },
      { chatId: ROOM, messageId: m(3) },
      { chatId: ROOM, messageId: m(FAR) },
      { chatId: OTHER, messageId: messageId(4, 2) },
    ],
  };
}

const order = (sandbox: Sandbox, chatId = ROOM) => pinsOf(sandbox, chatId).map((p) => p.messageId);

describe.each(BROWSERS)('the pinned bar in the chat header in %s', (name) => {
  let sandbox: Sandbox;
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    session = await signedInSession(name, sandbox, seed());
    page = await openChat(session, sandbox, ROOM);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  afterEach(() => {
    expect(cliqPinsErrors(page)).toEqual([]);
  });

  /** The bar agrees with Cliq: same order, and the first is the primary. */
  const barFollows = async (expected: string[]) => {
    await eventually(() => expect(order(sandbox)).toEqual(expected));
    await eventually(async () => {
      const rows = await barRows(page);
      expect(rows.map((r) => r.id)).toEqual(expected);
      expect(rows.map((r) => r.primary)).toEqual(expected.map((_, i) => i === 0));
    });
  };

  it("shows the chat's pins in Cliq's order, primary first, with their expiry", async () => {
    const bar = await waitFor(page, `${pageHeader(ROOM)} cliq-pins-bar`);
    expect(await bar.evaluate((el) => Boolean(el.shadowRoot))).toBe(true);
    await page.waitForFunction(
      () => document.querySelector('cliq-pins-bar')?.shadowRoot?.textContent?.includes('4 pinned'),
      { timeout: 20_000 },
    );
    expect(await page.$eval(inBar('[data-testid=pinned-bar-primary]'), (el) => el.textContent)).toContain(
      'Message 1 of room 3',
    );
    await openBarPanel(page);
    await barFollows([m(1), m(2), m(3), m(FAR)]);
    const expiries = await page.$$eval(inBar('[data-testid=pin-expiry]'), (els) => els.map((el) => el.textContent));
    expect(expiries).toEqual(['Never expires', 'Expires in 2 hours', 'Never expires', 'Never expires']);
  });

  it('reorders with the arrow keys on a pin’s handle; moved above the primary, it becomes primary', async () => {
    await openBarPanel(page);
    const handle = inBar(`[data-testid=pin-row][data-message-id="${m(3)}"] [data-testid=pin-handle]`);
    await page.$eval(handle, (el) => (el as HTMLElement).focus());
    await page.keyboard.press('ArrowUp');
    await barFollows([m(1), m(3), m(2), m(FAR)]);
    // Focus stays on the moved pin's handle, so the next press moves it again.
    await page.keyboard.press('ArrowUp');
    await barFollows([m(3), m(1), m(2), m(FAR)]);
    await page.keyboard.press('ArrowDown');
    await barFollows([m(1), m(3), m(2), m(FAR)]);
  });

  it('reorders by dragging a pin’s handle', async () => {
    await openBarPanel(page);
    const from = await waitFor(
      page,
      inBar(`[data-testid=pin-row][data-message-id="${m(FAR)}"] [data-testid=pin-handle]`),
    );
    const to = await waitFor(page, inBar(`[data-testid=pin-row][data-message-id="${m(1)}"]`));
    const start = await from.boundingBox();
    const end = await to.boundingBox();
    if (!start || !end) throw new Error('rows are not laid out');
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2, end.y + 4, { steps: 8 });
    await page.mouse.up();
    await barFollows([m(FAR), m(1), m(3), m(2)]);
  });

  it('jumps to a pinned message that is scrolled out of view, and highlights it', async () => {
    await openBarPanel(page);
    const target = pageMessage(m(FAR));
    const inView = () =>
      page.$eval(target, (el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    expect(await inView()).toBe(false);
    await page.click(inBar(`[data-testid=pin-row][data-message-id="${m(FAR)}"] [data-testid=pin-jump]`));
    await page.waitForSelector(`${target}[data-cliq-pins-jumped]`, { timeout: 5_000 });
    await eventually(async () => expect(await inView()).toBe(true), 5_000);
    expect(await page.$(inBar('[data-testid=pinned-bar-panel]'))).toBeNull();
  });

  it('unpins several pins at once', async () => {
    await openBarPanel(page);
    for (const id of [m(1), m(2)]) {
      await page.click(inBar(`[data-testid=pin-row][data-message-id="${id}"] input[type=checkbox]`));
    }
    expect(await page.$eval(inBar('[data-testid=unpin-selected]'), (el) => el.textContent)).toContain('(2)');
    await page.click(inBar('[data-testid=unpin-selected]'));
    await barFollows([m(FAR), m(3)]);
    const deletes = sandbox.requests().filter((r) => r.method === 'DELETE' && r.path.endsWith('/pin-messages'));
    expect(deletes.at(-1)?.body).toEqual({ message_ids: expect.arrayContaining([m(1), m(2)]) });
  });

  it('comes back when the page re-renders its header and throws the bar out', async () => {
    await page.evaluate(() => document.querySelector('[purpose=chatheader] cliq-pins-bar')?.remove());
    await waitFor(page, `${pageHeader(ROOM)} cliq-pins-bar`);
    await waitFor(page, inBar('[data-testid=pinned-bar][data-state=ready]'));
    expect(await page.$$eval('cliq-pins-bar', (els) => els.length)).toBe(1);
  });

  it('follows navigation between chats, and back', async () => {
    const barChat = () => page.$eval(inBar('[data-testid=pinned-bar]'), (el) => el.getAttribute('data-chat-id'));
    await page.click(pageChatItem(OTHER));
    await page.waitForSelector(`body[data-rendered-chat-id="${OTHER}"]`);
    await page.waitForSelector(`${pageHeader(OTHER)} cliq-pins-bar`, { timeout: 15_000 });
    await eventually(async () => expect(await barChat()).toBe(OTHER));
    await page.waitForFunction(
      () => document.querySelector('cliq-pins-bar')?.shadowRoot?.textContent?.includes('1 pinned'),
      { timeout: 20_000 },
    );
    expect(await page.$$eval('cliq-pins-bar', (els) => els.length)).toBe(1);

    await page.goBack();
    await page.waitForSelector(`body[data-rendered-chat-id="${ROOM}"]`);
    await page.waitForSelector(`${pageHeader(ROOM)} cliq-pins-bar`, { timeout: 15_000 });
    await eventually(async () => expect(await barChat()).toBe(ROOM));
    await page.waitForFunction(
      () => document.querySelector('cliq-pins-bar')?.shadowRoot?.textContent?.includes('2 pinned'),
      { timeout: 20_000 },
    );
    expect(await page.$$eval('cliq-pins-bar', (els) => els.length)).toBe(1);
  });
});
