import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAGE_DATA_MATCHES } from '../extractors/platform-matches';
import { servePageGlobals } from '../lib/page-data-bridge';

// Main-world half of the page-data bridge (lib/page-data-bridge.ts): it only reads the page's
// own globals when the isolated content script asks, and has no extension API access.
export default defineContentScript({
  // The host lists alone, not the registry: this script must not bundle every extractor. Only
  // the hosts whose readers read page globals: elsewhere it would be code on the page for nothing.
  matches: PAGE_DATA_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    servePageGlobals(document, window as unknown as Record<string, unknown>);
  },
});
