/**
 * "Capture from this page": any web page the seller points at (a buyer's own contact page, an
 * expo exhibitor entry, a signature in a web mail the extension does not know). Injected on
 * demand through activeTab, so `matches` stays empty: it is never declared for any site.
 *
 * Order of sources: JSON-LD (Organization / Person / ContactPoint) and microdata, then labelled rows
 * ("Email: ...", "电话：..."), then mailto:/tel:/wa.me links, then patterns in the visible text.
 * The page is read in ONE walk of the visible DOM, capped in elements and characters, so it
 * stays fast on any page. Skipped: hidden nodes, form controls and their labels/placeholders,
 * cookie/consent banners, "website by <agency>" credits, no-reply and placeholder addresses.
 *
 * Self-contained on purpose: it is bundled alone into the injected script, and page-data.ts
 * pulls in zod for its main-world bridge, so JSON-LD is parsed here.
 */
import { emptyCapture, type RawBuyer, type RawCapture } from '../../lib/capture';
import { clean, isHidden, normLabel } from '../dom';
import { findEmails, findPhones, findWeChat, findWebsites, findWhatsApp, isMasked } from '../patterns';
import type { PageAdapter, PlatformModule } from '../types';
import { isPlatformHost } from '../platform-matches';

/** Reading caps: enough for any contact page, bounded on a 50,000-node web app. */
const MAX_ELEMENTS = 15000;
const MAX_CHARS = 150000;

const SKIP = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|svg|IFRAME|CANVAS|VIDEO|AUDIO|IMG|PICTURE|OBJECT|SELECT|TEXTAREA|INPUT|BUTTON|LABEL|HEAD|DIALOG)$/;
const BLOCK = /^(?:ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TD|TH|TR|UL|SUMMARY|DETAILS)$/;
// Consent managers and cookie banners carry the consent vendor's addresses, not the page's.
const NOISE = /cookie|consent|gdpr|onetrust|didomi|usercentrics|cmp-/i;
// "Website by Pixelwerk Studio · hello@pixelwerk-studio.nl": the agency's credit line.
const CREDIT = /\b(?:web ?site|site|web ?design|design(?:ed)?|developed|built|powered|made|hosted|created|realisatie|ontwerp|(?:diseñad|desarrollad|cread|hech|criad|desenvolvid|feit|realizad)[oa]s?|wykonanie|projekt(?:owanie)?)\s+(?:by|door|von|par|por|da|pela|pelo)\b|技术支持|网站建设|网站设计|设计制作/i;
const THIRD_PARTY_MAIL = /^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster)@|@(?:example|domain|email|yourdomain|yourcompany|company|sentry)\.|@.*(?:cookie|consent|wixpress)|\.(?:png|jpe?g|gif|svg|webp|css|js)$/i;

interface PageText {
  lines: string[];
  /** Per line: true when it is a table/definition cell (DT, TH, TD), where a label may stand alone. */
  cells: boolean[];
  /** href of a visible link, with the index of the line it is on. */
  links: [string, number][];
}

function hiddenSelf(e: Element, view: Window | null): boolean {
  if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
  const st = (e as HTMLElement).style;
  if (st && (st.display === 'none' || st.visibility === 'hidden')) return true;
  // Stylesheets hide by class or id; reading computed style only there keeps the walk cheap.
  if (view && (e.id || e.getAttribute('class'))) {
    const cs = view.getComputedStyle(e);
    return cs.display === 'none' || cs.visibility === 'hidden';
  }
  return false;
}

