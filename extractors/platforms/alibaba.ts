/**
 * Alibaba.com seller back office: the message center (inquiry detail, the inquiry list with one
 * inquiry open, the messenger), OneTalk, and RFQ detail on sourcing.alibaba.com.
 *
 * The chat pages share one structure: every message carries `data-expinfo` JSON (senderId,
 * sendTime in ms, messageType 50 = inquiry card and 60 = product card, extBizId = the inquiry's or
 * product's id), and a CRM customer card with label/value rows sits beside the chat. The seller's
 * own account id is in page globals (`__ma_page_config__.sellerAliId`, `aliId`,
 * `currentUserAccountId`): a message from that id, or laid out on the right, is the seller's.
 * Kept small on purpose: this file ships in the content script of every Alibaba page.
 */
import { emptyCapture, type CaptureSource, type RawCapture } from '../../lib/capture';
import { all, clean, first, labelValue, textOf, visibleText } from '../dom';
import { findEmails, findPhones, findWeChat, findWhatsApp, isMasked } from '../patterns';
import { readLabel, type LabelField } from '../labels';
import { cleanName } from '../names';
import { fillQuantity, parseQuantity } from '../quantity';
import { readChatIntro } from '../chat-lines';
import { mark } from '../sources';
import { fromEpoch, parsePageTime } from '../time';
import { get, readAssignedLiteral, str } from '../page-data';
import type { PageAdapter, PlatformModule } from '../types';
import { PLATFORM_MATCHES } from '../platform-matches';

type Data = Record<string, unknown> | undefined;

/** What embedded data already says about the open inquiry; the DOM fills in the rest. */
type Known = Partial<RawCapture['inquiry']> & { name?: string | null; country?: string | null };

// Page globals read during one extraction of one document: the list page's embedded list is
// large, and the reader and its `foreign` both need it. Each extract starts afresh (fresh()).
let cacheDoc: Document | null = null;
const cache = new Map<string, Data>();
function fresh(doc: Document): Document {
  cacheDoc = doc;
  cache.clear();
  return doc;
}
function data(doc: Document, name: string): Data {
  if (doc !== cacheDoc) fresh(doc);
  if (!cache.has(name)) cache.set(name, readAssignedLiteral(doc, name) as Data);
  return cache.get(name);
}
const on = (url: URL, host: string, path: RegExp): boolean =>
  url.protocol === 'https:' && url.hostname === host + '.alibaba.com' && path.test(url.pathname);
/** A value the page really shows: a masked one or "Request to view" counts as absent. */
const shown = (v: string | null | undefined): string => (isMasked(v) ? '' : clean(v));
/** "采购量：500 Pieces" / "20,000" -> 500, "pieces" (the shared quantity reader). */
function quantity(q: RawCapture['inquiry'], text: string | null): void {
  ({ quantity: q.quantity, unit: q.unit } = parseQuantity(text));
}

interface Msg {
  el: Element;
  sid: string | null;
  time: unknown;
  inquiry: boolean;
  product: boolean;
  biz: string | null;
}

function messages(chat: ParentNode): Msg[] {
  let els = all(chat, '[data-expinfo]');
  if (!els.length) els = all(chat, '.message-item-wrapper,.msg-row');
  return els.map((el) => {
    let x: Data;
    try {
      x = JSON.parse(el.getAttribute('data-expinfo') || '{}');
    } catch {
      /* unreadable: the layout still tells who wrote it */
    }
    const type = get(x, 'messageType');
    const card = str(x, 'cardType');
    return {
      el,
      sid: str(x, 'senderId'),
      time: get(x, 'sendTime'),
      inquiry: type === 50 || card === 'inquiry',
      product: type === 60 || card === 'product',
      biz: str(x, 'extBizId'),
    };
  });
}

// The text of one message.
const TEXT = ['.desc-text', '.session-rich-content.text', '.bubble', '.text-content'];
// Inside a buyer's message: machine translations, quotes of the seller's words, read receipts.
const NOT_BUYER = '[class*=translat],[data-role=auto-translate],[class*=quote],.read-status';

/**
 * Reads the one open conversation inside `page` (the detail panel on the list page). `app`: a
 * chat app (OneTalk, messenger) whose page also lists other conversations, so page-level
 * fallbacks are looked for in the chat only.
 */
