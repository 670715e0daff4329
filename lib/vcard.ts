/**
 * Buyers as vCards (3.0 for older phones and Outlook, 4.0 per RFC 6350), written and read with
 * ical.js so escaping and line folding follow the standard. Phones and WhatsApp numbers are TEL
 * (WhatsApp and phone address books find the contact by number), WeChat and WhatsApp are also
 * IMPP, LinkedIn and the website URL, the country an ADR, tags CATEGORIES, notes NOTE.
 */
import ICAL from 'ical.js';
/** What a contact card shows of a buyer: structurally the stored Buyer (lib imports no storage). */
export interface VCardBuyer {
  id: string;
  name: string | null;
  company: string | null;
  country: string | null;
  emails: readonly string[];
  phones: readonly string[];
  whatsapp: string | null;
  wechat: string | null;
  linkedin: string | null;
  website: string | null;
  tags: readonly string[];
  notes: string;
}
import { countryName } from './country-names';

export type VCardVersion = '3.0' | '4.0';

/** One buyer as a vCard component (jCard inside). */
function buyerComponent(b: VCardBuyer, version: VCardVersion): ICAL.Component {
  const card = new ICAL.Component('vcard');
  card.addPropertyWithValue('version', version);
  const fn = b.name || b.company || b.emails[0] || b.phones[0] || b.whatsapp || 'Buyer';
  card.addPropertyWithValue('fn', fn);
  // N is required in 3.0: the whole name as the family name keeps CJK and Arabic names intact.
  card.addPropertyWithValue('n', [b.name ?? '', '', '', '', '']);
  if (b.company) card.addPropertyWithValue('org', [b.company]);
  card.addPropertyWithValue('uid', version === '4.0' ? `urn:uuid:${b.id}` : b.id);
  b.emails.forEach((e, i) => {
    const p = card.addPropertyWithValue('email', e);
    p.setParameter('type', version === '3.0' ? ['internet', 'work'] : ['work']);
    if (i === 0) p.setParameter(version === '3.0' ? 'type' : 'pref', version === '3.0' ? ['internet', 'work', 'pref'] : '1');
  });
  const addTel = (tel: string) => {
    // 4.0 writes numbers as tel: URIs (RFC 6350 6.4.1), 3.0 as text.
    const p = card.addPropertyWithValue('tel', tel);
    if (version === '4.0') {
      p.resetType('uri');
      p.setValue(`tel:${tel}`);
    }
    p.setParameter('type', ['cell']);
  };
  b.phones.forEach(addTel);
  if (b.whatsapp) {
    if (!b.phones.includes(b.whatsapp)) addTel(b.whatsapp);
    card.addPropertyWithValue('impp', `whatsapp:${b.whatsapp}`);
  }
  if (b.wechat) card.addPropertyWithValue('impp', `weixin:${b.wechat}`);
  if (b.linkedin) card.addPropertyWithValue('url', b.linkedin).setParameter('type', ['linkedin']);
  if (b.website) card.addPropertyWithValue('url', b.website).setParameter('type', ['work']);
  if (b.country) card.addPropertyWithValue('adr', ['', '', '', '', '', '', countryName(b.country, 'en') ?? b.country]).setParameter('type', ['work']);
  if (b.tags.length) card.addPropertyWithValue('categories', b.tags[0]!).setValues([...b.tags]);
  if (b.notes) card.addPropertyWithValue('note', b.notes);
  return card;
}

/** Buyers as one .vcf text (CRLF, folded lines), one vCard after another. */
export function buyersToVCard(buyers: readonly VCardBuyer[], version: VCardVersion): string {
  return buyers.map((b) => buyerComponent(b, version).toString() + '\r\n').join('');
}

export interface ParsedContact {
  name: string | null;
  company: string | null;
  emails: string[];
  phones: string[];
  whatsapp: string | null;
  wechat: string | null;
  urls: string[];
  country: string | null;
  tags: string[];
  notes: string;
  uid: string | null;
}

/**
 * ical.js takes an escaped backslash before a separator ("x\\;" or "x\\,": a name or tag ending in
 * a backslash) for an escaped separator, and splits N or CATEGORIES in the wrong place. Escaped
 * backslashes are swapped for a noncharacter before parsing (the lines unfolded first, so no fold
 * splits a pair) and swapped back in every value read.
 */
const BACKSLASH = '\uFDD0';
const str = (v: unknown): string => (v == null ? '' : String(v).replaceAll(BACKSLASH, '\\'));

/** Reads a .vcf text back (any number of vCards, 3.0 or 4.0). */
export function parseVCards(text: string): ParsedContact[] {
  const source = text.includes(BACKSLASH) ? text : text.replace(/\r?\n[ \t]/g, '').replace(/\\\\/g, BACKSLASH);
  const parsed = ICAL.parse(source) as unknown;
  // One card parses to a jCard; several to a list of them.
  const list = (Array.isArray(parsed) && parsed[0] === 'vcard' ? [parsed] : (parsed as unknown[])) as unknown[];
  return list.map((jcard) => {
    const c = new ICAL.Component(jcard as never);
    const values = (name: string) => c.getAllProperties(name).flatMap((p) => p.getValues().map(str));
    const impp = values('impp');
    const tel = values('tel').map((t) => t.replace(/^tel:/, ''));
    const whatsapp = impp.find((x) => x.startsWith('whatsapp:'))?.slice(9) ?? null;
    const n = c.getFirstPropertyValue('n') as unknown;
    const org = c.getFirstPropertyValue('org') as unknown;
    const adr = c.getFirstPropertyValue('adr') as unknown;
    return {
      name: (Array.isArray(n) ? str(n[0]) : str(n)) || null,
      company: (Array.isArray(org) ? str(org[0]) : str(org)) || null,
      emails: values('email'),
      phones: tel,
      whatsapp,
      wechat: impp.find((x) => x.startsWith('weixin:'))?.slice(7) ?? null,
      urls: values('url'),
      country: Array.isArray(adr) ? str(adr[6]) || null : null,
      tags: values('categories'),
      notes: str(c.getFirstPropertyValue('note')),
      uid: str(c.getFirstPropertyValue('uid')) || null,
    };
  });
}
