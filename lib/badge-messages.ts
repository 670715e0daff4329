/**
 * Messages to the background about the toolbar badge and the daily reminder (see
 * entrypoints/background.ts). The panel sends them after the book or the reminder setting
 * changed; the background reads the book itself, so a message carries nothing to trust.
 */
import * as z from 'zod/mini';

export const bookChangedSchema = z.object({ type: z.literal('buyerbook/book-changed') });
export const reminderChangedSchema = z.object({ type: z.literal('buyerbook/reminder-changed') });

export const bookChangedMessage = (): z.infer<typeof bookChangedSchema> => ({ type: 'buyerbook/book-changed' });
export const reminderChangedMessage = (): z.infer<typeof reminderChangedSchema> => ({ type: 'buyerbook/reminder-changed' });
