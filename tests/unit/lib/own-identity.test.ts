import { expect, test } from 'vitest';
import { stripOwnIdentity } from '../../../lib/own-identity';
import { emptyCapture } from '../../../lib/capture';

test('removes the seller own emails, phones, WhatsApp, name and company; keeps the buyer', () => {
  const c = emptyCapture('gmail', 'https://mail.google.com/');
  c.buyer = {
    ...c.buyer,
    name: 'Li Wei',
    company: 'Ningbo Sunrise Houseware Co., Ltd.',
    emails: ['sales@sunrise-houseware.cn', 'buyer@becker.de'],
    phones: ['+8613812345678', '+4915112345678'],
    whatsapp: '+8613812345678',
  };
  const own = {
    names: ['li  wei'],
    companies: ['NINGBO SUNRISE HOUSEWARE CO LTD'],
    emails: ['Sales@Sunrise-Houseware.cn'],
    phones: ['138 1234 5678'],
  };
  const out = stripOwnIdentity(c, own);
  expect(out.buyer.emails).toEqual(['buyer@becker.de']);
  expect(out.buyer.phones).toEqual(['+4915112345678']);
  expect(out.buyer.whatsapp).toBeNull();
  expect(out.buyer.name).toBeNull();
  expect(out.buyer.company).toBeNull();
  // Pure: the input is untouched.
  expect(c.buyer.emails).toHaveLength(2);
});

test('keeps everything when nothing is the seller own', () => {
  const c = emptyCapture('alibaba', 'https://message.alibaba.com/');
  c.buyer = { ...c.buyer, name: 'Jonas Becker', company: 'Becker GmbH', emails: ['j@becker.de'], phones: ['+4915112345678'] };
  const out = stripOwnIdentity(c, { names: ['Li Wei'], companies: ['Sunrise'], emails: ['me@x.cn'], phones: ['+8613800000000'] });
  expect(out.buyer).toEqual(c.buyer);
});
