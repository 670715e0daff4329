import { describe, expect, it } from 'vitest';
import { sameConversation } from '../../../lib/same-conversation';
import { emptyCapture, type Capture } from '../../../lib/capture';

function chat(over: Partial<Capture['buyer']> = {}, url = 'https://web.whatsapp.com/', inquiryId: string | null = null): Capture {
  const c = emptyCapture('whatsapp', url);
  Object.assign(c.buyer, over);
  c.inquiry.platformInquiryId = inquiryId;
  return c;
}

describe('sameConversation', () => {
  it.each([
    ['a new chat line adds an email', chat({ name: 'Ana Souza', whatsapp: '+5511987654321' }), chat({ name: 'Ana Souza', whatsapp: '+5511987654321', emails: ['ana@souza.com.br'] }), true],
    ['the reader finds the real name behind a placeholder', chat({ name: 'Buyer', emails: ['li@hua.cn'] }), chat({ name: '李华', emails: ['li@hua.cn'] }), true],
    ['a second email is given later', chat({ emails: ['a@x.pl'] }), chat({ emails: ['a@x.pl', 'b@x.pl'] }), true],
    ['name only, same page', chat({ name: 'Jan Kowalski' }), chat({ name: 'Jan Kowalski', company: 'Kowalski Sp. z o.o.' }), true],
    ['another chat: another number', chat({ name: 'Ana Souza', whatsapp: '+5511987654321' }), chat({ name: 'Ana Souza', whatsapp: '+5511911112222' }), false],
    ['another chat of a saved contact: another name, nothing shared', chat({ name: 'Ana Souza' }), chat({ name: 'محمد علي' }), false],
    ['another mail thread: other emails, other address', chat({ emails: ['a@x.pl'] }, 'https://mail.google.com/mail/u/0/#inbox/A'), chat({ emails: ['b@y.es'] }, 'https://mail.google.com/mail/u/0/#inbox/B'), false],
    ['another inquiry id decides, whatever else matches', chat({ emails: ['a@x.pl'] }, 'https://x/', '1'), chat({ emails: ['a@x.pl'] }, 'https://x/', '2'), false],
    ['the same inquiry id decides', chat({ name: 'A' }, 'https://x/?a', '1'), chat({ name: 'B' }, 'https://x/?b', '1'), true],
  ])('%s', (_, a, b, same) => {
    expect(sameConversation(a, b)).toBe(same);
    expect(sameConversation(b, a)).toBe(same);
  });

  it('another platform is another conversation', () => {
    const a = chat({ emails: ['a@x.pl'] });
    expect(sameConversation(a, { ...a, platform: 'gmail' })).toBe(false);
  });
});
