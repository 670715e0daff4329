/**
 * The optional scheduled backup to the Downloads folder (Data tab, "Safety"): off, daily or
 * weekly. Turning it on asks for the downloads permission from this click; the background writes
 * the files into Downloads/Buyerbook/ (entrypoints/shared/scheduled-backup-runner.ts).
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { scheduleChangedMessage } from '../lib/backup-messages';
import { BACKUP_SCHEDULES, nextScheduledBackupAt, type BackupSchedule } from '../lib/scheduled-backup';
import { formatDateTime, t } from '../lib/i18n';
import { updateSettings } from '../storage/settings-repo';
import { useSettings } from './use-settings';

const LABEL = { off: 'scheduleOff', daily: 'scheduleDaily', weekly: 'scheduleWeekly' } as const satisfies Record<BackupSchedule, string>;

export function BackupSchedule() {
  const settings = useSettings();
  const [status, setStatus] = useState<'idle' | 'refused' | 'error'>('idle');
  const schedule = settings?.scheduledBackup ?? 'off';

  const choose = async (next: BackupSchedule) => {
    setStatus('idle');
    // Asked from this change (a user gesture), before any other await.
    if (next !== 'off') {
      const granted = await browser.permissions.request({ permissions: ['downloads'] }).catch(() => false);
      if (!granted) {
        setStatus('refused');
        return;
      }
    }
    try {
      await updateSettings({ scheduledBackup: next });
      await browser.runtime.sendMessage(scheduleChangedMessage()).catch(() => {});
    } catch {
      setStatus('error');
    }
  };

  const next = settings ? nextScheduledBackupAt({ schedule, lastBackupAt: settings.lastBackupAt, lastAttemptAt: settings.scheduledBackupAttemptAt }, Date.now()) : null;
  return (
    <div className="field">
      <label htmlFor="backup-schedule">{t('scheduleLabel')}</label>
      <select id="backup-schedule" data-testid="backup-schedule" value={schedule} onChange={(e) => void choose(e.target.value as BackupSchedule)}>
        {BACKUP_SCHEDULES.map((s) => (
          <option key={s} value={s}>
            {t(LABEL[s])}
          </option>
        ))}
      </select>
      <p className="small muted" role="status" aria-live="polite" data-testid="backup-schedule-status">
        {status === 'refused'
          ? t('scheduleRefused')
          : status === 'error'
            ? t('scheduleError')
            : schedule === 'off'
              ? t('scheduleHelp')
              : t('scheduleNext', formatDateTime(Math.max(next ?? Date.now(), Date.now())))}
      </p>
    </div>
  );
}
