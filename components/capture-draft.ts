/**
 * The model behind the editable capture and buyer forms. The seller edits text; the canonical
 * value of each field (E.164 phones, ISO country, lower-case emails, a number, an ISO time) is
 * derived from that text by the same normalisers the capture went through, so what is shown in
 * `data-value`, what is validated and what is saved are one and the same thing.
 */
import type { Capture, RawBuyer } from '../lib/capture';
import type { MessageKey } from '../lib/i18n';
import {
  normalizeCountry,
  normalizeEmail,
  normalizeLinkedIn,
  normalizePhone,
  normalizeWebsite,
} from '../lib/normalize';

export const BUYER_FIELDS = [
  'name', 'company', 'country', 'emails', 'phones', 'whatsapp', 'wechat', 'linkedin', 'website',
] as const;
export const CAPTURE_FIELDS = [
  ...BUYER_FIELDS, 'platformBuyerId', 'platformInquiryId', 'subject', 'productTitle', 'productId', 'quantity',
  'unit', 'receivedAt', 'message',
] as const;

export type BuyerFieldKey = (typeof BUYER_FIELDS)[number];
export type CaptureFieldKey = (typeof CAPTURE_FIELDS)[number];
/** Field text as the seller sees it. Lists are one item a line; receivedAt is an ISO string. */
export type Draft<K extends string> = Record<K, string>;
export type FieldErrors<K extends string> = Partial<Record<K, MessageKey>>;

/** A buyer's contact fields as the forms edit them: the capture's, without the platform id. */
export type BuyerValues = Omit<RawBuyer, 'platformBuyerId'>;

const clean = (s: string): string | null => {
  const v = s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  return v || null;
};
const lines = (s: string): string[] => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const joinLines = (xs: readonly string[]): string => xs.join('\n');

/** Keeps the first of each value, in order. */
function uniq(xs: string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}

export function buyerDraft(b: BuyerValues): Draft<BuyerFieldKey> {
  return {
    name: b.name ?? '',
    company: b.company ?? '',
    country: b.country ?? '',
    emails: joinLines(b.emails),
    phones: joinLines(b.phones),
    whatsapp: b.whatsapp ?? '',
    wechat: b.wechat ?? '',
    linkedin: b.linkedin ?? '',
    website: b.website ?? '',
  };
}

/** Canonical buyer values from the text, and the fields whose text does not make a valid value. */
export function readBuyerDraft(d: Draft<BuyerFieldKey>): { values: BuyerValues; errors: FieldErrors<BuyerFieldKey> } {
  const errors: FieldErrors<BuyerFieldKey> = {};
  const country = clean(d.country) ? normalizeCountry(d.country) : null;
  if (clean(d.country) && !country) errors.country = 'errorCountry';

  const emailLines = lines(d.emails);
  const emails = emailLines.map(normalizeEmail);
  if (emails.some((e) => e == null)) errors.emails = 'errorEmail';

  // The buyer's country is the region for numbers written without their +code, as in capture.
  const phoneLines = lines(d.phones);
  const phones = phoneLines.map((p) => normalizePhone(p, country));
  if (phones.some((p) => p == null)) errors.phones = 'errorPhone';

  const whatsapp = clean(d.whatsapp) ? normalizePhone(d.whatsapp, country) : null;
  if (clean(d.whatsapp) && !whatsapp) errors.whatsapp = 'errorPhone';

  const linkedin = clean(d.linkedin) ? normalizeLinkedIn(d.linkedin) : null;
  if (clean(d.linkedin) && !linkedin) errors.linkedin = 'errorLinkedin';

  const website = clean(d.website) ? normalizeWebsite(d.website) : null;
  if (clean(d.website) && !website) errors.website = 'errorWebsite';

  return {
    values: {
      name: clean(d.name),
      company: clean(d.company),
      country,
      emails: uniq(emails.filter((e): e is string => e != null)),
      phones: uniq(phones.filter((p): p is string => p != null)),
      whatsapp,
      wechat: clean(d.wechat),
      linkedin,
      website,
    },
    errors,
  };
}

