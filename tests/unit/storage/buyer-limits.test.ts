/** A buyer past every limit is fitted, never refused: what did not fit is in the notes. */
import { expect, test } from 'vitest';
import { fitBuyer, clipText } from '../../../storage/buyer-limits';
import { buyerSchema, type Buyer } from '../../../storage/schema';

test('a buyer past every cap fits the schema after fitBuyer, nothing silently gone', () => {
  const n = (k: number, f: (i: number) => string) => Array.from({ length: k }, (_, i) => f(i));
  const b: Buyer = {
    id: 'b1', name: 'N'.repeat(400), company: 'C'.repeat(400), country: 'DE',
    emails: [...n(60, (i) => `e${i}@x.com`), `${'l'.repeat(60)}@${'d'.repeat(300)}.com`],
    phones: n(55, (i) => `+49151${String(i).padStart(6, '0')}`), whatsapp: null, wechat: 'w'.repeat(90),
    linkedin: 'https://linkedin.com/in/' + 'x'.repeat(600), website: 'https://x.com/' + 'y'.repeat(600),
    platformIds: n(52, (i) => String(i)).map((id) => ({ platform: 'alibaba' as const, id })),
    tags: n(51, (i) => `t${i}${'z'.repeat(70)}`), stage: 'new', notes: 'old notes '.repeat(2500),
    createdAt: 1, updatedAt: 1, lastContactAt: null,
  };
  const f = fitBuyer(b);
  expect(buyerSchema.safeParse(f).success).toBe(true);
  expect(f.emails).toHaveLength(50);
  expect(f.emails.at(-1)).toBe('e59@x.com');
  expect(f.notes).toContain('e0@x.com');
  expect(f.notes).toContain('N'.repeat(400));
  expect(f.notes.endsWith('[clipped]')).toBe(true);
  expect(f.notes.length).toBe(20_000);
});

test('clipText never splits a character in two', () => {
  expect(clipText('😀😀😀', 4)).toBe('😀…');
  expect(clipText('short', 10)).toBe('short');
});
