import type { JSHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession, openInPageUiForTests } from './harness';
import {
  eventually,
  folderHolding,
  HANNAH,
  inContentScript,
  messageId,
  messages,
  ORG,
  PIN_CONTROL,
  pageChatItem,
  pageMessage,
  pinsOf,
  signedInSession,
} from './page-helpers';
import { drawnAt, measureSpots, pressAt, type Spots } from './spots';

const ROOM = 'CT_9100000000000000077_700012345';
const SIDE = 'CT_9100000000000000078_700012345';
const SEED = {
  users: [HANNAH],
  chats: [
    { id: ROOM, type: 'group_chat' as const, title: 'Quiet Room', memberIds: [HANNAH.id], messages: messages(7, 5) },
    { id: SIDE, type: 'group_chat' as const, title: 'Side Room', memberIds: [HANNAH.id], messages: messages(8, 2) },
  ],
  pins: [
    { chatId: ROOM, messageId: messageId(7, 1) },
    { chatId: ROOM, messageId: messageId(7, 2) },
  ],
  myPins: [ROOM],
  folders: [
    { title: 'Urgent', symbol: '🔥', chatIds: [] },
    { title: 'Later', symbol: '🕒', chatIds: [] },
  ],
};
/** An unpinned message, pinned through the dialog. */
const TO_PIN = messageId(7, 4);

/**
 * The extension as production has it: closed shadow roots. A page script (here, puppeteer's page world, with a
 * hook on attachShadow installed before any other script) must neither read the in-page UI nor drive it.
 */
