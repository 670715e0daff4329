/** vCards of one buyer or of the whole book (lib/vcard.ts), read a page of buyers at a time. */
import { buyersToVCard, type VCardVersion } from '../lib/vcard';
import { fromBuyerRow } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import { eachPage } from './read-pages';
import type { BuyerRow } from './schema';

export async function exportVCards(
  version: VCardVersion,
  opts: { ids?: readonly string[]; now?: number; pageRows?: number } = {},
  db: BuyerbookDB = getDb(),
): Promise<{ blob: Blob; fileName: string; count: number }> {
  const parts: Blob[] = [];
  let count = 0;
  const add = (rows: (BuyerRow | undefined)[]) => {
    const buyers = rows.filter((r): r is BuyerRow => !!r).map(fromBuyerRow);
    if (!buyers.length) return;
    parts.push(new Blob([buyersToVCard(buyers, version)]));
    count += buyers.length;
  };
  if (opts.ids) {
    add(await db.buyers.bulkGet([...opts.ids]));
  } else {
    await eachPage(db.buyers, opts.pageRows ?? 1000, (r) => r.id, add);
  }
  const d = new Date(opts.now ?? Date.now());
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const fileName = `buyerbook-contacts-${date}-v${version === '3.0' ? 3 : 4}.vcf`;
  return { blob: new Blob(parts, { type: 'text/vcard;charset=utf-8' }), fileName, count };
}
