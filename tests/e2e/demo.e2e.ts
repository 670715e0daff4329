/**
 * The `npm start` demo page captures the buyer that was put in it: served at its Alibaba address,
 * read by the Alibaba content script, shown in the panel and judged against its own expectation
 * (scripts/demo/alibaba-inquiry.json), then saved.
 */
import { describe, expect, it } from 'vitest';
import { failures, judgeCapture } from '../support/fixtures';
import { loadDemoPage } from '../../scripts/demo/demo-page';
import { readBook, readCaptureForm, saveCapture, T } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

const demo = loadDemoPage();

describe('npm start demo page', () => {
  const session = browserPerBlock(demo);

  it('is an Alibaba page of its own, not a shared fixture', () => {
    expect(new URL(demo.url).host).toBe('message.alibaba.com');
    expect(demo.html).not.toContain('Marcus Whitfield');
  });

  it('captures the demo buyer in the panel and saves it', async () => {
    const { panel } = await session.open(demo);
    const { capture } = await readCaptureForm(panel);
    expect(failures(judgeCapture(capture, demo as Parameters<typeof judgeCapture>[1]))).toEqual([]);
    await saveCapture(panel);
    const book = await readBook(panel);
    expect(book.buyers.map((b) => b.name)).toEqual([demo.expect.buyer.name]);
    expect(book.inquiries.map((q) => q.platformInquiryId)).toEqual([demo.expect.inquiry.platformInquiryId]);
  });

  itMadeNoNetworkRequest(session);
});

describe('npm start demo page in Chinese (--lang zh-CN)', () => {
  const session = browserPerBlock(demo, { lang: 'zh-CN' });

  it('shows the panel in Simplified Chinese, dates and country names included', async () => {
    const { panel } = await session.open(demo);
    await readCaptureForm(panel);
    await expect.poll(() => panel.locator(T.tabBuyers).textContent()).toBe('买家');
    await expect.poll(() => panel.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // Not one English word of the panel's own is left on the capture form.
    const text = await panel.locator('main').innerText();
    for (const english of ['Save', 'Buyers', 'Settings', 'Country']) expect(text).not.toContain(english);
  });

  itMadeNoNetworkRequest(session);
});
