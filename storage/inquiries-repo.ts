/** Inquiries: read side (they are written by the capture use case, storage/capture-repo.ts). */
import { getDb, type BuyerbookDB } from './db';
import { refreshDerived, writeBook } from './derived-fields';
import { inquirySchema, type Inquiry } from './schema';
import { parseRow } from './validate';

const inquiryTime = (i: Inquiry) => i.receivedAt ?? i.capturedAt;

/** A buyer's inquiries, newest first (received time, or capture time when the page gave none). */
export async function listInquiries(buyerId: string, db: BuyerbookDB = getDb()): Promise<Inquiry[]> {
  // A buyer has few inquiries; the [buyerId+receivedAt] index would leave out those without a time.
  const rows = await db.inquiries.where('buyerId').equals(buyerId).toArray();
  return rows.sort((a, b) => inquiryTime(b) - inquiryTime(a) || b.capturedAt - a.capturedAt);
}

export async function getInquiry(id: string, db: BuyerbookDB = getDb()): Promise<Inquiry | undefined> {
  return db.inquiries.get(id);
}

/** Writes validated inquiries without recomputing (bulkImport recomputes once per batch). */
export async function putInquiryRows(inquiries: readonly Inquiry[], db: BuyerbookDB): Promise<void> {
  await db.inquiries.bulkPut(inquiries.map((i) => parseRow('inquiries', inquirySchema, i)));
}

/** Writes validated inquiries as they are: restore from backup, benchmark seeding. */
export async function bulkPutInquiries(inquiries: readonly Inquiry[], db: BuyerbookDB = getDb()): Promise<void> {
  await writeBook(db, async () => {
    await putInquiryRows(inquiries, db);
    await refreshDerived(db, inquiries.map((i) => i.buyerId));
  });
}
