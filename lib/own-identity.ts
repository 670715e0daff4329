/**
 * The seller's own details appear on every page they read (signature, header, "From:" line), so
 * they must be removed from a capture before it is shown or saved: the book holds buyers, never
 * the seller. Pure: returns a new capture.
 */
import type { Capture } from './capture';
import type { OwnIdentity } from './domain';
import { companyKey, nameKey } from './match-names';
import { normalizeEmail } from './normalize';

const digitsOf = (s: string) => s.replace(/\D/g, '').replace(/^00/, '');

/**
 * Same phone if the digits are equal or one ends with the other (the seller may have typed their
 * number without the country code, "138 1234 5678" vs "+86 138 1234 5678"). At least 7 digits
 * must agree so a short fragment never matches.
 */
function samePhone(a: string, b: string): boolean {
  const x = digitsOf(a);
  const y = digitsOf(b);
  if (x.length < 7 || y.length < 7) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // A national number written with its trunk zero ("0151...") is the same as "+49151...".
  return long.endsWith(short) || long.endsWith(short.replace(/^0/, ''));
}

export function stripOwnIdentity(capture: Capture, own: OwnIdentity): Capture {
  const ownEmails = new Set(own.emails.map((e) => normalizeEmail(e) ?? e.trim().toLowerCase()));
  const isOwnPhone = (p: string) => own.phones.some((o) => samePhone(o, p));
  const ownNames = new Set(own.names.map(nameKey).filter(Boolean));
  const ownCompanies = new Set(own.companies.map(companyKey).filter(Boolean));
  const b = capture.buyer;
  return {
    ...capture,
    buyer: {
      ...b,
      emails: b.emails.filter((e) => !ownEmails.has(e.trim().toLowerCase())),
      phones: b.phones.filter((p) => !isOwnPhone(p)),
      whatsapp: b.whatsapp && isOwnPhone(b.whatsapp) ? null : b.whatsapp,
      name: b.name && ownNames.has(nameKey(b.name)) ? null : b.name,
      company: b.company && ownCompanies.has(companyKey(b.company)) ? null : b.company,
    },
    inquiry: { ...capture.inquiry },
  };
}
