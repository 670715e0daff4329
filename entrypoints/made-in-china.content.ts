import { defineContentScript } from 'wxt/utils/define-content-script';
import { madeInChina } from '../extractors/platforms/made-in-china';
import { runCapture } from './shared/content-runtime';

// One content script per platform, carrying only that platform's adapters.
export default defineContentScript({
  matches: madeInChina.matches.length ? madeInChina.matches : ['https://buyerbook.invalid/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCapture(madeInChina, ctx);
  },
});
