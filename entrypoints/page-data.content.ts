import { defineContentScript } from 'wxt/utils/define-content-script';
import { PLATFORM_MODULES } from '../extractors/registry';
import { servePageGlobals } from '../lib/page-data-bridge';

// Main-world half of the page-data bridge (lib/page-data-bridge.ts): it only reads the page's
// own globals when the isolated content script asks, and has no extension API access.
export default defineContentScript({
  matches: PLATFORM_MODULES.flatMap((m) => m.matches).filter((v, i, a) => a.indexOf(v) === i),
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    servePageGlobals(document, window as unknown as Record<string, unknown>);
  },
});
