import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseCliqUrl } from '../../lib/web/url';

/** Firefox's sidebar API; Chrome's types do not know it. */
type FirefoxSidebar = { sidebarAction?: { open(): Promise<void> } };

/**
 * "Open in side panel": Chrome's side panel of the popup's window, or Firefox's sidebar; undefined where the
 * browser has neither. Both browsers accept the call only inside the click (a user gesture), so the window is
 * looked up beforehand and nothing is awaited before `open`.
 */
export function useOpenSidePanel(): (() => void) | undefined {
  const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
  const sidePanel = browser.sidePanel;
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    if (!sidebar && sidePanel) void browser.windows.getCurrent().then((w) => setWindowId(w.id));
  }, [sidebar, sidePanel]);
  if (sidebar) return () => void sidebar.open().then(() => window.close(), console.error);
  if (sidePanel && windowId !== undefined) {
    return () => void sidePanel.open({ windowId }).then(() => window.close(), console.error);
  }
  return undefined;
}

/**
 * The tab the panel sits beside: the active tab of the panel's window, or of the last focused browser window when
 * the panel page has a window of its own.
 */
async function activeTabUrl(): Promise<string | undefined> {
  const own = await browser.windows.getCurrent();
  const beside = own.type === 'normal' ? own : await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: beside.id });
  return tab?.url;
}

/**
 * The chat open in the tab beside the side panel, followed as the user switches tabs, windows or chats. Tab URLs
 * are visible only for hosts the extension may reach, which include Cliq's, so other sites read as no chat.
 */
export function useActiveChatId(follow: boolean): string | undefined {
  const [chatId, setChatId] = useState<string>();
  useEffect(() => {
    if (!follow) return;
    let latest = 0;
    const read = () => {
      const asked = ++latest;
      activeTabUrl()
        .then((url) => {
          if (asked === latest) setChatId(url ? parseCliqUrl(url)?.chatId : undefined);
        })
        .catch(() => undefined);
    };
    const onUpdated = (_id: number, change: { url?: string }) => {
      if (change.url) read();
    };
    read();
    browser.tabs.onActivated.addListener(read);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows.onFocusChanged.addListener(read);
    return () => {
      browser.tabs.onActivated.removeListener(read);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows.onFocusChanged.removeListener(read);
    };
  }, [follow]);
  return chatId;
}
