/**
 * The capture of the page in the panel's tab. Asks the tab's content script ("capture/read"),
 * listens for the captures it pushes when the page changes, and runs the generic capture when
 * the seller asks for it on any other page. Every capture crosses the gate in
 * lib/accept-capture.ts (schema, same tab, allowed site), then is normalised and stripped of the
 * seller's own identity before anything shows it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { useLiveQuery } from 'dexie-react-hooks';
import { isEmptyCapture, type Capture, type Platform, type RawCapture } from '../lib/capture';
import { captureReadMessage } from '../lib/messages';
import { acceptCaptureChanged, acceptCaptureResult, acceptGenericResult } from '../lib/accept-capture';
import { platformForUrl } from '../lib/allowed-sites';
import { normalizeCapture } from '../lib/normalize';
import { stripOwnIdentity } from '../lib/own-identity';
import { getSettings } from '../storage/settings-repo';
import type { PanelTab } from './use-active-tab';

export type CaptureView =
  | { kind: 'loading' }
  /** No content script answers for this page: not one of the platforms' inquiry pages. */
  | { kind: 'unsupported' }
  | { kind: 'empty'; platform: Platform }
  /** `revision` changes only when a different capture arrives, so the form keeps its edits otherwise. */
  | { kind: 'capture'; capture: Capture; revision: number };

export interface CaptureHook {
  view: CaptureView;
  /** Run "Capture from this page" on the tab. */
  captureGeneric: () => Promise<void>;
  genericBusy: boolean;
  /** The page could not be read (a browser page, the web store, a page that refused the script). */
  genericFailed: boolean;
}

/** How often and how long to ask a content script that may not have started yet. */
export const READ_RETRY_MS = 250;
export const READ_ATTEMPTS = 12;

/** Normalise, then remove the seller's own name, company, emails and phones. */
async function prepare(raw: RawCapture): Promise<Capture> {
  const capture = normalizeCapture(raw);
  try {
    const settings = await getSettings();
    return stripOwnIdentity(capture, settings.ownIdentity);
  } catch {
    // Settings unreadable: show the capture rather than nothing; saving will surface the trouble.
    return capture;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function useCapture(tab: PanelTab): CaptureHook {
  const [view, setView] = useState<CaptureView>({ kind: 'loading' });
  const [genericBusy, setGenericBusy] = useState(false);
  const [genericFailed, setGenericFailed] = useState(false);
  // Bumped by every page change: results of older requests are dropped when they arrive late.
  const epoch = useRef(0);
  const lastKey = useRef('');
  const revision = useRef(0);
  const lastRaw = useRef<RawCapture | null>(null);

  const show = useCallback(async (raw: RawCapture, at: number) => {
    lastRaw.current = raw;
    const capture = await prepare(raw);
    if (at !== epoch.current) return;
    if (isEmptyCapture(capture)) {
      lastKey.current = '';
      setView({ kind: 'empty', platform: capture.platform });
      return;
    }
    const key = JSON.stringify(capture);
    if (key === lastKey.current) return; // the same capture again: keep the seller's edits
    lastKey.current = key;
    revision.current += 1;
    setView({ kind: 'capture', capture, revision: revision.current });
  }, []);

  const { tabId, url, loading } = tab;

  useEffect(() => {
    const at = ++epoch.current;
    lastKey.current = '';
    lastRaw.current = null;
    setView({ kind: 'loading' });
    setGenericFailed(false);
    setGenericBusy(false);
    if (tabId == null) return;

    const onMessage = (message: unknown, sender: { tab?: { id?: number; url?: string } }) => {
      const accepted = acceptCaptureChanged(message, sender, tabId);
      if (accepted.ok) void show(accepted.capture, at);
      return undefined; // never answer: content scripts do not wait for the panel
    };
    browser.runtime.onMessage.addListener(onMessage);

    // A page outside the platforms has no content script (and, without host access, no url).
    const platformPage = platformForUrl(url) != null;
    if (!platformPage) {
      setView({ kind: 'unsupported' });
    } else if (!loading) {
      void (async () => {
        for (let i = 0; i < READ_ATTEMPTS; i++) {
          if (at !== epoch.current) return;
          try {
            const reply: unknown = await browser.tabs.sendMessage(tabId, captureReadMessage());
            if (at !== epoch.current) return;
            const accepted = acceptCaptureResult(reply, url ?? undefined);
            if (accepted.ok) return void (await show(accepted.capture, at));
            break; // an answer that fails the gate is not retried
          } catch {
            // "Receiving end does not exist": the content script is not there (yet).
            await sleep(READ_RETRY_MS);
          }
        }
        if (at === epoch.current) setView((v) => (v.kind === 'loading' ? { kind: 'unsupported' } : v));
      })();
    }
    // While the tab loads, the panel waits: the content script pushes its capture when ready,
    // and the status change to "complete" runs this effect again.

    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId, url, loading, show]);

  // The seller's own identity, read live: when it changes (in any panel), the capture on screen
  // is stripped again with the new settings.
  const own = useLiveQuery(() => getSettings().then((s) => JSON.stringify(s.ownIdentity), () => ''), []);
  const firstOwn = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (own === undefined) return;
    const prev = firstOwn.current;
    firstOwn.current = own;
    if (prev === undefined || prev === own || !lastRaw.current) return;
    void show(lastRaw.current, epoch.current);
  }, [own, show]);

  const captureGeneric = useCallback(async () => {
    if (tabId == null) return;
    const at = epoch.current;
    setGenericBusy(true);
    setGenericFailed(false);
    try {
      const results = await browser.scripting.executeScript({
        target: { tabId },
        files: ['/generic-capture.js'],
      });
      if (at !== epoch.current) return;
      const accepted = acceptGenericResult(results[0]?.result);
      if (!accepted.ok) throw new Error(accepted.reason);
      lastKey.current = ''; // the seller asked again: show it fresh even if unchanged
      await show(accepted.capture, at);
    } catch {
      if (at === epoch.current) setGenericFailed(true);
    } finally {
      if (at === epoch.current) setGenericBusy(false);
    }
  }, [tabId, show]);

  return { view, captureGeneric, genericBusy, genericFailed };
}
