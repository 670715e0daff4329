import { expect, test } from 'vitest';
import { buyerSearchTokens, phoneTokens, searchQueryTokens } from '../../../lib/search-tokens';

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
  expect(searchQueryTokens('  ')).toEqual([]);
});
