/**
 * Whether a new capture of the panel's tab is the same conversation read again (a new chat line,
 * a re-render, "capture again") or another buyer (the seller opened another thread or chat). The
 * panel merges the first into the seller's draft and asks before replacing a draft with the
 * second. Captures are compared as read from the page, never with the seller's edits.
 *
 * A conflict of identity decides first (two different buyer ids, WhatsApp numbers, profiles, or
 * emails with none in common), then a shared identifier, then the name, then the address.
 */
import type { Capture } from './capture';

const differ = (x: string | null, y: string | null) => !!x && !!y && x !== y;
const shareAny = (xs: string[], ys: string[]) => xs.some((x) => ys.includes(x));
const nameKey = (s: string | null) => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function sameConversation(a: Capture, b: Capture): boolean {
  if (a.platform !== b.platform) return false;
  const [ai, bi] = [a.inquiry.platformInquiryId, b.inquiry.platformInquiryId];
  if (ai && bi) return ai === bi;
  const [x, y] = [a.buyer, b.buyer];
  if (differ(x.platformBuyerId, y.platformBuyerId) || differ(x.whatsapp, y.whatsapp) || differ(x.linkedin, y.linkedin)) {
    return false;
  }
  if (x.emails.length && y.emails.length && !shareAny(x.emails, y.emails)) return false;
  const shared =
    (!!x.platformBuyerId && x.platformBuyerId === y.platformBuyerId) ||
    (!!x.whatsapp && x.whatsapp === y.whatsapp) ||
    (!!x.linkedin && x.linkedin === y.linkedin) ||
    shareAny(x.emails, y.emails) ||
    shareAny(x.phones, y.phones);
  if (shared) return true;
  if (x.name && y.name && nameKey(x.name) !== nameKey(y.name)) return false;
  return a.url === b.url;
}
