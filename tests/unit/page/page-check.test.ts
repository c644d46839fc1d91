// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageCheck } from '../../../entrypoints/cliq.content/features/page-check';
import { checkPage, pageStructureReport } from '../../../lib/page/check';
import { runFeatures } from '../../../lib/page/features';
import { CHAT, EVIDENCE } from './evidence';

// The check's code is loaded on demand from the built extension (tests/e2e/page-check.test.ts loads it for real);
// here the on-demand script is the modules it is built from.
vi.mock('../../../entrypoints/cliq.content/ui/lazy', () => ({
  loadOnDemand: async () => ({ checkPage, pageStructureReport }),
}));

/**
 * What the page-check listener answers `message` from `sender` through `sendResponse`, now or (having returned
 * `true`) later; undefined: no answer.
 */
function ask(message: unknown, sender: { id?: string; url?: string }): Promise<unknown> {
  return new Promise((resolve) => {
    fakeBrowser.runtime.onMessage.trigger(message, sender as never, resolve).then((results: unknown[]) => {
      if (!results.includes(true)) resolve(undefined);
    });
  });
}

describe('the page check in the content script', () => {
  let ctx: ContentScriptContext;
  const fromOptionsPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://cliq.zoho.com/index.do',
    );
    document.body.innerHTML = EVIDENCE;
    ctx = new ContentScriptContext('test');
    runFeatures(ctx, [pageCheck], { schedule: () => undefined, graceMs: 1_000, log: console });
  });
  afterEach(() => ctx.abort());

  it('answers the extension’s own pages: what it recognises, and the sanitised report', async () => {
    const summary = await ask({ cliqPinsPageCheck: 'summary' }, fromOptionsPage());
    expect(summary).toMatchObject({ check: { chat: { id: CHAT, from: 'page' }, messages: { count: 6 } } });
    const { report } = (await ask({ cliqPinsPageCheck: 'report' }, fromOptionsPage())) as { report: string };
    expect(report).toContain('messages: 6 (selector)');
    expect(report).not.toContain(CHAT);
    expect(report).not.toContain('Deploy window');
  });

  it('answers nobody else: another extension, a page, a content script, or a malformed request', async () => {
    const asks: [unknown, { id?: string; url?: string }][] = [
      [{ cliqPinsPageCheck: 'report' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x' }],
      [{ cliqPinsPageCheck: 'report' }, { id: fakeBrowser.runtime.id, url: 'https://cliq.zoho.com/index.do' }],
      [{ cliqPinsPageCheck: 'report' }, { url: 'https://evil.example/' }],
      [{ cliqPinsPageCheck: 'everything' }, fromOptionsPage()],
      ['report', fromOptionsPage()],
    ];
    for (const [message, sender] of asks) expect(await ask(message, sender)).toBeUndefined();
  });
});
