/**
 * What `npm start` and the browser tests read back from the side panel: its test ids, the
 * capture form's fields as a RawCapture, and the `buyerbook` IndexedDB read directly with the raw
 * indexedDB API (not through the app's code, so what is really stored is what is seen).
 */
import type { Page } from 'playwright-core';
import { emptyBuyer, emptyInquiry, PLATFORMS, type Platform, type RawCapture } from '../../lib/capture';

/** The test ids of the side panel (the side-panel brief), in one place. */
export const T = {
  form: '[data-testid="capture-form"]',
  field: '[data-testid^="field-"]',
  save: '[data-testid="save-capture"]',
  saved: '[data-testid="saved-notice"]',
  known: '[data-testid="known-buyer"]',
  duplicate: '[data-testid="duplicate-candidate"]',
  captureGeneric: '[data-testid="capture-generic"]',
  unsupported: '[data-testid="unsupported-page"]',
  empty: '[data-testid="empty-capture"]',
  tabThisPage: '[data-testid="tab-this-page"]',
  tabBuyers: '[data-testid="tab-buyers"]',
  tabToday: '[data-testid="tab-today"]',
  tabSettings: '[data-testid="tab-settings"]',
  search: '[data-testid="buyer-search"]',
  buyerRow: '[data-testid="buyer-row"]',
  buyerDetail: '[data-testid="buyer-detail"]',
  timelineItem: '[data-testid="timeline-item"]',
  addTouchpoint: '[data-testid="add-touchpoint"]',
  merge: '[data-testid="merge-buyer"]',
} as const;

const BUYER_KEYS = new Set(Object.keys(emptyBuyer()));
const INQUIRY_KEYS = new Set(Object.keys(emptyInquiry()));
const camel = (s: string) => s.replace(/[-_]([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Where a `field-<key>` element's value goes in a RawCapture. Accepts `field-name`,
 * `field-buyer.name`, `field-buyer-name`, `field-platform-buyer-id`, `field-inquiry.subject`...
 * so the test follows the panel's naming without guessing values.
 */
export function fieldTarget(testId: string): { section: 'buyer' | 'inquiry'; key: string } | null {
  let key = testId.replace(/^field-/, '');
  let section: 'buyer' | 'inquiry' | null = null;
  const m = /^(buyer|inquiry)[.\-_](.+)$/.exec(key);
  if (m) {
    section = m[1] as 'buyer' | 'inquiry';
    key = m[2] ?? '';
  }
  key = camel(key);
  if (section === 'buyer' || (!section && BUYER_KEYS.has(key))) return BUYER_KEYS.has(key) ? { section: 'buyer', key } : null;
  if (section === 'inquiry' || (!section && INQUIRY_KEYS.has(key))) return INQUIRY_KEYS.has(key) ? { section: 'inquiry', key } : null;
  return null;
}

export interface FormReading {
  capture: RawCapture;
  /** field test ids that did not map onto the capture (reported, so a renamed field is noticed). */
  unmapped: string[];
}

/** The capture form's fields, once they have stopped changing (the content script may push twice). */
export async function readCaptureForm(panel: Page, opts: { timeout?: number } = {}): Promise<FormReading> {
  const form = panel.locator(T.form);
  await form.waitFor({ state: 'visible', timeout: opts.timeout ?? 20_000 });
  let last = '';
  let stableSince = Date.now();
  const deadline = Date.now() + 5_000;
  let raw: { platform: string | null; fields: [string, string | null][] } = { platform: null, fields: [] };
  while (Date.now() < deadline) {
    raw = await form.evaluate((el) => ({
      platform: el.getAttribute('data-platform'),
      fields: [...el.querySelectorAll('[data-testid^="field-"]')].map(
        (f) => [f.getAttribute('data-testid') ?? '', f.getAttribute('data-value')] as [string, string | null],
      ),
    }));
    const key = JSON.stringify(raw);
    if (key !== last) {
      last = key;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 600) break;
    await panel.waitForTimeout(150);
  }
  const platform = (PLATFORMS as readonly string[]).includes(raw.platform ?? '') ? (raw.platform as Platform) : ('' as Platform);
  const capture: RawCapture = { platform, url: panel.url(), buyer: emptyBuyer(), inquiry: emptyInquiry() };
  const unmapped: string[] = [];
  for (const [testId, value] of raw.fields) {
    const target = fieldTarget(testId);
    if (!target) {
      unmapped.push(testId);
      continue;
    }
    let parsed: unknown = null;
    try {
      parsed = value === null ? null : JSON.parse(value);
    } catch {
      throw new Error(`${testId} has a data-value that is not JSON: ${value}`);
    }
    (capture[target.section] as unknown as Record<string, unknown>)[target.key] = parsed;
  }
  return { capture, unmapped };
}

export interface BookDump {
  stores: string[];
  buyers: Record<string, unknown>[];
  inquiries: Record<string, unknown>[];
  touchpoints: Record<string, unknown>[];
}

/** Every row of the `buyerbook` database, read with the raw IndexedDB API in an extension page. */
export async function readBook(extensionPage: Page): Promise<BookDump> {
  return extensionPage.evaluate(
    () =>
      new Promise<BookDump>((resolve, reject) => {
        const req = indexedDB.open('buyerbook');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const stores = [...db.objectStoreNames];
          const want = ['buyers', 'inquiries', 'touchpoints'].filter((s) => stores.includes(s));
          const out: BookDump = { stores, buyers: [], inquiries: [], touchpoints: [] };
          if (want.length === 0) {
            db.close();
            return resolve(out);
          }
          const tx = db.transaction(want, 'readonly');
          for (const s of want) {
            const r = tx.objectStore(s).getAll();
            r.onsuccess = () => {
              (out as unknown as Record<string, unknown[]>)[s] = r.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Click save and wait for the panel to say it is saved. */
export async function saveCapture(panel: Page): Promise<void> {
  await panel.locator(T.save).click();
  await panel.locator(T.saved).waitFor({ state: 'visible', timeout: 15_000 });
}

