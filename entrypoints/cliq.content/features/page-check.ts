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
    // Answered through `sendResponse`, synchronously: the content script has no polyfill turning a returned
    // promise into the answer, and both browsers take this form natively.
    const listener = (
      message: unknown,
      sender: { id?: string; url?: string },
      sendResponse: (answer: unknown) => void,
    ): undefined => {
      const fromExtensionPage = sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/'));
      if (!fromExtensionPage || !isPageCheckRequest(message)) return undefined;
      sendResponse(
        message.cliqPinsPageCheck === 'report'
          ? { report: pageStructureReport(document, location.href) }
          : { check: checkPage(document, location.href) },
      );
      return undefined;
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
