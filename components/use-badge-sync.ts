/**
 * Keeps the toolbar badge in step with the book while the panel is open: after writes to the
 * buyers (debounced), the background is told to count the steps due again. The count itself is
 * the background's (a walk of the index's due range), never on the panel's path.
 */
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { bookChangedMessage } from '../lib/badge-messages';
import { onBuyersChanged } from '../storage/book-events';

export function useBadgeSync(delayMs = 500): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const send = () => {
      timer = null;
      // The message also wakes a sleeping service worker; no listener (tests) is no error.
      Promise.resolve()
        .then(() => browser.runtime.sendMessage(bookChangedMessage()))
        .catch(() => {});
    };
    const off = onBuyersChanged(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(send, delayMs);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [delayMs]);
}
