import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatsOfType, useSandbox } from '../sandbox/helpers';
import { sidebarChats } from '../sandbox/page/routes';
import { HOSTILE_TEXTS } from '../sandbox/seeds';
import type { Chat } from '../sandbox/state';

/** The sandbox's Cliq-like web app in a real browser, without the extension: the fixture itself must hold. */
const { sandbox } = useSandbox();
const chatUrl = (chatId: string, query = '') => `${sandbox().url}/company/${sandbox().orgId}/chats/${chatId}${query}`;
const security = () => chatsOfType(sandbox(), 'group_chat').find((c) => c.title === 'Security Drills') as Chat;

describe('web app in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  }, 30_000);
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(async () => page.close());

  async function open(chatId: string, query = '') {
    await page.goto(chatUrl(chatId, query));
    await page.waitForSelector(`body[data-rendered-chat-id="${chatId}"]`);
  }

  it("renders Cliq's markup from the evidence, with user text as text", async () => {
    const chat = security();
    const [quoted] = sandbox().state.messagesOf(chat);
    const me = sandbox().state.currentUserId;
    sandbox().state.appendMessage(chat, me, 'Replying to the first one', { replyTo: quoted?.id });
    await open(chat.id);
    const dom = await page.evaluate(() => {
      const view = document.querySelector('section.currentchat[purpose=chatview]');
      const messages = [...document.querySelectorAll('[msg-cont][chid][msguid]')];
      const mine = messages.filter((m) => m.getAttribute('mymsg') === 'true');
      const reply = document.querySelector('[msg-cont] > blockquote.quotedmsgdiv[purpose=viewreplied][msgtime]');
      return {
        viewId: view?.id,
        chids: new Set(messages.map((m) => m.getAttribute('chid'))).size,
        ids: messages.every((m) => /^\d{13}%20\d+$/.test(m.getAttribute('msguid') ?? '')),
        bodies: messages.every((m) => m.querySelectorAll(':scope > p#posted-message-container.zcmsgcnt').length === 1),
        senders: messages.filter((m) => m.querySelector(':scope > .sender span.zctxtseln[elemtype=user][uid]')).length,
        total: messages.length,
        dividers: [...document.querySelectorAll('[msguid][purpose=date].zcmsg_dvdrmn')].map(
          (d) => d.nextElementSibling?.getAttribute('msguid') === d.getAttribute('msguid'),
        ),
        mine: mine.length,
        replyText: reply?.parentElement?.querySelector(':scope > .zcmsgcnt')?.textContent,
        texts: [...document.querySelectorAll('[msg-cont] > .zcmsgcnt')].map((n) => n.textContent),
        injected: document.querySelectorAll('.zcmsgcnt img, .zcmsgcnt script, .zcmsgcnt b').length,
        list: document.querySelectorAll('[purpose=chatlist] [chid][purpose=chatitem] [purpose=chatname]').length,
        header: document.querySelector('[purpose=chatheader][chid] [purpose=chattitle]')?.textContent,
      };
    });
    expect(dom).toMatchObject({ viewId: chat.id, chids: 1, ids: true, bodies: true, injected: 0 });
    expect(dom.header).toBe('Security Drills');
    expect(dom.list).toBeGreaterThan(3);
    // The sender shows on the first message of each run only.
    expect(dom.senders).toBeGreaterThan(0);
    expect(dom.senders).toBeLessThan(dom.total);
    expect(dom.dividers.length).toBeGreaterThan(0);
    expect(dom.dividers.every(Boolean)).toBe(true);
    expect(dom.mine).toBeGreaterThan(0);
    expect(dom.replyText).toBe('Replying to the first one');
    expect(dom.texts).toEqual(expect.arrayContaining(HOSTILE_TEXTS));
    expect(await page.title()).not.toBe('xss');
  });

  it('shows message actions only on hover', async () => {
    await open(security().id);
    const last = '[msg-cont]:last-child';
    const display = () => page.$eval(`${last} [purpose=msgactions]`, (n) => getComputedStyle(n).display);
    expect(await display()).toBe('none');
    await page.hover(last);
    expect(await display()).toBe('flex');
  });

  it('switches chats with pushState, without a reload, and goes back', async () => {
    const [first, second] = sidebarChats(sandbox().state) as [Chat, Chat];
    await open(first.id);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.click(`[purpose=chatitem][chid="${second.id}"]`);
    await page.waitForSelector(`section[purpose=chatview][id="${second.id}"]`);
    expect(page.url()).toBe(chatUrl(second.id));
    expect(await page.$eval('[purpose=chatitem][aria-current="page"]', (n) => n.getAttribute('chid'))).toBe(second.id);
    await page.goBack();
    await page.waitForSelector(`section[purpose=chatview][id="${first.id}"]`);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('appends messages that arrive while the page is open', async () => {
    const chat = security();
    await open(chat.id);
    await fetch(`${sandbox().url}/__sandbox/chats/${chat.id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ text: 'fresh news' }),
    });
    await page.waitForFunction(
      () => document.querySelector('[msg-cont]:last-child > .zcmsgcnt')?.textContent === 'fresh news',
    );
  });

  it('renames every class and unknown part with ?markup=scrambled, keeping the id-carrying values', async () => {
    const chat = security();
    await open(chat.id, '?markup=scrambled');
    const counts = await page.evaluate(() => ({
      cliq: document.querySelectorAll(
        '[msg-cont], [msguid]:not([purpose=date]), .zcmsgcnt, .sender, [purpose=chatheader]',
      ).length,
      ids: [...document.querySelectorAll('section[purpose=chatview] *')].filter((el) =>
        [...el.attributes].some((a) => /^\d{13}%20\d+$/.test(a.value)),
      ).length,
      view: document.querySelector('section[purpose=chatview]')?.id,
    }));
    expect(counts.cliq).toBe(0);
    expect(counts.ids).toBeGreaterThan(3);
    expect(counts.view).toBe(chat.id);
  });

  it('renders all messages of a 5,000-message chat', async () => {
    sandbox().reset('large');
    const big = [...sandbox().state.chats.values()].find((c) => (c.generated?.count ?? 0) >= 5000) as Chat;
    const total = sandbox().state.messagesOf(big).length;
    await open(big.id);
    expect(await page.evaluate(() => document.querySelectorAll('[msg-cont]').length)).toBe(total);
  });
});
