import { defineContentScript } from 'wxt/utils/define-content-script';
import { whatsapp } from '../extractors/platforms/whatsapp';
import { runCapture } from './shared/content-runtime';

// One content script per platform, carrying only that platform's adapters.
export default defineContentScript({
  matches: whatsapp.matches.length ? whatsapp.matches : ['https://buyerbook.invalid/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCapture(whatsapp, ctx);
  },
});
