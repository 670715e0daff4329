/**
 * Waits for a download of the downloads API to end. Apart from the background so it is unit-tested
 * with a fake API (tests/unit/scheduled-backup-runner.test.ts): a download may end before the
 * listener is added (a small book), and one that never ends must be given up when its run times
 * out, or the listener would stay and the download linger.
 */
export type DownloadEnd = 'complete' | 'interrupted';

interface Delta {
  id: number;
  state?: { current?: string };
}

/** The part of chrome.downloads this needs. */
export interface DownloadsApi {
  onChanged: { addListener(l: (d: Delta) => void): void; removeListener(l: (d: Delta) => void): void };
  search(query: { id: number }): Promise<{ id?: number; state?: string }[]>;
  cancel(id: number): Promise<void>;
}

const isEnd = (s: string | undefined): s is DownloadEnd => s === 'complete' || s === 'interrupted';

/**
 * Resolves when download `id` ends: complete, or interrupted (disk full, folder gone, cancelled).
 * When `signal` aborts first, the download is cancelled and counts as interrupted.
 */
export function downloadEnded(downloads: DownloadsApi, id: number, signal?: AbortSignal): Promise<DownloadEnd> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (state: DownloadEnd) => {
      if (settled) return;
      settled = true;
      downloads.onChanged.removeListener(onChanged);
      signal?.removeEventListener('abort', onAbort);
      resolve(state);
    };
    const onChanged = (d: Delta) => {
      const state = d.id === id ? d.state?.current : undefined;
      if (isEnd(state)) finish(state);
    };
    const onAbort = () => {
      finish('interrupted');
      downloads.cancel(id).catch(() => {});
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    downloads.onChanged.addListener(onChanged);
    void downloads.search({ id }).then(
      ([item]) => {
        if (isEnd(item?.state)) finish(item.state);
      },
      () => {},
    );
  });
}
