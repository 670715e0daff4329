/**
 * Made-in-China.com (中国制造网) seller back office: Member Center on membercenter.made-in-china.com
 * (English UI) and membercenter.cn.made-in-china.com (Chinese UI).
 *
 * Message detail: the buyer's card is a block of label/value rows ("Buyer's Basic Information",
 * 买家基本信息) beside the message; ids sit in the view form's hidden inputs and in the address.
 * The seller is everywhere else on the page (header "Welcome, ...", the To: line, the reply
 * history, the reply box, MC_GLOBAL), so buyer fields are read only from the buyer card, the
 * From: row and the buyer's own message, never from the whole page.
 *
 * TradeMessenger (web chat): there is no saved copy to build against, so the reader is
 * conservative: the open chat's header and contact panel, and only messages marked as coming
 * from the other side. Anything it cannot place stays empty.
 *
 * Kept small on purpose (the content script budget): selector fallbacks are comma lists.
 */
import { emptyCapture, type CaptureSource, type RawCapture } from '../../lib/capture';
import { all, clean, first, isHidden, labelValue, labelValueElement, textAt, textOf, visibleText } from '../dom';
import { findEmails, isMasked, parseQuantity } from '../patterns';
import { CARD_HEADING, readLabel, readLabelPhones } from '../labels';
import { cleanName } from '../names';
import { fillQuantity } from '../quantity';
import { readChatLines } from '../chat-lines';
import { BUYER_FIELDS, mark } from '../sources';
import { parsePageTime } from '../time';
import type { PageAdapter, PlatformModule } from '../types';
import { PLATFORM_MATCHES } from '../platform-matches';
import { foreignValues, otherRows, SELLER_BAR } from '../foreign';

const HOST = /^membercenter(?:\.cn)?\.made-in-china\.com$/i;

/** A label's value in `root` (the shared label reader), or null when absent, a placeholder or masked. */
const lv = (root: ParentNode, labels: string[]): string | null => {
  const v = labelValue(root, labels);
  return v && !isMasked(v) ? v : null;
};

/** A hidden input of the view form (mailId, buyerId, prodId): data, not display. */
const input = (root: ParentNode, name: string) => clean(root.querySelector(`input[name="${name}"]`)?.getAttribute('value')) || null;

/** Buyer fields from a block of label/value rows (the detail's card, the chat's contact panel). */
function readCard(cap: RawCapture, card: Element | null): void {
  if (!card) return;
  const b = cap.buyer;
  b.name = cleanName(readLabel(card, 'name'));
  b.company = readLabel(card, 'company');
  b.country = readLabel(card, 'country');
  b.phones = readLabelPhones(card);
  b.emails = findEmails(readLabel(card, 'email'));
  const web = readLabel(card, 'website');
  b.website = web && /^\S+\.\S+$/.test(web) && !web.includes('@') ? web : null;
  b.whatsapp = readLabel(card, 'whatsapp');
  b.wechat = readLabel(card, 'wechat');
  mark(cap, 'label', ...BUYER_FIELDS);
}

/** Contacts the buyer wrote in their own message: a fallback when the card does not show them. */
function fromMessage(cap: RawCapture, source: CaptureSource, seller: string[] = []): void {
  const text = cap.inquiry.message;
  const b = cap.buyer;
  const d = readChatLines([...seller.map((t) => ({ text: t, mine: true })), { text: text ?? '', mine: false }]);
  if (!b.emails.length) b.emails = d.emails;
  if (!b.phones.length) b.phones = d.phones;
  b.whatsapp ??= d.whatsapp;
  b.wechat ??= d.wechat;
  b.name ??= d.name;
  b.company ??= d.company;
  mark(cap, source, ...BUYER_FIELDS);
  const qty = fillQuantity(cap.inquiry);
  if (qty) mark(cap, qty === 'text' ? source : qty, 'quantity');
}

/** Visible text of a message without the machine translation the back office may add under it. */
const ownText = (el: Element | null) => visibleText(el, '[class*=translat]').trim();