function readChat(doc: Document, url: URL, page: ParentNode, inquiryId: string | null, known: Known, app?: boolean): RawCapture {
  const cap = emptyCapture('alibaba', url.href);
  const b = cap.buyer;
  const q = cap.inquiry;
  const { name, country, ...inquiry } = known;
  Object.assign(q, inquiry);
  const chat = first(page, '#im-chat', '.message-container', '.chat-panel') ?? page;
  const head = app ? chat : page;
  // The CRM card by its known classes, else any customer/buyer card or panel of label rows.
  const card = first(page, '.alicrm-customer-detail-card', '.profile-panel', '[data-buyer-aliid]', '[class*=customer-info],[class*=customer-card],[class*=customer-detail],[class*=buyer-info],[class*=buyer-card]');
  const at = (root: ParentNode | null | undefined, ...sel: string[]) => (root ? textOf(first(root, ...sel)) : null);

  const sellers = [
    str(data(doc, '__ma_page_config__'), 'sellerAliId'),
    str(readAssignedLiteral(doc, 'aliId')),
    str(readAssignedLiteral(doc, 'currentUserAccountId')),
    str(data(doc, '__onetalk_config__'), 'activeAccountId'),
    url.searchParams.get('activeAccountId'),
  ];
  const notSeller = (id: string | null | undefined) => (id && !sellers.includes(id) ? id : null);
  const cardId = notSeller(card?.getAttribute('data-buyer-aliid'));
  // The card's embedded data, unless it describes another buyer than the card on screen.
  let crm = data(doc, '__crm_card_data__');
  if (cardId && str(crm, 'buyerAliId') !== cardId) crm = undefined;
  const active = app ? first(doc, '.contact-item.active', '.contact-item-container.active') : null;
  const msgs = messages(chat);
  const self = (m: Msg) => m.el.matches('.is-self,.item-right') || !!m.el.querySelector(':scope>.item-right');
  const buyerId =
    cardId ??
    notSeller(str(crm, 'buyerAliId')) ??
    notSeller(active?.getAttribute('data-contact-id')) ??
    msgs.find((m) => !self(m) && notSeller(m.sid))?.sid ??
    null;
  const mine = msgs.filter((m) => !self(m) && (m.sid ? m.sid === (buyerId ?? notSeller(m.sid)) : true));

  const texts: string[] = [];
  const hrefs: string[] = [];
  for (const m of mine) {
    const t = m.product ? '' : visibleText(first(m.el, ...TEXT), NOT_BUYER);
    if (t) texts.push(t);
    for (const a of all(m.el, 'a[href]')) hrefs.push(a.getAttribute('href') ?? '');
  }
  const said = texts.join('\n\n');
  q.message = said || null;

  // The inquiry: its id, subject, and the time of the inquiry card (else the first buyer message).
  const inq = mine.find((m) => m.inquiry);
  const opening = inq ?? mine[0];
  q.platformInquiryId ??=
    inquiryId ?? inq?.biz ?? /\d{6,}/.exec(at(head, '.spec-inquiry-id') ?? '')?.[0] ?? first(head, '[data-trade-id]')?.getAttribute('data-trade-id') ?? null;
  q.subject ??= at(head, '.inquiry-subject', '.detail-subject') ?? at(inq?.el, '.card-title');
  q.receivedAt ??=
    fromEpoch(opening?.time) ??
    parsePageTime(at(head, '.inquiry-create-time') ?? at(opening?.el, '.item-base-info>span:last-child', '.msg-meta .time'));

  // The product asked about: the buyer's product card, or the product link in the inquiry card.
  for (const m of mine) {
    const a = first(m.el, 'a[href*="product-detail"]');
    const pid = (m.product && m.biz) || m.el.querySelector('[data-product-id]')?.getAttribute('data-product-id');
    if (!a && !pid) continue;
    q.productId ??= pid || /_(\d+)\.htm/.exec(a?.getAttribute('href') ?? '')?.[1] || null;
    q.productTitle ??= textOf(a) ?? at(m.el, '.card-title');
    if (q.quantity == null) quantity(q, at(m.el, '.card-quantity', '.product-qty'));
    break;
  }

  // The buyer: the CRM card (its rows by English or Chinese label), its data, then the chat.
  const row = (f: LabelField, ...extra: string[]) => readLabel(card, f, extra);
  // In OneTalk and the messenger the buyer's words are chat lines; in the inquiry, its text.
  const free: CaptureSource = app ? 'chat' : 'text';
  const sellerSaid = msgs.filter(self).map((m) => visibleText(first(m.el, ...TEXT), NOT_BUYER));
  const d = readChatIntro([...sellerSaid.map((text) => ({ text, mine: true })), ...texts.map((text) => ({ text, mine: false, hrefs }))]);
  const take = <K extends 'name' | 'company' | 'country' | 'whatsapp' | 'wechat' | 'website'>(field: K, ...options: [string | null | undefined, CaptureSource][]) => {
    for (const [v, source] of options) {
      const value = field === 'name' ? cleanName(v) : shown(v) || null;
      if (!value) continue;
      b[field] = value;
      mark(cap, source, field);
      return;
    }
  };
  take('name', [at(card, '.name-text', '.p-name', '[class*=customer-name],[class*=buyer-name]'), 'selector'], [name, 'page-data'], [at(chat, '.contact-name', '.title-name'), 'selector'],
    [active?.getAttribute('data-name'), 'selector'], [at(opening?.el, '.item-base-info .name', '.msg-meta .sender'), 'selector'], [d.name, free]);
  take('company', [row('company'), 'label'], [str(crm, 'companyName'), 'page-data'], [d.company, free]);
  take('country', [row('country'), 'label'], [at(card, '.country-flag-label'), 'selector'], [str(crm, 'country'), 'page-data'], [country, 'page-data'],
    [at(chat, '.contact-country'), 'selector'], [d.place, free]);
  const c = get(crm, 'buyerContactInfo') ?? crm;
  const add = (list: string[], found: string[], source: CaptureSource, field: 'emails' | 'phones') => {
    for (const v of found) if (!list.includes(v)) list.push(v);
    mark(cap, source, field);
  };
  // A single card value is masked as a whole; in the buyer's text the patterns skip masked parts.
  add(b.emails, findEmails(row('email')), 'label', 'emails');
  add(b.emails, findEmails(shown(str(c, 'email'))), 'page-data', 'emails');
  add(b.emails, d.emails, free, 'emails');
  for (const v of [row('mobile'), row('tel')]) add(b.phones, findPhones(v), 'label', 'phones');
  for (const v of [str(c, 'mobile'), str(c, 'phone')]) add(b.phones, findPhones(shown(v)), 'page-data', 'phones');
  add(b.phones, findPhones(said).filter((p) => !findPhones(sellerSaid.join('\n')).includes(p)), free, 'phones');
  take('whatsapp', [row('whatsapp'), 'label'], [findWhatsApp(said, hrefs), free]);
  take('wechat', [row('wechat'), 'label'], [findWeChat(said), free]);
  take('website', [row('website'), 'label'], [str(crm, 'companyWebSite'), 'page-data']);
  const qty = fillQuantity(q);
  if (qty) mark(cap, qty === 'text' ? free : qty, 'quantity');
  b.platformBuyerId = buyerId;
  return cap;
}

