/**
 * Global Sources (环球资源) Supplier Center, supplier.globalsources.com: the inquiry detail.
 *
 * The buyer is the "Buyer Profile" box of label/value rows beside the message; the inquiry and
 * product ids are data-* attributes and the address. The page states its time zone beside the
 * time ("18 Nov 2026 17:26 (GMT+08:00)"), which parsePageTime honours. The seller's own account
 * (header menu, window.__SC_CONTEXT__, the prefilled reply box, the supplier card in the side
 * menu) is never read: every buyer field comes from the profile box or the buyer's message.
 */
import { emptyCapture, type RawCapture } from '../../lib/capture';
import { all, attrAt, clean, first, isHidden, labelValue, textAt, visibleText } from '../dom';
import { findEmails, findPhones, findWeChat, findWhatsApp, isMasked, parseQuantity } from '../patterns';
import { CARD_HEADING, readLabel, readLabelPhones } from '../labels';
import { cleanName } from '../names';
import { fillQuantity } from '../quantity';
import { readChatLines } from '../chat-lines';
import { BUYER_FIELDS, mark } from '../sources';
import { parsePageTime } from '../time';
import type { PageAdapter, PlatformModule } from '../types';
import { PLATFORM_MATCHES } from '../platform-matches';
import { foreignValues, otherRows, SELLER_BAR } from '../foreign';

/** A label's value, or null when absent or masked ("Request to view", "g***@..."). */
function lv(root: ParentNode, labels: string[]): string | null {
  const v = labelValue(root, labels);
  return v && !isMasked(v) ? v : null;
}

/** The buyer profile box: by class, else the block under a "Buyer Profile" heading. */
function profileBox(doc: Document): Element | null {
  const box = first(doc, '.buyer-profile,[class*=buyer-profile],[class*=buyer-info],[class*=buyerInfo]');
  for (const h of box ? [] : Array.from(doc.querySelectorAll('h2,h3,h4,h5,[class*=title],[class*=head]'))) {
    if (CARD_HEADING.test(clean(h.textContent)) && !isHidden(h)) return h.parentElement;
  }
  return box;
}

const mainOf = (doc: Document): ParentNode => first(doc, '.inq-main,[data-inquiry-id],[class*=inquiry-detail]') ?? first(doc, 'main') ?? doc;
const messageOf = (main: ParentNode) =>
  first(main, '.inq-message,[class*=inquiry-message],[class*=enquiry-message],[class*=message-content],[class*=msg-content],[class*=message-body],[class*=msg-body],[class*=inquiry-content]');

/** The seller (header, the conversation's sent lines, the reply box) and the other inquiries of the list. */
function detailForeign(doc: Document): string[] {
  const main = mainOf(doc);
  const own = [profileBox(doc), messageOf(main), first(main, '.inq-subject,h1')];
  return foreignValues([...all(doc, SELLER_BAR + ',[class*=conversation],[class*=reply],[class*=sent],[class*=nav]'), ...otherRows(doc)], own);
}

