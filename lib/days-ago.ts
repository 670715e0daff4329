/** Whole days from `at` to `now` (never negative); null when there was no `at`. */
export function daysSince(at: number | null | undefined, now: number): number | null {
  if (at == null) return null;
  return Math.max(0, Math.floor((now - at) / 86_400_000));
}

/** Whether a backup is due: none yet, or older than the interval (0 = never remind). */
export function backupDue(lastBackupAt: number | null, reminderDays: number, now: number): boolean {
  if (reminderDays <= 0) return false;
  const days = daysSince(lastBackupAt, now);
  return days == null || days >= reminderDays;
}

/** "12.3 MB" style sizes for the storage line. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
