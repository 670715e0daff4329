/**
 * The capture of the page in the panel's tab. Asks the tab's content script ("capture/read"),
 * listens for the captures it pushes when the page changes, and runs the generic capture when
 * the seller asks for it on any other page. Every capture crosses the gate in
 * components/accept-capture.ts (schema, same tab, allowed site), then is normalised and stripped of the
 * seller's own identity before anything shows it. A capture the gate had to mend comes with what
 * was changed, field by field; one it refused for its content is said, not dropped silently.
 *
 * It also takes the seller's requests relayed by the background (entrypoints/background.ts): a
 * selection picked with the context menu, handed to the form, and the keyboard command's
 * "capture this page", both for this panel's tab only.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { useLiveQuery } from 'dexie-react-hooks';
import { emptyCapture, isEmptyCapture, type Capture, type Platform, type RawCapture } from '../lib/capture';
import {
  captureReadMessage,
  panelRequestMessageSchema,
  CAPTURE_COMMAND,
  type PanelRequest,
  type PendingRequests,
  type PickField,
} from '../lib/messages';
import { sendRequest } from '../lib/protocol';
import { acceptCaptureChanged, acceptCaptureResult, acceptGenericResult, fromRequestedDocument, type Accepted, type MessageSender } from './accept-capture';
import { topDocumentId } from './top-document';
import type { CaptureIssue } from '../lib/capture-repair';
import { platformForUrl } from '../extractors/allowed-sites';
import { normalizeCapture } from '../lib/normalize';
import { stripOwnIdentity } from '../lib/own-identity';
import { getSettings } from '../storage/settings-repo';
import type { PanelTab } from './use-active-tab';

export type CaptureView =
  | { kind: 'loading' }
  /** No content script answers for this page: not one of the platforms' inquiry pages. */
  | { kind: 'unsupported' }
  | { kind: 'empty'; platform: Platform }
  /**
   * `revision` changes only when a different capture arrives. `issues`: what the gate mended in
   * it (a message clipped to the book's limit...), field by field.
   */
  | { kind: 'capture'; capture: Capture; revision: number; issues: CaptureIssue[] };

/**
 * Why "Capture from this page" failed: the page is closed to extensions (a browser page, the web
 * store), or Chrome has not let Buyerbook read it yet (no activeTab: the seller switched tabs).
 */
export type GenericFailure = { kind: 'unreadable' } | { kind: 'no-access'; shortcut: string };

/** A selection sent from the page with the context menu, for the form; `seq` tells picks apart. */
export interface Pick {
  seq: number;
  field: PickField;
  text: string;
}

export interface CaptureHook {
  view: CaptureView;
  /** Run "Capture from this page" on the tab. */
  captureGeneric: () => Promise<void>;
  genericBusy: boolean;
  genericFailure: GenericFailure | null;
  /** A capture from the page that could not be used at all, and why, field by field. */
  refused: CaptureIssue[] | null;
  /** The latest selection picked from the page, until the form says it took it. */
  pick: Pick | null;
  pickTaken: (seq: number) => void;
  /** The form tells whether its draft holds the seller's edits: an empty re-read then keeps it. */
  draftEdited: (edited: boolean) => void;
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

/**
 * Only the background relays requests: a sender with the extension's id, no tab (a page and its
 * content scripts have one), and, where Chrome gives its address, the background's script.
 */
function fromBackground(sender: { id?: string; tab?: unknown; url?: string }): boolean {
  if (sender.tab || sender.id !== browser.runtime.id) return false;
  return sender.url === undefined || sender.url === browser.runtime.getURL('/background.js');
}

/** The command's shortcut as the seller set it (chrome://extensions/shortcuts), or '' for none. */
async function captureShortcut(): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === CAPTURE_COMMAND)?.shortcut ?? '';
  } catch {
    return '';
  }
}

/** Chrome's words when executeScript may not run on a page it could read with activeTab. */
const NO_ACCESS = /cannot access contents|permission to access/i;
/** ...and on pages no extension may script at all. */
const CLOSED = /chrome:\/\/|chrome-extension:|extensions gallery|cannot be scripted|web ?store/i;

