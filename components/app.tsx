/**
 * The side panel: five tabs, and the age of the last backup above them. Every view stays mounted
 * while hidden, so a capture being edited or a search being read survives a look at another tab.
 * Views read the book live (useLiveQuery), so no view tells another that something changed.
 */
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { t } from '../lib/i18n';
import { TabBar, panelId, tabId, type TabSpec } from './tab-bar';
import { ThisPageView } from './this-page-view';
import { BuyersView } from './buyers-view';
import { SettingsView } from './settings-view';
import { TodayView } from './today-view';
import { useBadgeSync } from './use-badge-sync';


import { BackupStatus } from './backup-status';

// The Data tab brings the CSV, Excel and vCard libraries (about 200 KB): loaded the first time the
// tab is opened, so they never slow the panel's start.
const DataView = lazy(() => import('./data-view').then((m) => ({ default: m.DataView })));

type View = 'this-page' | 'buyers' | 'today' | 'data' | 'settings';

export function App({ search }: { search?: string }) {
  const [view, setViewState] = useState<View>('this-page');
  const [dataOpened, setDataOpened] = useState(false);
  const setView = (v: View) => {
    if (v === 'data') setDataOpened(true);
    setViewState(v);
  };
  const [selected, setSelected] = useState<string | null>(null);
  // Today reads nothing until first opened: the panel's first paint is the capture and the list.
  const [todayOpened, setTodayOpened] = useState(false);
  if (view === 'today' && !todayOpened) setTodayOpened(true);
  useBadgeSync();

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
      {content}
    </div>
  );

  return (
    <div className="app">
      <TabBar tabs={tabs} selected={view} onSelect={setView} label={t('extName')} />
      <BackupStatus onOpenData={() => setView('data')} />
      <main>
        {panel('this-page', <ThisPageView onOpenBuyer={openBuyer} search={search} />)}
        {panel('buyers', <BuyersView selectedId={selected} onSelect={setSelected} />)}
        {panel('today', todayOpened ? <TodayView onOpenBuyer={openBuyer} /> : null)}
        {panel(
          'data',
          dataOpened ? (
            <Suspense fallback={<p className="state">{t('loading')}</p>}>
              <DataView />
            </Suspense>
          ) : null,
        )}
        {panel('settings', <SettingsView />)}
      </main>
    </div>
  );
}
