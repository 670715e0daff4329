/**
 * The capture use case: recognise the buyer of a captured page, and save the capture (buyer +
 * inquiry + touchpoint) in one transaction. Captures arrive normalised (lib/normalize.ts); the
 * seller's own identity is stripped here too, so a capture saved from any caller never files the
 * seller as a buyer.
 */
import type { Capture, Platform } from '../lib/capture';
import { stripOwnIdentity } from '../lib/own-identity';
import { CHANNEL_OF_PLATFORM } from '../lib/platform-channel';
import { fromBuyerRow, toBuyerRow, uniqStrings } from './buyer-row';
import { findBuyersByIdentity, findLikelyDuplicates, type BuyerIdentity } from './buyer-recognition';
import { getDb, type BuyerbookDB } from './db';
import { refreshDerived, writeBook } from './derived-fields';
import { newId } from './ids';
import { mergeBuyers as mergeByPolicy } from './merge-policy';
import { MAX_EPOCH_MS, buyerSchema, inquirySchema, touchpointSchema, type Buyer, type Channel, type Inquiry, type Stage } from './schema';
import { getSettings } from './settings-repo';
import { withStageChange } from './buyer-stage';
import { NotFoundError, parseRow } from './validate';

export interface SaveCaptureResult {
  buyer: Buyer;
  inquiry: Inquiry | null;
  buyerCreated: boolean;
  inquiryCreated: boolean;
  /** Values the book cannot take (the form shows them before saving; other callers learn here). */
  dropped: { field: 'emails' | 'phones' | 'whatsapp'; value: string }[];
}

export interface SaveCaptureOptions {
  /** Save into this buyer (the seller chose it); otherwise the buyer recognised at save time. */
  buyerId?: string;
  /** Tags the seller set in the form: they replace the tags of `tagsShownFor` (the buyer whose tags the form showed), and are added to any other buyer's. */
  tags?: string[];
  tagsShownFor?: string | null;
  /** Stage the seller set in the form. */
  stage?: Stage;
  now?: number;
}

export const channelForPlatform = (p: Platform): Channel => CHANNEL_OF_PLATFORM[p];

export function identityOf(capture: Capture): BuyerIdentity {
  const b = capture.buyer;
  return {
    emails: b.emails,
    phones: b.phones,
    whatsapp: b.whatsapp,
    wechat: b.wechat,
    linkedin: b.linkedin,
    platformIds: b.platformBuyerId ? [{ platform: capture.platform, id: b.platformBuyerId }] : [],
  };
}

const hasInquiry = (c: Capture): boolean => {
  const i = c.inquiry;
  return !!(i.subject || i.message || i.productTitle || i.productId || i.platformInquiryId);
};

function epochOf(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= 0 && t <= MAX_EPOCH_MS ? t : null;
}

// Page values are hostile: a single value the schema refuses (an odd email) is left out instead
// of refusing the whole capture. Whole rows are still validated before they are written.
const validEmail = (e: string) => buyerSchema.shape.emails.element.safeParse(e).success;
const validPhone = (p: string | null): p is string => !!p && buyerSchema.shape.phones.element.safeParse(p).success;

/** The capture with the seller's own identity removed, read from settings. */
async function withoutOwnIdentity(capture: Capture, db: BuyerbookDB): Promise<Capture> {
  const { ownIdentity } = await getSettings(db);
  return stripOwnIdentity(capture, ownIdentity);
}

/** The buyer an inquiry with this platform id was saved under, if any. */
async function buyerOfInquiry(c: Capture, db: BuyerbookDB): Promise<Buyer | null> {
  const pid = c.inquiry.platformInquiryId;
  if (!pid) return null;
  const inq = await db.inquiries.where('[platform+platformInquiryId]').equals([c.platform, pid]).first();
  const row = inq && (await db.buyers.get(inq.buyerId));
  return row ? fromBuyerRow(row) : null;
}

/** The best identity match (most shared identities), else the buyer of this very inquiry. */
async function recogniseBuyer(c: Capture, db: BuyerbookDB): Promise<{ buyer: Buyer | null; same: Buyer[] }> {
  const same = await findBuyersByIdentity(identityOf(c), db);
  return { buyer: same[0] ?? (await buyerOfInquiry(c, db)), same };
}