export function captureDraft(c: Capture): Draft<CaptureFieldKey> {
  const i = c.inquiry;
  return {
    ...buyerDraft(c.buyer),
    platformBuyerId: c.buyer.platformBuyerId ?? '',
    platformInquiryId: i.platformInquiryId ?? '',
    subject: i.subject ?? '',
    productTitle: i.productTitle ?? '',
    productId: i.productId ?? '',
    quantity: i.quantity == null ? '' : String(i.quantity),
    unit: i.unit ?? '',
    receivedAt: i.receivedAt ?? '',
    message: i.message ?? '',
  };
}

/** "1,000" / "1 000" / "2.5" -> number; null for empty; NaN for text that is not a number. */
export function parseQuantityText(s: string): number | null {
  const v = s.replace(/[\s,\u00a0]/g, '');
  if (!v) return null;
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

/** The capture as it would be saved, and the fields that stop it from being saved. */
export function readCaptureDraft(
  d: Draft<CaptureFieldKey>,
  base: Capture,
): { capture: Capture; errors: FieldErrors<CaptureFieldKey> } {
  const { values, errors: buyerErrors } = readBuyerDraft(d);
  const errors: FieldErrors<CaptureFieldKey> = { ...buyerErrors };
  const quantity = parseQuantityText(d.quantity);
  if (quantity != null && Number.isNaN(quantity)) errors.quantity = 'errorNumber';
  const receivedAt = clean(d.receivedAt);
  if (receivedAt && Number.isNaN(Date.parse(receivedAt))) errors.receivedAt = 'errorTime';
  return {
    capture: {
      platform: base.platform,
      url: base.url,
      buyer: { ...values, platformBuyerId: clean(d.platformBuyerId) },
      inquiry: {
        platformInquiryId: clean(d.platformInquiryId),
        subject: clean(d.subject),
        productTitle: clean(d.productTitle),
        productId: clean(d.productId),
        quantity: quantity != null && Number.isNaN(quantity) ? null : quantity,
        unit: clean(d.unit),
        receivedAt: receivedAt && !errors.receivedAt ? receivedAt : null,
        // The buyer's words are shown read-only and kept exactly as read.
        message: base.inquiry.message,
      },
    },
    errors,
  };
}

/** The canonical value of one field, for `data-value`. */
export function canonicalValue(c: Capture, key: CaptureFieldKey): unknown {
  return key in c.buyer ? c.buyer[key as keyof Capture['buyer']] : c.inquiry[key as keyof Capture['inquiry']];
}

/** Fields whose text the seller changed from what the page gave (typed, or picked from the page). */
export function editedFields(draft: Draft<CaptureFieldKey>, fromPage: Draft<CaptureFieldKey>): CaptureFieldKey[] {
  return CAPTURE_FIELDS.filter((k) => draft[k] !== fromPage[k]);
}

/**
 * A new capture of the same conversation merged into the seller's draft: a field the seller has
 * not edited takes the page's new value; an edited one stays as the seller left it.
 */
export function mergePageDraft(
  draft: Draft<CaptureFieldKey>,
  oldPage: Draft<CaptureFieldKey>,
  newPage: Draft<CaptureFieldKey>,
): { draft: Draft<CaptureFieldKey>; updated: CaptureFieldKey[]; keptEdits: CaptureFieldKey[] } {
  const next = { ...draft };
  const updated: CaptureFieldKey[] = [];
  const keptEdits: CaptureFieldKey[] = [];
  for (const k of CAPTURE_FIELDS) {
    if (draft[k] !== oldPage[k]) {
      if (newPage[k] !== oldPage[k]) keptEdits.push(k);
      continue;
    }
    next[k] = newPage[k];
    if (newPage[k] !== oldPage[k]) updated.push(k);
  }
  return { draft: next, updated, keptEdits };
}
