import { describe, expect, it } from 'vitest';
import { emailHref, linkedinHref, safeHref, websiteHref, whatsappHref } from '../../../lib/channel-links';

describe('channel links: only http(s), mailto: and wa.me are ever made', () => {
  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'chrome://settings',
    'weixin://dl/chat?x',
    'whatsapp://send?phone=1',
    'https://user:pass@example.com/',
    '//example.com/',
    'example.com',
    '',
    null,
  ];
  for (const h of hostile) {
    it(`refuses ${JSON.stringify(h)}`, () => {
      expect(safeHref(h)).toBeNull();
      expect(websiteHref(h)).toBeNull();
      expect(linkedinHref(h)).toBeNull();
    });
  }

  it('keeps http(s) websites', () => {
    expect(websiteHref('https://www.herreraferreteria.com.co')).toBe('https://www.herreraferreteria.com.co/');
    expect(websiteHref('http://müller-bau.de/kontakt')).toBe('http://xn--mller-bau-q9a.de/kontakt');
    expect(websiteHref('mailto:a@b.co')).toBeNull();
  });

  it('makes a wa.me chat of an E.164 number only', () => {
    expect(whatsappHref('+573104827165')).toBe('https://wa.me/573104827165');
    expect(whatsappHref('+86 138 0013 8000')).toBeNull();
    expect(whatsappHref('573104827165')).toBeNull();
    expect(whatsappHref('+0123456')).toBeNull();
    expect(whatsappHref(null)).toBeNull();
  });

  it('links LinkedIn only on linkedin.com over https', () => {
    expect(linkedinHref('https://www.linkedin.com/in/anna-kowalska')).toBe('https://www.linkedin.com/in/anna-kowalska');
    expect(linkedinHref('https://linkedin.com.evil.test/in/x')).toBeNull();
    expect(linkedinHref('http://www.linkedin.com/in/x')).toBeNull();
  });

  it('makes mailto: of a plain address, internationalised ones included', () => {
    expect(emailHref('t.herrera@herreraferreteria.com.co')).toBe('mailto:t.herrera@herreraferreteria.com.co');
    expect(emailHref('jürgen@müller-bau.de')).toMatch(/^mailto:/);
    expect(emailHref('a@b.co?bcc=spy@evil.test')).toBeNull();
    expect(emailHref('a@b.co,spy@evil.test')).toBeNull();
    expect(emailHref('"x"@b.co')).toBeNull();
    expect(emailHref('not an email')).toBeNull();
  });
});
