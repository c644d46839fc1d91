import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import { HANNAH, inContentScript, messageId, messages, ORG, signedInSession } from './page-helpers';

const ROOM = 'CT_9100000000000000077_700012345';
const SEED = {
  users: [HANNAH],
  chats: [
    { id: ROOM, type: 'group_chat' as const, title: 'Quiet Room', memberIds: [HANNAH.id], messages: messages(7, 5) },
  ],
  pins: [
    { chatId: ROOM, messageId: messageId(7, 1) },
    { chatId: ROOM, messageId: messageId(7, 2) },
  ],
  myPins: [ROOM],
};

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
});
