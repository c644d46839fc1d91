import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseCliqUrl } from '../../lib/web/url';

const storageKey = (origin: string) => `cliqPins.popup.org:${origin}`;

/** The Cliq organisation, read from an open Cliq tab's address and remembered for when none is open. */
export function useOrgId(origin: string): string | undefined {
  const [orgId, setOrgId] = useState<string>();
  useEffect(() => {
    if (!origin) return;
    setOrgId(localStorage.getItem(storageKey(origin)) ?? undefined);
    browser.tabs
      // Every tab: URLs are visible only for hosts the extension may reach, which include the Cliq ones.
      .query({})
      .then((tabs) => {
        const orgOf = (url?: string) => (url?.startsWith(`${origin}/`) ? parseCliqUrl(url)?.orgId : undefined);
        const found = tabs.map((tab) => orgOf(tab.url)).find(Boolean);
        if (!found) return;
        localStorage.setItem(storageKey(origin), found);
        setOrgId(found);
      })
      .catch(() => undefined);
  }, [origin]);
  return orgId;
}
