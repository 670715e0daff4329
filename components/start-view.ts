/**
 * Where the panel opens: on a platform's page (an inquiry, a mail, a chat, a profile) the seller
 * wants "This page"; anywhere else, the book. Read once, from the panel's tab at open; after that
 * the seller's own choice of tab is kept. The host lists only (extractors/platform-matches.ts),
 * so this first decision loads no extractor.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { MatchPattern } from '@webext-core/match-patterns';
import { ALL_PLATFORM_MATCHES } from '../extractors/platform-matches';
import { pinnedTabId } from './use-active-tab';

export type StartView = 'this-page' | 'book';

const patterns = ALL_PLATFORM_MATCHES.map((p) => new MatchPattern(p));

export function startViewFor(url: string | null | undefined): StartView {
  if (!url || !URL.canParse(url)) return 'book';
  return patterns.some((p) => p.includes(url)) ? 'this-page' : 'book';
}

/** The view to open on, from the panel's tab (the pinned one, or the active tab of the window). */
export function lookUpStartView(search?: string): Promise<StartView> {
  const pinned = pinnedTabId(search);
  const tab = pinned != null ? browser.tabs.get(pinned) : browser.tabs.query({ active: true, currentWindow: true }).then((t) => t[0]);
  return tab.then(
    (t) => startViewFor(t?.url),
    () => 'book' as const,
  );
}

/** The view to open on, or null for the few milliseconds the tab is being looked up. */
export function useStartView(search?: string): StartView | null {
  const [view, setView] = useState<StartView | null>(null);
  useEffect(() => {
    let cancelled = false;
    void lookUpStartView(search).then((v) => !cancelled && setView(v));
    return () => {
      cancelled = true;
    };
  }, [search]);
  return view;
}
