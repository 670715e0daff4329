/**
 * Find anyone, in the built extension in Chromium: four buyers captured from four platforms'
 * pages, then found by a company word, by phone digits typed with spaces, by a tag and by the
 * country's Chinese name, and filtered by platform and by "no contact for 30 days".
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadFixture, saveCapture, T } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

// Inquiries received 17-19 November 2026 (their touchpoints are the buyers' last contact).
const FIXTURES = ['gmail-thread', 'whatsapp-chat', 'mic-inquiry', 'alibaba-detail-en'].map(loadFixture);
// The panel's "now": the Gmail (17 Nov) and WhatsApp (18 Nov, 07:06) buyers had no contact for
// 30 days; the Made-in-China and Alibaba ones (19 Nov) had.
const PANEL_NOW = new Date('2026-12-18T12:00:00Z');

const rowTitles = (panel: Page) => panel.locator(`${T.buyerRow} .row-title`).allTextContents();

/** Types `text` into the search and waits for the list to show exactly `names` (any order). */
async function expectFound(panel: Page, text: string, names: string[]): Promise<void> {
  await panel.locator(T.search).fill(text);
  if (names.length === 0) {
    await panel.locator('[data-testid="buyers-empty"]').waitFor();
    return;
  }
  await expect.poll(async () => (await rowTitles(panel)).sort(), { message: text }).toEqual([...names].sort());
}

describe('find anyone', () => {
  const session = browserPerBlock(null, { mode: 'e2e' });

  it('finds by company word, spaced phone digits, tag and Chinese country name; filters by platform and no contact for 30 days', async () => {
    let panel: Page | null = null;
    for (const fx of FIXTURES) {
      const opened = await session.open(fx);
      panel = opened.panel;
      if (fx.name === 'mic-inquiry') {
        // A tag given while capturing.
        const tags = panel.locator('[data-testid="capture-tags"] input');
        await tags.fill('rice-mill');
        await tags.press('Enter');
      }
      await saveCapture(panel);
    }
    const p = panel!;
    await p.clock.install({ time: PANEL_NOW });
    await p.reload();
    await p.locator(T.tabBuyers).click();
    await expect.poll(() => rowTitles(p)).toHaveLength(4);

    await expectFound(p, 'harbourline', ['Marcus Whitfield']);
    await expectFound(p, '+234 803 512 6648', ['Daniel Okafor']);
    await expectFound(p, '0803 512 6648', ['Daniel Okafor']);
    await expectFound(p, 'rice-mill', ['Daniel Okafor']);
    await expectFound(p, '瑞典', ['Johan Lindqvist']);
    await expectFound(p, '黎巴嫩', ['Karim Haddad']);

    await expectFound(p, '', ['Daniel Okafor', 'Johan Lindqvist', 'Karim Haddad', 'Marcus Whitfield']);
    await p.locator('[data-testid="filter-platform"]').selectOption('made-in-china');
    await expect.poll(() => rowTitles(p)).toEqual(['Daniel Okafor']);
    await p.locator('[data-testid="filter-platform"]').selectOption('');
    await p.locator('[data-testid="filter-idle"]').selectOption('30');
    await expect.poll(async () => (await rowTitles(p)).sort()).toEqual(['Johan Lindqvist', 'Karim Haddad']);
    // With a search too: the filter and the search together.
    await expectFound(p, 'haddad', ['Karim Haddad']);
    await expectFound(p, 'okafor', []);

    // The keyboard: / to the search, ↓ and Enter open, Esc back.
    await p.locator('[data-testid="filter-idle"]').selectOption('');
    await expectFound(p, '', ['Daniel Okafor', 'Johan Lindqvist', 'Karim Haddad', 'Marcus Whitfield']);
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await p.keyboard.press('/');
    await p.keyboard.type('lindq');
    await expect.poll(() => rowTitles(p)).toEqual(['Johan Lindqvist']);
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator(`${T.buyerDetail} h2`).textContent()).toBe('Johan Lindqvist');
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await p.keyboard.press('Escape');
    await p.locator(T.buyerDetail).waitFor({ state: 'detached' });
  });

  itMadeNoNetworkRequest(session);
});
