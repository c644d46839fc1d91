import { browser } from 'wxt/browser';
import { type PinMatch, searchPins } from '../board/pin-search';
import { pinSummary } from '../board/pin-summary';
import { readPinBoard } from '../board/read-models';
import { t } from '../i18n';
import { CLIQ_TABS } from '../messaging/events';
import { chatUrl, parseCliqUrl } from '../web/url';
import type { Services } from './services';

/** Suggestions for the address-bar keyword `pins` (manifest `omnibox`): "pins budget" lists pins about budgets. */
const SUGGESTIONS = 6;

/** Chrome reads suggestion descriptions as XML (for its <match> and <dim> markup); Firefox shows plain text. */
const xml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
export const describe = (text: string, firefox = import.meta.env.FIREFOX): string => (firefox ? text : xml(text));

export interface OmniboxDeps {
  services(): Promise<Services | undefined>;
  /** The Cliq web app's origin for the configured connection (the API's, which is the same). */
  cliqOrigin(): Promise<string>;
}

type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

export interface Omnibox {
  /** Suggestions for what the user typed after the keyword. */
  suggest(text: string): Promise<{ content: string; description: string }[]>;
  /** Opens the chosen suggestion (its content is the message's address), or the best match for typed text. */
  enter(text: string, disposition?: Disposition): Promise<void>;
}

/** Cliq tabs on this origin; the active one of the focused window first. */
async function cliqTabs(origin: string) {
  const tabs = (await browser.tabs.query({ url: [...CLIQ_TABS] })).filter((tab) => tab.url?.startsWith(`${origin}/`));
  return tabs.sort((a, b) => Number(b.active) - Number(a.active));
}

export function createOmnibox({ services, cliqOrigin }: OmniboxDeps): Omnibox {
  async function matches(text: string): Promise<{ found: PinMatch[]; url: (match: PinMatch) => string }> {
    const open = await services();
    const origin = await cliqOrigin();
    const orgId = (await cliqTabs(origin)).map((tab) => parseCliqUrl(tab.url ?? '')?.orgId).find(Boolean);
    const found = open ? searchPins(await readPinBoard(open.db, { now: Date.now() }), text, SUGGESTIONS) : [];
    return { found, url: (match) => chatUrl(origin, match.chatId, orgId, match.pin.messageId) };
  }

  return {
    async suggest(text) {
      const { found, url } = await matches(text);
      return found.map((match) => ({
        content: url(match),
        description: describe(
          t('omniboxSuggestion', pinSummary(match.pin), match.chatName ?? match.chatId, match.pin.senderName ?? '—'),
        ),
      }));
    },

    async enter(text, disposition = 'currentTab') {
      const origin = await cliqOrigin();
      const chosen = parseCliqUrl(text)?.chatId && text.startsWith(`${origin}/`) ? text : undefined;
      const url = chosen ?? (await matches(text).then(({ found, url }) => (found[0] ? url(found[0]) : undefined)));
      if (!url) return;
      // An open Cliq tab is where the user reads Cliq: go there rather than start the web app again elsewhere.
      const [tab] = await cliqTabs(origin);
      if (tab?.id !== undefined) {
        await browser.tabs.update(tab.id, { url, active: true });
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
      } else if (disposition === 'currentTab') await browser.tabs.update({ url });
      else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
    },
  };
}

/** Registered synchronously at the worker's start; `omnibox` is in both browsers' manifests. */
export function listenToOmnibox(omnibox: Omnibox): void {
  browser.omnibox.setDefaultSuggestion({ description: describe(t('omniboxDefault')) });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    omnibox.suggest(text).then(suggest, (error: unknown) => console.error('Cliq Pins: address bar', error));
  });
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    omnibox.enter(text, disposition).catch((error: unknown) => console.error('Cliq Pins: address bar', error));
  });
}
