import '../../lib/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../components/app';
import { browser } from 'wxt/browser';
import { setMessageSource, t, uiLocale } from '../../lib/i18n';
import './style.css';

setMessageSource(browser.i18n);

// The document speaks the browser's language, so screen readers and fonts pick the right one.
document.documentElement.lang = uiLocale();
document.title = t('extName');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// A book upgraded from schema version 1 gets its search phrases in small batches, once the panel
// has shown its first page (a write batch would hold up that first read). Nothing is due on a
// book created at version 2 or later; a failure only leaves search on the token path.
// Loaded then, not with the panel: the first view must not wait for their code.
setTimeout(() => {
  import('../../storage/phrase-backfill')
    .then(({ backfillPhrases }) => backfillPhrases({ batch: 200 }))
    .catch((e: unknown) => console.warn('buyerbook: phrase backfill stopped', e))
    // A book upgraded from before version 5 gets its find fields (platforms, name order, country
    // and product words) the same way; until then filters see those rows only by stored fields.
    .then(() => import('../../storage/derived-backfill'))
    .then(({ backfillDerived }) => backfillDerived({ batch: 200 }))
    .catch((e: unknown) => console.warn('buyerbook: derived backfill stopped', e));
}, 3000);
