/** The stage a logged touchpoint implies, accepted in one click (or put aside). */
import { useState } from 'react';
import type { Stage } from '../storage/schema';
import { changeStage } from '../storage/buyer-stage';
import { stageLabel, t } from '../lib/i18n';

export function StageProposal(props: { buyerId: string; stage: Stage; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const accept = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await changeStage(props.buyerId, props.stage);
      props.onDone();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <div className="notice proposal" data-testid="stage-proposal" data-value={props.stage} role="status">
      <span>{t('stageProposal', stageLabel(props.stage))}</span>{' '}
      <button type="button" className="primary" data-testid="accept-stage" disabled={busy} onClick={() => void accept()}>
        {t('stageAccept')}
      </button>{' '}
      <button type="button" className="link" data-testid="dismiss-stage" onClick={props.onDone}>
        {t('stageDismiss')}
      </button>
      {failed ? <span className="notice bad">{t('stageChangeFailed')}</span> : null}
    </div>
  );
}
