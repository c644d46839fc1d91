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
    const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab || !isPageCheckRequest(message)) return undefined;
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
