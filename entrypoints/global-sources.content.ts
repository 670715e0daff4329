import { defineContentScript } from 'wxt/utils/define-content-script';
import { globalSources } from '../extractors/platforms/global-sources';
import { runCapture } from './shared/content-runtime';

// One content script per platform, carrying only that platform's adapters.
export default defineContentScript({
  matches: globalSources.matches.length ? globalSources.matches : ['https://buyerbook.invalid/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCapture(globalSources, ctx);
  },
});
