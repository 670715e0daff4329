/**
 * The optional scheduled backup to the Downloads folder (off / daily / weekly): when the next one
 * is due. A pure function of the setting, the time of the last backup (any backup: one the seller
 * saved by hand counts, so a scheduled one never doubles it) and of the last attempt, so the
 * background's alarm only asks and a failing backup is not retried on every alarm.
 */
export const BACKUP_SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type BackupSchedule = (typeof BACKUP_SCHEDULES)[number];

const DAY_MS = 86_400_000;
const PERIOD_MS: Record<Exclude<BackupSchedule, 'off'>, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };
/** A failed attempt is tried again after this long, not at the next alarm. */
export const SCHEDULED_RETRY_MS = 60 * 60 * 1000;

export interface ScheduleState {
  schedule: BackupSchedule;
  lastBackupAt: number | null;
  /** The last scheduled attempt, whether it succeeded or not. */
  lastAttemptAt?: number | null;
}

/** When the next scheduled backup is due (now or in the past when it is overdue), or null when off. */
export function nextScheduledBackupAt(s: ScheduleState, now: number): number | null {
  if (s.schedule === 'off') return null;
  // Never backed up, or a last backup "in the future" (the clock was set back): due now.
  const last = s.lastBackupAt;
  let due = last == null || last > now ? now : last + PERIOD_MS[s.schedule];
  const attempt = s.lastAttemptAt;
  if (attempt != null && attempt <= now && (last == null || attempt > last)) due = Math.max(due, attempt + SCHEDULED_RETRY_MS);
  return due;
}

export function scheduledBackupDue(s: ScheduleState, now: number): boolean {
  const at = nextScheduledBackupAt(s, now);
  return at != null && at <= now;
}
