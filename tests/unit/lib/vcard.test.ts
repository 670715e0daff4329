/** vCards written with ical.js, then parsed back: every contact field survives, in 3.0 and 4.0. */
import { describe, expect, test } from 'vitest';
import { buyersToVCard, parseVCards, type VCardVersion } from '../../../lib/vcard';
import { BUYERS } from '../storage/backup/book';

describe.each(['3.0', '4.0'] as VCardVersion[])('vCard %s', (version) => {
  const text = buyersToVCard(BUYERS, version);

  test('is one card per buyer, CRLF, with the version first', () => {
    expect(text.match(/BEGIN:VCARD\r\nVERSION:/g)).toHaveLength(BUYERS.length);
    expect(text).toContain(`VERSION:${version}`);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    // Folded at 75 octets: no line is longer.
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(76);
  });

  test('parses back to the same contacts', () => {
    const cards = parseVCards(text);
    expect(cards).toHaveLength(BUYERS.length);
    BUYERS.forEach((b, i) => {
      const c = cards[i]!;
      expect(c.name ?? null).toBe(b.name);
      expect(c.company).toBe(b.company);
      expect(c.emails).toEqual(b.emails);
      expect(c.phones).toEqual(b.whatsapp && !b.phones.includes(b.whatsapp) ? [...b.phones, b.whatsapp] : b.phones);
      expect(c.whatsapp).toBe(b.whatsapp);
      expect(c.wechat).toBe(b.wechat);
      expect(c.urls).toEqual([b.linkedin, b.website].filter(Boolean));
      expect(c.tags).toEqual(b.tags);
      expect(c.notes).toBe(b.notes);
      expect(c.uid).toContain(b.id);
      expect(c.country != null).toBe(b.country != null);
    });
  });
});
