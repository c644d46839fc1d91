import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Messages } from '../../scripts/locale-rules';
import { messageGetter } from '../messages';

/**
 * fakeBrowser has no i18n: this one serves a locale's real messages (English unless a test picks another, or the
 * pseudo-locale).
 */
export function useMessages(messages: Messages | string, uiLanguage = 'en-US'): void {
  fakeBrowser.i18n.getMessage = messageGetter(messages) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
}
