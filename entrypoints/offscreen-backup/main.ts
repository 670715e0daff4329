/**
 * The offscreen document of the scheduled backup: a service worker has no URL.createObjectURL,
 * so the background opens this page (reason BLOBS), which writes the backup with the same code as
 * the Data tab and answers with a blob: URL for the downloads API. The URL lives as long as this
 * document; the background closes it once the download is over.
 */
import '../../lib/zod-setup';
import { browser } from 'wxt/browser';
import { offscreenBackupSchema, type OffscreenBackupReply } from '../../lib/backup-messages';
import { keepCopyBeforeUpgrade } from '../../storage/backup/pre-upgrade';
import { writeBackup } from '../../storage/backup/write-backup';

async function backup(): Promise<OffscreenBackupReply> {
  try {
    // As the panel does: a book about to be upgraded by this first open keeps its copy first.
    await keepCopyBeforeUpgrade().catch((e: unknown) => console.warn('buyerbook: no copy kept before the upgrade', e));
    const b = await writeBackup();
    return { ok: true, url: URL.createObjectURL(b.blob), fileName: b.fileName, createdAt: b.createdAt };
  } catch (err) {
    return { ok: false, error: (err instanceof Error ? err.message : String(err)).slice(0, 500) };
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; tab?: unknown; url?: string }) => {
  // Only the background asks: no tab, this extension, its service worker's script.
  if (!offscreenBackupSchema.safeParse(message).success) return undefined;
  if (sender.tab || sender.id !== browser.runtime.id || (sender.url && !sender.url.endsWith('/background.js'))) return undefined;
  return backup();
});
