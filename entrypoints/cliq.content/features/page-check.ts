import { browser } from 'wxt/browser';
import { isPageCheckRequest } from '../../../lib/page/check';
import type { PageFeature } from '../../../lib/page/features';
import { loadOnDemand } from '../ui/lazy';

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
    // Answered through `sendResponse` once the check's code has loaded (it is not part of the content script until
    // asked for); returning `true` keeps the channel open for that, natively in both browsers and through the polyfill.
    const listener = (
      message: unknown,
      sender: { id?: string; url?: string },
      sendResponse: (answer: unknown) => void,
    ): true | undefined => {
      const fromExtensionPage = sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/'));
      if (!fromExtensionPage || !isPageCheckRequest(message)) return undefined;
      loadOnDemand().then(
        ({ checkPage, pageStructureReport }) =>
          sendResponse(
            message.cliqPinsPageCheck === 'report'
              ? { report: pageStructureReport(document, location.href) }
              : { check: checkPage(document, location.href) },
          ),
        // Nothing to answer with (the extension was updated meanwhile): the options page shows the check failed.
        () => sendResponse(undefined),
      );
      return true;
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
