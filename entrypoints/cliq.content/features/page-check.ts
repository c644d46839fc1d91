import { browser } from 'wxt/browser';
import { checkPage, isPageCheckRequest, pageStructureReport } from '../../../lib/page/check';
import type { PageFeature } from '../../../lib/page/features';

/**
 * Answers the options page's page check: what Cliq Pins recognises here, and the sanitised page-structure
 * report. Only extension pages may ask (not the page, not another tab's script); the report is made and
 * sanitised here, so nothing of the page's text ever leaves it.
 */
export const pageCheck: PageFeature = {
  name: 'page-check',
  scope: 'page',
  start({ signal }) {
    // Extension pages only (the options page): not the page's scripts, which cannot reach this channel anyway.
    const listener = (message: unknown, sender: { id?: string; url?: string }) => {
      const fromExtensionPage = sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/'));
      if (!fromExtensionPage || !isPageCheckRequest(message)) return undefined;
      return Promise.resolve(
        message.cliqPinsPageCheck === 'report'
          ? { report: pageStructureReport(document, location.href) }
          : { check: checkPage(document, location.href) },
      );
    };
    browser.runtime.onMessage.addListener(listener);
    signal.addEventListener('abort', () => {
      try {
        browser.runtime.onMessage.removeListener(listener);
      } catch {
        // An orphaned script cannot reach the runtime any more; its listener went with it.
      }
    });
  },
};
