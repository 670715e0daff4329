/**
 * Which tab the panel is about. `sidepanel.html?tabId=N` pins it to tab N (the browser tests open
 * the panel as an ordinary tab beside the page); otherwise it follows the active tab of the
 * panel's own window, and the page loaded in it.
 */
import { useEffect, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';

export interface PanelTab {
  tabId: number | null;
  /** Known for pages the extension has host access to (the platforms); null elsewhere. */
  url: string | null;
  /** The tab is still loading its page. */
  loading: boolean;
}

/** The tab id the panel is pinned to by its address, or null to follow the active tab. */
export function pinnedTabId(search: string = globalThis.location?.search ?? ''): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw == null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

const fromTab = (tab: Browser.tabs.Tab): PanelTab => ({
  tabId: tab.id ?? null,
  url: tab.url ?? null,
  loading: tab.status === 'loading',
});

export function useActiveTab(search?: string): PanelTab {
  const [state, setState] = useState<PanelTab>({ tabId: null, url: null, loading: true });

  useEffect(() => {
    let cancelled = false;
    const pinned = pinnedTabId(search);
    let current: number | null = pinned;
    let windowId: number | undefined;

    const show = (tab: Browser.tabs.Tab | undefined) => {
      if (cancelled || !tab || tab.id == null || tab.id !== current) return;
      const next = fromTab(tab);
      // Only a real change re-renders: onUpdated fires for titles, favicons and more.
      setState((s) => (s.tabId === next.tabId && s.url === next.url && s.loading === next.loading ? s : next));
    };

    if (pinned != null) {
      browser.tabs.get(pinned).then(show, () => {
        if (!cancelled) setState({ tabId: pinned, url: null, loading: false });
      });
    } else {
      browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (cancelled || !tab) return;
        current = tab.id ?? null;
        windowId = tab.windowId;
        show(tab);
      });
    }

    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (pinned != null) return;
      // The side panel belongs to one window: tabs activated in other windows are not ours.
      if (windowId !== undefined && info.windowId !== windowId) return;
      windowId = info.windowId;
      current = info.tabId;
      browser.tabs.get(info.tabId).then(show, () => {});
    };
    const onUpdated = (tabId: number, change: { url?: string; status?: string }, tab: Browser.tabs.Tab) => {
      if (tabId !== current) return;
      if (change.url === undefined && change.status === undefined) return;
      show(tab);
    };

    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [search]);

  return state;
}
