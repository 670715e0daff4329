import { describe, expect, it } from 'vitest';
import { normalizeCapture, normalizeCountry, normalizePhone, normalizeWebsite, normalizeLinkedIn, normalizeEmail } from '../../lib/normalize';
import { emptyCapture } from '../../lib/capture';

describe('countries', () => {
  it('reads English and Chinese names and codes', () => {
    expect(normalizeCountry('Canada')).toBe('CA');
    expect(normalizeCountry('西班牙')).toBe('ES');
    expect(normalizeCountry('巴西')).toBe('BR');
    expect(normalizeCountry('ng')).toBe('NG');
    expect(normalizeCountry('Rotterdam, The Netherlands')).toBe('NL');
    expect(normalizeCountry('United States')).toBe('US');
    expect(normalizeCountry('USA')).toBe('US');
    expect(normalizeCountry('Atlantis')).toBeNull();
  });
});

describe('phones', () => {
  it('gives E.164 with the buyer country as default region', () => {
    expect(normalizePhone('612 487 319', 'ES')).toBe('+34612487319');
    expect(normalizePhone('+34 612 48 73 19')).toBe('+34612487319');
    expect(normalizePhone('0049 151 1234 5678')).toBe('+4915112345678');
    expect(normalizePhone('+49 (0) 151 1234 5678')).toBe('+4915112345678');
  });
  it('refuses masked and impossible numbers', () => {
    expect(normalizePhone('+1 416 *** 7731')).toBeNull();
    expect(normalizePhone('12')).toBeNull();
    expect(normalizePhone('612 487 319')).toBeNull(); // no country: cannot know
  });
});

describe('addresses', () => {
  it('normalises websites, LinkedIn and emails', () => {
    expect(normalizeWebsite('www.Levante.es/')).toBe('https://www.levante.es');
    expect(normalizeWebsite('http://x.com/en/')).toBe('http://x.com/en');
    expect(normalizeWebsite('Request to view')).toBeNull();
    expect(normalizeLinkedIn('linkedin.com/in/Jane-Doe-123/?trk=x')).toBe('https://www.linkedin.com/in/jane-doe-123');
    expect(normalizeLinkedIn('https://www.linkedin.com/in/%E0%A4%A/')).toBeNull();
    expect(normalizeEmail(' Mailto:J.Doe@X.COM ')).toBe('j.doe@x.com');
    expect(normalizeEmail('j***@x.com')).toBeNull();
  });
});

it('normalises a whole capture and drops what is not a contact detail', () => {
  const raw = emptyCapture('alibaba', 'https://message.alibaba.com/x');
  raw.buyer = { ...raw.buyer, name: '  Lucía\u00a0Fernández ', country: '西班牙', emails: ['A@B.ES', 'a@b.es', 'ma***@gmail.com'], phones: ['612 487 319', '+34 612 487 319'], whatsapp: '612487319' };
  raw.inquiry = { ...raw.inquiry, unit: 'Pieces', message: 'Hello\r\n\r\nworld  ' };
  const c = normalizeCapture(raw);
  expect(c.buyer.name).toBe('Lucía Fernández');
  expect(c.buyer.country).toBe('ES');
  expect(c.buyer.emails).toEqual(['a@b.es']);
  expect(c.buyer.phones).toEqual(['+34612487319']);
  expect(c.buyer.whatsapp).toBe('+34612487319');
  expect(c.inquiry.unit).toBe('pieces');
  expect(c.inquiry.message).toBe('Hello\n\nworld');
});
