/**
 * What a correspondent writes about themselves, shared by the Gmail, Outlook and WhatsApp
 * adapters: the signature at the end of a mail, a self-introduction ("This is X from Y in Z"),
 * and which correspondent of a mail thread is the buyer. Raw values out; normalizeCapture turns
 * them into E.164 / ISO codes / canonical addresses (and drops a "country" that is none).
 *
 * Only the buyer's own lines are read for the buyer; the seller's values (account, their
 * messages' senders and signatures) go into `exclude`, so a quoted seller signature never leaks.
 * Regexes are kept short on purpose: this file is carried by three content scripts.
 */
import { emptyCapture, type Platform, type RawBuyer, type RawCapture } from '../lib/capture';
import { all, clean, visibleText } from './dom';
import { findEmails, findPhones, findWeChat, findWebsites, findWhatsApp, isMasked } from './patterns';
import { cleanName } from './names';
import { fillQuantity } from './quantity';
import { BUYER_FIELDS, mark } from './sources';

export type Contacts = Pick<RawBuyer, 'company' | 'country' | 'emails' | 'phones' | 'whatsapp' | 'wechat' | 'website' | 'linkedin'>;

// A short line that closes a letter; the signature follows the last one.
const SIGN_OFF =
  /^(?:(?:best|kind|warm|many)\s+)?(?:regards|wishes)\b|^(?:thanks?(?: you)?|sincerely|cheers|br|best|yours(?: \w+)?)\W*$|^(?:此致|谢谢|saludos|atentamente|cordialement|mit freundlichen|med vänlig|vänliga|atenciosamente|с уважением|met vriendelijke groet|vriendelijke groet|distinti saluti|cordiali saluti|pozdrawiam|z poważaniem|saygılarımla|よろしくお願い|敬具|以上)|^--\s*$/i;
// Where a client pasted the earlier mail as text: "On ... wrote:", "-----Original Message-----",
// or a "From:" line with "Sent:"/"Date:" under it (Outlook, Chinese clients).
// The "On <date>, X wrote:" line in the languages of mail clients: Dutch "Op ... schreef", German
// "Am ... schrieb", French "Le ... a écrit", Spanish "El ... escribió", Portuguese "Em ... escreveu",
// Italian "Il ... ha scritto", Polish "W dniu ... napisał(a)", Chinese "... 写道：", Japanese "... 書きました:".
const QUOTE_HEAD =
  /^(?:(?:on|op|am|le|el|em|il|w dniu)\b.{4,200}\b(?:wrote|schreef|schrieb|a écrit|escribió|escreveu|ha scritto|napisał).{0,120}[:：]|.{4,160}(?:写道|寫道|書きました|wrote)\s*[:：]|-{2,} ?(?:original|forwarded|ursprüngliche|oorspronkelijk|mensaje original|mensagem original|原始邮件|転送) ?(?:message|nachricht|bericht|邮件)? ?-{2,}|_{8,})$/i;