/**
 * The other people an Alibaba page shows (PageAdapter.foreign): the senders of the list's other
 * rows and the chat app's other contacts. A value they share with the open conversation's
 * buyer (the same buyer's earlier inquiry in the list) is kept out, so it is never dropped.
 */
function others(doc: Document, openId: string | null): string[] {
  const rows = get(data(doc, 'feedbackListResponse'), 'list');
  const senders = (Array.isArray(rows) ? rows : []).map((x) => (Array.isArray(x) ? x[0] : x));
  const open = senders.filter((x) => str(x, 'tradeId') === openId).flatMap((x) => [str(x, 'sender', 'name'), str(x, 'sender', 'email')]);
  const active = first(doc, '.contact-item.active', '.contact-item-container.active');
  open.push(active?.getAttribute('data-name') ?? null, textOf(active?.querySelector('.contact-name')));
  const out = senders.filter((x) => str(x, 'tradeId') !== openId).flatMap((x) => [str(x, 'sender', 'name'), str(x, 'sender', 'email')]);
  for (const c of Array.from(doc.querySelectorAll('.contact-item:not(.active), .contact-item-container:not(.active)')))
    out.push(c.getAttribute('data-name'), textOf(c.querySelector('.contact-name')));
  const key = (v: string | null) => (cleanName(v) ?? v ?? '').toLowerCase();
  const mine = new Set(open.map(key));
  return out.filter((v): v is string => !!v && !mine.has(key(v)));
}

