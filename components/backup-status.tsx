/**
 * "Last backup 3 days ago", always in sight above every tab: removing the extension deletes the
 * book, so the age of the last backup file is the one number the seller must never lose track
 * of. Past the reminder interval it turns into a warning with a way to the Data tab.
 */
import { useEffect, useState } from 'react';
import { backupDue, daysSince } from '../lib/days-ago';
import { t } from '../lib/i18n';
import { useSettings } from './use-settings';

export function BackupStatus({ onOpenData }: { onOpenData: () => void }) {
  const settings = useSettings();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60 * 60 * 1000);
    return () => clearInterval(timer);
  }, []);
  if (!settings) return null;
  const days = daysSince(settings.lastBackupAt, now);
  const due = backupDue(settings.lastBackupAt, settings.backupReminderDays, now);
  const text = days == null ? t('backupNever') : days === 0 ? t('backupToday') : t('backupDaysAgo', days);
  return (
    <div className={`backup-status${due ? ' due' : ''}`} data-testid="backup-status" data-due={due} role="status">
      <span>{text}</span>
      {due ? (
        <button type="button" className="link" onClick={onOpenData} data-testid="backup-status-open">
          {t('backupNow')}
        </button>
      ) : null}
    </div>
  );
}
