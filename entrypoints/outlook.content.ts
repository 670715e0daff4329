import { defineContentScript } from 'wxt/utils/define-content-script';
import { outlook } from '../extractors/platforms/outlook';
import { runCapture } from './shared/content-runtime';

// One content script per platform, carrying only that platform's adapters.
export default defineContentScript({
  matches: outlook.matches.length ? outlook.matches : ['https://buyerbook.invalid/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCapture(outlook, ctx);
  },
});
