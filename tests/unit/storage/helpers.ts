/** Test helpers for the storage layer: a fresh database per test and realistic captures. */
import { afterEach } from 'vitest';
import { emptyBuyer, emptyCapture, type Capture, type Platform, type RawBuyer, type RawInquiry } from '../../../lib/capture';
import { openDb, type BuyerbookDB } from '../../../storage/db';
import type { NewBuyer } from '../../../storage/buyers-repo';

const opened: BuyerbookDB[] = [];
let seq = 0;

/** An empty database under a unique name, deleted after the test. */
export function freshDb(): BuyerbookDB {
  const db = openDb(`buyerbook-test-${Date.now()}-${seq++}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

export function capture(
  platform: Platform,
  buyer: Partial<RawBuyer>,
  inquiry: Partial<RawInquiry> = {},
  url = `https://example.test/${platform}`,
): Capture {
  const c = emptyCapture(platform, url);
  return { ...c, buyer: { ...c.buyer, ...buyer }, inquiry: { ...c.inquiry, ...inquiry } };
}

export function newBuyer(over: Partial<NewBuyer> = {}): NewBuyer {
  const { platformBuyerId: _id, ...contact } = emptyBuyer();
  return { ...contact, platformIds: [], ...over };
}
