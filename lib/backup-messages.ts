/**
 * Messages of the scheduled backup (entrypoints/background.ts and entrypoints/offscreen-backup/):
 * the background asks its offscreen document to write the backup, since a service worker can make
 * no blob: URL for the downloads API; the document replies with the URL it holds open until the
 * background has saved the file and closes it.
 */
import * as z from 'zod/mini';

export const offscreenBackupSchema = z.object({ type: z.literal('buyerbook/offscreen-backup') });
export const offscreenBackupReplySchema = z.union([
  z.object({
    ok: z.literal(true),
    url: z.string().check(z.startsWith('blob:')),
    fileName: z.string().check(z.regex(/^[\w.-]{1,120}$/)),
    createdAt: z.number(),
  }),
  z.object({ ok: z.literal(false), error: z.string().check(z.maxLength(500)) }),
]);
export type OffscreenBackupReply = z.infer<typeof offscreenBackupReplySchema>;

/** The panel's word that the schedule changed: the background looks at once, not at its next alarm. */
export const scheduleChangedSchema = z.object({ type: z.literal('buyerbook/backup-schedule-changed') });

export const offscreenBackupMessage = (): z.infer<typeof offscreenBackupSchema> => ({ type: 'buyerbook/offscreen-backup' });
export const scheduleChangedMessage = (): z.infer<typeof scheduleChangedSchema> => ({ type: 'buyerbook/backup-schedule-changed' });
