import { expect, test } from 'vitest';
import { buyerPhrases, buyerSearchTokens, phoneTokens, phraseTokens, searchQueryPhrase, searchQueryTokens } from '../../../lib/search-tokens';

const matches = (stored: string[], query: string) =>
  searchQueryTokens(query).every((q) => stored.some((s) => s.startsWith(q)));

const tokens = buyerSearchTokens({
  name: 'José Müller',
  company: '深圳市华强电子有限公司',
  emails: ['j.mueller@iberia-hogar.es'],
  phones: ['+4915112345678'],
  whatsapp: '+8613812345678',
  wechat: 'Mueller_JM',
  tags: ['VIP buyer', '样品'],
  platformIds: [{ platform: 'alibaba', id: '2215408763921' }],
});

test('every kind of query prefix-matches the stored tokens', () => {
  for (const q of ['jose', 'MUL', 'josé müller', 'j.mueller@iberia', '@iberia-hogar.es', 'iberia', '1234 5678',
    '+49 151 1234', '0151 12345678', '138 1234', '13812345678', 'mueller_jm', 'vip', '华强', '华强电子', '深圳市华强电子',
    '样品', '2215408763921']) {
    expect(matches(tokens, q), q).toBe(true);
  }
});

test('non-matching queries do not match', () => {
  for (const q of ['garcia', '9999 8888', '华为', 'jose garcia', 'x.mueller@']) expect(matches(tokens, q), q).toBe(false);
});

test('country names (English, Chinese, the code) and products asked about are searchable', () => {
  const t = buyerSearchTokens({
    name: 'Jonas', company: null, emails: [], phones: [], whatsapp: null, wechat: null, tags: [],
    countryNames: ['DE', 'Germany', '德国'], products: ['DN20 forged brass ball valve'],
  });
  for (const q of ['germ', '德国', 'de', 'ball valve', 'forged']) expect(matches(t, q), q).toBe(true);
});

test('phone tokens: full digits, trunk-0 national, every 4+ suffix', () => {
  const t = phoneTokens('+4915112345678');
  expect(t).toContain('4915112345678');
  expect(t).toContain('015112345678');
  expect(t).toContain('5678');
  expect(t).not.toContain('678');
});

test('query tokenisation keeps emails whole and joins spaced phone numbers', () => {
  expect(searchQueryTokens('j.mueller@iberia')).toEqual(['j.mueller@iberia']);
  expect(searchQueryTokens('+49 151 1234')).toEqual(['491511234']);
  // A number written with hyphens is one number, however short; "2024 500" may be two words.
  expect(searchQueryTokens('138-0013')).toEqual(['1380013']);
  expect(searchQueryTokens('(0151) 1234')).toEqual(['01511234']);
  expect(searchQueryTokens('2024 500')).toEqual(['2024', '500']);
  expect(searchQueryTokens('  ')).toEqual([]);
});

test('phrases: adjacent word pairs of name, company and each tag, never across fields or CJK', () => {
  expect(phraseTokens('José  Müller-Wolf')).toEqual(['jose muller', 'muller wolf']);
  expect(phraseTokens('深圳市 华强 Electronics Co')).toEqual(['electronics co']);
  expect(phraseTokens('Anna')).toEqual([]);
  expect(buyerPhrases({ name: 'Jennifer Johnson', company: 'Pioneer Trading', tags: ['sample-requested', 'vip'] })).toEqual([
    'jennifer johnson',
    'pioneer trading',
    'sample requested',
  ]);
});

test('the query phrase is the longest pair of plain words typed next to each other', () => {
  expect(searchQueryPhrase('Jennifer Jo')).toBe('jennifer jo');
  expect(searchQueryPhrase('sample-req')).toBe('sample req');
  expect(searchQueryPhrase('Dr. José María Müller')).toBe('maria muller');
  expect(searchQueryPhrase('jennifer')).toBeNull();
  // An email, a phone number or a CJK run between two words breaks the pair.
  expect(searchQueryPhrase('anna a@b.de jones')).toBeNull();
  expect(searchQueryPhrase('anna +49 151 1234 jones')).toBeNull();
  expect(searchQueryPhrase('anna 王伟 jones')).toBeNull();
  // What the phrase looks up is what a buyer stores, for any query typed in order.
  const stored = buyerPhrases({ name: 'María José Müller', company: null, tags: [] });
  for (const q of ['maria jo', 'María José', 'jose mu', 'JOSÉ MÜLLER']) {
    expect(stored.some((p) => p.startsWith(searchQueryPhrase(q)!)), q).toBe(true);
  }
});
