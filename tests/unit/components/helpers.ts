/**
 * Component-test helpers: the real repositories on the shared database (fake-indexeddb), emptied
 * before each test, WXT's fake browser reset, and captures shaped like the platforms' ones.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../storage/db';
import type { Capture, RawBuyer, RawInquiry } from '../../../lib/capture';
import type { NewBuyer } from '../../../storage/buyers-repo';

export async function emptyBook(): Promise<void> {
  const db = getDb();
  if (!db.isOpen()) await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

/**
 * jsdom lays nothing out: the buyers' virtual list gets the scroll box of a short panel (ten rows
 * in view), so it renders the rows a real panel would, and scrolling it is what loads more.
 */
export const LIST_VIEW_HEIGHT = 520;
for (const [prop, px] of [['clientHeight', LIST_VIEW_HEIGHT], ['clientWidth', 360]] as const) {
  const base = Object.getOwnPropertyDescriptor(Element.prototype, prop)!;
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('buyer-list-scroll') ? px : base.get!.call(this);
    },
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await emptyBook();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

export const ALIBABA_URL = 'https://message.alibaba.com/message/maDetail.htm?imInquiryId=88120045';

/** A normalised capture of an Alibaba inquiry, with fields overridable per test. */
export function alibabaCapture(buyer: Partial<RawBuyer> = {}, inquiry: Partial<RawInquiry> = {}): Capture {
  return {
    platform: 'alibaba',
    url: ALIBABA_URL,
    buyer: {
      name: 'Jonas Becker',
      company: 'Becker Haustechnik GmbH',
      country: 'DE',
      emails: ['j.becker@becker-haustechnik.de'],
      phones: ['+4915112345678'],
      whatsapp: '+4915112345678',
      wechat: null,
      linkedin: null,
      website: 'https://becker-haustechnik.de',
      platformBuyerId: '2215408763921',
      ...buyer,
    },
    inquiry: {
      platformInquiryId: '88120045',
      subject: 'Brass ball valves DN20',
      productTitle: 'DN20 forged brass ball valve',
      productId: '1600123456',
      quantity: 500,
      unit: 'pieces',
      receivedAt: '2026-11-18T09:42:00Z',
      message: 'Please quote 500 pcs <b>not bold</b>, delivery to Hamburg.',
      ...inquiry,
    },
  };
}

/** The parsed `data-value` of an element. */
export const dataValue = (el: HTMLElement): unknown => JSON.parse(el.getAttribute('data-value') ?? 'undefined');

/** A buyer with only the fields a test names. */
export function newBuyer(over: Partial<NewBuyer>): NewBuyer {
  return {
    name: null, company: null, country: null, emails: [], phones: [], whatsapp: null, wechat: null, linkedin: null,
    website: null, platformIds: [], ...over,
  };
}

/** Files saved through <a download> of a blob: URL (components/save-file.ts), caught with their contents. */
export function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, b as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return saved;
}
