/**
 * WhatsApp Web chat adapter: its addresses, and variants of the whatsapp-chat fixture made here
 * by string replacement or DOM edits (another contact, an unsaved number, US dates, a group,
 * no chat open), so the adapter is shown to read the page's structure, not its values.
 */
import { describe, expect, it } from 'vitest';
import { pageDocument } from '../../../scripts/extract-node';
import { whatsapp } from '../../../extractors/platforms/whatsapp';
import { isEmptyCapture } from '../../../lib/capture';
import { loadFixture } from '../../support/fixtures';
import { describeAddresses, pageReader, swap } from '../../support/adapter-tests';

const fx = loadFixture('whatsapp-chat');
const capture = pageReader(whatsapp, fx);

describeAddresses(whatsapp, {
  name: 'match patterns cover WhatsApp Web only',
  check: (matches) => {
    expect(matches).toEqual(['https://web.whatsapp.com/*']);
  },
});

describe('whatsapp chat structure', () => {
  // Karim's number in the open chat and its drawer (the chat list row names him too).
  const anotherBuyer: [string | RegExp, string][] = [
    ['Karim Haddad', 'Diego Fuentes'],
    ['96171438206', '56962174408'],
    ['+961 71 438 206', '+56 9 6217 4408'],
    ['Haddad Electrical Supplies – Beirut 🇱🇧', 'Fuentes Eléctrica SpA – Santiago 🇨🇱'],
    ['from Haddad Electrical Supplies in Beirut, Lebanon', 'from Fuentes Eléctrica SpA in Santiago, Chile'],
    ['karim@haddad-electrical.com.lb', 'dfuentes@fuentes-electrica.cl'],
    ['[15:06, 18/11/2026]', '[09:41, 17/11/2026]'],
  ];

  it('reads another contact written into the same structure', () => {
    const c = capture(swap(fx.html, anotherBuyer));
    expect(c.buyer).toMatchObject({
      name: 'Diego Fuentes',
      company: 'Fuentes Eléctrica SpA',
      country: 'CL',
      emails: ['dfuentes@fuentes-electrica.cl'],
      phones: ['+56962174408'],
      whatsapp: '+56962174408',
    });
    expect(c.inquiry.receivedAt).toBe('2026-11-17T01:41:00Z');
    expect(c.inquiry.subject).toBeNull();
  });

  it('reads the number of an unsaved contact, and the name the buyer gives in the chat', () => {
    // The header shows the number itself when the contact is not saved.
    const html = swap(fx.html, [
      [/title="Karim Haddad" class="x1iyjqo2">Karim Haddad</, 'title="+961 71 438 206" class="x1iyjqo2">+961 71 438 206<'],
    ]);
    const c = capture(html);
    expect(c.buyer.whatsapp).toBe('+96171438206');
    // "This is Karim Haddad from …": read from a chat line, so marked for the seller to check.
    expect(c.buyer.name).toBe('Karim Haddad');
    expect(c.sources).toMatchObject({ name: 'chat', whatsapp: 'selector' });
  });

  it('falls back to the drawer number when message ids carry no phone (privacy ids)', () => {
    const c = capture(swap(fx.html, [[/_96171438206@c\.us_/, '_208315562904113@lid_']]));
    expect(c.buyer.whatsapp).toBe('+96171438206');
    expect(JSON.stringify(c)).not.toContain('208315562904113');
  });

  it('has no number when neither ids nor drawer show one', () => {
    const doc = pageDocument(swap(fx.html, [[/_96171438206@c\.us_/, '_208315562904113@lid_']]), fx.url);
    doc.querySelector('[aria-label="Contact info"]')!.remove();
    const c = capture(doc);
    expect(c.buyer.whatsapp).toBeNull();
    expect(c.buyer.phones).toEqual([]);
    expect(c.buyer.name).toBe('Karim Haddad');
    // Without the About flag the country comes from his own introduction.
    expect(c.buyer.country).toBe('LB');
  });

  it('reads month-first times of a US-locale browser', () => {
    const html = fx.html.replace(/\[(\d\d):(\d\d), (\d\d)\/(\d\d)\/(\d{4})\]/g, (_, h: string, m: string, d: string, mo: string, y: string) => {
      const hh = Number(h);
      return `[${hh % 12 || 12}:${m} ${hh < 12 ? 'AM' : 'PM'}, ${mo}/${d}/${y}]`;
    });
    expect(html).toContain('[3:06 PM, 11/18/2026]');
    expect(capture(html).inquiry.receivedAt).toBe('2026-11-18T07:06:00Z');
  });

  it('keeps the seller and masked values out', () => {
    const html = swap(fx.html, [['Sure, my email is', 'Sure, my email is ka***@gmail.com or']]);
    const c = capture(html);
    expect(c.buyer.emails).toEqual(['karim@haddad-electrical.com.lb']);
    const all = JSON.stringify(c);
    for (const bad of ['Alan Guo', 'Foshan Mingda', '8613928754401', 'USD 6.20/m']) expect(all).not.toContain(bad);
  });

  it('gives an empty capture for a group chat', () => {
    const c = capture(swap(fx.html, [[/_96171438206@c\.us_(\w+)/, '_120363041955520417@g.us_$1_96171438206@c.us']]));
    expect(isEmptyCapture(c)).toBe(true);
  });

  it('gives an empty capture when no chat is open', () => {
    const doc = pageDocument(fx.html, fx.url);
    doc.getElementById('main')!.remove();
    doc.querySelector('[aria-label="Contact info"]')!.remove();
    const c = capture(doc);
    expect(c.platform).toBe('whatsapp');
    expect(isEmptyCapture(c)).toBe(true);
    expect(JSON.stringify(c)).not.toMatch(/Olga|Juan Pablo|Karim/);
  });

  it('survives empty and garbage documents', () => {
    for (const html of ['', '<div id="main"><header></header><div class="message-in" data-id="x"></div></div>', '<<<>>>']) {
      const c = capture(html);
      expect(c.platform).toBe('whatsapp');
      expect(c.buyer.emails).toEqual([]);
    }
  });
});