const FROM_HEAD = /^(?:from|de|von|van|od|da|发件人|寄件者|差出人)\s*[:：]/i;
const SENT_HEAD = /^(?:sent|date|enviado|gesendet|verzonden|datum|wysłano|inviato|发送时间|日期|寄件日期|送信日時)\s*[:：]/i;
// Legal forms (case-sensitive, so "as"/"ab" in words do not count) and trade words.
const LEGAL = /\b(?:Co\.?,? ?Ltd|Ltd|Limited|LLC|Inc|Corp|GmbH|AG|AB|A\/S|AS|Oy|S\.?A\.?(?:C|S)?|S\.?R\.?L|S\.?L|S\.?p\.?A|B\.?V|N\.?V|Pty|PLC|Sdn\.? Bhd|Pte|SARL|SAS|Ltda|FZE|FZCO|JSC|Sp\. z o\.o|S\.A\.U)\b|A\.Ş\.|有限公司|公司|株式会社|有限会社|合同会社|\(株\)|㈱|주식회사|\(주\)/;
// A company written in CJK script with its legal form; a department may follow after a space
// ("株式会社サクラ商事 購買部"): the company is the word holding the legal form.
const CJK_LEGAL = /(?:株式会社|有限会社|合同会社|有限公司|公司|주식회사|\(주\)|㈱)/;
const TRADE = /\b(?:trading|suppl(?:y|ies)|industr\w*|imports?|exports?|group|company|enterprises?|distribut\w*|manufactur\w*)\b/i;
// Phone labels in the languages buyers sign in: "Tel.", "Teléfono", "Móvil", "Kom.", "Handy", "携帯".
const PHONE_LABEL =
  /\b(?:tel[ef]?|tlf|phone|ph|mob(?:ile)?|cel(?:l|ular)?|whats ?app|wa|direct|office|telef\w*|kom(?:órka)?|handy|mobil\w*|portable|fone|gsm|cep)\b|tel[ée]fono|m[óo]vil|电话|手机|電話|携帯|手機|^[mtp] ?[:.]\s*[+(\d]|^[mtp]\s+[+(]\d/i;
const WEB_LABEL = /\b(?:web(?:site)?|site|url)\b|网站|官网/i;
// Hosts that are not the buyer's own site (social, marketplaces, link shorteners).
const NOT_SITE = /(?:^|\.)(?:linkedin|facebook|instagram|twitter|youtube|wa|whatsapp|google|alibaba|made-in-china|globalsources|amazon)\./i;
const FREE_MAIL = /^(?:g(?:oogle)?mail|yahoo|hotmail|outlook|live|msn|icloud|aol|gmx|mail|qq|foxmail|163|126|sina|yandex|proton(?:mail)?|zoho)\./i;
const COUNTRY_LABEL = /^(?:country(?:\/region)?|国家(?:\/地区)?)\s*[:：]\s*(.+)/i;
const COMPANY_LABEL = /^(?:company|公司(?:名称)?)\s*[:：]\s*(.+)/i;

// Register and tax numbers are not phones: "VAT PL5261040828", "NIP 526-104-08-28", "KRS 0000123456".
const REGISTER =
  /(?:^|[\s,;(])(?:VAT|NIP|KRS|REGON|NIF|CIF|CNPJ|CPF|RUC|RFC|EIN|TIN|ABN|GST(?:IN)?|TRN|SIRET|SIREN|IČO|DIČ|HRB|UID|KvK|BTW|MwSt|NIPC|NUIT|NTN|P\.?\s?IVA|Partita IVA|USt-?Id\w*|Tax\s*(?:ID|No|Number)|(?:Company|Reg(?:istration)?|CR|Trade Licen[cs]e)\.?\s*(?:No|Nr|Number)\.?)\b|税号|统一社会信用代码|注册号|营业执照/i;
// "ext. 204", "x204", "wew. 12", "ramal 35", "分机 8001": the extension is not part of the number.
// Dutch "toestel", German "Durchwahl"/"App.", French "poste", Spanish/Italian "interno", Turkish "dahili".
const EXTENSION = /\s*(?:\b(?:ext|extn|extension|wew|wewn|ramal|anexo|int|interno|toestel|tst|durchwahl|dw|app|poste|dahili)\.?|\s[x#]|分机|内线|内線|転)\s*[:.]?\s*\d{1,6}\b/gi;

/** The part of a signature segment that may hold a phone: before any register number, without extensions. */
export function phonePart(seg: string): string {
  const reg = REGISTER.exec(seg);
  // "(toestel 23)": the brackets an extension was written in go with it.
  return (reg ? seg.slice(0, reg.index) : seg).replace(EXTENSION, ' ').replace(/[(（]\s*[)）]/g, ' ').replace(/\s+/g, ' ').trim();
}

const squash = (s: string) => s.normalize('NFD').toLowerCase().replace(/[^a-z0-9]/g, '');
const digits = (s: string) => s.replace(/\D/g, '');
const hostOf = (w: string) => w.replace(/^https?:\/\//i, '').replace(/[/:?#].*$/, '').toLowerCase();

/** The signature of one message: the lines after its last sign-off, else its last lines. */
export function signatureLines(lines: string[]): string[] {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] ?? '';
    if (l.length <= 40 && SIGN_OFF.test(l)) return lines.slice(i + 1, i + 16);
  }
  return lines.slice(-8);
}

/**
 * The lines a sender wrote in a mail body: visible text with `quoted` subtrees skipped, cut where
 * Outlook's reply header (#divRplyFwdMsg) or a pasted quote header starts (the quoted mail
 * follows those as siblings, not children).
 */
export function bodyLines(body: Element | null, quoted: string): string[] {
  let lines = visibleText(body, quoted).split('\n').filter(Boolean);
  const head = visibleText(body?.querySelector('[id^="divRplyFwdMsg"]') ?? null).split('\n')[0];
  if (head && lines.includes(head)) lines = lines.slice(0, lines.indexOf(head));
  const cut = lines.findIndex(
    (l, i) => QUOTE_HEAD.test(l) || (FROM_HEAD.test(l) && lines.slice(i + 1, i + 4).some((n) => SENT_HEAD.test(n))),
  );
  return cut >= 0 ? lines.slice(0, cut) : lines;
}

/** Links a sender wrote in a mail body (not in quoted parts). */
export function bodyLinks(body: Element | null, quoted: string): { href: string; text: string }[] {
  return body
    ? all(body, 'a[href]')
        .filter((a) => !a.closest(quoted))
        .map((a) => ({ href: a.getAttribute('href') ?? '', text: clean(a.textContent) }))
    : [];
}

/** The distinctive part of a company mail domain ("haddad-electrical.com.lb" -> "haddadelectrical"). */
function domainKey(email: string | null | undefined): string | null {
  const host = (email ?? '').split('@')[1]?.toLowerCase();
  if (!host || FREE_MAIL.test(host)) return null;
  const key = squash(host.split('.').reduce((a, b) => (b.length > a.length ? b : a), ''));
  return key.length >= 4 ? key : null;
}

/** "株式会社サクラ商事 購買部" -> "株式会社サクラ商事": the word with a CJK legal form, else the text. */
function cjkCompany(s: string): string {
  const words = s.split(/[\s\u3000]+/);
  return words.length > 1 ? words.find((w) => CJK_LEGAL.test(w)) ?? s : s;
}

/** A short text that reads as a company name: legal form, the mail domain's name, or a trade word. */
export function isCompanyLike(s: string, email?: string | null, tradeWords = true): boolean {
  if (s.length < 3 || s.length > 80 || /@|https?:|www\./i.test(s) || digits(s).length > 4 || s.split(' ').length > 8) return false;
  const key = domainKey(email);
  const sq = squash(s);
  return LEGAL.test(s) || (tradeWords && TRADE.test(s)) || (!!key && (sq.includes(key) || (sq.length >= 5 && key.includes(sq))));
}

// "This is Karim Haddad from Haddad Electrical Supplies in Beirut, Lebanon." / "We are X, based
// in Y." / "Soy Sofía Herrera de Textiles Andinos S.A.S., Medellín" (es, pt, pl, de too). The company counts only when it reads as one or a place follows ("I am Ana from Lima"
// gives none).
// A company name may carry the dots and commas of its legal form: "Riyadh Home Est.", "X Co., Ltd.".
const ABBR = String.raw`(?:Est|Co|Ltda|Ltd|Inc|Corp|Bros|Mfg|Intl|Pvt|Sp|S\.A\.S|S\.A\.C|S\.A|S\.L|B\.V|L\.L\.C|z o\.o)\.`;
const COMPANY_TEXT = String.raw`(?:[Tt]he\s+)?[A-Z0-9](?:${ABBR}|,\s(?=(?:Ltd|Inc|LLC|Limited|S\.A)\b)|[^,.!?\n]){1,70}?`;
// Between the name and "at/from Company" may come an honorific and a role after a comma: "My name
// is Dr. Yusuf Ibrahim, procurement officer at Crescent Medical Supplies Ltd."
const INTRO = new RegExp(
  String.raw`\b(?:[Tt]his is|I am|I'm|[Mm]y name is|[Ww]e are|[Oo]ur company is|[Ss]oy|[Ss]omos|[Ee]u sou|[Jj]estem|[Jj]esteśmy|[Ii]ch bin|[Ww]ir sind)\s+(?:(?:(?:Mr|Mrs|Ms|Dr|Eng|Ing|Sr|Sra)\.\s*)?[^.!?\n]{0,60}?\s(?:from|of|with|at|de|da|do|z|von|bei)\s+)?(${COMPANY_TEXT})(?:\s*,?\s+(?:in|based in|located in|en|em|w)\s+([A-Z\u00C0-\u017F][^.!?\n]{1,60})|,\s+(?!(?:Ltd|Limited|LLC|Inc|Co|Corp|S\.A)\b)([A-Z\u00C0-\u017F][^.!?\n]{1,60}))?(?=[.!?\n]|$|(?<=\.)\s+(?!(?:Ltd|Limited|LLC|Inc|Co|Corp)\b)[A-Z])`,
  'g',
);
// "We are in Abuja, Nigeria.", "We're based in Lagos", "We are a retailer in Istanbul, Turkey": a place said apart.
// Spanish and Portuguese: "Estamos en Lima, Perú", "Estamos em Campinas, Brasil", "ubicados en Quito".
const PLACE = /\b(?:(?:[Ww]e are|[Ww]e're|I am|I'm|[Oo]ur (?:office|company|shop|store) is|[Bb]ased|[Ll]ocated)(?:\s+an?\s[^.!?\n]{1,60}?)?\s+(?:based\s+|located\s+)?in|[Ee]stamos (?:ubicados )?e[nm]|[Uu]bicad[oa]s? en|[Ll]ocalizad[oa]s? em|[Ss]ediad[oa]s? em)\s+(\p{Lu}[^.!?\n]{1,60})/u;

/** Company and place a correspondent states in a self-introduction. */
export function introCompany(text: string, email?: string | null): { company: string | null; place: string | null } {
  const place = PLACE.exec(text)?.[1]?.trim() ?? null;
  for (const m of text.matchAll(INTRO)) {
    const company = (m[1] ?? '').trim();
    // A place after "in" vouches for the company; a bare ", Medellín" after it does not ("I am
    // Interested, please send" is no company), so then the company must read as one.
    if (isCompanyLike(company, email) || m[2]) return { company, place: (m[2] ?? m[3])?.trim() ?? place };
  }
  return { company: null, place };
}

export interface ContactOptions {
  /** Link targets in the same lines (wa.me, LinkedIn, the site behind "Visit our website"). */
  hrefs?: string[];
  /** The correspondent's own address: its domain names their company and site. */
  email?: string | null;
  /**
   * Chat text rather than a signature: a site only when labelled or on the mail domain (not a
   * product link), a company only by legal form or mail domain, no postal addresses.
   */
  chat?: boolean;
  /** The seller's emails, phones, names and company: never returned. */
  exclude?: string[];
}

/** Contact details in the given lines ("Phone: +46 31 712 45 80 | WhatsApp: ..."), seller values excluded. */
export function readContacts(lines: string[], opts: ContactOptions = {}): Contacts {
  const { hrefs = [], exclude = [], email, chat } = opts;
  const keep = (v: string) => {
    const d = digits(v);
    const low = v.toLowerCase();
    return !isMasked(v) && !exclude.some((x) => x && (x.toLowerCase() === low || (d.length >= 7 && digits(x).endsWith(d.slice(-9)))));
  };
  // One detail per segment: signatures pack several on a line.
  const segs = lines.flatMap((l) => l.split(/\s+[|•·]\s+|\s*｜\s*/)).map((s) => s.trim()).filter(Boolean);
  const text = segs.join('\n');
  const phones: string[] = [];
  const addPhone = (p: string) => keep(p) && !phones.some((q) => digits(q) === digits(p)) && phones.push(p);
  for (const seg of segs) {
    if (/\bfax\b|传真/i.test(seg) && !/whats ?app/i.test(seg)) continue;
    const s = phonePart(seg);
    if (PHONE_LABEL.test(s) || /^[+(]?\d[\d\s().\-/]{5,22}\d$/.test(s)) findPhones(s).forEach(addPhone);
  }
  const wa = findWhatsApp(text, hrefs);
  const whatsapp = wa && keep(wa) ? wa : null;
  if (whatsapp) addPhone(whatsapp);
  const wechat = findWeChat(text);

  const key = domainKey(email);
  const onDomain = (w: string) => !!key && squash(hostOf(w)).includes(key);
  const sites = [...findWebsites(text), ...hrefs.filter((h) => /^https?:/i.test(h))].filter((w) => {
    const host = hostOf(w);
    return host.includes('.') && !NOT_SITE.test(host) && keep(w) && (!chat || onDomain(w) || segs.some((s) => WEB_LABEL.test(s) && s.includes(host)));
  });

  let company: string | null = null;
  for (const s of segs) {
    const c = COMPANY_LABEL.exec(s)?.[1] ?? (isCompanyLike(s, email, !chat) ? cjkCompany(s) : null);
    if (c && keep(c)) {
      company = c.trim();
      break;
    }
  }
  // A country is labelled, or the last part of a postal address line ("Hamnvägen 12, 417 64
  // Göteborg, Sweden" -> "Sweden"); a city there is dropped by normalisation.
  let country = segs.map((s) => COUNTRY_LABEL.exec(s)?.[1]).find(Boolean) ?? null;
  if (!country && !chat) {
    // A line with a postal code first; else "City, Country" lines with no digits. A last part
    // that is no country is dropped by normalisation.
    const place = (s: string, withDigits: boolean) => {
      const parts = s.split(/[,，]/).map((p) => p.trim());
      const last = parts[parts.length - 1] ?? '';
      // A label word alone ("Office 1204, Business Bay") does not make a line a phone line, nor a
      // postcode's letters ("3044 AS Rotterdam") a legal form.
      return (withDigits ? /\d/.test(s) : !/\d/.test(s)) && parts.length > 1 &&
        !(PHONE_LABEL.test(s) && findPhones(s).length) && !parts.some((p) => !/\d/.test(p) && LEGAL.test(p)) &&
        /^\p{Lu}[^\d@/]{1,39}$/u.test(last) && last.split(' ').length <= 4
        ? last.replace(/\.$/, '')
        : null;
    };
    // Without a postal code, every "X, Y" line's last part, the latest last: normalisation reads
    // them from the end and keeps the first that is a country ("Accra, Ghana" -> "Ghana").
    country =
      segs.map((s) => place(s, true)).find(Boolean) ??
      (segs.map((s) => place(s, false)).filter(Boolean).slice(-3).join(', ') || null);
  }
  return {
    company,
    country,
    emails: findEmails(text).filter(keep),
    phones,
    whatsapp,
    wechat: wechat && keep(wechat) ? wechat : null,
    // The site on the mail's own domain first: a signature may also link a partner.
    website: sites.find(onDomain) ?? sites[0] ?? null,
    linkedin: [...hrefs, ...findWebsites(text)].find((h) => /linkedin\.com\/in\//i.test(h)) ?? null,
  };
}

/** One message of a mail thread as an adapter read it. */
export interface MailMessage {
  /** Sender address, lower-case; Outlook shows only a name for senders of the same organisation. */
  email: string | null;
  name: string | null;
  /** Recipients, for a thread where the buyer has not written yet. */
  to: { email: string | null; name: string | null }[];
  /** ISO UTC. */
  time: string | null;
  /** What the sender wrote (bodyLines) and the links in it (bodyLinks). */
  lines: string[];
  links: { href: string; text: string }[];
}

/** The signed-in mailbox: the seller. */
export interface MailAccount {
  emails: string[];
  names: string[];
}

type Party = { email: string | null; name: string | null };

/**
 * The buyer of a mail thread: the correspondent who is not the signed-in account, read from
 * their own messages only. Without a known account the first sender is taken as the buyer (an
 * inquiry thread starts with the buyer writing in).
 */
export function mailCapture(
  platform: Platform,
  url: string,
  messages: MailMessage[],
  account: MailAccount,
  subject: string | null,
): RawCapture {
  const cap = emptyCapture(platform, url);
  // A mail thread's id is the mailbox's, not an inquiry's: re-saves are told apart by time.
  cap.inquiry.subject = subject;
  const acc = [...account.emails, ...account.names].map((s) => s.toLowerCase());
  const key = (p: Party) => (p.email || p.name || '').toLowerCase();
  const isSeller = (p: Party) => acc.includes(p.email ?? '') || acc.includes((p.name ?? '').toLowerCase());
  // Chronological: Outlook may show the newest message on top.
  const ordered = messages.every((m) => m.time) ? [...messages].sort((a, b) => ((a.time ?? '') < (b.time ?? '') ? -1 : 1)) : messages;
  const first = ordered.find((m) => key(m) && !(acc.length && isSeller(m)));
  const own = first ? ordered.filter((m) => key(m) === key(first)) : [];
  // The buyer has not written yet (a thread the seller started): the first outside recipient.
  const party = first ?? ordered.flatMap((m) => m.to).find((r) => key(r) && !isSeller(r));
  if (!party) return cap;

  const exclude = [...acc];
  for (const m of ordered) {
    if (own.includes(m)) continue;
    const c = readContacts(signatureLines(m.lines));
    exclude.push(key(m), ...c.emails, ...c.phones, c.company ?? '');
  }
  const email = party.email && !exclude.includes(party.email) ? party.email : null;
  // Latest signature first: it is the most current.
  const sig = [...own].reverse().flatMap((m) => signatureLines(m.lines));
  const sigText = sig.join('\n');
  const hrefs = own.flatMap((m) => m.links).filter((l) => l.text && sigText.includes(l.text)).map((l) => l.href);
  const c = readContacts(sig, { hrefs, email, exclude });
  const text = own.map((m) => m.lines.join('\n')).join('\n\n');
  Object.assign(cap.buyer, c, {
    name: party.name && !party.name.includes('@') && !isSeller(party) ? cleanName(party.name) : null,
    emails: [...(email ? [email] : []), ...c.emails.filter((e) => e !== email)],
  });
  cap.inquiry.message = text || null;
  cap.inquiry.receivedAt = own.map((m) => m.time).filter((t): t is string => !!t).sort()[0] ?? null;
  // The sender's name and address are the mail's header; the rest is their signature.
  mark(cap, 'selector', 'name', 'emails', 'subject', 'message');
  mark(cap, 'signature', ...BUYER_FIELDS);
  const qty = fillQuantity(cap.inquiry);
  if (qty) mark(cap, 'text', 'quantity');
  return cap;
}