/** The page's visible text as lines (one per block), and its visible links, in one capped walk. */
function readPage(doc: Document): PageText {
  const view = doc.defaultView;
  const lines: string[] = [];
  const cells: boolean[] = [];
  const links: [string, number][] = [];
  const open: string[] = [];
  let cur = '';
  let chars = 0;
  let count = 0;
  const flush = () => {
    const t = clean(cur);
    if (t) {
      lines.push(t);
      cells.push(/^(?:DT|TH|TD)$/.test(open[open.length - 1] ?? ''));
    }
    cur = '';
  };
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n && count < MAX_ELEMENTS && chars < MAX_CHARS; n = n.nextSibling) {
      if (n.nodeType === 3) {
        cur += (n as Text).data;
        chars += (n as Text).data.length;
        continue;
      }
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      count++;
      if (SKIP.test(e.tagName) || NOISE.test(e.id + ' ' + (e.getAttribute('class') ?? '')) || hiddenSelf(e, view)) continue;
      const block = BLOCK.test(e.tagName);
      if (block) {
        flush();
        open.push(e.tagName);
      }
      if (e.tagName === 'A') {
        const href = e.getAttribute('href');
        if (href) links.push([href, lines.length]);
      }
      walk(e);
      if (block) {
        flush();
        open.pop();
      }
    }
  };
  if (doc.body) walk(doc.body);
  flush();
  return { lines, cells, links };
}

type Node_ = Record<string, unknown>;
const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const types = (n: Node_) => [n['@type']].flat().join(' ');

/** Top-level JSON-LD nodes (and @graph members) of the page. */
function jsonLd(doc: Document): Node_[] {
  const out: Node_[] = [];
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const v = JSON.parse(el.textContent ?? '');
      for (const n of [v, v?.['@graph']].flat()) if (n && typeof n === 'object') out.push(n);
    } catch {
      /* not JSON: skip */
    }
  }
  return out;
}

function add(list: string[], v: string | null | undefined): void {
  if (v && !isMasked(v) && !list.includes(v)) list.push(v);
}

/** Contact fields of a JSON-LD Organization, Person or ContactPoint. */
function fromLd(b: RawBuyer, n: Node_): void {
  for (const e of [n.email].flat()) {
    const m = findEmails(s(e)?.replace(/^mailto:/i, ''))[0];
    if (m && !THIRD_PARTY_MAIL.test(m)) add(b.emails, m);
  }
  for (const t of [n.telephone].flat()) add(b.phones, s(t));
  const addr = n.address as Node_ | undefined;
  const c = addr && typeof addr === 'object' ? addr.addressCountry : undefined;
  b.country ??= s(c) ?? s((c as Node_ | undefined)?.name);
  for (const cp of [n.contactPoint].flat()) if (cp && typeof cp === 'object') fromLd(b, cp as Node_);
}

// Labelled rows: "Label: value" on one line, or a label line followed by its value line.
const LABELS: [keyof RawBuyer, RegExp][] = [
  ['name', /^(?:name|full name|contact(?: person| name)?|姓名|联系人|买家|nombre|contacto|nome|imię i nazwisko|担当者|الاسم)$/i],
  ['company', /^(?:company(?: name)?|organi[sz]ation|公司(?:名称)?|单位|empresa|firma|会社名|الشركة|اسم الشركة)$/i],
  ['country', /^(?:country(?:\/region)?|国家(?:\/地区)?|国家或地区|país|pais|kraj|الدولة|البلد)$/i],
  ['emails', /^(?:e-?mail(?: address)?|邮箱|电子邮箱|电子邮件|邮件|correo(?: electr[oó]nico)?|メール|البريد الإلكتروني|البريد)$/i],
  ['phones', /^(?:phone|tel\.?|telephone|mobile|cell(?:phone)?|手机|电话|座机|联系电话|tel[eé]fono|telefone|m[oó]vil|celular|telefon|電話|الهاتف|هاتف|الجوال|جوال)$/i],
  ['whatsapp', /^(?:whats\s?app|واتساب|واتس اب|واتس آب)$/i],
  ['wechat', /^(?:wechat(?: id)?|微信号?)$/i],
  ['website', /^(?:website|web|homepage|url|网址|网站|公司网址|sitio web|p[aá]gina web|strona)$/i],
];

