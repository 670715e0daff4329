/**
 * WhatsApp Web (web.whatsapp.com): the open chat. Without a chat open there is no #main pane and
 * the capture is empty; the chat list beside it (#pane-side) names other buyers and is never read.
 *
 * Open chat: #main header span[title] is the contact as saved (or their number); each message row
 * is .message-in (the buyer) or .message-out (the seller) with a data-id of
 * "<fromMe>_<number>@c.us_<id>" on it or its row, and a .copyable-text whose
 * data-pre-plain-text is "[HH:MM, DD/MM/YYYY] Name: " in the browser's zone and date order.
 * The contact-info drawer, when open, shows the number and the contact's About line.
 * The chat's own number is the buyer's WhatsApp; everything the seller wrote (outgoing messages,
 * the seller's signature) is excluded from the buyer's details.
 */
import { emptyCapture, type RawCapture } from '../../lib/capture';
import { all, clean, first, textOf, visibleText } from '../dom';
import { isCompanyLike, readContacts } from '../mail-signature';
import { readChatLines, sellerValues } from '../chat-lines';
import { cleanName } from '../names';
import { fillQuantity } from '../quantity';
import { BUYER_FIELDS, mark } from '../sources';
import { isMonthFirst, monthFirstToIso, parsePageTime } from '../time';
import type { PageAdapter, PlatformModule } from '../types';
import { PLATFORM_MATCHES } from '../platform-matches';

// A message quoting an earlier one (reply): the quoted part is not what this sender wrote now.
const QUOTED = '[aria-label^="Quoted"], .quoted-mention, [data-testid="quoted-message"]';
const PHONE_ONLY = /^\+?[\d\s().-]{7,20}$/;

interface ChatMessage {
  incoming: boolean;
  when: string | null;
  author: string | null;
  text: string;
  hrefs: string[];
}

function readRow(row: Element): ChatMessage {
  const box = row.querySelector('[data-pre-plain-text]');
  // "[15:06, 18/11/2026] Karim Haddad: "
  const pre = /^\s*\[([^\]]+)\]\s*(.*?):\s*$/.exec(box?.getAttribute('data-pre-plain-text') ?? '');
  const body = box ?? row.querySelector('.copyable-text');
  return {
    incoming: row.classList.contains('message-in'),
    when: pre?.[1] ?? null,
    author: clean(pre?.[2]) || null,
    text: visibleText(body, QUOTED),
    hrefs: body ? all(body, 'a[href]').map((a) => a.getAttribute('href') ?? '') : [],
  };
}

/** "🇱🇧" -> "LB": a flag in the contact's About line names their country. */
function flagCountry(s: string | null): string | null {
  const m = /([\u{1F1E6}-\u{1F1FF}])([\u{1F1E6}-\u{1F1FF}])/u.exec(s ?? '');
  const letter = (c: string | undefined) => String.fromCharCode((c?.codePointAt(0) ?? 0) - 0x1f1e6 + 65);
  return m ? letter(m[1]) + letter(m[2]) : null;
}

// The contact or business drawer in the user's language: "Contact info", "Business info",
// "联系人信息", "商家信息", "Dados do contato", "Info. de empresa", "Infos du contact"...
const DRAWER_LABEL = /info|信息|資訊|資料|dados|datos|données|kontakt|contatto|情報/i;

/** The open drawer beside the chat: labelled as contact or business info, outside the chat and the list. */
function findDrawer(doc: Document): Element | null {
  return (
    first(doc, '[data-testid="contact-info-drawer"]', '[data-testid="business-info"]') ??
    all(doc, 'section[aria-label], div[aria-label]').find(
      (e) => e.getAttribute('role') !== 'button' && DRAWER_LABEL.test(e.getAttribute('aria-label') ?? '') && !e.closest('#main, #side, #pane-side'),
    ) ??
    null
  );
}

