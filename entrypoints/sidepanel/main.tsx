import '../../lib/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadStartView } from '../../components/app';
import { browser } from 'wxt/browser';
import { setMessageSource, t, uiLocale } from '../../lib/i18n';
import { DB_NAME, getDb } from '../../storage/db';
import { lookUpStartView } from '../../components/start-view';
import { upgradeDueFrom } from '../../storage/backup/upgrade-due';
import './style.css';

setMessageSource(browser.i18n);

// The document speaks the browser's language, so screen readers and fonts pick the right one.
document.documentElement.lang = uiLocale();
document.title = t('extName');

/** The longest the first render waits for the start view's code (it takes a few milliseconds). */
const START_CODE_WAIT_MS = 1000;

const root = createRoot(document.getElementById('root')!);
// Before the first read opens (and so upgrades) the book: an update that changes the schema
// first keeps a copy of the book as it was (storage/backup/pre-upgrade.ts). On a current book
// this is one indexedDB.databases() call, and the copy's code (the backup writer and its schemas)
// is loaded only when a copy is due, so the first view never waits for it. A failed copy is
// logged, never a panel that won't open.
const showApp = () =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
const upgraded = upgradeDueFrom(DB_NAME)
  .then((from) => {
    // Opened now, not at the first view's first read: the open (slow after a browser start, on a
    // big book) overlaps the loading of the view's code. A failed open is the views' to report.
    if (from == null) return void getDb().open().catch(() => {});
    return import('../../storage/backup/pre-upgrade').then(({ keepCopyBeforeUpgrade }) =>
      keepCopyBeforeUpgrade({ onProgress: (p) => root.render(<p className="state">{t('keepingCopy', p.done, p.total)}</p>) }),
    );
  })
  .catch((e: unknown) => console.warn('buyerbook: no copy kept before the upgrade', e));
// Meanwhile the code of the view the panel opens on is loaded, and the app renders once it is
// there: a view that suspends at its first render shows its content 300 ms late at the soonest
// (React's reveal throttle), while the tab lookup and this chunk take a few milliseconds.
// The wait is bounded: a tab lookup or a chunk that never answers must not keep the panel blank.
const startCode = Promise.race([
  lookUpStartView()
    .then(preloadStartView)
    .catch(() => {}),
  new Promise((resolve) => setTimeout(resolve, START_CODE_WAIT_MS)),
]);
void Promise.all([upgraded, startCode]).finally(showApp);

// A book upgraded from schema version 1 gets its search phrases in small batches, once the panel
// has shown its first page (a write batch would hold up that first read). Nothing is due on a
// book created at version 2 or later; a failure only leaves search on the token path.
// The same for next steps (a book from before version 3, or rules changed in settings) and the
// find fields (a book from before version 4). Loaded then, not with the panel: the first view must
// not wait for their code.
setTimeout(() => {
  import('../../storage/phrase-backfill')
    .then(({ backfillPhrases }) => backfillPhrases({ batch: 200 }))
    .catch((e: unknown) => console.warn('buyerbook: phrase backfill stopped', e))
    .then(() => import('../../storage/next-due-backfill'))
    .then(({ backfillNextDue }) => backfillNextDue({ batch: 200 }))
    .catch((e: unknown) => console.warn('buyerbook: next-step backfill stopped', e))
    .then(() => import('../../storage/derived-backfill'))
    .then(({ backfillDerived }) => backfillDerived({ batch: 200 }))
    .catch((e: unknown) => console.warn('buyerbook: derived backfill stopped', e));
}, 3000);
