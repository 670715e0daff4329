/** The "This page" tab: the capture of the page in the panel's tab, in one of its clear states. */
import type { Buyer } from '../storage/schema';
import { platformLabel, t } from '../lib/i18n';
import { useActiveTab } from './use-active-tab';
import { useCapture } from './use-capture';
import { CaptureSession } from './capture-session';
import { CaptureIssues } from './capture-issues';
import { GenericCaptureButton } from './generic-capture-button';

export interface ThisPageViewProps {
  onOpenBuyer: (id: string) => void;
  onSaved?: (buyer: Buyer) => void;
  /** The panel's address query (tests pass "?tabId=N"); the real location by default. */
  search?: string;
  /** A capture or a pick the seller asked for from the page arrived: the panel should show this view. */
  onRequest?: () => void;
}

export function ThisPageView({ onOpenBuyer, onSaved, search, onRequest }: ThisPageViewProps) {
  const tab = useActiveTab(search);
  const { view, captureGeneric, genericBusy, genericFailure, refused, pick, pickTaken, draftEdited } = useCapture(tab, onRequest);
  const generic = (again?: boolean) => (
    <GenericCaptureButton onCapture={() => void captureGeneric()} busy={genericBusy} failure={genericFailure} again={again} />
  );

  const body = () => {
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
            <CaptureSession
              capture={view.capture}
              issues={view.issues}
              pick={pick}
              onPickTaken={pickTaken}
              onEditedChange={draftEdited}
              onOpenBuyer={onOpenBuyer}
              onSaved={onSaved}
            />
            {view.capture.platform === 'generic' ? generic(true) : null}
          </>
        );
    }
  };

  return (
    <>
      {/* A capture the page sent that could not be used at all: said, not dropped silently. */}
      {refused ? <CaptureIssues issues={refused} refused /> : null}
      {body()}
    </>
  );
}
