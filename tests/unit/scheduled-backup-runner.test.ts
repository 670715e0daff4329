import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOWNLOAD_TIMEOUT_MS, runScheduledBackup, type ScheduledBackupDeps } from '../../entrypoints/shared/scheduled-backup-runner';
import { downloadEnded, type DownloadsApi } from '../../entrypoints/shared/download-ended';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 9);

function deps(over: Partial<ScheduledBackupDeps> & { state?: Partial<Awaited<ReturnType<ScheduledBackupDeps['settings']>>> } = {}) {
  const state = { scheduledBackup: 'daily' as const, lastBackupAt: NOW - 2 * DAY, scheduledBackupAttemptAt: null, ...over.state } as Awaited<ReturnType<ScheduledBackupDeps['settings']>>;
  const log: string[] = [];
  const d: ScheduledBackupDeps = {
    now: () => NOW,
    settings: async () => ({ ...state }),
    update: async (p) => {
      log.push(`update ${JSON.stringify(p)}`);
      Object.assign(state, p);
    },
    allowed: async () => true,
    write: async () => {
      log.push('write');
      return { ok: true, url: 'blob:chrome-extension://id/1', fileName: 'buyerbook-backup-2026-11-27.jsonl', createdAt: NOW + 5 };
    },
    download: async (url, filename) => {
      log.push(`download ${url} ${filename}`);
      return 'complete';
    },
    done: async () => {
      log.push('done');
    },
    ...over,
  };
  return { d, log, state };
}

describe('the scheduled backup run', () => {
  it('writes, saves into Buyerbook/ and records the backup only after the download completed', async () => {
    const { d, log, state } = deps();
    expect(await runScheduledBackup(d)).toBe('saved');
    expect(log).toEqual([
      `update {"scheduledBackupAttemptAt":${NOW}}`,
      'write',
      'download blob:chrome-extension://id/1 Buyerbook/buyerbook-backup-2026-11-27.jsonl',
      `update {"lastBackupAt":${NOW + 5}}`,
      'done',
    ]);
    expect(state.lastBackupAt).toBe(NOW + 5);
  });

  it('does nothing when off, not due, or without the downloads permission', async () => {
    const off = deps({ state: { scheduledBackup: 'off' } });
    expect(await runScheduledBackup(off.d)).toBe('off');
    const fresh = deps({ state: { lastBackupAt: NOW - 3_600_000 } });
    expect(await runScheduledBackup(fresh.d)).toBe('not-due');
    const weekly = deps({ state: { scheduledBackup: 'weekly', lastBackupAt: NOW - 3 * DAY } });
    expect(await runScheduledBackup(weekly.d)).toBe('not-due');
    const denied = deps({ allowed: async () => false });
    expect(await runScheduledBackup(denied.d)).toBe('no-permission');
    expect([...off.log, ...fresh.log, ...weekly.log, ...denied.log]).toEqual([]);
  });

  it('a failed download is no backup: the attempt is kept, the last backup is not moved, the document closed', async () => {
    const { d, log, state } = deps({ download: async () => 'interrupted' });
    expect(await runScheduledBackup(d)).toBe('failed');
    expect(state.lastBackupAt).toBe(NOW - 2 * DAY);
    expect(state.scheduledBackupAttemptAt).toBe(NOW);
    expect(log.at(-1)).toBe('done');
    // The next alarm, ten minutes on, does not try again: the retry waits an hour.
    const again = deps({ state: { ...state }, now: () => NOW + 600_000 });
    expect(await runScheduledBackup(again.d)).toBe('not-due');
  });

  it('a write that fails or throws is reported, not thrown', async () => {
    expect(await runScheduledBackup(deps({ write: async () => ({ ok: false, error: 'QuotaExceeded' }) }).d)).toBe('failed');
    expect(await runScheduledBackup(deps({ write: async () => { throw new Error('gone'); } }).d)).toBe('failed');
    expect(await runScheduledBackup(deps({ write: async () => null }).d)).toBe('failed');
  });

  it('two triggers at once write one file', async () => {
    const { d, log } = deps();
    const [a, b] = await Promise.all([runScheduledBackup(d), runScheduledBackup(d)]);
    expect([a, b]).toEqual(['saved', 'saved']);
    expect(log.filter((l) => l === 'write')).toHaveLength(1);
  });

  describe('a download that never ends', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('counts as failed after the timeout: the background is not held, the download is abandoned, the document closed', async () => {
      vi.useFakeTimers();
      let signal: AbortSignal | undefined;
      const { d, log, state } = deps({
        download: (_url, _name, s) => {
          signal = s;
          log.push('download');
          return new Promise(() => {});
        },
      });
      let result: string | undefined;
      void runScheduledBackup(d).then((r) => {
        result = r;
      });
      await vi.advanceTimersByTimeAsync(DOWNLOAD_TIMEOUT_MS - 1000);
      expect(result).toBeUndefined();
      expect(signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1000);
      expect(result).toBe('failed');
      expect(signal?.aborted).toBe(true);
      expect(log.at(-1)).toBe('done');
      expect(state.lastBackupAt).toBe(NOW - 2 * DAY);
      expect(state.scheduledBackupAttemptAt).toBe(NOW);
      // The rule's retry interval applies: an alarm ten minutes on does not start another.
      const again = deps({ state: { ...state }, now: () => NOW + DOWNLOAD_TIMEOUT_MS + 600_000 });
      expect(await runScheduledBackup(again.d)).toBe('not-due');
    });
  });
});

describe('downloadEnded', () => {
  function fakeDownloads(state?: 'in_progress' | 'complete') {
    const listeners = new Set<(d: { id: number; state?: { current?: string } }) => void>();
    const cancelled: number[] = [];
    const api: DownloadsApi = {
      onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
      search: async ({ id }) => [{ id, state: state ?? 'in_progress' }],
      cancel: async (id) => void cancelled.push(id),
    };
    return { api, listeners, cancelled };
  }

  it('resolves with the state the download ends in and stops listening', async () => {
    const f = fakeDownloads();
    const ended = downloadEnded(f.api, 7);
    await Promise.resolve();
    for (const l of f.listeners) l({ id: 8, state: { current: 'complete' } });
    for (const l of f.listeners) l({ id: 7, state: { current: 'interrupted' } });
    expect(await ended).toBe('interrupted');
    expect(f.listeners.size).toBe(0);
  });

  it('sees a download that ended before it listened', async () => {
    const f = fakeDownloads('complete');
    expect(await downloadEnded(f.api, 3)).toBe('complete');
    expect(f.listeners.size).toBe(0);
  });

  it('when aborted, stops listening, cancels the download and says interrupted', async () => {
    const f = fakeDownloads();
    const ac = new AbortController();
    const ended = downloadEnded(f.api, 5, ac.signal);
    await Promise.resolve();
    ac.abort();
    expect(await ended).toBe('interrupted');
    expect(f.listeners.size).toBe(0);
    expect(f.cancelled).toEqual([5]);
  });
});
