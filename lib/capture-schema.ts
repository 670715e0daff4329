/**
 * zod schemas for a capture crossing a boundary (content script -> panel, executeScript result,
 * CLI output). Page text is hostile: every string is capped so a giant page cannot flood a
 * message or the database. `zod/mini` because the panel-side bundle stays lean too.
 */
import * as z from 'zod/mini';
import { CAPTURE_SOURCES, PLATFORMS, type RawCapture } from './capture';

export const platformSchema = z.enum(PLATFORMS);

const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));
const list = (max: number) => z.array(z.string().check(z.maxLength(max))).check(z.maxLength(50));

export const rawBuyerSchema = z.object({
  name: text(300),
  company: text(300),
  country: text(120),
  emails: list(320),
  phones: list(80),
  whatsapp: text(80),
  wechat: text(80),
  linkedin: text(500),
  website: text(500),
  platformBuyerId: text(120),
});

export const rawInquirySchema = z.object({
  platformInquiryId: text(120),
  subject: text(1000),
  productTitle: text(1000),
  productId: text(120),
  quantity: z.nullable(z.number()),
  unit: text(60),
  receivedAt: text(40),
  message: text(50_000),
});

export const rawCaptureSchema = z.object({
  platform: platformSchema,
  url: z.string().check(z.maxLength(4000)),
  buyer: rawBuyerSchema,
  inquiry: rawInquirySchema,
  // Optional so captures saved or sent before provenance existed still parse.
  sources: z.optional(z.partialRecord(z.string().check(z.maxLength(40)), z.enum(CAPTURE_SOURCES))),
});

// The schema and the hand-written type in ./capture.ts must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: Same<z.infer<typeof rawCaptureSchema>, RawCapture> = true;
void agree;