describe.each(BROWSERS)('the in-page UI against page scripts in %s', (name) => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty' });
    session = await signedInSession(name, sandbox, SEED, { inPageUi: 'closed' });
    page = await session.browser.newPage();
    await page.evaluateOnNewDocument(() => {
      const captured: ShadowRoot[] = [];
      (window as unknown as { __captured: ShadowRoot[] }).__captured = captured;
      const original = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
        const root = original.call(this, init);
        captured.push(root);
        return root;
      };
    });
    await page.goto(`${sandbox.url}/company/${ORG}/chats/${ROOM}`);
    await page.waitForSelector('cliq-pins-bar');
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('cannot read or click into the UI: no shadowRoot, nothing in the light DOM, nothing caught by a hooked attachShadow', async () => {
    // The bar is there and laid out (it has rendered its pins) ...
    await page.waitForFunction(
      () => (document.querySelector('cliq-pins-bar')?.getBoundingClientRect().height ?? 0) > 0,
      {
        timeout: 20_000,
      },
    );
    const seen = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('cliq-pins-'));
      return {
        hosts: hosts.map((el) => el.localName),
        openRoots: hosts.filter((el) => el.shadowRoot !== null).length,
        captured: (window as unknown as { __captured: ShadowRoot[] }).__captured.filter((root) =>
          root.host.localName.startsWith('cliq-pins-'),
        ).length,
        ourTestIds: document.querySelectorAll('[data-testid=pinned-bar], [data-testid=pin-dialog]').length,
        text: document.body.innerText,
        reattach: (() => {
          try {
            hosts[0]?.attachShadow({ mode: 'open' });
            return 'attached';
          } catch (error) {
            return (error as Error).name;
          }
        })(),
      };
    });
    expect(seen.hosts).toContain('cliq-pins-bar');
    expect(seen.openRoots).toBe(0);
    expect(seen.captured).toBe(0);
    expect(seen.ourTestIds).toBe(0);
    expect(seen.text).not.toContain('2 pinned');
    expect(seen.reattach).toBe('NotSupportedError');
  });

  if (name === 'chromium')
    it('while the content script itself still reaches its own UI', async () => {
      const text = await inContentScript(
        page,
        `(async () => {
          for (let i = 0; i < 100; i++) {
            const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('cliq-pins-bar'));
            if (root?.textContent.includes('2 pinned')) return root.textContent;
            await new Promise((r) => setTimeout(r, 100));
          }
          return 'not rendered';
        })()`,
      );
      expect(text).toContain('2 pinned');
    });

  /**
   * Driven as a person drives it, by the mouse: where each control sits from something the page shows (a chat in
   * the list, the bar, a message) is measured once on a page with open roots and the same layout; every press
   * then lands on those coordinates in the closed UI, after the UI has drawn itself there.
   */
  describe('pressed by the mouse', () => {
    let spots: Spots;
    beforeAll(async () => {
      await openInPageUiForTests(session, true);
      try {
        spots = await measureSpots(session.browser, `${sandbox.url}/company/${ORG}/chats/${ROOM}`, {
          chat: pageChatItem(SIDE),
          folder: 'Urgent',
          message: pageMessage(TO_PIN),
        });
      } finally {
        await openInPageUiForTests(session, false);
      }
      await page.bringToFront();
    });

    it('pins a chat from the chat list’s folder menu into the folder pressed', async () => {
      await page.hover(pageChatItem(SIDE));
      await pressAt(page, pageChatItem(SIDE), spots.chatButton, 'cliq-pins-chat-menu');
      await pressAt(page, pageChatItem(SIDE), spots.folderRow, 'cliq-pins-chat-menu');
      await eventually(() => expect(folderHolding(sandbox, SIDE)).toEqual(['Urgent']));
      // The menu stays open for another choice (its text changed with the choice: only the row's point is checked).
      const { dx, dy } = spots.folderRow;
      expect(await drawnAt(page, pageChatItem(SIDE), { dx, dy }, 'cliq-pins-chat-menu')).not.toBeNull();
    });

    it('jumps to a pin pressed in the bar’s list, highlighting its message', async () => {
      await page.keyboard.press('Escape');
      // The jump scrolls the chat: it is put back afterwards, as the next test's spots were measured unscrolled.
      const scroller: JSHandle<Element | null> = await page.evaluateHandle((selector: string) => {
        let box = document.querySelector(selector)?.parentElement;
        while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
        return box ?? document.scrollingElement;
      }, pageMessage(spots.firstPinId));
      const scrolled = await scroller.evaluate((el: Element | null) => el?.scrollTop ?? 0);
      await page.evaluate(() => {
        const jumped: string[] = [];
        (window as unknown as { __jumped: string[] }).__jumped = jumped;
        new MutationObserver((changes) => {
          for (const change of changes)
            if ((change.target as Element).hasAttribute('data-cliq-pins-jumped'))
              jumped.push((change.target as Element).getAttribute('msguid') ?? '');
        }).observe(document.body, { subtree: true, attributeFilter: ['data-cliq-pins-jumped'] });
      });
      await pressAt(page, 'cliq-pins-bar', spots.barToggle, 'cliq-pins-bar');
      await pressAt(page, 'cliq-pins-bar', spots.firstPinJump, 'cliq-pins-bar');
      await page.waitForFunction(
        (id: string) => (window as unknown as { __jumped: string[] }).__jumped.includes(id),
        { timeout: 10_000 },
        spots.firstPinId.replace('_', '%20'),
      );
      await scroller.evaluate(
        (el: Element | null, top: number) => el?.scrollTo({ top, behavior: 'instant' }),
        scrolled,
      );
    });

    it('pins a message from its pin control through the dialog', async () => {
      await page.keyboard.press('Escape');
      await page.hover(pageMessage(TO_PIN));
      await pressAt(page, pageMessage(TO_PIN), spots.pinControl, `${pageMessage(TO_PIN)} > ${PIN_CONTROL}`);
      await pressAt(page, pageMessage(TO_PIN), spots.dialogPin, 'cliq-pins-pin-dialog');
      await eventually(() => expect(pinsOf(sandbox, ROOM).map((p) => p.messageId)).toContain(TO_PIN));
    });
  });
});
