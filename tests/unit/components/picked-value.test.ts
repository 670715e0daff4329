import { describe, expect, it } from 'vitest';
import { applyPick } from '../../../components/picked-value';
import { captureDraft, readCaptureDraft } from '../../../components/capture-draft';
import { emptyCapture } from '../../../lib/capture';
import type { PickField } from '../../../lib/messages';

const base = (country = '') => ({ ...captureDraft(emptyCapture('generic', 'https://x.example/')), country });

describe('a selection picked from the page, normalised like a captured value', () => {
  it.each<[string, PickField, string, string, string, unknown]>([
    ['English email with its label', 'email', 'E-mail: John.Smith@Smith-Imports.co.uk;', '', 'emails', ['john.smith@smith-imports.co.uk']],
    ['Chinese label, full-width colon', 'email', '邮箱：wang.li@huaxin-trade.cn', '', 'emails', ['wang.li@huaxin-trade.cn']],
    ['Polish mobile, national form, the buyer in PL', 'phone', 'tel. kom. 601 234 567', 'PL', 'phones', ['+48601234567']],
    ['Spanish phone with its +code', 'phone', 'Teléfono: +34 912 345 678', '', 'phones', ['+34912345678']],
    ['Portuguese WhatsApp', 'whatsapp', 'WhatsApp: +55 11 98765-4321', '', 'whatsapp', '+5511987654321'],
    ['Arabic name, kept as shown', 'name', '  محمد   العلي ', '', 'name', 'محمد العلي'],
    ['Japanese company', 'company', '株式会社 山田商事', '', 'company', '株式会社 山田商事'],
    ['country in Chinese', 'country', '巴西', '', 'country', 'BR'],
    ['country in Spanish-speaking page, English name', 'country', 'Mexico', '', 'country', 'MX'],
    ['website without scheme', 'website', 'www.smith-imports.co.uk/', '', 'website', 'https://www.smith-imports.co.uk'],
    ['WeChat id', 'wechat', ' wxid_abc123 ', '', 'wechat', 'wxid_abc123'],
  ])('%s', (_, field, text, country, key, expected) => {
    const draft = applyPick(base(country), field, text);
    const { capture } = readCaptureDraft(draft, emptyCapture('generic', 'https://x.example/'));
    const got = key in capture.buyer ? capture.buyer[key as keyof typeof capture.buyer] : null;
    expect(got).toEqual(expected);
  });

  it('adds to a list once, keeping what is there', () => {
    let d = applyPick(base(), 'email', 'a@x.pl');
    d = applyPick(d, 'email', 'b@x.pl');
    d = applyPick(d, 'email', 'A@x.pl');
    expect(d.emails).toBe('a@x.pl\nb@x.pl');
  });

  it('puts text that makes no valid value in as selected, so the field marks it', () => {
    const d = applyPick(base(), 'email', 'no address here');
    expect(d.emails).toBe('no address here');
    expect(readCaptureDraft(d, emptyCapture('generic', 'https://x.example/')).errors.emails).toBe('errorEmail');
  });

  it('ignores an empty selection and cuts a long one to the book\'s limit', () => {
    expect(applyPick(base(), 'name', '   ')).toEqual(base());
    expect(applyPick(base(), 'company', 'C'.repeat(1000)).company).toHaveLength(300);
  });
});
