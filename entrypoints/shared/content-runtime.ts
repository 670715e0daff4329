/**
 * What every platform content script does: read the open conversation with its platform's
 * adapters, tell the panel, answer the panel's "read now", and read again when a single-page
 * inbox switches conversation without a page load. Kept small: it runs on every inquiry page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractPage, findAdapter } from '../../extractors/extract-page';
import type { PageAdapter, PlatformModule } from '../../extractors/types';
import { isCaptureRead } from '../../lib/content-checks';
import type { CaptureChanged, CaptureResult } from '../../lib/messages';

/** Name of the performance.measure entry each extraction leaves (read by bench/). */
export const EXTRACT_MEASURE = 'buyerbook:extract';

/** Re-read at most this often while the page is busy (chat pages mutate constantly). */
const SETTLE_MS = 250;

export function runCapture(module: PlatformModule, ctx: ContentScriptContext): void {
  const read = () => {
    const start = performance.now();
    const capture = extractPage([module], document, location.href);
    // A user-timing entry lets the benchmark read real extraction times from the page's
    // performance timeline (shared with the main world). Only the latest is kept, so a chat page
    // open all day does not collect thousands of entries.
    performance.clearMeasures(EXTRACT_MEASURE);
    performance.measure(EXTRACT_MEASURE, { start, end: performance.now() });
    return capture;
  };
  /** The adapter that reads this address; none means the panel would refuse whatever is read. */
  const adapter = (): PageAdapter | null => {
    try {
      return findAdapter([module], new URL(location.href))?.adapter ?? null;
    } catch {
      return null;
    }
  };
  let lastSent = '';

  const push = () => {
    if (!adapter()) return;
    const capture = read();
    const key = JSON.stringify(capture);
    if (key === lastSent) return;
    lastSent = key;
    const msg: CaptureChanged = { type: 'buyerbook/capture-changed', capture };
    // No panel open is normal: the message then has no receiver.
    browser.runtime.sendMessage(msg).catch(() => {});
  };

  // sendResponse + `return true` is the reply form both Chrome's native API and
  // webextension-polyfill understand (content scripts use the native one: see wxt.config.ts).
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    if (!isCaptureRead(message)) return false;
    const reply: CaptureResult = { type: 'buyerbook/capture-result', capture: read() };
    lastSent = JSON.stringify(reply.capture);
    sendResponse(reply);
    return true;
  });

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = ctx.setTimeout(() => {
      timer = undefined;
      watch();
      push();
    }, SETTLE_MS);
  };

  // Only the part of the page the adapter names is watched (LinkedIn's profile, not its feed),
  // and nothing at all on an address no adapter reads; both are decided again on navigation.
  const observer = new MutationObserver(schedule);
  let roots: Element[] = [];
  const watch = () => {
    const a = adapter();
    let want: Element[] = [];
    if (a) {
      try {
        want = a.observe ? Array.from(document.querySelectorAll(a.observe)) : [];
      } catch {
        want = [];
      }
      if (!want.length) want = [document.documentElement];
    }
    if (want.length === roots.length && want.every((r, i) => r === roots[i] && r.isConnected)) return;
    observer.disconnect();
    roots = want;
    for (const r of roots) observer.observe(r, { childList: true, subtree: true, characterData: true });
  };
  // A single-page app may replace the watched node without a navigation: check it now and then.
  ctx.setInterval(() => {
    if (roots.some((r) => !r.isConnected)) schedule();
  }, 2000);
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  watch();
  push();
}
