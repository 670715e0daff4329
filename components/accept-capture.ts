/**
 * The panel's gate for captures arriving from a page. A capture is accepted only when it parses
 * against its schema, comes from the tab the panel is showing, and that tab is a page of a
 * platform whose content script may run there, claiming that same platform. Everything else (a
 * stray message, another tab, a site outside the allowed list, a payload that fails its schema)
 * is refused. The generic capture, which the seller asks for on any page, comes back through
 * executeScript and is checked by `acceptGenericResult`.
 *
 * A capture from the right tab and site whose fields fail the schema (a message longer than the
 * book keeps, a list too long, a value of the wrong kind) is mended by lib/capture-repair.ts and
 * taken with the list of what was changed, field by field, for the panel to show; one that cannot
 * be mended is refused with that list. Only the gate's own refusals stay silent.
 */
import * as z from 'zod/mini';
import { repairCapture, type CaptureIssue } from '../lib/capture-repair';
import { platformForUrl } from '../extractors/allowed-sites';
import type { RawCapture } from '../lib/capture';

/** The fields of chrome.runtime.MessageSender the gate reads. */
export interface MessageSender {
  tab?: { id?: number; url?: string };
  /** 0 for the tab's top frame, positive inside an iframe; Chrome sets it whenever `tab` is set. */
  frameId?: number;
  /** Chrome 106+: the document that sent it, and its state when it sent it. */
  documentId?: string;
  documentLifecycle?: string;
}

export type Refusal = 'schema' | 'other-tab' | 'other-frame' | 'stale-document' | 'site-not-allowed' | 'platform-mismatch';
export type Accepted =
  | { ok: true; capture: RawCapture; issues: CaptureIssue[] }
  | { ok: false; reason: Refusal; issues?: CaptureIssue[] };

// The envelopes only: the capture inside is checked (and mended) by repairCapture.
const changedEnvelope = z.object({ type: z.literal('buyerbook/capture-changed'), capture: z.unknown() });
const resultEnvelope = z.object({ type: z.literal('buyerbook/capture-result'), capture: z.unknown() });

function fromAllowedPage(payload: unknown, url: string | undefined): Accepted {
  // The site first: nothing from a page outside the platforms is even looked at.
  const module = platformForUrl(url);
  if (!module) return { ok: false, reason: 'site-not-allowed' };
  const repaired = repairCapture(payload);
  if (!repaired.ok) return { ok: false, reason: 'schema', issues: repaired.issues };
  const { capture, issues } = repaired;
  if (module.platform !== capture.platform) return { ok: false, reason: 'platform-mismatch' };
  return { ok: true, capture, issues };
}

/**
 * A `capture-changed` message pushed by a content script. The tab alone is not enough: the buyer
 * is the one in the page the seller sees, so only the tab's top frame may speak (an iframe on the
 * page is someone else's), and only its current document: a page left behind (in the
 * back-forward cache, being unloaded, a prerender) or any document other than `documentId`, the
 * one the panel knows is in the tab, is refused. Where Chrome names no document (before 106) or
 * the panel does not know it yet, the frame and the lifecycle decide.
 */
export function acceptCaptureChanged(message: unknown, sender: MessageSender, tabId: number, documentId: string | null = null): Accepted {
  const parsed = changedEnvelope.safeParse(message);
  if (!parsed.success) return { ok: false, reason: 'schema' };
  if (sender.tab?.id !== tabId) return { ok: false, reason: 'other-tab' };
  if (sender.frameId !== 0) return { ok: false, reason: 'other-frame' };
  if (sender.documentLifecycle !== undefined && sender.documentLifecycle !== 'active') return { ok: false, reason: 'stale-document' };
  if (documentId && sender.documentId !== undefined && sender.documentId !== documentId) return { ok: false, reason: 'stale-document' };
  return fromAllowedPage(parsed.data.capture, sender.tab.url);
}

/**
 * A request the background relayed (the context menu's pick, the shortcut's capture) names the
 * document that was in the tab's top frame when the seller asked; the panel takes it only while
 * that document is still the one in the tab: a page loaded in between is not what the seller
 * pointed at. Where either side is unknown (Chrome before 106, or a page it would not inject
 * into), the tab alone decides, as before.
 */
export function fromRequestedDocument(requested: string | null | undefined, current: string | null): boolean {
  return !requested || !current || requested === current;
}

/** The reply of the content script in tab `tabUrl` to the panel's `capture-read`. */
export function acceptCaptureResult(reply: unknown, tabUrl: string | undefined): Accepted {
  const parsed = resultEnvelope.safeParse(reply);
  if (!parsed.success) return { ok: false, reason: 'schema' };
  return fromAllowedPage(parsed.data.capture, tabUrl);
}

/** The result of injecting generic-capture.js into the tab the seller pointed at. */
export function acceptGenericResult(result: unknown): Accepted {
  const repaired = repairCapture(result);
  if (!repaired.ok) return { ok: false, reason: 'schema', issues: repaired.issues };
  if (repaired.capture.platform !== 'generic') return { ok: false, reason: 'platform-mismatch' };
  return { ok: true, capture: repaired.capture, issues: repaired.issues };
}
