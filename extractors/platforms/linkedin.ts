/**
 * LinkedIn profile pages, www.linkedin.com/in/<slug>/ (and the same page with the "Contact info"
 * overlay open, /in/<slug>/overlay/contact-info/).
 *
 * The person is the top card of <main>: the h1 is the name, the small light line under the
 * headline the location, the "Current company" button (or the first Experience entry marked
 * "Present") the company. Contact details exist only in the Contact info overlay, which LinkedIn
 * renders in a modal outside <main>, one <section> per kind (Email, Phone, Website, IM).
 * Never read: the global nav (the seller's own "Me" menu and photo), the right rail ("People
 * also viewed"), the messaging overlay. The seller's own profile is not a buyer: when the
 * profile is the signed-in member's (the name matches the "Me" photo, or the edit-intro
 * control is shown), nothing is captured.
 */
import { emptyCapture, type RawCapture } from '../../lib/capture';
import { all, attrAt, clean, first, textAt, textOf, visibleText } from '../dom';
import { findEmails, isMasked } from '../patterns';
import { readChatLines } from '../chat-lines';
import { cleanName } from '../names';
import { fillQuantity } from '../quantity';
import { BUYER_FIELDS, mark } from '../sources';
import type { PageAdapter, PlatformModule } from '../types';
import { PLATFORM_MATCHES } from '../platform-matches';

const PROFILE = /^\/in\/([^/]+)\/?(?:overlay\/contact-info\/?)?$/;
const CURRENT_COMPANY = /^\s*(?:current company|empresa actual|empresa atual|aktuelles unternehmen|entreprise actuelle|azienda attuale|huidig bedrijf|obecna firma|mevcut şirket|当前公司|目前公司|現在の会社|현재 회사)\s*[:：]\s*/i;
// "Jan 2020 - Present" in the UI's language.
const PRESENT = /present|heute|aujourd|actualidad|actualmente|atualmente|o momento|attuale|heden|obecnie|günümüz|至今|现在|現在|현재/i;
// Overlay sections by their heading in the UI's language.
const HEAD = {
  email: /e-?mail|邮箱|邮件|郵件|メール|correo|이메일/i,
  phone: /phone|电话|電話|tel[eé]fono|telefone|telefon|전화/i,
  website: /website|网站|網站|sitio web|site|webseite|ウェブサイト|웹사이트/i,
  im: /^im$|即时|即時|mensajer|インスタント/i,
};

/**
 * What a profile line shows: LinkedIn puts the visible text in span[aria-hidden="true"] (beside a
 * visually-hidden copy for screen readers), which the hidden-node rule would otherwise skip.
 */
const shown = (el: Element | null): string | null =>
  el ? clean(el.querySelector('span[aria-hidden="true"]')?.textContent) || textOf(el) : null;

function extractProfile(doc: Document, url: URL): RawCapture {
  const cap = emptyCapture('linkedin', url.href);
  const b = cap.buyer;
  const main = first(doc, 'main') ?? doc.body;
  if (!main) return cap;
  const h1 = first(main, 'h1');
  const name = textOf(h1);
  const me = clean(attrAt(doc, '.global-nav__me-photo', 'alt'));
  // The signed-in member's own profile: nothing on it is a buyer.
  if (!name || !/\p{L}/u.test(name) || name === me || first(main, '[aria-label="Edit intro"],a[href*="/edit/forms/intro"]')) return cap;
  b.name = name;
  b.linkedin = 'https://www.linkedin.com/in/' + (PROFILE.exec(url.pathname)?.[1] ?? '');

  const card = h1?.closest('section') ?? main;
  // "Munich, Bavaria, Germany": the country is the last part (normalizeCountry maps it).
  const place = textAt(card, '.text-body-small.inline.t-black--light.break-words,[class*=top-card__subline-item]');
  b.country = place ? clean(place.split(',').pop()) || null : null;

  // "Current company: Nordhaus Küchentechnik GmbH. Click to skip to experience card", in the UI's
  // language ("Empresa actual: …", "当前公司：…"); the button's own text is the company.
  const current = all(card, 'button[aria-label]').find((e) => CURRENT_COMPANY.test(e.getAttribute('aria-label') ?? ''));
  const label = current?.getAttribute('aria-label') ?? '';
  b.company = current ? textOf(current) || clean(label.replace(CURRENT_COMPANY, '').replace(/\.\s+[^.]*$/, '')) || null : null;
  if (!b.company) {
    const exp = main.querySelector('#experience')?.closest('section');
    const job = exp ? first(exp, 'li.artdeco-list__item') : null;
    if (job && PRESENT.test(job.textContent ?? '')) {
      // A single role: "Company · Full-time" under the title; grouped roles: the company is the bold line.
      const grouped = job.querySelector('ul li, .pvs-list');
      b.company = clean((shown(first(job, grouped ? '.t-bold' : 'span.t-14.t-normal:not(.t-black--light)')) ?? '').split(' · ')[0]) || null;
    }
  }

  // The Contact info overlay, when open.
  const overlay = first(doc, '.pv-contact-info,[aria-labelledby="pv-contact-info"],.artdeco-modal');
  if (overlay) {
    for (const sec of all(overlay, 'section')) {
      const head = textAt(sec, 'h3') ?? '';
      const items = all(sec, 'li,.pv-contact-info__ci-container');
      if (HEAD.email.test(head)) for (const a of all(sec, 'a[href^="mailto:"]')) b.emails.push(...findEmails(a.getAttribute('href')));
      else if (HEAD.phone.test(head))
        for (const li of items) {
          const v = textAt(li, 'span') ?? textOf(li);
          if (v && !isMasked(v) && !b.phones.includes(v)) b.phones.push(v);
        }
      else if (HEAD.website.test(head)) b.website ??= all(sec, 'a[href]').map((a) => a.getAttribute('href') ?? '').find((h) => /^https?:/i.test(h) && !/linkedin\.com/i.test(h)) ?? null;
      else if (HEAD.im.test(head)) b.wechat ??= items.map((li) => textOf(li) ?? '').map((t) => /^(\S+)\s*\(WeChat\)/i.exec(t)?.[1]).find(Boolean) ?? null;
    }
  }
  return cap;
}

