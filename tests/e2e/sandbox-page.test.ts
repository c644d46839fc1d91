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

  it('renders the documented hooks, with user text as text', async () => {
    const chat = security();
    await open(chat.id);
    const dom = await page.evaluate(() => {
      const item = document.querySelector('nav#chat-list a.chat-item[data-chat-id] span.chat-title');
      const header = document.querySelector('header.chat-header[data-chat-id]');
      const message = document.querySelector(
        'div.message-list[role="log"] div.message[data-message-id][data-sender-id]',
      );
      return {
        item: item?.textContent,
        headerId: header?.getAttribute('data-chat-id'),
        title: header?.querySelector('h1.chat-title')?.textContent,
        headerActions: header?.querySelectorAll('.chat-header-actions button').length,
        parts:
          message &&
          ['.message-sender', 'time.message-time[datetime]', '.message-text', '.message-actions'].map(
            (s) => !!message.querySelector(s),
          ),
        texts: [...document.querySelectorAll('.message-text')].map((n) => n.textContent),
        injected: document.querySelectorAll('.message-list img, .message-list script, .message-list b').length,
      };
    });
    expect(dom.item).toBeTruthy();
    expect(dom).toMatchObject({
      headerId: chat.id,
      title: 'Security Drills',
      headerActions: 3,
      parts: [true, true, true, true],
      injected: 0,
    });
    expect(dom.texts).toEqual(expect.arrayContaining(HOSTILE_TEXTS));
    expect(await page.title()).not.toBe('xss');
  });

  it('shows message actions only on hover', async () => {
    await open(security().id);
    const display = () => page.$eval('.message:last-child .message-actions', (n) => getComputedStyle(n).display);
    expect(await display()).toBe('none');
    await page.hover('.message:last-child');
    expect(await display()).toBe('flex');
  });

  it('switches chats with pushState, without a reload, and goes back', async () => {
    const [first, second] = sidebarChats(sandbox().state) as [Chat, Chat];
    await open(first.id);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.click(`a.chat-item[data-chat-id="${second.id}"]`);
    await page.waitForSelector(`header.chat-header[data-chat-id="${second.id}"]`);
    expect(page.url()).toBe(chatUrl(second.id));
    expect(await page.$eval('a.chat-item[aria-current="page"]', (n) => n.getAttribute('data-chat-id'))).toBe(second.id);
    await page.goBack();
    await page.waitForSelector(`header.chat-header[data-chat-id="${first.id}"]`);
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
      () => document.querySelector('.message:last-child .message-text')?.textContent === 'fresh news',
    );
  });

  it('renders changed class names with ?markup=v2 (and none of the v1 hooks)', async () => {
    await open(security().id, '?markup=v2');
    const counts = await page.evaluate(() => ({
      v1: document.querySelectorAll('#chat-list, .chat-item, .chat-header, .message, .message-text').length,
      v2: document.querySelectorAll('#zc-sidebar .zc-conv, .zc-topbar, .zc-bubble .zc-body').length,
    }));
    expect(counts.v1).toBe(0);
    expect(counts.v2).toBeGreaterThan(3);
  });

  it('renders all messages of a 5,000-message chat', async () => {
    sandbox().reset('large');
    const big = [...sandbox().state.chats.values()].find((c) => (c.generated?.count ?? 0) >= 5000) as Chat;
    const total = sandbox().state.messagesOf(big).length;
    await open(big.id);
    expect(await page.evaluate(() => document.querySelectorAll('.message').length)).toBe(total);
  });
});