async function recogniseIn(
  c: Capture,
  db: BuyerbookDB,
): Promise<{ buyer: Buyer | null; candidates: Buyer[] }> {
  const { buyer, same } = await recogniseBuyer(c, db);
  const seen = new Set(buyer ? [buyer.id] : []);
  const candidates: Buyer[] = [];
  // Other buyers sharing an identity are duplicates already in the book: propose them first.
  for (const b of [...same.slice(1), ...(await findLikelyDuplicates({ id: buyer?.id, ...c.buyer }, 5, db))]) {
    if (!seen.has(b.id)) {
      seen.add(b.id);
      candidates.push(b);
    }
  }
  return { buyer, candidates };
}

/**
 * `buyer`: the buyer already in the book with any same identity (email, phone/WhatsApp, WeChat,
 * LinkedIn, platform buyer id), or the buyer this very inquiry was saved under. `candidates`:
 * likely duplicates for the panel to propose; never merged here.
 */
export async function recognise(
  capture: Capture,
  db: BuyerbookDB = getDb(),
): Promise<{ buyer: Buyer | null; candidates: Buyer[] }> {
  // No explicit transaction: the panel runs this inside a live query, where a read-only
  // transaction awaiting several index reads at once commits too early in Dexie.
  return recogniseIn(await withoutOwnIdentity(capture, db), db);
}

/**
 * The book's buyer with the capture's channels merged in by the one per-field policy
 * (storage/merge-policy.ts) that also merges two buyers: nothing the book already has is dropped.
 */
function mergeCaptureInto(b: Buyer, c: Capture, now: number): Buyer {
  return mergeByPolicy(b, buyerFromCapture(c, now), now);
}

function buyerFromCapture(c: Capture, now: number): Buyer {
  const cb = c.buyer;
  return {
    id: newId(),
    name: cb.name,
    company: cb.company,
    country: cb.country,
    emails: uniqStrings(cb.emails.filter(validEmail)),
    phones: uniqStrings(cb.phones.filter(validPhone)),
    whatsapp: validPhone(cb.whatsapp) ? cb.whatsapp : null,
    wechat: cb.wechat,
    linkedin: cb.linkedin,
    website: cb.website,
    platformIds: cb.platformBuyerId ? [{ platform: c.platform, id: cb.platformBuyerId }] : [],
    tags: [],
    stage: 'new',
    notes: '',
    createdAt: now,
    updatedAt: now,
    lastContactAt: null,
  };
}

/**
 * The inquiry already saved for this capture: by platform + platformInquiryId; without an id, the
 * same buyer + platform + receivedAt (or, with no time either, the same subject and message).
 */
async function existingInquiry(c: Capture, buyerId: string, receivedAt: number | null, db: BuyerbookDB) {
  const pid = c.inquiry.platformInquiryId;
  if (pid) return db.inquiries.where('[platform+platformInquiryId]').equals([c.platform, pid]).first();
  const mine = await db.inquiries.where('buyerId').equals(buyerId).toArray();
  return mine.find(
    (i) =>
      i.platform === c.platform &&
      !i.platformInquiryId &&
      i.receivedAt === receivedAt &&
      (receivedAt != null || (i.subject === c.inquiry.subject && i.message === c.inquiry.message)),
  );
}

/**
 * Saves a capture in one transaction: creates the buyer or merges the new channels into the
 * recognised (or given) one, creates or updates the inquiry, and logs an 'inquiry' touchpoint
 * for a new inquiry. Any invalid row refuses the whole save; nothing is half-written.
 */
