/** The "This page" tab: the capture of the page in the panel's tab, in one of its clear states. */
import type { Buyer } from '../storage/schema';
import { platformLabel, t } from '../lib/i18n';
import { useActiveTab } from './use-active-tab';
import { useCapture } from './use-capture';
import { CaptureForm } from './capture-form';
import { GenericCaptureButton } from './generic-capture-button';

export interface ThisPageViewProps {
  onOpenBuyer: (id: string) => void;
  onSaved?: (buyer: Buyer) => void;
  /** The panel's address query (tests pass "?tabId=N"); the real location by default. */
  search?: string;
}

export function ThisPageView({ onOpenBuyer, onSaved, search }: ThisPageViewProps) {
  const tab = useActiveTab(search);
  const { view, captureGeneric, genericBusy, genericFailed } = useCapture(tab);
  const generic = (again?: boolean) => (
    <GenericCaptureButton onCapture={() => void captureGeneric()} busy={genericBusy} failed={genericFailed} again={again} />
  );

  switch (view.kind) {
    case 'loading':
      return (
        <p className="state" role="status" aria-busy="true">
          {t('loadingPage')}
        </p>
      );
    case 'unsupported':
      return (
        <div className="state" data-testid="unsupported-page">
          <p>{t('unsupportedPage')}</p>
          <p className="muted">{t('unsupportedHint')}</p>
          {generic()}
        </div>
      );
    case 'empty':
      return (
        <div className="state" data-testid="empty-capture">
          <p>{t('emptyCapture', platformLabel(view.platform))}</p>
          {view.platform === 'generic' ? generic(true) : <p className="muted">{t('emptyCaptureHint')}</p>}
        </div>
      );
    case 'capture':
      return (
        <>
          <CaptureForm key={view.revision} capture={view.capture} onOpenBuyer={onOpenBuyer} onSaved={onSaved} />
          {view.capture.platform === 'generic' ? generic(true) : null}
        </>
      );
  }
}
