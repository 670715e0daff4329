/**
 * The Data tab: the seller owns the book. Backup to a file, restore from one, CSV for Excel,
 * vCards for phones and mail clients, import of a buyer sheet, the reminder interval and the
 * storage the book uses.
 */
import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../lib/days-ago';
import { formatDateTime, t } from '../lib/i18n';
import type { VCardVersion } from '../lib/vcard';
import { writeBackup } from '../storage/backup/write-backup';
import { exportCsv, type CsvKind } from '../storage/csv-export';
import type { Stage } from '../storage/schema';
import { updateSettings } from '../storage/settings-repo';
import { exportVCards } from '../storage/vcard-export';
import { BackupSchedule } from './backup-schedule';
import { ImportSection } from './import-section';
import { RestoreSection } from './restore-section';
import { SafetyCopies } from './safety-copies';
import { saveBlob } from './save-file';
import { StageSelect } from './stage-select';
import { useSettings } from './use-settings';

type Job = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

function BackupSection() {
  const [job, setJob] = useState<Job>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const settings = useSettings();

  const run = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setJob({ kind: 'running', done: 0, total: 1 });
    try {
      const b = await writeBackup({ signal: ctl.signal, onProgress: (p) => setJob({ kind: 'running', done: p.done, total: p.total }) });
      saveBlob(b.blob, b.fileName);
      await updateSettings({ lastBackupAt: b.createdAt });
      setJob({ kind: 'done', text: t('backupSaved', b.fileName, b.counts.buyers, b.counts.inquiries, b.counts.touchpoints) });
    } catch (err) {
      setJob({ kind: 'error', text: ctl.signal.aborted ? t('backupCancelled') : t('backupFailed', err instanceof Error ? err.message : String(err)) });
    } finally {
      abort.current = null;
    }
  };

  return (
    <section className="section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p className="muted">{t('backupHelp')}</p>
      {settings?.lastBackupAt != null ? <p className="small">{t('backupLastAt', formatDateTime(settings.lastBackupAt))}</p> : null}
      <div className="actions" role="status" aria-live="polite">
        <button type="button" className="primary" onClick={run} disabled={job.kind === 'running'} data-testid="backup-now">
          {t('backupNow')}
        </button>
        {job.kind === 'running' ? (
          <>
            {/* Indeterminate until the book is counted. */}
            <progress value={job.total ? job.done : undefined} max={job.total || undefined} data-testid="backup-progress" />
            <span className="small">{t('backupRows', job.done)}</span>
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('cancel')}
            </button>
          </>
        ) : null}
        {job.kind === 'done' ? <span className="notice ok" data-testid="backup-done">{job.text}</span> : null}
        {job.kind === 'error' ? <span className="notice bad">{job.text}</span> : null}
      </div>
    </section>
  );
}

function ExportSection() {
  const [stage, setStage] = useState<Stage | ''>('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<Job>({ kind: 'idle' });

  const save = async (make: () => Promise<{ blob: Blob; fileName: string }>) => {
    setStatus({ kind: 'running', done: 0, total: 1 });
    try {
      const { blob, fileName } = await make();
      saveBlob(blob, fileName);
      setStatus({ kind: 'done', text: t('exportSaved', fileName) });
    } catch (err) {
      setStatus({ kind: 'error', text: t('exportFailed', err instanceof Error ? err.message : String(err)) });
    }
  };
  const filter = { stage: stage || undefined, tag: tag.trim() || undefined };
  const csv = (kind: CsvKind) => save(() => exportCsv(kind, { filter }));
  const vcf = (v: VCardVersion) => save(() => exportVCards(v));
  const busy = status.kind === 'running';

  return (
    <section className="section" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <p className="muted">{t('exportHelp')}</p>
      <div className="row filters">
        <StageSelect value={stage} onChange={setStage} withAll testId="export-stage" className="field grow" />
        <div className="field grow">
          <label htmlFor="export-tag">{t('exportTag')}</label>
          <input id="export-tag" value={tag} onChange={(e) => setTag(e.target.value)} data-testid="export-tag" />
        </div>
      </div>
      <div className="actions">
        <button type="button" onClick={() => csv('buyers')} disabled={busy} data-testid="export-csv-buyers">{t('exportCsvBuyers')}</button>
        <button type="button" onClick={() => csv('inquiries')} disabled={busy} data-testid="export-csv-inquiries">{t('exportCsvInquiries')}</button>
        <button type="button" onClick={() => csv('touchpoints')} disabled={busy} data-testid="export-csv-touchpoints">{t('exportCsvTouchpoints')}</button>
      </div>
      <div className="actions">
        <button type="button" onClick={() => vcf('3.0')} disabled={busy} data-testid="export-vcard-3">{t('exportVCard3')}</button>
        <button type="button" onClick={() => vcf('4.0')} disabled={busy} data-testid="export-vcard-4">{t('exportVCard4')}</button>
      </div>
      <div role="status" aria-live="polite">
        {status.kind === 'done' ? <span className="notice ok" data-testid="export-done">{status.text}</span> : null}
        {status.kind === 'error' ? <span className="notice bad">{status.text}</span> : null}
      </div>
    </section>
  );
}

const REMINDER_CHOICES = [0, 1, 3, 7, 14, 30];

function SafetySection() {
  const settings = useSettings();
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);
  useEffect(() => {
    let live = true;
    navigator.storage?.estimate?.().then(
      (e) => live && setUsage({ usage: e.usage ?? 0, quota: e.quota ?? 0 }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="section" aria-labelledby="safety-title">
      <h2 id="safety-title">{t('safetyTitle')}</h2>
      <div className="field">
        <label htmlFor="backup-reminder">{t('reminderLabel')}</label>
        <select
          id="backup-reminder"
          data-testid="backup-reminder"
          value={settings?.backupReminderDays ?? 7}
          onChange={(e) => void updateSettings({ backupReminderDays: Number(e.target.value) })}
        >
          {REMINDER_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d === 0 ? t('reminderNever') : t('reminderDays', d)}
            </option>
          ))}
        </select>
      </div>
      <BackupSchedule />
      <p className="small" data-testid="storage-use">
        {usage ? t('storageUse', formatBytes(usage.usage), formatBytes(usage.quota)) : t('storageUnknown')}
      </p>
      <p className="small muted">{t('upgradeBackupNote')}</p>
      <SafetyCopies />
    </section>
  );
}

export function DataView({ onBookChanged }: { onBookChanged?: () => void }) {
  return (
    <div className="data-view">
      <BackupSection />
      <RestoreSection onRestored={onBookChanged} />
      <ExportSection />
      <ImportSection onImported={onBookChanged} />
      <SafetySection />
    </div>
  );
}
