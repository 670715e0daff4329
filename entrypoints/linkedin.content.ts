import { defineContentScript } from 'wxt/utils/define-content-script';
import { linkedin } from '../extractors/platforms/linkedin';
import { runCapture } from './shared/content-runtime';

// One content script per platform, carrying only that platform's adapters.
export default defineContentScript({
  matches: linkedin.matches.length ? linkedin.matches : ['https://buyerbook.invalid/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCapture(linkedin, ctx);
  },
});
