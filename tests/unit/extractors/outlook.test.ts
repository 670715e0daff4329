/**
 * Outlook on the web adapter. There is no shared Outlook fixture, so this judges a stand-in page
 * (pages/outlook-conversation.html, written to Outlook's ids and accessibility labels as
 * open-source userscripts read them) against its .json, then variants of it.
 */
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pageDocument, extractHtml } from '../../../scripts/extract-node';
import { extractPage } from '../../../extractors/extract-page';
import { outlook } from '../../../extractors/platforms/outlook';
import { isEmptyCapture } from '../../../lib/capture';
import { failures, judgeCapture, type Fixture } from '../../support/fixtures';
import { describeAddresses, pageReader, swap } from '../../support/adapter-tests';

const here = dirname(fileURLToPath(import.meta.url));
const page = (name: string): Fixture => ({
  name,
  html: readFileSync(resolve(here, 'pages', name + '.html'), 'utf8'),
  ...JSON.parse(readFileSync(resolve(here, 'pages', name + '.json'), 'utf8')),
});
const fx = page('outlook-conversation');
const capture = pageReader(outlook, fx);

describeAddresses(outlook, {
  name: 'match patterns are the mail views of each Outlook host',
  check: (matches) => {
    expect(matches).toContain('https://outlook.office.com/mail/*');
    expect(matches).toContain('https://outlook.office365.com/mail/*');
    expect(matches).toContain('https://outlook.live.com/mail/*');
    for (const m of matches) expect(m).toMatch(/^https:\/\/outlook\.[a-z0-9.]+\/mail\/\*$/);
  },
});

describe('outlook stand-in page', () => {
  it('captures as its .json says (through the whole registry)', () => {
    process.env.TZ = fx.timeZone;
    const { capture: c } = extractHtml(fx.html, fx.url);
    expect(failures(judgeCapture(c, fx))).toEqual([]);
  });

  it('reads another buyer written into the same structure', () => {
    const html = swap(fx.html, [
      ['Camila Herrera', 'Tomás Aguirre'],
      ['camila.herrera@andesagroinsumos.com.pe', 'tomas@riocampo.com.ar'],
      ['Andes Agroinsumos S.A.C.', 'Rio Campo Insumos S.R.L.'],
      ['Av. Javier Prado Este 4120, Santiago de Surco 15023, Lima, Peru', 'Av. Belgrano 1820, C1093 Buenos Aires, Argentina'],
      ['+51 1 437 2291', '+54 11 4382 6610'],
      ['+51 946 218 735', '+54 9 11 5823 4471'],
      ['www.andesagroinsumos.com.pe', 'www.riocampo.com.ar'],
    ]);
    const c = capture(html);
    expect(c.buyer).toMatchObject({
      name: 'Tomás Aguirre',
      company: 'Rio Campo Insumos S.R.L.',
      country: 'AR',
      emails: ['tomas@riocampo.com.ar'],
      whatsapp: '+5491158234471',
      website: 'https://www.riocampo.com.ar',
    });
    expect(c.buyer.phones).toEqual(['+541143826610', '+5491158234471']);
  });

  it('reads day-first dates of a non-US locale', () => {
    const html = swap(fx.html, [
      ['lang="en-US"', 'lang="en-GB"'],
      ['11/17/2026 10:05 AM', '17/11/2026 10:05'],
      ['11/17/2026 5:20 PM', '17/11/2026 17:20'],
      ['11/18/2026 9:15 AM', '18/11/2026 09:15'],
    ]);
    expect(capture(html).inquiry.receivedAt).toBe('2026-11-17T02:05:00Z');
  });

  it('uses the page language when every date is ambiguous', () => {
    // 11/05 and 11/06: month first in en-US (5 November), day first elsewhere (11 May).
    const us = swap(fx.html, [
      ['11/17/2026 10:05 AM', '11/05/2026 10:05 AM'],
      ['11/17/2026 5:20 PM', '11/05/2026 5:20 PM'],
      ['11/18/2026 9:15 AM', '11/06/2026 9:15 AM'],
    ]);
    expect(capture(us).inquiry.receivedAt).toBe('2026-11-05T02:05:00Z');
    expect(capture(us.replace('lang="en-US"', 'lang="en-GB"')).inquiry.receivedAt).toBe('2026-05-11T02:05:00Z');
  });

  it('finds messages by their bodies when the "Email message" label is missing', () => {
    const c = capture(swap(fx.html, [['aria-label="Email message"', 'data-x="message"']]));
    expect(c.buyer.name).toBe('Camila Herrera');
    expect(c.inquiry.receivedAt).toBe('2026-11-17T02:05:00Z');
    expect(JSON.stringify(c)).not.toContain('Kevin Zhou');
  });

  it('tells the seller apart by name when no address of theirs is shown', () => {
    // No account address anywhere: the seller's own message shows only a name.
    const html = swap(fx.html, [
      ['<div id="mectrl_currentAccount_secondary" class="mectrl_truncate">kevin.zhou@brightway-garden.com</div>', ''],
      ['title="kevin.zhou@brightway-garden.com" aria-expanded', 'title="Mailbox" aria-expanded'],
    ]);
    const c = capture(html);
    expect(c.buyer.name).toBe('Camila Herrera');
    expect(c.inquiry.message).not.toContain('USD 11.60');
  });

  it('never takes the reply editor or the seller signature', () => {
    const c = capture(fx.html);
    const all = JSON.stringify(c);
    for (const bad of ['Ningbo Brightway', '+8613574129086', 'Mob/WhatsApp']) expect(all).not.toContain(bad);
  });

  it('gives an empty capture when no message is open', () => {
    const doc = pageDocument(fx.html, 'https://outlook.office.com/mail/inbox');
    doc.getElementById('ConversationReadingPaneContainer')!.remove();
    const c = extractPage([outlook], doc, 'https://outlook.office.com/mail/inbox');
    expect(c.platform).toBe('outlook');
    expect(isEmptyCapture(c)).toBe(true);
  });

  it('drops a masked number', () => {
    const c = capture(swap(fx.html, [['Cel./WhatsApp: +51 946 218 735', 'Cel./WhatsApp: +51 946 *** 735']]));
    expect(c.buyer.whatsapp).toBeNull();
    expect(c.buyer.phones).toEqual(['+5114372291']);
  });

  it('survives empty and garbage documents', () => {
    for (const html of ['', '<div id="ConversationReadingPaneContainer"><div aria-label="Email message"></div></div>', '<<<x>>>']) {
      const c = capture(html);
      expect(c.platform).toBe('outlook');
      expect(c.buyer.emails).toEqual([]);
    }
  });
});