/** The parts of a message detail: the buyer card, the From row, the buyer's message (the reader and `foreign` share them). */
function detailParts(doc: Document) {
  const main: ParentNode = first(doc, '.mc-main', 'main', '#main') ?? doc;
  // The buyer card: by class, else the block under a heading naming the buyer's information.
  let card = first(main, '.buyer-info,[class*=buyer-info],[class*=buyerInfo]');
  // Text first, visibility only for a match: isHidden reads computed styles up the ancestors.
  for (const h of card ? [] : Array.from(main.querySelectorAll('h2,h3,h4,h5,h6,[class*=title],[class*=head]'))) {
    if (CARD_HEADING.test(clean(h.textContent)) && !isHidden(h)) {
      card = h.parentElement;
      break;
    }
  }
  const row = labelValueElement(main, ['From', '发件人', '询盘人']);
  const from = row && !('inline' in row) ? row : null;
  const message = first(main, '.msg-content,[class*=mail-content],[class*=message-content],[class*=mail-body],[class*=msg-body],[class*=message-body],[class*=inquiry-content]');
  return { main, card, from, message };
}

function extractDetail(doc: Document, url: URL): RawCapture {
  const cap = emptyCapture('made-in-china', url.href);
  const b = cap.buyer;
  const q = cap.inquiry;
  const { main, card, from, message } = detailParts(doc);
  const sp = url.searchParams;

  // The id is in the query (?mailId=), a hidden input, or the path of newer pages (/inquiry/detail/<id>).
  q.platformInquiryId = sp.get('mailId') ?? sp.get('inquiryId') ?? input(main, 'mailId') ?? /\/detail\/(\w+)/.exec(url.pathname)?.[1] ?? null;

  readCard(cap, card);

  // The From: row names the buyer ("Daniel Okafor (Nigeria) View Buyer Profile") and links the profile.
  if (from) {
    // The value may be the <b> itself ("<span>From:</span> <b>Name</b> (Ghana)"): the country is then beside it in the row.
    b.name ??= cleanName(textAt(from, 'b,strong') ?? (from.matches('b,strong') ? textOf(from) : null));
    b.country ??= /\(([^()]{2,40})\)/.exec(clean((from.matches('b,strong') ? from.parentElement : from)?.textContent))?.[1] ?? null;
  }
  const profile = (from ?? main).querySelector('a[href*="buyerId="]')?.getAttribute('href');
  b.platformBuyerId = input(main, 'buyerId') ?? /buyerId=([\w-]+)/.exec(profile ?? '')?.[1] ?? null;
  mark(cap, 'selector', 'name', 'country', 'platformBuyerId');

  q.subject =
    textAt(main, '.msg-subject,[class*=mail-subject]') ?? lv(main, ['Subject', '主题']) ?? textAt(main, 'h1[class*=subject],h2[class*=subject],[class*=subject]') ?? /^(.+?) - /.exec(doc.title)?.[1] ?? null;

  // "2026-11-19 14:37" is in the zone the page states ("All times are shown in (GMT+08:00) Beijing").
  const date = textAt(main, '.msg-date,[class*=mail-date]') ?? lv(main, ['Date', 'Time', '日期', '时间', '发送时间']);
  const zone = /(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?/i.exec(textAt(doc, '.tz-tip,[class*=timezone]') ?? '');
  q.receivedAt = parsePageTime(date && zone && !/GMT|UTC/i.test(date) ? date + ' ' + zone[0] : date);

  const prod = first(main, '.prod-box,[class*=prod-info],[class*=product-info]') ?? main;
  const link = first(prod, 'a[href*="/product/"]');
  q.productTitle = textOf(link);
  q.productId = input(main, 'prodId') ?? /\/product\/(\w+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? null;
  // "Purchase Quantity: <b>2</b> Sets" / "采购数量：2 台".
  for (const el of Array.from(prod.querySelectorAll('div,p,li,td'))) {
    const m = el.children.length < 4 && /^(?:(?:purchase |order )?quantity|(?:采购|订购)?数量)\s*[:：]\s*(\d.{0,30})$/i.exec(clean(el.textContent));
    if (m && !isHidden(el)) {
      ({ quantity: q.quantity, unit: q.unit } = parseQuantity(m[1]));
      break;
    }
  }

  // The buyer's words: the message body only (the reply history below it is the seller's).
  q.message = ownText(message) || null;
  fromMessage(cap, 'text');
  return cap;
}

// Chat rows say which side they are on in their class ("msg-item msg-left", "message-item other").
const BUYER_SIDE = /\b(?:left|other|receive[d]?|incoming|buyer|opposite)\b/i;
const SELLER_SIDE = /\b(?:right|self|mine|me|send|sent|outgoing|seller|system|notice)\b/i;

/** The parts of a TradeMessenger page: the open chat, its header, its contact panel, its rows by side. */
function chatParts(doc: Document) {
  const chat: ParentNode = first(doc, '[class*=chat-main],[class*=chat-window],[class*=chat-box]') ?? doc;
  // The contact panel of the open chat has the same label/value rows as the message detail.
  const panel = first(doc, '[class*=contact-info],[class*=buyer-info],[class*=customer-info]');
  const head = first(chat, '[class*=chat-header],[class*=chat-title]');
  const theirs: Element[] = [];
  const ours: Element[] = [];
  for (const item of all(chat, '[class*=msg-item],[class*=message-item],[class*=chat-item]')) {
    // Only rows positively marked as the other side's; ours, system notices and unmarked rows are skipped.
    const side = item.className.replace(/[-_]/g, ' ');
    if (SELLER_SIDE.test(side)) ours.push(item);
    else if (BUYER_SIDE.test(side)) theirs.push(item);
  }
  return { chat, panel, head, theirs, ours };
}

function extractChat(doc: Document, url: URL): RawCapture {
  const cap = emptyCapture('made-in-china', url.href);
  const b = cap.buyer;
  const { panel, head, theirs, ours: oursEl } = chatParts(doc);
  readCard(cap, panel);
  if (head) {
    b.name ??= cleanName(textAt(head, '[class*=contact-name],[class*=nick],b,strong'));
    b.company ??= textAt(head, '[class*=company]');
  }
  b.platformBuyerId = url.searchParams.get('buyerId');
  mark(cap, 'selector', 'name', 'company', 'platformBuyerId');

  const said = (item: Element) => ownText(first(item, '[class*=content],[class*=text],[class*=bubble]') ?? item);
  const words = theirs.map(said).filter(Boolean);
  const ours = oursEl.map(said);
  cap.inquiry.message = words.join('\n\n') || null;
  fromMessage(cap, 'chat', ours);
  return cap;
}

/** The seller (top bar, replies) and the other rows of the page (other mails, other chats), never the buyer's. */
function detailForeign(doc: Document): string[] {
  const { main, card, from, message } = detailParts(doc);
  const row = from?.closest('tr,p,li,[class*=row],[class*=line]') ?? from;
  return foreignValues([...all(doc, SELLER_BAR + ',[class*=tm-me]'), ...all(main, '[class*=reply],[class*=history]'), ...otherRows(doc)], [card, row, message]);
}

function chatForeign(doc: Document): string[] {
  const { panel, head, theirs, ours } = chatParts(doc);
  return foreignValues([...all(doc, SELLER_BAR + ',[class*=tm-me]'), ...ours, ...otherRows(doc)], [panel, head, ...theirs]);
}

const isTm = (u: URL) => HOST.test(u.hostname) && /^\/(?:tm(?:\.do|\/|$)|trademessenger)/i.test(u.pathname);

const MC = 'https://membercenter.made-in-china.com/';
const CN = 'https://membercenter.cn.made-in-china.com/';
const VIEW = 'messagecenter.do?xcase=view&mailId=eQnJyXWvSkRt';

const messageDetail: PageAdapter = {
  id: 'made-in-china/message-detail',
  detect: (u) =>
    HOST.test(u.hostname) &&
    !isTm(u) &&
    /message|mail|inquiry/i.test(u.pathname) &&
    (/^view$/i.test(u.searchParams.get('xcase') ?? '') || /[?&](?:mailId|inquiryId)=\w/.test(u.search) || /\/detail\/\w/.test(u.pathname)),
  extract: extractDetail,
  foreign: detailForeign,
  observe: 'body',
  examples: {
    positive: [MC + VIEW + '&folder=inbox', CN + VIEW, CN + 'inquiry/detail/hGsZqVbYtMkE'],
    negative: [
      MC + 'messagecenter.do?xcase=inbox',
      MC + 'productmanage.do?xcase=list',
      MC + 'tm.do?xcase=open',
      'https://www.made-in-china.com/' + VIEW,
      'https://membercenter.made-in-china.com.evil.example/' + VIEW,
    ],
  },
};

const tradeMessenger: PageAdapter = {
  id: 'made-in-china/trade-messenger',
  detect: isTm,
  extract: extractChat,
  foreign: chatForeign,
  observe: 'body',
  examples: {
    positive: [MC + 'tm.do?xcase=open', CN + 'tm/chat?buyerId=bYtRmKqPzLwE'],
    negative: [MC + 'help/tm.do', 'https://www.made-in-china.com/tm.do?xcase=open'],
  },
};

export const madeInChina: PlatformModule = {
  platform: 'made-in-china',
  matches: PLATFORM_MATCHES['made-in-china'],
  adapters: [messageDetail, tradeMessenger],
};
