/**
 * A buyer as stored: the validated Buyer plus derived index fields, computed here on every
 * write (callers never set them) and stripped from everything the repositories return.
 */
import { companyKey, foldText, nameKey } from '../lib/match-names';
import { countrySearchNames } from '../lib/country-names';
import { buyerPhrases, buyerSearchTokens } from '../lib/search-tokens';
import { fitBuyer } from './buyer-limits';
import { buyerSchema, type Buyer, type BuyerRow } from './schema';
import { parseRow } from './validate';

export const platformKey = (platform: string, id: string): string => `${platform}:${id}`;

/** Match keys shared by buyers that are probably the same: equal company core or equal name. */
export function matchKeysOf(b: Pick<Buyer, 'name' | 'company'>): string[] {
  const keys: string[] = [];
  const c = companyKey(b.company);
  if (c.length > 1) keys.push('c:' + c.slice(0, 120));
  const n = nameKey(b.name);
  if (n.length > 1) keys.push('n:' + n.slice(0, 120));
  return keys;
}

export const uniqStrings = (xs: Iterable<string | null | undefined>): string[] => {
  const out: string[] = [];
  for (const x of xs) if (x && !out.includes(x)) out.push(x);
  return out;
};

/** Lists kept in a canonical form so the identity indexes match: lower-case emails, trimmed tags. */
export function tidyBuyer<T extends Partial<Buyer>>(b: T): T {
  const out = { ...b };
  if (Array.isArray(out.emails)) out.emails = uniqStrings(out.emails.map((e) => String(e).trim().toLowerCase()));
  if (Array.isArray(out.phones)) out.phones = uniqStrings(out.phones.map((p) => String(p).trim()));
  if (Array.isArray(out.tags)) out.tags = uniqStrings(out.tags.map((t) => String(t).trim()));
  if (Array.isArray(out.platformIds)) {
    const seen = new Set<string>();
    out.platformIds = out.platformIds.filter((p) => {
      const k = platformKey(p.platform, p.id);
      return seen.has(k) ? false : (seen.add(k), true);
    });
  }
  return out;
}

/** Buyer-shaped enough to be fitted into the limits before validation. */
const fittable = (x: unknown): x is Buyer => {
  const b = x as Partial<Buyer> | null;
  return (
    !!b && typeof b === 'object' && Array.isArray(b.emails) && Array.isArray(b.phones) && Array.isArray(b.tags) &&
    Array.isArray(b.platformIds) && typeof (b.notes ?? '') === 'string'
  );
};

/** What a buyer's derived fields take from the rest of the book (their inquiries); refreshDerived reads it. */
export interface BuyerContext {
  /** Product titles asked about, newest first. */
  products: readonly string[];
  /** Platforms of the buyer's inquiries. */
  platforms: readonly string[];
}

/** Sorts after every real name ("\uffff" is above any folded text). */
export const NO_NAME_SORT = '\uffff';
const NAME_SORT_LENGTH = 60;

/** The key of the order by name: the folded name, else the company, else the email. */
export function nameSortOf(b: Pick<Buyer, 'name' | 'company' | 'emails'>): string {
  for (const v of [b.name, b.company, b.emails[0]]) {
    const f = foldText(v ?? '').trim();
    if (f) return f.slice(0, NAME_SORT_LENGTH);
  }
  return NO_NAME_SORT;
}

/**
 * Tidies, fits into the limits (storage/buyer-limits.ts: never refused for being too long),
 * validates (throws StorageValidationError for a value of the wrong form) and adds the derived
 * index fields. lastContactAt is taken as given: storage/derived-fields.ts recomputes it.
 */
export function toBuyerRow(input: unknown, context?: BuyerContext): BuyerRow {
  let value = input;
  if (fittable(input)) value = fitBuyer(tidyBuyer({ ...input, notes: input.notes ?? '' }));
  const b = parseRow('buyers', buyerSchema, value);
  return {
    ...b,
    platformKeys: [...new Set(b.platformIds.map((p) => platformKey(p.platform, p.id)))],
    searchTokens: buyerSearchTokens({ ...b, countryNames: countrySearchNames(b.country), products: context?.products ?? [] }),
    phrases: buyerPhrases(b),
    matchKeys: matchKeysOf(b),
    recency: [b.lastContactAt ?? 0, b.updatedAt],
    platforms: uniqStrings([...b.platformIds.map((p) => p.platform), ...(context?.platforms ?? [])]).sort(),
    nameSort: nameSortOf(b),
  };
}

export function fromBuyerRow(row: BuyerRow): Buyer {
  const { platformKeys: _p, searchTokens: _s, phrases: _ph, matchKeys: _m, recency: _r, nextDueAt: _nd, platforms: _pl, nameSort: _n, ...buyer } =
    row;
  return buyer;
}
