/** Dormant or lost is set with a reason: the reason shows in the history beside the change. */
import { useId, useState, type FormEvent } from 'react';
import type { Stage } from '../storage/schema';
import { changeStage } from '../storage/buyer-stage';
import { stageLabel, t } from '../lib/i18n';

export function StageReasonForm(props: { buyerId: string; stage: Extract<Stage, 'dormant' | 'lost'>; onDone: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<'idle' | 'saving' | 'missing' | 'error'>('idle');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setStatus('missing');
    setStatus('saving');
    try {
      await changeStage(props.buyerId, props.stage, { reason });
      props.onDone();
    } catch {
      setStatus('error');
    }
  };
  return (
    <form className="stage-reason" data-testid="stage-reason" onSubmit={submit}>
      <label htmlFor={id}>{t('stageReasonPrompt', stageLabel(props.stage))}</label>
      <input id={id} data-testid="stage-reason-text" value={reason} maxLength={1000} autoFocus onChange={(e) => setReason(e.target.value)} />
      {status === 'missing' ? <p className="notice bad">{t('stageReasonRequired')}</p> : null}
      {status === 'error' ? <p className="notice bad">{t('stageChangeFailed')}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" data-testid="stage-reason-save" disabled={status === 'saving'}>
          {t('stageReasonSave')}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
