/** What the panel says about a sheet it cannot import: one message per reason (storage/sheet-import.ts). */
import { t, type MessageKey } from '../lib/i18n';
import { SheetError } from '../storage/sheet-import';

const KEYS: Record<SheetError['reason'], MessageKey> = {
  unreadable: 'importUnreadable',
  empty: 'importEmpty',
  noRows: 'importNoRows',
  tooLarge: 'importTooLarge',
  oldExcel: 'importOldExcel',
  notSheet: 'importNotSheet',
  unclosedQuote: 'importUnclosedQuote',
};

/** The message key for an error of readSheet; anything else is "unreadable" with its own text. */
export function sheetErrorKey(err: unknown): MessageKey {
  return err instanceof SheetError ? KEYS[err.reason] : 'importUnreadable';
}

export function sheetErrorMessage(err: unknown): string {
  return t(sheetErrorKey(err), err instanceof Error ? err.message : String(err));
}