const NAME_LIKE = /^(?:[\p{Lu}][\p{L}'’.-]*|de|da|di|del|der|den|van|von|la|le|dos|bin|al)(?: (?:[\p{Lu}][\p{L}'’.-]*|de|da|di|del|der|den|van|von|la|le|dos|bin|al)){1,4}$/u;
const CJK_NAME = /^[\p{Script=Han}]{2,4}(?:先生|女士|小姐)?$/u;
const JOB = /\b(?:manager|director|buyer|purchas\w*|procurement|sourcing|sales|ceo|cto|cfo|coo|founder|owner|president|head of|chief|officer|partner|engineer|assistant|executive|consultant|specialist|coordinator|representative|merchandiser|importer|inkoper|einkäufer|einkauf|gérant|directeur|acheteur|gerente|jef[ea]|director[a]?|diretor[a]?|comprador[a]?|compras|kierownik|dyrektor|zakupów|specjalista)\b|经理|总监|采购|主管|总经理|董事|部長|担当|مدير|مشتريات/i;
const COMPANY_SUFFIX = /\b(?:GmbH|AG|Ltd\.?|Limited|LLC|Inc\.?|B\.V\.|N\.V\.|S\.r\.l\.|S\.p\.A\.|S\.A\.|SAS|SARL|Sp\. z o\.o\.|Co\.|Corp\.?|Pty|PLC|Oy|AB|A\/S|Kft\.?|s\.r\.o\.)$|\b(?:Ltda|Lda|SRL|S\.A\.S|S\.L|de C\.V)\.?$|有限公司$|公司$|株式会社/;

const phoneLike = (v: string) => v.replace(/\D/g, '').length > 6;

function readLabelled(b: RawBuyer, { lines, cells }: PageText, skip: Set<number>): void {
  lines.forEach((line, i) => {
    const m = /^([^:：]{1,30}?)\s*[:：]\s*(.*)$/.exec(line);
    // A label alone on its line counts only in a table cell: a bare "Company" is usually a footer heading.
    if (skip.has(i) || (!m && !cells[i])) return;
    // Padding inside a Chinese label ("联 系 人", "电　话") and spaced slashes do not count.
    const label = normLabel(m ? m[1] ?? '' : line);
    const field = LABELS.find(([, re]) => re.test(label))?.[0];
    if (!field) return;
    const next = lines[i + 1] ?? '';
    const value = clean(m ? m[2] || next : next);
    // A value must not itself be a label (a form-less "Name / Company" list) and must fit its field.
    if (!value || value.length > 120 || isMasked(value) || LABELS.some(([, re]) => re.test(value.replace(/[:：]$/, '')))) return;
    if (field === 'emails') findEmails(value).forEach((e) => !THIRD_PARTY_MAIL.test(e) && add(b.emails, e));
    else if (field === 'phones') {
      if (phoneLike(value) && !/@/.test(value)) add(b.phones, findPhones(value)[0] ?? null);
    } else if (field === 'website') b.website ??= /^\S+\.\S+$/.test(value) && !value.includes('@') ? value : null;
    else if (field === 'whatsapp') b.whatsapp ??= phoneLike(value) ? value : null;
    else if (field === 'wechat') b.wechat ??= /^[\w-]{5,30}$/.test(value) ? value : null;
    else if (field === 'name') b.name ??= /\d|@/.test(value) ? null : value;
    else if (field === 'company' || field === 'country') b[field] ??= /@/.test(value) ? null : value;
  });
}

/** Name (and company) from a signature-like block: a name line right above a job title line,
 * within a few lines before a contact line. */
function readSignature(b: RawBuyer, lines: string[]): void {
  const contact = (l: string) => /@|\+\d|\b(?:tel|phone|mobile)\b|电话|手机/i.test(l);
  for (let i = 0; i < lines.length - 1; i++) {
    const name = lines[i] ?? '';
    const title = lines[i + 1] ?? '';
    if (!(NAME_LIKE.test(name) || CJK_NAME.test(name)) || title.length > 60 || !JOB.test(title) || JOB.test(name)) continue;
    const near = lines.slice(i + 1, i + 7);
    if (!near.some(contact)) continue;
    b.name ??= name;
    b.company ??= near.slice(1).find((l) => l.length < 80 && COMPANY_SUFFIX.test(l)) ?? null;
    return;
  }
}

// The values the last extraction of a document set aside as other people's, for its `foreign`.
let others: { doc: Document | null; values: string[] } = { doc: null, values: [] };

