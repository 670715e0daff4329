/**
 * Restore: pick a backup file, see what it holds once every row of it has been checked (date,
 * data version, counts), then replace the book with it or merge it in. Nothing is written before
 * the seller chooses, and a restore that fails or is cancelled leaves the book as it was.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { formatDateTime, t } from '../lib/i18n';
import type { BackupSummary } from '../storage/backup/read-backup';
import { verifyBackup, writeVerifiedBackup, type RestoreMode, type RestoreReport } from '../storage/backup/restore';
import { backupProblemMessage } from './backup-messages';
import { ConfirmDialog } from './confirm-dialog';

type State =
  | { kind: 'idle' }
  | { kind: 'checking'; read: number; total: number }
  | { kind: 'preview'; file: File; summary: BackupSummary }
  | { kind: 'writing'; read: number; total: number }
  | { kind: 'done'; report: RestoreReport }
  | { kind: 'error'; text: string };

export function RestoreSection({ onRestored }: { onRestored?: () => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [confirmReplace, setConfirmReplace] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const ctl = new AbortController();
    abort.current = ctl;
    setState({ kind: 'checking', read: 0, total: file.size });
    try {
      const summary = await verifyBackup(file, { signal: ctl.signal, onProgress: (_p, read, total) => setState({ kind: 'checking', read, total }) });
      setState({ kind: 'preview', file, summary });
    } catch (err) {
      setState({ kind: 'error', text: backupProblemMessage(err) });
    } finally {
      abort.current = null;
      if (input.current) input.current.value = '';
    }
  };

  const restore = async (file: File, mode: RestoreMode) => {
    setConfirmReplace(false);
    const ctl = new AbortController();
    abort.current = ctl;
    setState({ kind: 'writing', read: 0, total: file.size });
    try {
      const report = await writeVerifiedBackup(file, mode, { signal: ctl.signal, onProgress: (_p, read, total) => setState({ kind: 'writing', read, total }) });
      setState({ kind: 'done', report });
      onRestored?.();
    } catch (err) {
      setState({ kind: 'error', text: backupProblemMessage(err) });
    } finally {
      abort.current = null;
    }
  };

  const busy = state.kind === 'checking' || state.kind === 'writing';
  return (
    <section className="section" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('restoreTitle')}</h2>
      <p className="muted">{t('restoreHelp')}</p>
      <div className="field">
        <label htmlFor="restore-file">{t('restoreChoose')}</label>
        <input id="restore-file" ref={input} type="file" accept=".jsonl,.json,application/x-ndjson" onChange={choose} disabled={busy} data-testid="restore-file" />
      </div>
      <div role="status" aria-live="polite">
        {busy ? (
          <div className="actions">
            <span>{state.kind === 'checking' ? t('restoreChecking') : t('restoreWriting')}</span>
            <progress value={state.read} max={Math.max(1, state.total)} data-testid="restore-progress" />
            <button type="button" onClick={() => abort.current?.abort()} data-testid="restore-cancel">
              {t('cancel')}
            </button>
          </div>
        ) : null}
        {state.kind === 'preview' ? (
          <div className="banner" data-testid="restore-preview">
            <p>{t('restorePreview', formatDateTime(state.summary.header.createdAt), state.summary.header.schemaVersion)}</p>
            <p data-testid="restore-counts">
              {t('restoreCounts', state.summary.counts.buyers, state.summary.counts.inquiries, state.summary.counts.touchpoints)}
            </p>
            <div className="actions">
              <button type="button" className="danger" onClick={() => setConfirmReplace(true)} data-testid="restore-replace">
                {t('restoreReplace')}
              </button>
              <button type="button" className="primary" onClick={() => restore(state.file, 'merge')} data-testid="restore-merge">
                {t('restoreMerge')}
              </button>
              <button type="button" onClick={() => setState({ kind: 'idle' })}>
                {t('cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {state.kind === 'done' ? (
          <p className="notice ok" data-testid="restore-done">
            {state.report.mode === 'replace'
              ? t('restoreDoneReplace', state.report.buyersAdded, state.report.inquiriesAdded, state.report.touchpointsAdded)
              : t('restoreDoneMerge', state.report.buyersAdded, state.report.buyersMerged, state.report.inquiriesAdded, state.report.touchpointsAdded)}
          </p>
        ) : null}
        {state.kind === 'error' ? (
          <p className="notice bad" data-testid="restore-error">
            {state.text}
          </p>
        ) : null}
      </div>
      {confirmReplace && state.kind === 'preview' ? (
        <ConfirmDialog
          title={t('restoreReplaceTitle')}
          message={t('restoreReplaceMessage')}
          confirmLabel={t('restoreReplace')}
          danger
          onConfirm={() => restore(state.file, 'replace')}
          onCancel={() => setConfirmReplace(false)}
        />
      ) : null}
    </section>
  );
}