export function useCapture(tab: PanelTab, onRequestTaken?: () => void): CaptureHook {
  // Read through a ref: the listener below is registered once per page, the callback may change.
  const requestTaken = useRef(onRequestTaken);
  requestTaken.current = onRequestTaken;
  const [view, setView] = useState<CaptureView>({ kind: 'loading' });
  const [genericBusy, setGenericBusy] = useState(false);
  const [genericFailure, setGenericFailure] = useState<GenericFailure | null>(null);
  const [refused, setRefused] = useState<CaptureIssue[] | null>(null);
  const [pick, setPick] = useState<Pick | null>(null);
  const pickSeq = useRef(0);
  // The command's request, handled inside the page effect, runs the latest captureGeneric.
  const captureGenericRef = useRef<(documentId?: string) => Promise<void>>(async () => {});
  // Bumped by every page change: results of older requests are dropped when they arrive late.
  const epoch = useRef(0);
  const lastKey = useRef('');
  const revision = useRef(0);
  const lastRaw = useRef<RawCapture | null>(null);
  const lastIssues = useRef<CaptureIssue[]>([]);
  const viewTab = useRef<number | null | undefined>(undefined);
  // The document in the tab's top frame, once learned: pushes from any other are refused. Kept
  // across a page load in the same tab (a late push of the page left behind is refused) and
  // learned again when the load completes; the read then gets the new page's capture anyway.
  const topDocument = useRef<string | null>(null);
  const draftEdited = useRef(false);

  const show = useCallback(async (raw: RawCapture, at: number, issues: CaptureIssue[] = []) => {
    lastRaw.current = raw;
    lastIssues.current = issues;
    // Where each value came from travels beside the values; normalising does not carry it.
    const capture: Capture = { ...(await prepare(raw)), ...(raw.sources ? { sources: raw.sources } : {}) };
    if (at !== epoch.current) return;
    setRefused(null);
    if (isEmptyCapture(capture)) {
      // A page mid-render, or a list with no conversation open: a draft with the seller's edits
      // stays on screen (it can still be saved); one without edits gives way.
      if (draftEdited.current) return;
      lastKey.current = '';
      setView({ kind: 'empty', platform: capture.platform });
      return;
    }
    const key = JSON.stringify(capture);
    if (key === lastKey.current) return; // the same capture again: keep the seller's edits
    lastKey.current = key;
    revision.current += 1;
    setView({ kind: 'capture', capture, revision: revision.current, issues });
  }, []);

  /** What the gate said no to: silent for a stray message, said for a capture it could not use. */
  const refuse = useCallback((accepted: Accepted & { ok: false }, at: number) => {
    if (at === epoch.current && accepted.issues?.length) setRefused(accepted.issues);
  }, []);

  const { tabId, url, loading } = tab;

  useEffect(() => {
    const at = ++epoch.current;
    // Another tab starts afresh. The same tab at another address (a thread opened in a
    // single-page inbox, a page load) keeps what is shown until the page's capture arrives, so a
    // draft with the seller's edits is never dropped by the address alone: the capture decides
    // (components/capture-session.tsx asks before replacing it).
    const otherTab = viewTab.current !== tabId;
    viewTab.current = tabId;
    if (otherTab) {
      topDocument.current = null;
      draftEdited.current = false;
      lastKey.current = '';
      lastRaw.current = null;
      setView({ kind: 'loading' });
      setPick(null);
    }
    setGenericFailure(null);
    setGenericBusy(false);
    setRefused(null);
    if (tabId == null) return;

    const platform = platformForUrl(url)?.platform ?? null;

    /**
     * Ask the content script to read now; `attempts` > 1 while it may not have started yet. With
     * `documentId`, only that document is asked (Chrome does not deliver to another one).
     */
    const read = async (attempts: number, documentId?: string) => {
      const target = documentId ? { frameId: 0, documentId } : { frameId: 0 };
      for (let i = 0; i < attempts; i++) {
        if (at !== epoch.current) return;
        try {
          // The top frame only: a content script in an iframe on the page is not the page's buyer.
          const reply = await sendRequest((m) => browser.tabs.sendMessage(tabId, m, target), captureReadMessage());
          if (at !== epoch.current) return;
          const accepted = acceptCaptureResult(reply, url ?? undefined);
          if (accepted.ok) return void (await show(accepted.capture, at, accepted.issues));
          refuse(accepted, at);
          break; // an answer that fails the gate is not retried
        } catch {
          // "Receiving end does not exist": the content script is not there (yet).
          if (i + 1 < attempts) await sleep(READ_RETRY_MS);
        }
      }
      if (at === epoch.current) setView((v) => (v.kind === 'loading' ? { kind: 'unsupported' } : v));
    };

    const onRequest = async (request: PanelRequest, pageUrl: string | null) => {
      // Only while the document the seller pointed at is still in the tab (see fromRequestedDocument).
      if (request.documentId && !fromRequestedDocument(request.documentId, await topDocumentId(tabId))) return;
      if (at !== epoch.current) return;
      // The seller asked for this page (the command, a pick): the panel shows it, whatever tab was open.
      requestTaken.current?.();
      if (request.kind === 'capture') {
        // The command granted activeTab: any page can be read now, a platform page afresh.
        lastKey.current = '';
        if (platform) void read(1, request.documentId);
        else void captureGenericRef.current(request.documentId);
        return;
      }
      pickSeq.current += 1;
      setPick({ seq: pickSeq.current, field: request.field, text: request.text });
      // No form open yet: one for this page, empty, takes the pick (a capture that follows merges in).
      setView((v) => {
        if (v.kind === 'capture') return v;
        revision.current += 1;
        const capture = emptyCapture(platform ?? 'generic', url ?? pageUrl ?? '');
        return { kind: 'capture', capture, revision: revision.current, issues: [] };
      });
    };

    const onMessage = (message: unknown, sender: MessageSender & { id?: string; url?: string }) => {
      const relayed = panelRequestMessageSchema.safeParse(message);
      if (relayed.success) {
        // Only the background's requests, and only this tab's, are ours.
        if (!fromBackground(sender) || relayed.data.tabId !== tabId) return undefined;
        const r = relayed.data.request;
        void onRequest(r, r.kind === 'pick' ? r.pageUrl : null);
        return Promise.resolve({ taken: true as const });
      }
      const accepted = acceptCaptureChanged(message, sender, tabId, topDocument.current);
      if (accepted.ok) void show(accepted.capture, at, accepted.issues);
      else refuse(accepted, at);
      return undefined; // never answer: content scripts do not wait for the panel
    };
    browser.runtime.onMessage.addListener(onMessage);

    // A page outside the platforms has no content script (and, without host access, no url).
    if (!platform) {
      setView({ kind: 'unsupported' });
    } else if (!loading) {
      void topDocumentId(tabId).then((id) => {
        if (id && at === epoch.current) topDocument.current = id;
      });
      void read(READ_ATTEMPTS);
    }
    // While the tab loads, the panel waits: the content script pushes its capture when ready,
    // and the status change to "complete" runs this effect again.

    // Requests made while no panel was open (the command or the menu opened this one).
    if (!loading) {
      const ask: PendingRequests = { type: 'buyerbook/pending', tabId };
      Promise.resolve()
        .then(() => sendRequest((m) => browser.runtime.sendMessage(m), ask))
        .then((reply) => {
          if (!reply || at !== epoch.current) return;
          for (const r of reply.requests) void onRequest(r, r.kind === 'pick' ? r.pageUrl : null);
        })
        .catch(() => {});
    }

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
    void show(lastRaw.current, epoch.current, lastIssues.current);
  }, [own, show]);

  // With `documentId` (the shortcut's request), only that document is read: Chrome injects into
  // no other, so a page loaded since the seller pressed it gives nothing.
  const captureGenericIn = useCallback(async (documentId?: string) => {
    if (tabId == null) return;
    const at = epoch.current;
    setGenericBusy(true);
    setGenericFailure(null);
    try {
      const results = await browser.scripting.executeScript({
        target: documentId ? { tabId, documentIds: [documentId] } : { tabId },
        files: ['/generic-capture.js'],
      });
      if (at !== epoch.current) return;
      const accepted = acceptGenericResult(results[0]?.result);
      if (!accepted.ok) {
        refuse(accepted, at);
        // Said field by field when the gate knows why; otherwise the page could not be read.
        if (accepted.issues?.length) return;
        throw new Error(accepted.reason);
      }
      lastKey.current = ''; // the seller asked again: show it fresh even if unchanged
      await show(accepted.capture, at, accepted.issues);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      const failure: GenericFailure =
        NO_ACCESS.test(detail) && !CLOSED.test(detail)
          ? { kind: 'no-access', shortcut: await captureShortcut() }
          : { kind: 'unreadable' };
      if (at === epoch.current) setGenericFailure(failure);
    } finally {
      if (at === epoch.current) setGenericBusy(false);
    }
  }, [tabId, show, refuse]);
  captureGenericRef.current = captureGenericIn;
  const captureGeneric = useCallback(() => captureGenericIn(), [captureGenericIn]);

  const pickTaken = useCallback((seq: number) => setPick((p) => (p?.seq === seq ? null : p)), []);

  const setDraftEdited = useCallback((edited: boolean) => {
    draftEdited.current = edited;
  }, []);

  return { view, captureGeneric, genericBusy, genericFailure, refused, pick, pickTaken, draftEdited: setDraftEdited };
}