/** The inquiry open on the list page: the hash route's id, or the query's when no route is set. */
function openListId(url: URL): string | null {
  const m = /feedback\/detail\/[^/]*\/(\d+)/.exec(url.hash);
  return m?.[1] ?? (/feedback/.test(url.hash) ? null : url.searchParams.get('imInquiryId'));
}

const M = 'https://message.alibaba.com/message/';
const OT = 'https://onetalk.alibaba.com/';
const RQ = 'https://sourcing.alibaba.com/';
const FAKE = '.alibaba.com.example.net/message/';

const detail: PageAdapter = {
  id: 'alibaba/inquiry-detail',
  detect: (url) => on(url, 'message', /^\/message\/maDetail\.htm$/i),
  extract: (doc, url) => readChat(fresh(doc), url, doc, url.searchParams.get('imInquiryId'), {}),
  observe: 'body',
  examples: {
    positive: [`${M}maDetail.htm?imInquiryId=8043077219408&secTradeId=9b1e7d2c5a4f40e3`],
    negative: [`${M}default.htm#feedback/all`, `${M}setting.htm`, `https://message${FAKE}maDetail.htm?imInquiryId=1`, 'https://www.alibaba.com/message/maDetail.htm'],
  },
};

const listDetail: PageAdapter = {
  id: 'alibaba/inquiry-list-detail',
  detect: (url) => on(url, 'message', /^\/message\/default\.htm$/i) && !!openListId(url),
  extract(doc, url) {
    fresh(doc);
    const id = openListId(url);
    const panel = first(doc, '.feedback-detail-panel', '[data-route*="detail"]');
    // Right after a click the hash names the new inquiry while the panel still shows the old one.
    if (!id || !panel || !(panel.getAttribute('data-route') ?? id).includes(id)) return emptyCapture('alibaba', url.href);
    // The embedded list holds every row of the page: only the open inquiry's row is read.
    const list = get(data(doc, 'feedbackListResponse'), 'list');
    const r = (Array.isArray(list) ? list : []).map((x) => (Array.isArray(x) ? x[0] : x)).find((x) => str(x, 'tradeId') === id);
    const p = get(r, 'productInfo', 0);
    const qty = Number(get(p, 'quantity')) || null;
    const known: Known = r
      ? {
          name: str(r, 'sender', 'name'),
          country: str(r, 'sender', 'countryName') ?? str(r, 'sender', 'countryCode'),
          subject: str(r, 'subject'),
          receivedAt: fromEpoch(get(r, 'createTime')),
          productId: str(p, 'productId'),
          productTitle: str(p, 'productName'),
          quantity: qty,
          unit: qty ? str(p, 'unit') : null,
        }
      : {};
    return readChat(doc, url, panel, id, known);
  },
  foreign: (doc, url) => others(doc, openListId(url)),
  observe: 'body',
  examples: {
    positive: [`${M}default.htm?imInquiryId=8043102958861#feedback/detail/all/8043102958861/8043102958861/c7d2e90b4f1a43a5/`],
    negative: [`${M}default.htm#feedback/all`, `${M}default.htm`, `${M}template.htm`, `https://message${FAKE}default.htm#feedback/detail/all/1/1/x/`],
  },
};

const chatApp = (id: string, host: string, path: RegExp, positive: string[], negative: string[]): PageAdapter => ({
  id,
  detect: (url) => on(url, host, path),
  extract: (doc, url) => readChat(fresh(doc), url, doc, null, {}, true),
  foreign: (doc) => others(doc, null),
  observe: 'body',
  examples: { positive, negative },
});

