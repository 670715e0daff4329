/**
 * The side panel: five tabs, and the age of the last backup above them. It opens on "This page"
 * on a platform's page and on the book elsewhere (components/start-view.ts). Each view's code is
 * its own chunk, loaded when the view is first shown, so the first view never waits for code it
 * does not show; a view once shown stays mounted while hidden, so a capture being edited or a
 * search being read survives a look at another tab. Views read the book live (useLiveQuery), so
 * no view tells another that something changed.
 */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { t } from '../lib/i18n';
import { TabBar, panelId, tabId, type TabSpec } from './tab-bar';
import { useStartView, type StartView } from './start-view';
import { lazyView } from './lazy-view';
import { BackupStatus } from './backup-status';
import { useBadgeSync } from './use-badge-sync';

// The views the panel opens on: the entry point loads the one it will open on before the first
// render (preloadStartView), so it shows without a Suspense fallback.
const thisPage = lazyView(() => import('./this-page-view').then((m) => m.ThisPageView));
const today = lazyView(() => import('./today-view').then((m) => m.TodayView));
const ThisPageView = thisPage.View;
const TodayView = today.View;
const BuyersView = lazy(() => import('./buyers-view').then((m) => ({ default: m.BuyersView })));
// The Data tab brings the CSV, Excel and vCard libraries (about 200 KB).
const DataView = lazy(() => import('./data-view').then((m) => ({ default: m.DataView })));
const SettingsView = lazy(() => import('./settings-view').then((m) => ({ default: m.SettingsView })));

type View = 'this-page' | 'buyers' | 'today' | 'data' | 'settings';

/** Loads the code of the view the panel opens on (the book opens on Today). */
export const preloadStartView = (start: StartView): Promise<unknown> => (start === 'this-page' ? thisPage : today).preload();

/** How long after the book's first view "This page" is mounted when the panel opened on the book. */
const THIS_PAGE_AFTER_MS = 1000;

/** Where the panel opens away from a platform's page: what is due today, the seller's day. */
const BOOK_VIEW: View = 'today';

export function App({ search }: { search?: string }) {
  const start = useStartView(search);
  const [chosen, setView] = useState<View | null>(null);
  const view: View | null = chosen ?? (start == null ? null : start === 'this-page' ? 'this-page' : BOOK_VIEW);
  const [selected, setSelected] = useState<string | null>(null);
  // "This page" is always mounted: it is where the keyboard command's capture and a context-menu
  // pick land, even when the panel opened on the book. There, it is mounted a moment after the
  // book's view, whose first row must not wait for the capture code (the phone library among
  // it); a request made meanwhile is kept by the background and asked for when it mounts.
  const shown = useRef(new Set<View>());
  const [pageMounted, setPageMounted] = useState(false);
  if (view) shown.current.add(view);
  if (pageMounted) shown.current.add('this-page');
  useEffect(() => {
    if (!view || pageMounted) return;
    const timer = setTimeout(() => setPageMounted(true), THIS_PAGE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [view != null]); // eslint-disable-line react-hooks/exhaustive-deps
  useBadgeSync();
  // Once the first view is up, the everyday views' code is fetched quietly, so a tab switch never
  // waits (Data's libraries only when the seller opens it).
  useEffect(() => {
    if (!view) return;
    const timer = setTimeout(() => {
      void import('./this-page-view');
      void import('./buyers-view');
      void import('./today-view');
      void import('./settings-view');
    }, 1500);
    return () => clearTimeout(timer);
  }, [view != null]); // eslint-disable-line react-hooks/exhaustive-deps

  const tabs: TabSpec<View>[] = [
    { key: 'this-page', label: t('tabThisPage'), testId: 'tab-this-page' },
    { key: 'buyers', label: t('tabBuyers'), testId: 'tab-buyers' },
    { key: 'today', label: t('tabToday'), testId: 'tab-today' },
    { key: 'data', label: t('tabData'), testId: 'tab-data' },
    { key: 'settings', label: t('tabSettings'), testId: 'tab-settings' },
  ];

  const openBuyer = (id: string) => {
    setSelected(id);
    setView('buyers');
  };

  const panel = (key: View, content: ReactNode) => (
    <div role="tabpanel" id={panelId(key)} aria-labelledby={tabId(key)} hidden={view !== key} className="panel" tabIndex={-1}>
      {shown.current.has(key) ? (
        <Suspense fallback={<p className="state" role="status" aria-busy="true">{t('loading')}</p>}>{content}</Suspense>
      ) : null}
    </div>
  );

  return (
    <div className="app">
      <TabBar tabs={tabs} selected={view ?? 'this-page'} onSelect={setView} label={t('extName')} />
      <BackupStatus onOpenData={() => setView('data')} />
      <main>
        {panel('this-page', <ThisPageView onOpenBuyer={openBuyer} search={search} onRequest={() => setView('this-page')} />)}
        {panel('buyers', <BuyersView selectedId={selected} onSelect={setSelected} />)}
        {panel('today', <TodayView onOpenBuyer={openBuyer} />)}
        {panel('data', <DataView />)}
        {panel('settings', <SettingsView />)}
      </main>
    </div>
  );
}
