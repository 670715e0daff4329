/**
 * One history of a buyer, newest first: inquiries, touchpoints and changes of stage together, a
 * keyset page at a time. Touchpoints (up to a million in a book) are read through their
 * [buyerId+at] index a page at a time; a buyer's inquiries and stage changes are few and read
 * whole. Entries at the same time are ordered by id, descending, as the timeline's keyset is.
 */
import { getDb, type BuyerbookDB } from './db';
import { listInquiries } from './inquiries-repo';
import type { Inquiry, StageChange, Touchpoint } from './schema';
import { listTimeline, type TimelineCursor } from './touchpoints-repo';

export type HistoryEntry =
  /** `inquiry`: the inquiry a touchpoint of kind "inquiry" logged, shown as one entry with it. */
  | { type: 'touchpoint'; id: string; at: number; touchpoint: Touchpoint; inquiry?: Inquiry }
  | { type: 'inquiry'; id: string; at: number; inquiry: Inquiry }
  | { type: 'stage'; id: string; at: number; change: StageChange };

export type HistoryCursor = TimelineCursor;

/** Newest first; ties by id, descending. */
const newerFirst = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const olderThan = (c: HistoryCursor | undefined) => (e: { at: number; id: string }) =>
  !c || e.at < c.at || (e.at === c.at && e.id < c.id);

export async function listHistory(
  buyerId: string,
  opts: { after?: HistoryCursor; limit?: number } = {},
  db: BuyerbookDB = getDb(),
): Promise<HistoryEntry[]> {
  const limit = Math.max(0, opts.limit ?? 50);
  if (limit === 0) return [];
  const { after } = opts;
  const [touchpoints, inquiries, buyer] = await Promise.all([
    listTimeline(buyerId, { after, limit }, db),
    listInquiries(buyerId, db),
    db.buyers.get(buyerId),
  ]);
  // A captured inquiry is logged as a touchpoint of kind "inquiry" too: one entry, not two.
  const byId = new Map(inquiries.map((q) => [q.id, q]));
  const logged = new Set(
    (await db.touchpoints.where('inquiryId').anyOf([...byId.keys()]).toArray())
      .filter((t) => t.kind === 'inquiry' && t.buyerId === buyerId)
      .map((t) => t.inquiryId),
  );
  const inquiryOf = (t: Touchpoint) => (t.kind === 'inquiry' && t.inquiryId ? byId.get(t.inquiryId) : undefined);
  const entries: HistoryEntry[] = [
    ...touchpoints.map((touchpoint) => ({ type: 'touchpoint' as const, id: touchpoint.id, at: touchpoint.at, touchpoint, inquiry: inquiryOf(touchpoint) })),
    ...inquiries.filter((q) => !logged.has(q.id)).map((inquiry) => ({ type: 'inquiry' as const, id: inquiry.id, at: inquiry.receivedAt ?? inquiry.capturedAt, inquiry })),
    ...(buyer?.stageChanges ?? []).map((change) => ({ type: 'stage' as const, id: change.id, at: change.at, change })),
  ];
  return entries.filter(olderThan(after)).sort(newerFirst).slice(0, limit);
}
