import { describe, expect, test } from 'vitest';
import { nextScheduledBackupAt, scheduledBackupDue, SCHEDULED_RETRY_MS } from '../../../lib/scheduled-backup';

const NOW = Date.UTC(2026, 10, 27, 9);
const DAY = 86_400_000;

describe('when a scheduled backup is due', () => {
  test('off: never', () => {
    expect(scheduledBackupDue({ schedule: 'off', lastBackupAt: null }, NOW)).toBe(false);
    expect(nextScheduledBackupAt({ schedule: 'off', lastBackupAt: NOW - 400 * DAY }, NOW)).toBeNull();
  });

  test('never backed up: at once', () => {
    expect(scheduledBackupDue({ schedule: 'weekly', lastBackupAt: null }, NOW)).toBe(true);
  });

  test('daily and weekly count from the last backup, a hand-made one included', () => {
    expect(scheduledBackupDue({ schedule: 'daily', lastBackupAt: NOW - DAY + 1 }, NOW)).toBe(false);
    expect(scheduledBackupDue({ schedule: 'daily', lastBackupAt: NOW - DAY }, NOW)).toBe(true);
    expect(scheduledBackupDue({ schedule: 'weekly', lastBackupAt: NOW - 6 * DAY }, NOW)).toBe(false);
    expect(nextScheduledBackupAt({ schedule: 'weekly', lastBackupAt: NOW - 6 * DAY }, NOW)).toBe(NOW + DAY);
    expect(scheduledBackupDue({ schedule: 'weekly', lastBackupAt: NOW - 7 * DAY }, NOW)).toBe(true);
  });

  test('a failed attempt waits an hour, not the next alarm', () => {
    const s = { schedule: 'daily' as const, lastBackupAt: NOW - 3 * DAY, lastAttemptAt: NOW - 10 * 60_000 };
    expect(scheduledBackupDue(s, NOW)).toBe(false);
    expect(scheduledBackupDue(s, NOW - 10 * 60_000 + SCHEDULED_RETRY_MS)).toBe(true);
    // An attempt before the last backup (it succeeded) does not hold the next one back.
    expect(scheduledBackupDue({ ...s, lastAttemptAt: NOW - 3 * DAY - 1 }, NOW)).toBe(true);
  });

  test('a last backup in the future (the clock was set back) is due now', () => {
    expect(scheduledBackupDue({ schedule: 'weekly', lastBackupAt: NOW + 30 * DAY }, NOW)).toBe(true);
  });
});
