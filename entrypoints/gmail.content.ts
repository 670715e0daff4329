import { defineContentScript } from 'wxt/utils/define-content-script';
import { gmail } from '../extractors/platforms/gmail';
import { runCapture } from './shared/content-runtime';

// One content script per platform, carrying only that platform's adapters.
export default defineContentScript({
  matches: gmail.matches.length ? gmail.matches : ['https://buyerbook.invalid/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCapture(gmail, ctx);
  },
});
