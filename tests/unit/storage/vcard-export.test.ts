/** vCards of the whole book (read page by page) or of one buyer, parsed back. */
import { expect, test } from 'vitest';
import { freshDb } from './helpers';
import { seedBook, BUYERS } from './backup/book';
import { exportVCards } from '../../../storage/vcard-export';
import { parseVCards } from '../../../lib/vcard';

test('all buyers, across pages, and one buyer', async () => {
  const db = freshDb();
  await seedBook(db);
  const all = await exportVCards('4.0', { pageRows: 3, now: Date.UTC(2026, 10, 27, 12) }, db);
  expect(all).toMatchObject({ count: BUYERS.length, fileName: 'buyerbook-contacts-2026-11-27-v4.vcf' });
  expect(parseVCards(await all.blob.text()).map((c) => c.uid)).toEqual(BUYERS.map((b) => `urn:uuid:${b.id}`));
  const one = await exportVCards('3.0', { ids: ['b-2-ar'] }, db);
  const [card] = parseVCards(await one.blob.text());
  expect(one.count).toBe(1);
  expect(card).toMatchObject({ name: 'محمد العلي', whatsapp: '+971501234567', uid: 'b-2-ar' });
});
