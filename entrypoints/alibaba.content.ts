import { defineContentScript } from 'wxt/utils/define-content-script';
import { alibaba } from '../extractors/platforms/alibaba';
import { runCapture } from './shared/content-runtime';

// One content script per platform, carrying only that platform's adapters.
export default defineContentScript({
  matches: alibaba.matches.length ? alibaba.matches : ['https://buyerbook.invalid/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCapture(alibaba, ctx);
  },
});
