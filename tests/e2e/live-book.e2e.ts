/**
 * One live book in the browser: two side-panel pages open on one buyer (two windows). Each edits
 * a different field and saves: both saves are kept and both pages show both values at once,
 * without a reload. The same field edited in both: the later save shows both values to choose.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadFixture, readBook, saveCapture, T } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

const fx = loadFixture('alibaba-detail-zh');

async function openDetail(panel: Page, name: string): Promise<void> {
  await panel.locator(T.tabBuyers).click();
  await panel.locator(T.buyerRow).filter({ hasText: name }).first().click();
  await panel.locator(T.buyerDetail).waitFor();
  // The card comes first; its fields are one click away.
  await panel.locator(`${T.buyerDetail} [data-testid="edit-details"]`).click();
}

const field = (panel: Page, key: string) => panel.locator(`${T.buyerDetail} [data-testid="buyer-field-${key}"]`);

describe('one live book', () => {
  const session = browserPerBlock(fx);

  it('two panels on one buyer: different fields both kept and shown, the same field gives a choice', async () => {
    const { panel: one, tabId } = await session.open(fx);
    await saveCapture(one);
    const name = String(fx.expect.buyer.name);
    const two = await session.browser.openPanel(tabId);
    await openDetail(one, name);
    await openDetail(two, name);

    await field(one, 'name').fill('Renamed in panel one');
    await one.locator(`${T.buyerDetail} [data-testid="save-buyer"]`).click();
    // Panel two follows the untouched name at once.
    await expect.poll(() => field(two, 'name').inputValue()).toBe('Renamed in panel one');

    await field(two, 'company').fill('Company from panel two');
    await two.locator(`${T.buyerDetail} [data-testid="save-buyer"]`).click();
    await expect.poll(() => field(one, 'company').inputValue()).toBe('Company from panel two');
    for (const p of [one, two]) {
      await expect.poll(() => p.locator(`${T.buyerDetail} h2`).textContent()).toContain('Renamed in panel one');
    }
    const book = await readBook(one);
    expect(book.buyers[0]).toMatchObject({ name: 'Renamed in panel one', company: 'Company from panel two' });

    // The same field in both panels: the second save shows both values, and writes nothing.
    await field(one, 'wechat').fill('wechat-one');
    await field(two, 'wechat').fill('wechat-two');
    await one.locator(`${T.buyerDetail} [data-testid="save-buyer"]`).click();
    await expect.poll(async () => (await readBook(one)).buyers[0]?.wechat).toBe('wechat-one');
    await two.locator(`${T.buyerDetail} [data-testid="save-buyer"]`).click();
    const conflict = two.locator('[data-testid="conflict-wechat"]');
    await conflict.waitFor();
    await expect(conflict.locator('[data-testid="conflict-mine"]').textContent()).resolves.toBe('wechat-two');
    await expect(conflict.locator('[data-testid="conflict-theirs"]').textContent()).resolves.toBe('wechat-one');
    expect((await readBook(two)).buyers[0]?.wechat).toBe('wechat-one');

    // The seller takes the other panel's value: the form shows it, and nothing is overwritten.
    await conflict.locator('[data-testid="take-theirs"]').click();
    await expect.poll(() => field(two, 'wechat').inputValue()).toBe('wechat-one');
  });

  itMadeNoNetworkRequest(session);
});