export async function saveCapture(
  capture: Capture,
  opts: SaveCaptureOptions = {},
  db: BuyerbookDB = getDb(),
): Promise<SaveCaptureResult> {
  const now = opts.now ?? Date.now();
  return writeBook(db, async () => {
    const c = await withoutOwnIdentity(capture, db);
    const cb = c.buyer;
    const dropped: SaveCaptureResult['dropped'] = [
      ...cb.emails.filter((e) => !validEmail(e)).map((value) => ({ field: 'emails' as const, value })),
      ...cb.phones.filter((p) => !validPhone(p)).map((value) => ({ field: 'phones' as const, value })),
      ...(cb.whatsapp && !validPhone(cb.whatsapp) ? [{ field: 'whatsapp' as const, value: cb.whatsapp }] : []),
    ];

    let existing: Buyer | null;
    if (opts.buyerId) {
      const row = await db.buyers.get(opts.buyerId);
      if (!row) throw new NotFoundError('Buyer', opts.buyerId);
      existing = fromBuyerRow(row);
    } else {
      existing = (await recogniseBuyer(c, db)).buyer;
    }
    let buyer = existing ? mergeCaptureInto(existing, c, now) : buyerFromCapture(c, now);
    if (opts.tags) {
      buyer = { ...buyer, tags: opts.tagsShownFor === buyer.id || !existing ? opts.tags : uniqStrings([...buyer.tags, ...opts.tags]) };
    }
    if (opts.stage) buyer = { ...buyer, stage: opts.stage };
    // A known buyer moved to another stage by this save: the change shows in their history.
    if (existing) buyer = withStageChange(existing, buyer, now);

    let inquiry: Inquiry | null = null;
    let inquiryCreated = false;
    // Set when the seller files an inquiry already saved under another buyer: its touchpoints follow it.
    let movedFrom: { inquiryId: string; buyerId: string } | null = null;
    if (hasInquiry(c)) {
      const ci = c.inquiry;
      const receivedAt = epochOf(ci.receivedAt);
      const prev = await existingInquiry(c, buyer.id, receivedAt, db);
      if (prev) {
        if (prev.buyerId !== buyer.id) movedFrom = { inquiryId: prev.id, buyerId: prev.buyerId };
        // Read again: newer non-empty values win, nothing already known is cleared.
        inquiry = parseRow('inquiries', inquirySchema, {
          ...prev,
          buyerId: buyer.id,
          url: capture.url || prev.url,
          subject: ci.subject ?? prev.subject,
          productTitle: ci.productTitle ?? prev.productTitle,
          productId: ci.productId ?? prev.productId,
          quantity: ci.quantity ?? prev.quantity,
          unit: ci.unit ?? prev.unit,
          message: ci.message ?? prev.message,
          receivedAt: receivedAt ?? prev.receivedAt,
        });
      } else {
        inquiry = parseRow('inquiries', inquirySchema, {
          id: newId(),
          buyerId: buyer.id,
          platform: c.platform,
          platformInquiryId: ci.platformInquiryId,
          url: c.url,
          subject: ci.subject,
          productTitle: ci.productTitle,
          productId: ci.productId,
          quantity: ci.quantity,
          unit: ci.unit,
          message: ci.message,
          receivedAt,
          capturedAt: now,
        });
        inquiryCreated = true;
      }
    }

    let touchpoint = null;
    if (inquiry && inquiryCreated) {
      touchpoint = parseRow('touchpoints', touchpointSchema, {
        id: newId(),
        buyerId: buyer.id,
        channel: channelForPlatform(c.platform),
        direction: 'in',
        kind: 'inquiry',
        at: inquiry.receivedAt ?? now,
        note: (inquiry.subject ?? '').slice(0, 20_000),
        inquiryId: inquiry.id,
      });
    }

    // Validate every row before the first write, so a refused row leaves the book untouched.
    const row = toBuyerRow(buyer);
    await db.buyers.put(row);
    if (inquiry) await db.inquiries.put(inquiry);
    if (movedFrom) await db.touchpoints.where('inquiryId').equals(movedFrom.inquiryId).modify({ buyerId: buyer.id });
    if (touchpoint) await db.touchpoints.add(touchpoint);
    await refreshDerived(db, movedFrom ? [row.id, movedFrom.buyerId] : [row.id], now);
    const saved = fromBuyerRow((await db.buyers.get(row.id))!);
    return { buyer: saved, inquiry, buyerCreated: !existing, inquiryCreated, dropped };
  });
}
