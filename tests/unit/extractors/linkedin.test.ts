import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from '@webext-core/match-patterns';
import { ALL_MODULES } from '../../../extractors/registry';
import { linkedin } from '../../../extractors/platforms/linkedin';
import { extractHtml, pageDocument } from '../../../scripts/extract-node';
import { isEmptyCapture } from '../../../lib/capture';
import { failures, judgeCapture, type Fixture } from '../../support/fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const html = readFileSync(resolve(here, 'pages/linkedin-profile.html'), 'utf8');
const fx: Omit<Fixture, 'name' | 'html'> = JSON.parse(readFileSync(resolve(here, 'pages/linkedin-profile.json'), 'utf8'));
const plainUrl = 'https://www.linkedin.com/in/katrin-albers-4b1a27/';
const withoutOverlay = html.replace(/<div id="artdeco-modal-outlet">[\s\S]*<\/div>\s*<\/body>/, '</body>');

describe('linkedin detection', () => {
  for (const adapter of linkedin.adapters) {
    it(`${adapter.id}: positives detect, negatives do not`, () => {
      for (const p of adapter.examples.positive) expect(adapter.detect(new URL(p)), p).toBe(true);
      for (const n of adapter.examples.negative) expect(adapter.detect(new URL(n)), n).toBe(false);
    });
    it(`${adapter.id}: positives are in the matches and claimed by no other platform`, () => {
      const patterns = linkedin.matches.map((m) => new MatchPattern(m));
      for (const p of adapter.examples.positive) {
        expect(patterns.some((m) => m.includes(new URL(p))), p).toBe(true);
        const others = ALL_MODULES.filter((m) => m !== linkedin && m.platform !== 'generic');
        expect(others.flatMap((m) => m.adapters).filter((a) => a.detect(new URL(p))).map((a) => a.id), p).toEqual([]);
      }
    });
  }
});