function extractGeneric(doc: Document, url: URL): RawCapture {
  const cap = emptyCapture('generic', url.href);
  const b = cap.buyer;

  // 1. JSON-LD: a Person is the contact; an Organization is their company.
  const lds = jsonLd(doc);
  const ldDomains = new Set(
    lds.flatMap((n) => [n.email, n.url, (n.worksFor as Node_ | undefined)?.url].flat()).map((v) => domainOf(s(v))).filter((d): d is string => !!d),
  );
  for (const n of lds) {
    const t = types(n);
    if (/Person/.test(t)) {
      b.name ??= s(n.name);
      b.company ??= s((n.worksFor as Node_ | undefined)?.name);
      fromLd(b, n);
    } else if (/Organi[sz]ation|Corporation|Business|Store|Company/.test(t)) {
      b.company ??= s(n.name);
      b.website ??= s(n.url);
      fromLd(b, n);
    } else if (/ContactPoint/.test(t)) fromLd(b, n);
  }

  // 1b. Microdata (itemscope/itemprop), the older way of marking up the same facts.
  for (const scope of Array.from(doc.querySelectorAll('[itemscope][itemtype]')).slice(0, 30)) {
    const t = scope.getAttribute('itemtype') ?? '';
    const person = /Person/.test(t);
    if (!(person || /Organi[sz]ation|Corporation|Business|Store/.test(t)) || isHidden(scope)) continue;
    const prop = (p: string) => {
      const el = scope.querySelector(`[itemprop="${p}"]`);
      return el && !isHidden(el) ? clean(el.getAttribute('content') ?? el.getAttribute('href') ?? el.textContent).replace(/^(?:mailto|tel):/i, '') || null : null;
    };
    if (person) b.name ??= prop('name');
    else {
      b.company ??= prop('name');
      b.website ??= prop('url');
    }
    fromLd(b, { email: prop('email'), telephone: prop('telephone'), address: { addressCountry: prop('addressCountry') } });
  }

  const text = readPage(doc);
  const { lines, links } = text;
  const credit = new Set(lines.map((l, i) => (CREDIT.test(l) ? i : -1)));
  const ok = lines.filter((_, i) => !credit.has(i));

  // 2. Labelled rows.
  readLabelled(b, text, credit);
  // What the page states as a record (JSON-LD, microdata, labelled rows), before free text adds to it.
  const stated = { emails: [...b.emails], phones: [...b.phones] };

  // 3. Links: mailto:, tel:, wa.me, LinkedIn profiles (not on credit lines).
  const wa: string[] = [];
  const profiles: string[] = [];
  for (const [href, at] of links) {
    if (credit.has(at)) continue;
    const h = href.trim();
    if (/^mailto:/i.test(h)) {
      const e = findEmails(decodeSafe(h.slice(7).split('?')[0] ?? ''))[0];
      if (e && !THIRD_PARTY_MAIL.test(e)) add(b.emails, e);
    } else if (/^tel:/i.test(h)) {
      const p = decodeSafe(h.slice(4));
      if (phoneLike(p)) add(b.phones, p);
    } else if (/wa\.me\/|whatsapp\.com\/send/i.test(h)) wa.push(h);
    else if (/linkedin\.com\/in\/[^/?#]+/i.test(h)) add(profiles, h);
  }
  b.whatsapp ??= findWhatsApp(null, wa);
  if (profiles.length === 1) b.linkedin = profiles[0] ?? null;

  // 4. Patterns in the visible text.
  for (const line of ok) {
    for (const e of findEmails(line)) if (!THIRD_PARTY_MAIL.test(e)) add(b.emails, e);
    // Free numbers only when written internationally ("+49 ...") or on a phone line; never fax.
    const part = line.split(/fax|传真/i)[0] ?? '';
    const labelled = /\b(?:tel|phone|mobile|cell)\b|电话|手机/i.test(part);
    for (const p of findPhones(part)) if (labelled || /^(?:\+|00)/.test(p)) add(b.phones, p);
    if (/whats\s?app|واتساب|واتس ا/i.test(line)) b.whatsapp ??= findWhatsApp(line.replace(/واتساب|واتس آ?اب/, 'WhatsApp'));
    b.wechat ??= findWeChat(line);
  }
  readSignature(b, ok);
  const found = [...b.emails, ...b.phones, b.name, b.company, b.whatsapp, b.wechat, b.linkedin, b.website];
  whenAmbiguous(b, ldDomains, stated);
  // What the ambiguity rule set aside belongs to other people on the page: the guard drops it
  // wherever it turns up (PageAdapter.foreign), as the platform readers' other rows are.
  const kept = new Set<unknown>([...b.emails, ...b.phones, b.name, b.company, b.whatsapp, b.wechat, b.linkedin, b.website]);
  others = { doc, values: found.filter((v): v is string => !!v && !kept.has(v)) };

  // A web site from the text only when it is the domain of one of the buyer's emails.
  if (!b.website) {
    const domains = b.emails.map((e) => e.split('@')[1]);
    b.website = findWebsites(ok.join('\n')).find((w) => domains.some((d) => d && w.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').startsWith(d))) ?? null;
  }
  return cap;
}

const FREE_MAIL = /^(?:g(?:oogle)?mail|yahoo|hotmail|outlook|live|msn|icloud|aol|gmx|qq|foxmail|163|126|sina|yandex|proton(?:mail)?|zoho)\./i;

/** "info@x.nl", "https://www.x.nl/en" -> "x.nl". */
function domainOf(v: string | null | undefined): string | null {
  const h = (v ?? '').replace(/^mailto:/i, '').split('@').pop()?.replace(/^https?:\/\//i, '').replace(/[/:?#].*$/, '').replace(/^www\./i, '').toLowerCase();
  return h && h.includes('.') ? h : null;
}

/**
 * A page that shows several people (a lead list, an exhibitor directory): the addresses belong to
 * more than one organisation and nothing says which is the buyer. The page's own JSON-LD may
 * name the organisation; else every field read from the text is left empty rather than collect
 * everyone's details.
 */
const ownerOf = (e: string) => (FREE_MAIL.test(e.split('@')[1] ?? '') ? e : domainOf(e));

function whenAmbiguous(b: RawBuyer, ldDomains: Set<string>, stated: { emails: string[]; phones: string[] }): void {
  const owners = new Set(b.emails.map(ownerOf));
  if (owners.size < 2) return;
  const own = b.emails.filter((e) => ldDomains.has(domainOf(e) ?? ''));
  if (own.length) {
    b.emails = own;
    return;
  }
  // One person stated in labelled rows (a lead's card) among other addresses in the text (the
  // portal's support, the seller's own account): the stated record is the buyer, the text is not.
  if (stated.emails.length && new Set(stated.emails.map(ownerOf)).size === 1) {
    b.emails = stated.emails;
    b.phones = stated.phones;
    return;
  }
  Object.assign(b, { name: null, company: null, country: null, emails: [], phones: [], whatsapp: null, wechat: null, linkedin: null, website: null });
}

function decodeSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

const anyPage: PageAdapter = {
  id: 'generic/any-page',
  detect: (u) => (u.protocol === 'https:' || u.protocol === 'http:') && !isPlatformHost(u.hostname),
  extract: extractGeneric,
  // Read by the same extraction (extractPage runs extract, then foreign, on one document).
  foreign: (doc, url) => (others.doc === doc ? others.values : (extractGeneric(doc, url), others.values)),
  observe: 'body',
  examples: {
    positive: ['https://www.vanderlinden-horecagroothandel.nl/en/contact', 'http://www.example-trading.co.uk/about-us.html'],
    negative: [
      'chrome://extensions/',
      'file:///C:/Users/sales/Desktop/buyer.html',
      'about:blank',
      // Platform hosts no reader of theirs claims: lead lists, settings.
      'https://message.alibaba.com/message/buyerLeads.htm',
      'https://sourcing.alibaba.com/rfq_search_list.htm?searchText=led',
      'https://membercenter.made-in-china.com/crm/customer/list',
      'https://supplier.globalsources.com/supplier-center/buyer-leads',
      'https://www.linkedin.com/search/results/people/?keywords=buyer',
      'https://mail.google.com/mail/u/0/#contacts',
    ],
  },
};

export const generic: PlatformModule = {
  platform: 'generic',
  matches: [],
  adapters: [anyPage],
};
