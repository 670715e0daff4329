/**
 * The last line of defence, applied to every capture before it leaves the content script (and
 * in `npm run extract`, through extractPage): whatever an adapter read, the capture that goes
 * out holds no value of the seller or of another person on the page, no string longer than its
 * stored limit (a long message is cut with a marker, never refused), no control, zero-width or
 * bidi-override characters in one-line fields, and no web address that is not http(s).
 * It also names a source for every filled field the adapter left unnamed. Pure.
 */
import { cleanName } from './names';
import { CAPTURE_LIMITS as L, type CaptureSource, type RawBuyer, type RawCapture, type RawInquiry } from '../lib/capture';

export const TRUNCATED = '…[truncated]';

// C0/C1 controls (but tab and line breaks, which are white space), zero-width characters, bidi
// embeddings, overrides and isolates, BOM: removed, so "Jo\u202ehn" reads "John".
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// In a message the line structure stays: tab and line feed are kept.
const INVISIBLE_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** One-line text: invisible and control characters removed, white space collapsed, clipped. */
export function oneLine(v: string | null | undefined, max: number): string | null {
  if (v == null) return null;
  const s = v.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return s ? s.slice(0, max).trim() : null;
}

/** A long message, cut at its limit with a marker so the seller sees that it was cut. */
export function clipMessage(v: string | null | undefined, max: number = L.inquiry.message): string | null {
  if (v == null) return null;
  const s = v.replace(/\r\n?/g, '\n').replace(INVISIBLE_KEEP_LINES, '').trim();
  if (!s) return null;
  return s.length <= max ? s : s.slice(0, max - TRUNCATED.length - 1).trimEnd() + '\n' + TRUNCATED;
}

/** A web address only when it is http(s) or has no scheme ("www.x.com"); javascript:, data: … are none. */
export function webAddress(v: string | null | undefined, max: number): string | null {
  const s = oneLine(v, max);
  if (!s) return null;
  const scheme = /^([a-z][a-z0-9+-]*):/i.exec(s)?.[1];
  if (scheme && !/^https?$/i.test(scheme) && !/^\d+$/.test(s.slice(scheme.length + 1).split('/')[0] ?? '')) return null;
  return /^https?:/i.test(s) && !/^https?:\/\/[^\s/]/i.test(s) ? null : s;
}

const digits = (s: string) => s.replace(/\D/g, '');

/** Values that belong to someone else on the page: the seller, other rows of a list, colleagues. */
function foreignTest(foreign: string[]) {
  // A name is compared without its honorific: "Sra. Lucía Gómez" is "Lucía Gómez".
  const texts = new Set(foreign.flatMap((f) => [f, cleanName(f) ?? '']).map((f) => f.trim().toLowerCase()).filter(Boolean));
  const numbers = foreign.map(digits).filter((d) => d.length >= 7);
  return {
    text: (v: string) => texts.has(v.trim().toLowerCase()),
    phone: (v: string) => {
      const d = digits(v);
      return d.length >= 7 && numbers.some((n) => n.endsWith(d.slice(-9)) || d.endsWith(n.slice(-9)));
    },
  };
}

const BUYER_KEYS = ['name', 'company', 'country', 'emails', 'phones', 'whatsapp', 'wechat', 'linkedin', 'website', 'platformBuyerId'] as const;
const SOURCED_INQUIRY = ['subject', 'productTitle', 'quantity', 'message'] as const;

export interface GuardOptions {
  /** Values of the seller and of other people on the page (PageAdapter.foreign). */
  foreign?: string[];
  /** The source of a filled field the adapter did not name: how this page kind is read. */
  source?: CaptureSource;
}

export function guardCapture(cap: RawCapture, opts: GuardOptions = {}): RawCapture {
  const isForeign = foreignTest(opts.foreign ?? []);
  const b = cap.buyer;
  const B = L.buyer;
  const keep = (v: string | null, max: number, phone = false) => {
    const s = oneLine(v, max);
    return s && !(phone ? isForeign.phone(s) : isForeign.text(s)) ? s : null;
  };
  const list = (xs: string[], max: number, phone = false) => {
    const out: string[] = [];
    for (const x of xs) {
      const s = keep(x, max, phone);
      if (s && !out.includes(s) && out.length < L.list) out.push(s);
    }
    return out;
  };
  const buyer: RawBuyer = {
    // Honorifics and placeholders ('Buyer', '买家') are never a name, whichever reader gave it.
    name: keep(cleanName(b.name), B.name),
    company: keep(b.company, B.company),
    country: oneLine(b.country, B.country),
    emails: list(b.emails, B.emails),
    phones: list(b.phones, B.phones, true),
    whatsapp: keep(b.whatsapp, B.whatsapp, true),
    wechat: keep(b.wechat, B.wechat),
    linkedin: webAddress(b.linkedin, B.linkedin),
    website: webAddress(keep(b.website, B.website), B.website),
    platformBuyerId: oneLine(b.platformBuyerId, B.platformBuyerId),
  };
  const q = cap.inquiry;
  const I = L.inquiry;
  const inquiry: RawInquiry = {
    platformInquiryId: oneLine(q.platformInquiryId, I.platformInquiryId),
    subject: oneLine(q.subject, I.subject),
    productTitle: oneLine(q.productTitle, I.productTitle),
    productId: oneLine(q.productId, I.productId),
    quantity: typeof q.quantity === 'number' && Number.isFinite(q.quantity) ? q.quantity : null,
    unit: q.quantity == null ? null : oneLine(q.unit === 'null' ? null : q.unit, I.unit),
    receivedAt: oneLine(q.receivedAt, I.receivedAt),
    message: clipMessage(q.message),
  };
  const out: RawCapture = { platform: cap.platform, url: cap.url.slice(0, L.url), buyer, inquiry };
  const sources = sourcesOf(cap, out, opts.source ?? 'selector');
  if (Object.keys(sources).length) out.sources = sources;
  return out;
}

const filled = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v != null && v !== '');

/**
 * Every filled field has a source: the adapter's own, else a value found in the buyer's message
 * is 'text' (or the page kind's 'chat'/'signature'), else the page kind's source. Emptied fields
 * lose theirs.
 */
function sourcesOf(raw: RawCapture, out: RawCapture, fallback: CaptureSource): NonNullable<RawCapture['sources']> {
  const given = raw.sources ?? {};
  const result: NonNullable<RawCapture['sources']> = {};
  const message = (out.inquiry.message ?? '').toLowerCase();
  const inText = (v: unknown) => [v].flat().some((x) => typeof x === 'string' && x.length > 2 && message.includes(x.toLowerCase()));
  const free = fallback === 'chat' || fallback === 'signature' || fallback === 'text' ? fallback : 'text';
  for (const k of BUYER_KEYS) {
    const v = out.buyer[k];
    if (!filled(v)) continue;
    result[k] = given[k] ?? (inText(v) ? free : fallback);
  }
  for (const k of SOURCED_INQUIRY) {
    if (!filled(out.inquiry[k])) continue;
    result[k] = given[k] ?? fallback;
  }
  return result;
}