const IN = 'https://www.linkedin.com/in/';
const THREAD = /^\/messaging\/(?:thread\/[^/]+\/?)?$/;
// "Head of Purchasing at Anadolu Yapı", "Gerente de compras en X", "Einkauf bei X", "Acheteur chez X".
const HEADLINE_COMPANY = /\s(?:at|@|en|bei|chez|na|presso|bij|w)\s+([^|·•]+?)\s*(?:[|·•]|$)/;

/**
 * A messaging thread (/messaging/thread/<id>/): the title bar names the other member and links
 * their profile; each message is a .msg-s-event-listitem, the other member's marked "--other"
 * (else told apart by the group's sender name). The seller's own lines only exclude, the
 * conversation list beside the thread and the reply box are never read.
 */
function extractThread(doc: Document, url: URL): RawCapture {
  const cap = emptyCapture('linkedin', url.href);
  const thread = first(doc, '.msg-thread', '.msg-convo-wrapper', '[data-view-name="message-thread"]');
  if (!thread) return cap;
  const bar = first(thread, '.msg-title-bar', '.msg-entity-lockup') ?? thread;
  const name = textAt(bar, '.msg-entity-lockup__entity-title', 'h2');
  const me = clean(attrAt(doc, '.global-nav__me-photo', 'alt'));
  // A group conversation names several members: no single buyer.
  if (!name || name === me || /,|\+\d/.test(name)) return cap;
  const profile = all(bar, 'a[href*="/in/"]').map((a) => /\/in\/([^/?#]+)/.exec(a.getAttribute('href') ?? '')?.[1]).find(Boolean);

  const items = all(thread, '.msg-s-event-listitem');
  const marked = items.some((li) => li.classList.contains('msg-s-event-listitem--other'));
  let sender: string | null = null;
  const lines = items.map((li) => {
    sender = textAt(li, '.msg-s-message-group__name') ?? sender;
    const mine = marked ? !li.classList.contains('msg-s-event-listitem--other') : sender !== name;
    return { text: visibleText(first(li, '.msg-s-event-listitem__body')), mine, hrefs: all(li, '.msg-s-event-listitem__body a[href]').map((a) => a.getAttribute('href') ?? '') };
  });
  const d = readChatLines(lines, { exclude: me ? [me] : [] });
  const b = cap.buyer;
  b.name = cleanName(name);
  b.linkedin = profile ? IN + profile : null;
  mark(cap, 'selector', 'name', 'linkedin');
  const headline = textAt(bar, '.msg-entity-lockup__entity-info');
  const fromHeadline = clean(HEADLINE_COMPANY.exec(headline ?? '')?.[1]) || null;
  Object.assign(b, { emails: d.emails, phones: d.phones, whatsapp: d.whatsapp, wechat: d.wechat, website: d.website });
  b.company = d.company ?? fromHeadline;
  b.country = d.place ?? d.country;
  mark(cap, 'chat', ...BUYER_FIELDS);
  if (!d.company && fromHeadline) mark(cap, 'selector', 'company');
  cap.inquiry.message = lines.filter((l) => !l.mine && l.text).map((l) => l.text).join('\n\n') || null;
  mark(cap, 'chat', 'message');
  if (fillQuantity(cap.inquiry)) mark(cap, 'chat', 'quantity');
  return cap;
}

const messaging: PageAdapter = {
  id: 'linkedin/messaging',
  detect: (u) => /^(?:www\.)?linkedin\.com$/i.test(u.hostname) && THREAD.test(u.pathname),
  extract: extractThread,
  observe: 'main',
  examples: {
    positive: ['https://www.linkedin.com/messaging/thread/2-YjQ5MzE/', 'https://www.linkedin.com/messaging/', 'https://www.linkedin.com/messaging/thread/2-MTcyZjQ0NGQ=/'],
    negative: [
      'https://www.linkedin.com/feed/',
      IN + 'katrin-albers-4b1a27/',
      'https://www.linkedin.com/messaging/thread/2-YjQ5MzE/attachments/',
      'https://www.linkedin.com.evil.example/messaging/thread/2-YjQ5MzE/',
    ],
  },
};

const profile: PageAdapter = {
  id: 'linkedin/profile',
  detect: (u) => /^(?:www\.)?linkedin\.com$/i.test(u.hostname) && PROFILE.test(u.pathname),
  extract: extractProfile,
  // The profile and the contact-info modal, not the feed around them.
  observe: 'main, #artdeco-modal-outlet, .artdeco-modal-outlet',
  examples: {
    positive: [IN + 'katrin-albers-4b1a27/', IN + 'katrin-albers-4b1a27/overlay/contact-info/', IN + 'jonas-weber'],
    negative: [
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/company/nordhaus-kuechentechnik/',
      IN + 'katrin-albers-4b1a27/details/experience/',
      'https://www.linkedin.com/messaging/thread/2-YjQ5MzE/',
      'https://www.linkedin.com.evil.example/in/katrin-albers-4b1a27/',
    ],
  },
};

export const linkedin: PlatformModule = {
  platform: 'linkedin',
  matches: PLATFORM_MATCHES.linkedin,
  adapters: [profile, messaging],
};
