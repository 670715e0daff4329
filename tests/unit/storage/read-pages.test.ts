/**
 * eachPage reads a table a page at a time, every row once in key order, and asks for the next page
 * before the current one is handled, so the database reads while the caller encodes (the backup's
 * time is otherwise the sum of both).
 */
import { describe, expect, test } from 'vitest';
import { freshDb } from './helpers';
import { eachPage } from '../../../storage/read-pages';
import { buyer } from './backup/book';
import { bulkImport } from '../../../storage/bulk-import';

describe('eachPage', () => {
  test('every row once, in key order, the last page short', async () => {
    const db = freshDb();
    const ids = Array.from({ length: 23 }, (_, i) => `b-${String(i).padStart(3, '0')}`);
    await bulkImport({ buyers: ids.map((id) => buyer(id, { name: id })), inquiries: [], touchpoints: [] }, db);
    const seen: string[][] = [];
    await eachPage(db.buyers, 5, (r) => r.id, (page) => void seen.push(page.map((r) => r.id)));
    expect(seen.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    expect(seen.flat()).toEqual(ids);
  });

  test('the next page is read while the current one is handled', async () => {
    const db = freshDb();
    await bulkImport({ buyers: Array.from({ length: 12 }, (_, i) => buyer(`b-${String(i).padStart(2, '0')}`)), inquiries: [], touchpoints: [] }, db);
    const events: string[] = [];
    const reads = { n: 0 };
    const where = db.buyers.where.bind(db.buyers);
    db.buyers.where = ((k: string) => {
      reads.n++;
      events.push(`read ${reads.n + 1}`);
      return where(k);
    }) as typeof db.buyers.where;
    await eachPage(db.buyers, 4, (r) => r.id, async (page) => {
      events.push(`handle ${page[0]!.id}`);
      // Handling takes a while (encoding a page): the next read must already be under way.
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(events).toEqual(['read 2', 'handle b-00', 'read 3', 'handle b-04', 'read 4', 'handle b-08']);
  });

  test('a handler that fails stops the walk with its error and leaves no stray rejection', async () => {
    const db = freshDb();
    await bulkImport({ buyers: Array.from({ length: 12 }, (_, i) => buyer(`b-${i}`)), inquiries: [], touchpoints: [] }, db);
    await expect(eachPage(db.buyers, 4, (r) => r.id, () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
  });
});
