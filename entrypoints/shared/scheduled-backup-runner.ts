/**
 * The scheduled backup to the Downloads folder, as the background runs it on its alarm: asks the
 * pure rule (lib/scheduled-backup.ts) whether one is due, has the offscreen document write the
 * file, saves it through the downloads API into Buyerbook/ and records the backup only once the
 * download completed. The browser's parts come in as `deps`, so the decision and its order of
 * writes are unit-tested without a browser (tests/unit/scheduled-backup-runner.test.ts).
 */
import type { OffscreenBackupReply } from '../../lib/backup-messages';
import { scheduledBackupDue, type BackupSchedule } from '../../lib/scheduled-backup';

export const BACKUP_FOLDER = 'Buyerbook';

export interface ScheduledBackupDeps {
  now(): number;
  settings(): Promise<{ scheduledBackup: BackupSchedule; lastBackupAt: number | null; scheduledBackupAttemptAt: number | null }>;
  update(patch: { lastBackupAt?: number; scheduledBackupAttemptAt?: number }): Promise<void>;
  /** The downloads permission is optional: the seller may have revoked it since. */
  allowed(): Promise<boolean>;
  /** Writes the backup in the offscreen document; its URL lives until `done` is called. */
  write(): Promise<OffscreenBackupReply | null>;
  /** Saves the URL under the file name and resolves once the download completed or failed. */
  download(url: string, filename: string): Promise<'complete' | 'interrupted'>;
  /** Closes the offscreen document (and with it the blob: URL). */
  done(): Promise<void>;
}

export type ScheduledBackupResult = 'off' | 'not-due' | 'no-permission' | 'saved' | 'failed';

let running: Promise<ScheduledBackupResult> | null = null;

/** One run at a time: an alarm and the panel's "schedule changed" arriving together write one file. */
export function runScheduledBackup(deps: ScheduledBackupDeps): Promise<ScheduledBackupResult> {
  running ??= runOnce(deps).finally(() => {
    running = null;
  });
  return running;
}

async function runOnce(deps: ScheduledBackupDeps): Promise<ScheduledBackupResult> {
  const s = await deps.settings();
  if (s.scheduledBackup === 'off') return 'off';
  const now = deps.now();
  if (!scheduledBackupDue({ schedule: s.scheduledBackup, lastBackupAt: s.lastBackupAt, lastAttemptAt: s.scheduledBackupAttemptAt }, now)) return 'not-due';
  if (!(await deps.allowed())) return 'no-permission';
  // The attempt is recorded first: a backup that fails (or a worker stopped mid-way) waits its
  // retry interval instead of starting again at every alarm.
  await deps.update({ scheduledBackupAttemptAt: now });
  try {
    const reply = await deps.write();
    if (!reply?.ok) return 'failed';
    const state = await deps.download(reply.url, `${BACKUP_FOLDER}/${reply.fileName}`);
    if (state !== 'complete') return 'failed';
    await deps.update({ lastBackupAt: reply.createdAt });
    return 'saved';
  } catch {
    return 'failed';
  } finally {
    await deps.done().catch(() => {});
  }
}