function extractChat(doc: Document, url: URL): RawCapture {
  const cap = emptyCapture('whatsapp', url.href);
  const main = first(doc, '#main');
  if (!main) return cap;
  const header = main.querySelector('header');
  const title = header ? textOf(first(header, 'span[dir="auto"][title]', 'span[title]')) : null;

  // The chat's own id: every message row carries it. A group (@g.us) has no single buyer, and
  // a privacy id (@lid) is not a phone number.
  // Plain queries inside #main: a visibility check per message row costs too much on long chats.
  const ids = Array.from(main.querySelectorAll('[data-id]'), (e) => e.getAttribute('data-id') ?? '');
  if (ids.some((id) => /@g\.us/.test(id))) return cap;
  const jid = ids.map((id) => /^(?:true|false)_(\d{6,15})@c\.us/.exec(id)?.[1]).find(Boolean);

  const drawer = findDrawer(doc);
  // The About line: the value after its label (the drawer is in the user's language).
  const aboutLabel = drawer && all(drawer, 'div, span').find((e) => /^(?:about|info|关于|个性签名)$/i.test(clean(e.textContent)));
  const about = textOf(aboutLabel?.nextElementSibling);
  const drawerPhone = drawer ? all(drawer, 'span').map(textOf).find((t) => !!t && /^\+/.test(t) && PHONE_ONLY.test(t)) : null;
  const number = jid ? '+' + jid : drawerPhone ?? (title && PHONE_ONLY.test(title) ? title : null);

  const rows = Array.from(main.querySelectorAll('.message-in, .message-out')).filter((r) => !r.parentElement?.closest('.message-in, .message-out'));
  const messages = rows.map(readRow);
  const incoming = messages.filter((m) => m.incoming && m.text);
  const outgoing = messages.filter((m) => !m.incoming);

  // The seller's own words, signature and name are never the buyer's (the chat-line reader).
  const text = incoming.map((m) => m.text).join('\n\n');
  const lines = messages.map((m) => ({ text: m.text, mine: !m.incoming, hrefs: m.hrefs }));
  const authors = outgoing.map((m) => m.author ?? '').filter(Boolean);
  const d = readChatLines(lines, { exclude: authors });
  const aboutCompany = (about ?? '')
    .split(/\s+[–—|·•-]\s+|\s*[,，]\s*/)
    .map((s) => s.replace(/[\u{1F000}-\u{1FFFF}\u2600-\u27BF]/gu, '').trim())
    .find((s) => isCompanyLike(s, d.emails[0]));

  // A business drawer lists the business name, its address, email and site as plain lines.
  const drawerHrefs = drawer ? all(drawer, 'a[href]').map((a) => a.getAttribute('href') ?? '') : [];
  const card = drawer
    ? readContacts(
        // One line per leaf: the drawer's rows are spans and links, not always blocks. The groups in
        // common (list items, buttons, titled names) are other people's, never the buyer's.
        all(drawer, '*')
          .filter((e) => !e.firstElementChild && !e.closest('[role="list"], [role="listitem"], [role="button"], [role="row"], [title]'))
          .map(textOf)
          .filter((l): l is string => !!l && l !== title),
        { hrefs: drawerHrefs, exclude: sellerValues(lines, authors) },
      )
    : null;

  const b = cap.buyer;
  // A number not saved as a contact is the header itself: then the name is the one given in chat.
  b.name = title && !PHONE_ONLY.test(title) ? cleanName(title) : null;
  mark(cap, 'selector', 'name');
  b.name ??= d.name;
  b.whatsapp = number;
  b.phones = [...(number ? [number] : [])];
  mark(cap, 'selector', 'whatsapp', 'phones');
  b.phones.push(...d.phones.filter((p) => p.replace(/\D/g, '') !== number?.replace(/\D/g, '')));
  b.emails = [...d.emails, ...(card?.emails ?? []).filter((e) => !d.emails.includes(e))];
  b.company = d.company ?? aboutCompany ?? card?.company ?? null;
  const drawnCountry = flagCountry(about) ?? (d.place || d.country ? null : card?.country ?? null);
  b.country = drawnCountry ?? d.place ?? d.country;
  if (!d.company && b.company) mark(cap, 'selector', 'company');
  if (drawnCountry) mark(cap, 'selector', 'country');
  if (card?.emails.length) mark(cap, 'selector', 'emails');
  b.wechat = d.wechat;
  // The business drawer links the buyer's own site.
  const site = drawer ? all(drawer, 'a[href^="http"]').map((a) => a.getAttribute('href') ?? '').find((h) => !/whatsapp\.com|wa\.me|facebook\.com|instagram\.com/i.test(h)) : null;
  b.website = site ?? d.website;
  if (site) mark(cap, 'selector', 'website');
  b.linkedin = d.linkedin;
  mark(cap, 'chat', ...BUYER_FIELDS);

  const whens = messages.map((m) => m.when);
  const monthFirst = isMonthFirst(whens, doc.documentElement.lang);
  const firstIn = incoming.find((m) => m.when);
  cap.inquiry.receivedAt = firstIn ? parsePageTime(monthFirst ? monthFirstToIso(firstIn.when!) : firstIn.when) : null;
  cap.inquiry.message = text || null;
  const qty = fillQuantity(cap.inquiry);
  if (qty) mark(cap, 'chat', 'quantity');
  // A chat opened but empty, with no number: nothing to capture.
  if (!number && !b.name && !text) return emptyCapture('whatsapp', url.href);
  return cap;
}

const chat: PageAdapter = {
  id: 'whatsapp/chat',
  // WhatsApp Web is one page: the open chat is told apart from the start screen by the DOM.
  detect: (u) => u.protocol === 'https:' && u.hostname === 'web.whatsapp.com',
  extract: extractChat,
  // The app root: #main itself is replaced on every chat switch.
  observe: '#app',
  examples: {
    positive: ['https://web.whatsapp.com/', 'https://web.whatsapp.com/send?phone=96171438206', 'https://web.whatsapp.com/#'],
    negative: [
      'https://www.whatsapp.com/',
      'https://faq.whatsapp.com/web',
      'https://api.whatsapp.com/send?phone=96171438206',
      'https://wa.me/96171438206',
      'https://web.whatsapp.com.example.org/',
      'http://web.whatsapp.com/',
    ],
  },
};

export const whatsapp: PlatformModule = {
  platform: 'whatsapp',
  matches: PLATFORM_MATCHES.whatsapp,
  adapters: [chat],
};
