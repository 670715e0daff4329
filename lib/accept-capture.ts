/**
 * The panel's gate for captures arriving from a page. A capture is accepted only when it parses
 * against its schema, comes from the tab the panel is showing, and that tab is a page of a
 * platform whose content script may run there, claiming that same platform. Everything else (a
 * stray message, another tab, a site outside the allowed list, a payload that fails its schema)
 * is refused. The generic capture, which the seller asks for on any page, comes back through
 * executeScript and is checked by `acceptGenericResult`.
 */
import { rawCaptureSchema } from './capture-schema';
import { captureChangedSchema, captureResultSchema } from './messages';
import { platformForUrl } from './allowed-sites';
import type { RawCapture } from './capture';

export interface MessageSender {
  tab?: { id?: number; url?: string };
}

export type Refusal = 'schema' | 'other-tab' | 'site-not-allowed' | 'platform-mismatch';
export type Accepted = { ok: true; capture: RawCapture } | { ok: false; reason: Refusal };

function fromAllowedPage(capture: RawCapture, url: string | undefined): Accepted {
  const module = platformForUrl(url);
  if (!module) return { ok: false, reason: 'site-not-allowed' };
  if (module.platform !== capture.platform) return { ok: false, reason: 'platform-mismatch' };
  return { ok: true, capture };
}

/** A `capture-changed` message pushed by a content script. */
export function acceptCaptureChanged(message: unknown, sender: MessageSender, tabId: number): Accepted {
  const parsed = captureChangedSchema.safeParse(message);
  if (!parsed.success) return { ok: false, reason: 'schema' };
  if (sender.tab?.id !== tabId) return { ok: false, reason: 'other-tab' };
  return fromAllowedPage(parsed.data.capture, sender.tab.url);
}

/** The reply of the content script in tab `tabUrl` to the panel's `capture-read`. */
export function acceptCaptureResult(reply: unknown, tabUrl: string | undefined): Accepted {
  const parsed = captureResultSchema.safeParse(reply);
  if (!parsed.success) return { ok: false, reason: 'schema' };
  return fromAllowedPage(parsed.data.capture, tabUrl);
}

/** The result of injecting generic-capture.js into the tab the seller pointed at. */
export function acceptGenericResult(result: unknown): Accepted {
  const parsed = rawCaptureSchema.safeParse(result);
  if (!parsed.success) return { ok: false, reason: 'schema' };
  if (parsed.data.platform !== 'generic') return { ok: false, reason: 'platform-mismatch' };
  return { ok: true, capture: parsed.data };
}