describe('linkedin profile', () => {
  it('the stand-in page captures as its .json says', () => {
    const { capture } = extractHtml(html, fx.url);
    expect(failures(judgeCapture(capture, fx))).toEqual([]);
  });

  it('with the Contact info overlay closed: the top card only, no contact details', () => {
    const { capture } = extractHtml(withoutOverlay, plainUrl);
    expect(capture.buyer).toMatchObject({
      name: 'Katrin Albers',
      company: 'Nordhaus Küchentechnik GmbH',
      country: 'DE',
      emails: [],
      phones: [],
      website: null,
      linkedin: 'https://www.linkedin.com/in/katrin-albers-4b1a27',
    });
  });

  it('reads another person from the same structure', () => {
    const other = withoutOverlay
      .replaceAll('Katrin Albers', 'Mateus Costa')
      .replaceAll('Nordhaus Küchentechnik GmbH', 'Costa Equipamentos Hoteleiros Lda')
      .replace('<span class="text-body-small inline t-black--light break-words">Hamburg, Germany</span>', '<span class="text-body-small inline t-black--light break-words">Porto, Porto, Portugal</span>');
    const { capture } = extractHtml(other, 'https://www.linkedin.com/in/mateus-costa-77/');
    expect(capture.buyer).toMatchObject({
      name: 'Mateus Costa',
      company: 'Costa Equipamentos Hoteleiros Lda',
      country: 'PT',
      linkedin: 'https://www.linkedin.com/in/mateus-costa-77',
    });
  });

  it('without the Current company button, the company comes from the current Experience entry', () => {
    const noButton = withoutOverlay.replace(/<li class="pv-text-details__right-panel-item">\s*<button aria-label="Current company[\s\S]*?<\/li>/, '');
    expect(extractHtml(noButton, plainUrl).capture.buyer.company).toBe('Nordhaus Küchentechnik GmbH');
    // A past position is not the current company.
    const past = noButton.replace('Mar 2019 - Present · 7 yrs 9 mos', 'Mar 2019 - Oct 2026 · 7 yrs 8 mos').replace('Mar 2019 to Present', 'Mar 2019 to Oct 2026');
    expect(extractHtml(past, plainUrl).capture.buyer.company).toBeNull();
  });

  it("the seller's own profile is never taken", () => {
    const own = withoutOverlay.replace('inline t-24 v-align-middle break-words">Katrin Albers', 'inline t-24 v-align-middle break-words">Lin Zhou');
    expect(isEmptyCapture(extractHtml(own, 'https://www.linkedin.com/in/lin-zhou-ledlighting/').raw)).toBe(true);
    const editable = withoutOverlay.replace('<div class="pvs-profile-actions">', '<div class="pvs-profile-actions"><button aria-label="Edit intro" type="button">Edit</button>');
    expect(isEmptyCapture(extractHtml(editable, plainUrl).raw)).toBe(true);
  });

  it('a masked phone in the overlay is not taken', () => {
    const masked = html.replace('+49 40 5128 3346', '+49 40 **** 3346');
    expect(extractHtml(masked, fx.url).capture.buyer.phones).toEqual([]);
  });

  it('an empty or garbage document gives an empty capture without throwing', () => {
    for (const page of ['', '<html><body><main></main></body></html>', '<<<h1>>>', '<main><h1></h1></main>']) {
      const { raw } = extractHtml(page, plainUrl);
      expect(raw.platform).toBe('linkedin');
      expect(isEmptyCapture(raw)).toBe(true);
    }
    expect(() => linkedin.adapters[0]!.extract(pageDocument('', plainUrl), new URL(plainUrl))).not.toThrow();
  });
});

describe('linkedin pages in other UI languages and the messaging thread', () => {
  const own = (name: string) => readFileSync(resolve(here, '../../fixtures/pages', name + '.html'), 'utf8');
  const read = (page: string, url: string) => extractHtml(page, url).capture;

  it('reads the company from an experience entry marked present in Spanish (no current-company button)', () => {
    const page = own('linkedin-spanish-ui-grouped-experience').replace(/<ul class="pv-text-details__right-panel">[\s\S]*?<\/ul>/, '');
    const c = read(page, 'https://www.linkedin.com/in/alejandro-ruiz-castillo-31b07a/');
    expect(c.buyer.company).toBe('Importadora Ruiz & Cía S.A.S.');
  });

  it('tells the members of a thread apart by the group names when no message is marked as the other’s', () => {
    const page = own('linkedin-messaging-thread-turkey').replaceAll('msg-s-event-listitem--other', '');
    const c = read(page, 'https://www.linkedin.com/messaging/thread/2-MTcy/');
    expect(c.buyer.name).toBe('Mehmet Yılmaz');
    expect(c.buyer.emails).toEqual(['mehmet.yilmaz@anadoluyapi.com.tr']);
    expect(JSON.stringify(c)).not.toMatch(/greenfloor|\+86 189/i);
  });

  it('takes the company from the headline when the buyer does not name it', () => {
    const page = own('linkedin-messaging-thread-turkey').replace('We are a building materials retailer in Istanbul, Turkey.', 'Nice to meet you.');
    const c = read(page, 'https://www.linkedin.com/messaging/thread/2-MTcy/');
    expect(c.buyer.company).toBe('Anadolu Yapı Market A.Ş.');
    expect(c.buyer.country).toBeNull();
  });

  it('captures nothing from a group conversation or an empty messaging page', () => {
    const group = own('linkedin-messaging-thread-turkey').replace('<h2 class="msg-entity-lockup__entity-title">Mehmet Yılmaz</h2>', '<h2 class="msg-entity-lockup__entity-title">Mehmet Yılmaz, Olga Petrova</h2>');
    expect(isEmptyCapture(read(group, 'https://www.linkedin.com/messaging/thread/2-MTcy/'))).toBe(true);
    expect(isEmptyCapture(read('<html><body><main></main></body></html>', 'https://www.linkedin.com/messaging/'))).toBe(true);
  });
});
