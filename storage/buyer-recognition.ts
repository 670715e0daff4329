/**
 * Recognition: the buyers sharing an identity with a capture or a buyer (email, phone/WhatsApp,
 * WeChat, LinkedIn, platform buyer id), and the likely duplicates to propose (same company,
 * similar name in any script), never merged here.
 */
import { companyKey, nameKey, nameSimilarity, nameWords, hasCjk, SIMILAR_NAME } from '../lib/match-names';
import { cjkGrams, tokenSelectivity } from '../lib/search-tokens';
import { fromBuyerRow, platformKey, uniqStrings } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import type { Buyer, BuyerRow } from './schema';

export interface BuyerIdentity {
  emails: string[];
  phones: string[];
  whatsapp: string | null;
  wechat: string | null;
  linkedin: string | null;
  platformIds: { platform: string; id: string }[];
}

/**
 * Buyers sharing any identity: an email, a phone or WhatsApp number (a phone matches a WhatsApp
 * number and vice versa), the WeChat id (case-insensitive), the LinkedIn address or a platform
 * buyer id. Most matching identities first, then most recently updated.
 */
export async function findBuyersByIdentity(identity: BuyerIdentity, db: BuyerbookDB = getDb()): Promise<Buyer[]> {
  return (await findBuyersByIdentities([identity], db))[0]!;
}

const IDENTITY_KINDS = ['emails', 'phones', 'whatsapp', 'wechat', 'linkedin', 'platformKeys'] as const;
type IdentityKind = (typeof IDENTITY_KINDS)[number];
/** Values per anyOf query: a sheet of 50,000 rows is a few hundred queries, not 50,000 times six. */
const IDENTITY_QUERY_VALUES = 1000;

/** The values of a stored buyer each kind's query looks up, as the query's values are written. */
function identityValues(row: BuyerRow, kind: IdentityKind): string[] {
  if (kind === 'whatsapp') return row.whatsapp ? [row.whatsapp] : [];
  if (kind === 'wechat') return row.wechat ? [row.wechat.toLowerCase()] : [];
  if (kind === 'linkedin') return row.linkedin ? [row.linkedin] : [];
  return row[kind];
}

/**
 * findBuyersByIdentity for many identities at once (a sheet import): each kind of identity is
 * looked up for all of them together, then every identity gets its own ranked list, as if asked
 * alone.
 */
export async function findBuyersByIdentities(identities: readonly BuyerIdentity[], db: BuyerbookDB = getDb()): Promise<Buyer[][]> {
  const wanted = identities.map((identity): Record<IdentityKind, string[]> => {
    const numbers = uniqStrings([...identity.phones, identity.whatsapp]);
    const wechat = identity.wechat?.trim();
    const linkedin = identity.linkedin?.trim();
    return {
      emails: uniqStrings(identity.emails.map((e) => e.trim().toLowerCase())),
      phones: numbers,
      whatsapp: numbers,
      wechat: wechat ? [wechat.toLowerCase()] : [],
      linkedin: linkedin ? [linkedin] : [],
      platformKeys: uniqStrings(identity.platformIds.map((p) => platformKey(p.platform, p.id))),
    };
  });
  const found = await Promise.all(
    IDENTITY_KINDS.map(async (kind) => {
      const values = [...new Set(wanted.flatMap((w) => w[kind]))];
      const byValue = new Map<string, BuyerRow[]>();
      for (let i = 0; i < values.length; i += IDENTITY_QUERY_VALUES) {
        const part = values.slice(i, i + IDENTITY_QUERY_VALUES);
        const where = db.buyers.where(kind);
        const rows = kind === 'wechat' ? await where.anyOfIgnoreCase(part).toArray() : await where.anyOf(part).distinct().toArray();
        for (const row of rows) {
          for (const v of identityValues(row, kind)) {
            const list = byValue.get(v);
            if (!list) byValue.set(v, [row]);
            else if (!list.includes(row)) list.push(row);
          }
        }
      }
      return byValue;
    }),
  );
  return wanted.map((w) => {
    // A buyer counts once per kind of identity it shares: most kinds shared first.
    const hits = new Map<string, { row: BuyerRow; n: number }>();
    IDENTITY_KINDS.forEach((kind, k) => {
      const rows = new Map<string, BuyerRow>();
      for (const v of w[kind]) for (const row of found[k]!.get(v) ?? []) rows.set(row.id, row);
      for (const row of rows.values()) {
        const h = hits.get(row.id);
        if (h) h.n++;
        else hits.set(row.id, { row, n: 1 });
      }
    });
    return [...hits.values()].sort((a, b) => b.n - a.n || b.row.updatedAt - a.row.updatedAt).map((h) => fromBuyerRow(h.row));
  });
}

/** How many buyers one name word may pull in as candidates (bounds the cost for common names). */
const NAME_CANDIDATES_PER_WORD = 300;

/** Words of a name to look candidates up by: Latin/Arabic words, CJK bigrams (or the whole short name). */
function nameLookupTokens(name: string | null): string[] {
  const out: string[] = [];
  for (const w of nameWords(name)) {
    if (hasCjk(w)) {
      const chars = Array.from(w);
      if (chars.length <= 2) out.push(w);
      else out.push(...cjkGrams(w).filter((g) => Array.from(g).length === 2));
    } else if (w.length > 1) {
      out.push(w);
    }
  }
  return [...new Set(out)].sort((a, b) => tokenSelectivity(b) - tokenSelectivity(a)).slice(0, 6);
}

/**
 * Likely duplicates to propose (never merged automatically): the same company once legal forms,
 * case and punctuation are ignored, and/or a similar name in any script. A similar name at a
 * clearly different company is not proposed. Never returns the buyer itself.
 */
export async function findLikelyDuplicates(
  buyer: { id?: string; name: string | null; company: string | null },
  limit = 5,
  db: BuyerbookDB = getDb(),
): Promise<Buyer[]> {
  const cKey = companyKey(buyer.company);
  const nKey = nameKey(buyer.name);
  const ids = new Set<string>();
  const lookups: Promise<string[]>[] = [];
  if (cKey.length > 1) lookups.push(db.buyers.where('matchKeys').equals('c:' + cKey.slice(0, 120)).primaryKeys());
  if (nKey.length > 1) lookups.push(db.buyers.where('matchKeys').equals('n:' + nKey.slice(0, 120)).primaryKeys());
  for (const t of nameLookupTokens(buyer.name)) {
    lookups.push(db.buyers.where('searchTokens').equals(t).limit(NAME_CANDIDATES_PER_WORD).primaryKeys());
  }
  for (const keys of await Promise.all(lookups)) for (const k of keys) if (k !== buyer.id) ids.add(k);
  if (ids.size === 0) return [];

  const rows = (await db.buyers.bulkGet([...ids])).filter((r): r is BuyerRow => !!r);
  const scored: { row: BuyerRow; score: number }[] = [];
  for (const row of rows) {
    const rowCompany = companyKey(row.company);
    const companyEq = cKey.length > 1 && cKey === rowCompany;
    const companyConflict = cKey.length > 1 && rowCompany.length > 1 && !companyEq;
    const sim = nameSimilarity(buyer.name, row.name);
    const similar = sim >= SIMILAR_NAME;
    let score = 0;
    if (companyEq) score = 1 + (similar ? sim : 0.5 * sim);
    else if (similar && !companyConflict) score = sim;
    if (score > 0) scored.push({ row, score });
  }
  scored.sort((a, b) => b.score - a.score || b.row.updatedAt - a.row.updatedAt);
  return scored.slice(0, limit).map((s) => fromBuyerRow(s.row));
}
