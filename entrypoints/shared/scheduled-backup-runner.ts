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

/**
 * How long a download may take before the run counts it as failed. A local blob: URL of even
 * the full book (about 300 MB) saves in well under a minute; one still going after this never
 * will (a stuck save, a drive gone), and the run must end so the offscreen document closes and
 * the rule's retry an hour on can start a new one.
 */
export const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

export interface ScheduledBackupDeps {
  now(): number;
  settings(): Promise<{ scheduledBackup: BackupSchedule; lastBackupAt: number | null; scheduledBackupAttemptAt: number | null }>;
  update(patch: { lastBackupAt?: number; scheduledBackupAttemptAt?: number }): Promise<void>;
  /** The downloads permission is optional: the seller may have revoked it since. */
  allowed(): Promise<boolean>;
  /** Writes the backup in the offscreen document; its URL lives until `done` is called. */
  write(): Promise<OffscreenBackupReply | null>;
  /**
   * Saves the URL under the file name and resolves once the download completed or failed; when
   * `signal` aborts (the run timed out) the download is to be given up.
   */
  download(url: string, filename: string, signal: AbortSignal): Promise<'complete' | 'interrupted'>;
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
    const state = await withTimeout((signal) => deps.download(reply.url, `${BACKUP_FOLDER}/${reply.fileName}`, signal), DOWNLOAD_TIMEOUT_MS);
    if (state !== 'complete') return 'failed';
    await deps.update({ lastBackupAt: reply.createdAt });
    return 'saved';
  } catch {
    return 'failed';
  } finally {
    await deps.done().catch(() => {});
  }
}

/** `fn`'s result, or 'timeout' once `ms` passed (its signal is then aborted). */
async function withTimeout<T>(fn: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T | 'timeout'> {
  const ac = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      ac.abort();
      resolve('timeout');
    }, ms);
  });
  try {
    return await Promise.race([fn(ac.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