function extractDetail(doc: Document, url: URL): RawCapture {
  const cap = emptyCapture('global-sources', url.href);
  const b = cap.buyer;
  const q = cap.inquiry;
  const main = mainOf(doc);

  // The id: the address names it in the query or, on newer pages, as the last path segment.
  const sp = url.searchParams;
  q.platformInquiryId =
    sp.get('inquiryId') ?? sp.get('inqId') ?? sp.get('enquiryId') ?? sp.get('messageId') ?? sp.get('msgId') ?? sp.get('rfqId') ?? sp.get('id') ??
    /\/(\d{6,})(?:[/.]|$)/.exec(url.pathname)?.[1] ?? attrAt(doc, '[data-inquiry-id]', 'data-inquiry-id') ?? lv(main, ['Inquiry ID', 'Inquiry No.', '询盘编号', '询盘号']);
  q.subject = textAt(main, '.inq-subject,h1');
  const time = first(main, 'time,.inq-received');
  q.receivedAt = parsePageTime(time?.getAttribute('datetime') || textAt(main, 'time,.inq-received') || lv(main, ['Received', 'Date', '收到时间', '时间']));

  const prod = first(main, '[data-product-id],.inq-product,[class*=product]') ?? main;
  q.productTitle = textAt(prod, '.p-name,a[href*="globalsources.com/"]');
  q.productId = attrAt(main, '[data-product-id]', 'data-product-id') ?? lv(prod, ['Product ID', '产品编号']);
  ({ quantity: q.quantity, unit: q.unit } = parseQuantity(lv(prod, ['Order quantity', 'Quantity', 'Purchase quantity', '采购数量', '数量'])));

  const box = profileBox(doc);
  if (box) {
    b.name = cleanName(readLabel(box, 'name', ['Contact name'])) ?? cleanName(textAt(box, '.bp-name,[class*=name]'));
    b.company = readLabel(box, 'company');
    b.country = readLabel(box, 'country');
    b.emails = findEmails(readLabel(box, 'email'));
    b.phones = readLabelPhones(box);
    const web = readLabel(box, 'website');
    b.website = web && /^\S+\.\S+$/.test(web) && !web.includes('@') ? web : null;
    b.whatsapp = readLabel(box, 'whatsapp');
    b.wechat = readLabel(box, 'wechat');
    b.platformBuyerId = attrAt(box, '[data-buyer-id]', 'data-buyer-id') ?? lv(box, ['Buyer ID', '买家编号']);
    mark(cap, 'label', ...BUYER_FIELDS);
  }

  // The buyer's words; the reply box below it is a <textarea> (the seller's draft), never read.
  q.message = visibleText(messageOf(main), '[class*=translat]').trim() || null;
  const d = readChatLines([{ text: q.message ?? '', mine: false }]);
  b.emails = b.emails.length ? b.emails : d.emails;
  // A profile box that masks the phone: the number the buyer wrote in the message.
  // Unlabelled, only a number written internationally ("reach me at +46 70 …"): no register number starts with +.
  b.phones = b.phones.length ? b.phones : d.phones.length ? d.phones : findPhones(q.message).filter((p) => /^(?:\+|00)/.test(p));
  b.whatsapp ??= findWhatsApp(q.message);
  b.wechat ??= findWeChat(q.message);
  b.name ??= d.name;
  b.company ??= d.company;
  mark(cap, 'text', ...BUYER_FIELDS);
  const qty = fillQuantity(q);
  if (qty) mark(cap, qty, 'quantity');
  return cap;
}

const SC = 'https://supplier.globalsources.com/supplier-center/inquiry/';

const inquiryDetail: PageAdapter = {
  id: 'global-sources/inquiry-detail',
  // The supplier centre has moved its pages more than once (/supplier-center/inquiry/detail,
  // /sc/inquiry/view/<id>, /inquiry/detail.htm, the message centre): one open inquiry or message,
  // by its id in the query or the path, on any of them; lists and settings are not detail pages.
  detect: (u) =>
    u.protocol === 'https:' &&
    u.hostname === 'supplier.globalsources.com' &&
    /\b(?:inquir\w*|enquir\w*|messages?|rfq|rfi)\b/i.test(u.pathname) &&
    !/\/(?:list|search|settings?|template\w*|stat\w*)(?:[/.]|$)/i.test(u.pathname) &&
    (/[?&](?:inquiryId|inqId|enquiryId|messageId|msgId|rfqId|id)=\w/i.test(u.search) || /\/(?:detail|view|read)\b|\/\d{6,}(?:[/.]|$)/i.test(u.pathname)),
  extract: extractDetail,
  foreign: detailForeign,
  observe: 'body',
  examples: {
    positive: [
      SC + 'detail?inquiryId=50318764207&folder=inbox',
      SC + 'detail?inquiryId=50318690417&folder=forwarded',
      'https://supplier.globalsources.com/sc/inquiry/view/50318764207',
      'https://supplier.globalsources.com/inquiry/detail.htm?inqId=50318764207',
      'https://supplier.globalsources.com/supplier-center/message/detail?messageId=8841203377',
      'https://supplier.globalsources.com/supplier-center/rfq/detail?rfqId=7712093',
    ],
    negative: [
      SC + 'list?folder=inbox',
      SC + 'list?folder=inbox&id=5',
      'https://supplier.globalsources.com/supplier-center/inquiry/template',
      'https://supplier.globalsources.com/supplier-center/buyer-leads',
      'https://supplier.globalsources.com/supplier-center/home',
      'https://supplier.globalsources.com/supplier-center/rfq/list',
      'https://www.globalsources.com/Ceramic-table-lamp/ceramic-table-lamp-1209348871p.htm',
      'https://supplier.globalsources.com.evil.example/supplier-center/inquiry/detail?inquiryId=1',
    ],
  },
};

export const globalSources: PlatformModule = {
  platform: 'global-sources',
  matches: PLATFORM_MATCHES['global-sources'],
  adapters: [inquiryDetail],
};
