/** A small book for the backup tests: every script, emoji, long notes, every kind of date. */
import type { BuyerbookDB } from '../../../../storage/db';
import { bulkImport } from '../../../../storage/bulk-import';
import { updateSettings } from '../../../../storage/settings-repo';
import type { Buyer, BuyerRow, Inquiry, StepStateRow, Touchpoint } from '../../../../storage/schema';

export const buyer = (id: string, over: Partial<Buyer> = {}): Buyer => ({
  id,
  name: null,
  company: null,
  country: null,
  emails: [],
  phones: [],
  whatsapp: null,
  wechat: null,
  linkedin: null,
  website: null,
  platformIds: [],
  tags: [],
  stage: 'new',
  notes: '',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  lastContactAt: null,
  ...over,
});

export const inquiry = (id: string, buyerId: string, over: Partial<Inquiry> = {}): Inquiry => ({
  id,
  buyerId,
  platform: 'alibaba',
  platformInquiryId: null,
  url: 'https://message.alibaba.com/msgsend/detail.htm?id=1',
  subject: null,
  productTitle: null,
  productId: null,
  quantity: null,
  unit: null,
  message: null,
  receivedAt: null,
  capturedAt: 1_700_000_000_000,
  ...over,
});

export const touchpoint = (id: string, buyerId: string, over: Partial<Touchpoint> = {}): Touchpoint => ({
  id,
  buyerId,
  channel: 'email',
  direction: 'out',
  kind: 'quote-sent',
  at: 1_700_000_000_000,
  note: '',
  inquiryId: null,
  ...over,
});

export const LONG_NOTE = ('長い備考 ملاحظة طويلة 🚢📦 long note, ' .repeat(600)).slice(0, 20_000);

export const BUYERS: Buyer[] = [
  buyer('b-1-zh', {
    name: '王伟',
    company: '深圳市华强五金有限公司',
    country: 'CN',
    emails: ['wang@huaqiang.example'],
    phones: ['+8613800138000'],
    wechat: 'wangwei_88',
    tags: ['五金', 'VIP'],
    stage: 'quoted',
    notes: LONG_NOTE,
    createdAt: 0,
    updatedAt: 4_102_444_800_000, // 2100-01-01
    lastContactAt: 1_735_689_600_000,
  }),
  buyer('b-2-ar', {
    name: 'محمد العلي',
    company: 'شركة الخليج للتجارة',
    country: 'AE',
    emails: ['m.ali@gulf.example'],
    whatsapp: '+971501234567',
    platformIds: [{ platform: 'made-in-china', id: 'mic-9988' }],
    notes: 'يريد عينة 🧪 قبل الطلب',
    stage: 'sampling',
  }),
  buyer('b-3-emoji', {
    name: 'Zoë 🌟 O’Brien',
    company: '=HYPERLINK("http://evil.example")',
    country: 'IE',
    emails: ['zoe@obrien.example', 'sales@obrien.example'],
    phones: ['+35312345678', '+353871234567'],
    linkedin: 'https://www.linkedin.com/in/zoe-obrien',
    website: 'https://obrien.example',
    platformIds: [{ platform: 'alibaba', id: '2215408763921' }],
    tags: ['trade-show', 'café'],
    stage: 'repeat',
    notes: 'Line one\nLine two\r\n\ttabbed, "quoted", 👩‍👩‍👧 family emoji',
    lastContactAt: 1_760_000_000_123,
  }),
  buyer('b-4-bare'),
];

export const INQUIRIES: Inquiry[] = [
  inquiry('i-1', 'b-1-zh', {
    platformInquiryId: 'INQ-001',
    subject: '询价：不锈钢合页 5000 件',
    productTitle: '304 不锈钢合页',
    productId: 'P-304',
    quantity: 5000,
    unit: '件',
    message: '你好，请报 FOB 深圳价格。'.repeat(200),
    receivedAt: 1_735_600_000_000,
    capturedAt: 1_735_600_100_000,
  }),
  inquiry('i-2', 'b-2-ar', { platform: 'made-in-china', subject: 'طلب عرض سعر', quantity: 12.5, unit: 'طن', receivedAt: null }),
];

export const TOUCHPOINTS: Touchpoint[] = [
  touchpoint('t-1', 'b-1-zh', { channel: 'alibaba', direction: 'in', kind: 'inquiry', at: 1_735_600_000_000, note: '询价', inquiryId: 'i-1' }),
  touchpoint('t-2', 'b-1-zh', { channel: 'wechat', kind: 'quote-sent', at: 1_735_689_600_000, note: LONG_NOTE }),
  touchpoint('t-3', 'b-2-ar', { channel: 'whatsapp', kind: 'sample-sent', at: 0, note: 'أرسلنا العينة 📦' }),
  touchpoint('t-4', 'b-3-emoji', { channel: 'trade-show', direction: 'in', kind: 'meeting', at: 1_760_000_000_123, note: '+SUM(A1:A9) @cmd -2 =1' }),
];

export const OWN_IDENTITY = { names: ['李明'], companies: ['宁波明远贸易有限公司'], emails: ['li@mingyuan.example'], phones: ['+8657412345678'] };

/** The time the test books are written and restored at: next steps depend on it. */
export const NOW = Date.UTC(2026, 10, 27, 9);

/** A snooze and a dismissal: what the seller decided about suggested steps is part of the book. */
export const STEP_STATES: StepStateRow[] = [
  { id: 'b-1-zh|follow-up', buyerId: 'b-1-zh', key: 'follow-up', snoozedUntil: NOW + 3 * 86_400_000, dismissed: false, at: NOW - 1000 },
  { id: 'b-2-ar|re-engage', buyerId: 'b-2-ar', key: 're-engage', snoozedUntil: null, dismissed: true, at: NOW - 2000 },
];

/** Fills `db` with the book above plus `extraTouchpoints` generated ones (to span several chunks). */
export async function seedBook(db: BuyerbookDB, extraTouchpoints = 0): Promise<void> {
  const extra: Touchpoint[] = [];
  for (let n = 0; n < extraTouchpoints; n++) {
    extra.push(touchpoint(`t-x-${String(n).padStart(6, '0')}`, BUYERS[n % BUYERS.length]!.id, { at: 1_600_000_000_000 + n * 60_000, note: `跟进 #${n} ✉️` }));
  }
  // A database opened at a version before 3 (the pre-upgrade tests) has no step states.
  if (db.stepStates) await db.stepStates.bulkPut(STEP_STATES);
  await bulkImport({ buyers: BUYERS, inquiries: INQUIRIES, touchpoints: [...TOUCHPOINTS, ...extra] }, db, NOW);
  await updateSettings({ ownIdentity: OWN_IDENTITY }, db);
}

/**
 * Every stored row of every table of the database, as IndexedDB holds it (derived fields
 * included). It walks db.tables, so a table added to the schema is compared without anyone
 * remembering to add it here.
 */
export interface BookDump {
  [table: string]: unknown[];
  buyers: BuyerRow[];
  inquiries: Inquiry[];
  touchpoints: Touchpoint[];
  settings: { key: string; value: unknown }[];
}

export async function dumpBook(db: BuyerbookDB): Promise<BookDump> {
  if (!db.isOpen()) await db.open();
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out as BookDump;
}
