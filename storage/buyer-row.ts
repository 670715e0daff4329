/**
 * A buyer as stored: the validated Buyer plus derived index fields, computed here on every
 * write (callers never set them) and stripped from everything the repositories return.
 */
import { companyKey, nameKey } from '../lib/match-names';
import { buyerPhrases, buyerSearchTokens } from '../lib/search-tokens';
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

/** Validates a buyer (throws StorageValidationError) and adds the derived index fields. */
export function toBuyerRow(input: unknown): BuyerRow {
  const b = parseRow('buyers', buyerSchema, input);
  return {
    ...b,
    platformKeys: [...new Set(b.platformIds.map((p) => platformKey(p.platform, p.id)))],
    searchTokens: buyerSearchTokens(b),
    phrases: buyerPhrases(b),
    matchKeys: matchKeysOf(b),
    recency: [b.lastContactAt ?? 0, b.updatedAt],
  };
}

export function fromBuyerRow(row: BuyerRow): Buyer {
  const { platformKeys: _p, searchTokens: _s, phrases: _ph, matchKeys: _m, recency: _r, nextDueAt: _n, ...buyer } = row;
  return buyer;
}

export const uniqStrings = (xs: Iterable<string | null | undefined>): string[] => {
  const out: string[] = [];
  for (const x of xs) if (x && !out.includes(x)) out.push(x);
  return out;
};
