/**
 * zod schemas for a capture crossing a boundary (content script -> panel, executeScript result,
 * CLI output). Page text is hostile: every string is capped so a giant page cannot flood a
 * message or the database. `zod/mini` because the panel-side bundle stays lean too.
 */
import * as z from 'zod/mini';
import { CAPTURE_LIMITS as L, CAPTURE_SOURCES, PLATFORMS, type RawCapture } from './capture';

export const platformSchema = z.enum(PLATFORMS);

const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));
const list = (max: number) => z.array(z.string().check(z.maxLength(max))).check(z.maxLength(L.list));

export const rawBuyerSchema = z.object({
  name: text(L.buyer.name),
  company: text(L.buyer.company),
  country: text(L.buyer.country),
  emails: list(L.buyer.emails),
  phones: list(L.buyer.phones),
  whatsapp: text(L.buyer.whatsapp),
  wechat: text(L.buyer.wechat),
  linkedin: text(L.buyer.linkedin),
  website: text(L.buyer.website),
  platformBuyerId: text(L.buyer.platformBuyerId),
});

export const rawInquirySchema = z.object({
  platformInquiryId: text(L.inquiry.platformInquiryId),
  subject: text(L.inquiry.subject),
  productTitle: text(L.inquiry.productTitle),
  productId: text(L.inquiry.productId),
  quantity: z.nullable(z.number()),
  unit: text(L.inquiry.unit),
  receivedAt: text(L.inquiry.receivedAt),
  message: text(L.inquiry.message),
});

export const rawCaptureSchema = z.object({
  platform: platformSchema,
  url: z.string().check(z.maxLength(L.url)),
  buyer: rawBuyerSchema,
  inquiry: rawInquirySchema,
  // Optional so captures saved or sent before provenance existed still parse.
  sources: z.optional(z.partialRecord(z.string().check(z.maxLength(L.sourceKey)), z.enum(CAPTURE_SOURCES))),
});

// The schema and the hand-written type in ./capture.ts must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: Same<z.infer<typeof rawCaptureSchema>, RawCapture> = true;
void agree;
