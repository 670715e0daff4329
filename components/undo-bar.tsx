/** "Deleted: …  Undo" for a few seconds, instead of asking before. */
import { useEffect, useState } from 'react';
import { t } from '../lib/i18n';

export function UndoBar(props: { message: string; onUndo: () => Promise<void>; onExpire: () => void; ms: number }) {
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const { onExpire, ms } = props;
  useEffect(() => {
    const timer = setTimeout(onExpire, ms);
    return () => clearTimeout(timer);
  }, [onExpire, ms, props.message]);
  const undo = async () => {
    setBusy(true);
    try {
      await props.onUndo();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <div className="notice undo-bar" data-testid="undo-bar" role="status" aria-live="polite">
      <span>{props.message}</span>{' '}
      <button type="button" className="primary" data-testid="undo" disabled={busy} onClick={() => void undo()}>
        {t('undo')}
      </button>
      {failed ? <span className="notice bad"> {t('undoFailed')}</span> : null}
    </div>
  );
}
