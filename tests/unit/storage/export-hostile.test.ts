/**
 * Hostile values through the exports and back: newlines, semicolons, commas, backslashes, quotes,
 * emoji, right-to-left text, formulas. The buyers CSV read back by the import, and the vCards
 * (3.0 and 4.0) parsed back, give the values written.
 */
import { describe, expect, test } from 'vitest';
import { freshDb } from './helpers';
import { buyer } from './backup/book';
import { bulkImport } from '../../../storage/bulk-import';
import { exportCsv } from '../../../storage/csv-export';
import { exportVCards } from '../../../storage/vcard-export';
import { planImport, readSheet } from '../../../storage/sheet-import';
import { parseVCards } from '../../../lib/vcard';
import type { Buyer } from '../../../storage/schema';

const HOSTILE_TEXT = [
  'line one\nline two\r\nline three',
  'semi;colon, comma; and\\back\\slash',
  '"quoted" and \'single\'',
  '=cmd|\' /C calc\'!A0',
  '+SUM(A1:A9)',
  '-2+3',
  '@SUM(1)',
  '\'=already quoted',
  '\ttab first',
  'emoji 👩‍👩‍👧 🚢 and flags 🇨🇳🇩🇪',
  'مرحبا بالعالم (right to left) עברית',
  'mixed ‮RLO override‬ text',
  '深圳市；华强，五金、有限公司',
  'trailing backslash\\',
  'BEGIN:VCARD\nEND:VCARD',
];

const book: Buyer[] = HOSTILE_TEXT.map((s, i) =>
  buyer(`b-h-${String(i).padStart(2, '0')}`, {
    name: s.replace(/\s+/g, ' ').trim().slice(0, 300),
    company: s,
    emails: [`h${i}@hostile.example`],
    wechat: `wx_${i}`,
    tags: i === 0 ? ['semi;colon', 'com,ma', 'back\\slash\\', '🚢 RTL مرحبا'] : [],
    notes: s,
  }),
);

describe('export of hostile values, read back', () => {
  test('buyers CSV → import: every name, company and note as written', async () => {
    const db = freshDb();
    await bulkImport({ buyers: book, inquiries: [], touchpoints: [] }, db);
    const { blob } = await exportCsv('buyers', {}, db);
    const plan = await planImport(await readSheet(blob), undefined, freshDb());
    expect(plan.counts).toEqual({ new: book.length, merge: 0, skip: 0 });
    const got = plan.rows.map((r) => ({ name: r.buyer!.name, company: r.buyer!.company, notes: r.buyer!.notes }));
    // The import trims a cell's outer white space (as every sheet tool does): compare trimmed.
    expect(got).toEqual(book.map((b) => ({ name: b.name, company: b.company!.trim(), notes: b.notes.trim() })));
  });

  test.each(['3.0', '4.0'] as const)('vCard %s → parse: names, companies, notes as written', async (version) => {
    const db = freshDb();
    await bulkImport({ buyers: book, inquiries: [], touchpoints: [] }, db);
    const { blob } = await exportVCards(version, {}, db);
    const cards = parseVCards(await blob.text());
    expect(cards.map((c) => ({ name: c.name, company: c.company, notes: c.notes, emails: c.emails, wechat: c.wechat, tags: c.tags }))).toEqual(
      book.map((b) => ({ name: b.name, company: b.company, notes: b.notes, emails: b.emails, wechat: b.wechat, tags: b.tags })),
    );
  });
});