const onetalk = chatApp(
  'alibaba/onetalk',
  'onetalk',
  /^\/message\/weblite\w*\.htm$/i,
  [`${OT}message/weblitePWA.htm?activeAccountId=2208815523640#/`],
  [OT, `${OT}download.htm`, `https://onetalk${FAKE}weblitePWA.htm`],
);

// The message center's own chat view: the same messages and CRM card as the inquiry detail.
const messenger = chatApp(
  'alibaba/messenger',
  'message',
  /^\/message\/(messenger|weblite\w*)\.htm$/i,
  [`${M}messenger.htm#/`],
  [`${M}default.htm#feedback/all`, `${M}template.htm`, `https://message${FAKE}messenger.htm`],
);

const rfq: PageAdapter = {
  id: 'alibaba/rfq-detail',
  detect: (url) => on(url, 'sourcing', /^\/(rfq\/)?rfq_detail\.htm$/i),
  extract(doc, url) {
    fresh(doc);
    const cap = emptyCapture('alibaba', url.href);
    const q = cap.inquiry;
    const b = cap.buyer;
    // The address packs the RFQ id: p = base64("ARFQ_DETAIL|<id>|<lang>").
    let idInUrl: string | null = null;
    try {
      idInUrl = /\|(\d+)\|/.exec(atob((url.searchParams.get('p') ?? '').replace(/-/g, '+').replace(/_/g, '/')))?.[1] ?? null;
    } catch {
      /* not base64: the page's own data tells */
    }
    // The RFQ is index.data[0]; `recommend` holds other buyers' RFQs and is never read.
    let d = get(data(doc, 'PAGE_DATA'), 'index', 'data', 0) as Data;
    if (idInUrl && str(d, 'rfqId') !== idInUrl) d = undefined;
    const scope = first(doc, '.brh-rfq-detail', '[data-rfq-id]') ?? doc;
    // The known classes first, else the layout's labelled rows ("Quantity Required:", "采购量：").
    const at = (sel: string, ...labels: string[]) => textOf(first(scope, '.brh-rfq-item__' + sel)) ?? labelValue(scope, labels);
    q.platformInquiryId = str(d, 'rfqId') ?? idInUrl ?? first(doc, '[data-rfq-id]')?.getAttribute('data-rfq-id') ?? null;
    q.subject = str(d, 'subject') ?? at('subject') ?? textOf(first(scope, 'h1'));
    q.message = str(d, 'description') ?? (visibleText(first(scope, '.brh-rfq-item__detail', '[class*=description]', '[class*=rfq-desc]')) || null);
    q.receivedAt = fromEpoch(get(d, 'openTime')) ?? parsePageTime(str(d, 'openTimeStr') ?? at('date', 'Date Posted', 'Posted', 'Post Date', '发布时间', '发布日期'));
    quantity(q, d ? `${str(d, 'quantity')} ${str(d, 'quantityUnit')}` : at('quantity', 'Quantity Required', 'Quantity', 'Purchase Quantity', '采购量', '采购数量'));
    b.name = cleanName(str(d, 'buyerName') ?? at('buyer-name') ?? readLabel(scope, 'name'));
    b.country = str(d, 'country') ?? str(d, 'countrySimple') ?? (clean(at('country')?.replace(/^[^:：]*[:：]/, '')) || readLabel(scope, 'country'));
    b.emails = findEmails(q.message);
    b.phones = findPhones(q.message);
    b.whatsapp = findWhatsApp(q.message);
    b.wechat = findWeChat(q.message);
    if (d) mark(cap, 'page-data', 'name', 'country', 'quantity', 'subject', 'message');
    return cap;
  },
  observe: 'body',
  examples: {
    positive: [`${RQ}rfq_detail.htm?p=QVJGUV9ERVRBSUx8MTEzOTI1ODQwN3xlbg&uuid=5d1e8a7c-3b9f`],
    negative: [RQ, `${RQ}rfq_search_list.htm?searchText=bags`, `${RQ}quote_list.htm`, 'https://sourcing.alibaba.com.example.net/rfq_detail.htm'],
  },
};

export const alibaba: PlatformModule = {
  platform: 'alibaba',
  matches: PLATFORM_MATCHES.alibaba,
  adapters: [detail, listDetail, messenger, onetalk, rfq],
};
