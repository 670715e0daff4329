/**
 * The data model. These zod schemas are the single source of the stored types: repositories
 * parse every row they write, backups are validated against them on restore, and the TypeScript
 * types are inferred from them. Times are epoch milliseconds (UTC) so indexes sort by time.
 */
import { z } from 'zod';
import { platformSchema } from '../lib/capture-schema';
import { CHANNELS, DIRECTIONS, STAGES, TOUCHPOINT_KINDS, type OwnIdentity } from '../lib/domain';

export { STAGES, CHANNELS, DIRECTIONS, TOUCHPOINT_KINDS } from '../lib/domain';
export type { Stage, Channel, TouchpointKind } from '../lib/domain';

export const stageSchema = z.enum(STAGES);
export const channelSchema = z.enum(CHANNELS);
export const directionSchema = z.enum(DIRECTIONS);
export const touchpointKindSchema = z.enum(TOUCHPOINT_KINDS);

const id = z.string().min(1).max(64);
const shortText = z.string().max(300);
const epochMs = z.number().int().nonnegative();

/**
 * An email address as stored: one @, no spaces, a dotted domain. Internationalised addresses
 * ("jürgen@müller-bau.de") are accepted: zod's ASCII-only email check refused what the form showed.
 */
export const emailSchema = z
  .string()
  .max(320)
  .regex(/^[^\s@"*]{1,64}@[^\s@*]+\.[^\s@.*]{2,}$/u, 'Not an email address');

export const platformIdSchema = z.object({ platform: platformSchema, id: z.string().min(1).max(120) });

export const buyerSchema = z.object({
  id,
  name: shortText.nullable(),
  company: shortText.nullable(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/).nullable(),
  emails: z.array(emailSchema).max(50),
  /** E.164. */
  phones: z.array(z.string().regex(/^\+\d{6,15}$/)).max(50),
  whatsapp: z.string().regex(/^\+\d{6,15}$/).nullable(),
  wechat: z.string().max(80).nullable(),
  linkedin: z.string().max(500).nullable(),
  website: z.string().max(500).nullable(),
  platformIds: z.array(platformIdSchema).max(50),
  tags: z.array(z.string().min(1).max(60)).max(50),
  stage: stageSchema,
  notes: z.string().max(20_000).default(''),
  createdAt: epochMs,
  updatedAt: epochMs,
  /** Time of the latest touchpoint, for "last contact" sorting and next steps. */
  lastContactAt: epochMs.nullable(),
});
export type Buyer = z.infer<typeof buyerSchema>;

/**
 * Derived index fields, written by the buyers repository beside the row and never edited by
 * hand: `platformKeys` ("alibaba:2215408763921") for recognition, `searchTokens` for search,
 * `matchKeys` ("c:<company key>", "n:<name key>") for duplicate proposals, `recency`
 * ([lastContactAt ?? 0, updatedAt]) for "newest contact first" lists (null is not an index key),
 * `phrases` (adjacent word pairs, "jennifer johnson", since version 2) for searches typed in order,
 * `platforms` and `nameSort` (since version 5) for the platform filter and the order by name.
 */
export interface BuyerRow extends Buyer {
  platformKeys: string[];
  searchTokens: string[];
  phrases: string[];
  matchKeys: string[];
  recency: [number, number];
  /** Every platform the buyer came through: their platform ids and their inquiries (since version 5). */
  platforms: string[];
  /** The title folded for "by name" order (since version 5); buyers with none sort last. */
  nameSort: string;
}

export const inquirySchema = z.object({
  id,
  buyerId: id,
  platform: platformSchema,
  platformInquiryId: z.string().max(120).nullable(),
  url: z.string().max(4000),
  subject: z.string().max(1000).nullable(),
  productTitle: z.string().max(1000).nullable(),
  productId: z.string().max(120).nullable(),
  quantity: z.number().nullable(),
  unit: z.string().max(60).nullable(),
  message: z.string().max(50_000).nullable(),
  receivedAt: epochMs.nullable(),
  capturedAt: epochMs,
});
export type Inquiry = z.infer<typeof inquirySchema>;

export const touchpointSchema = z.object({
  id,
  buyerId: id,
  channel: channelSchema,
  direction: directionSchema,
  kind: touchpointKindSchema,
  at: epochMs,
  note: z.string().max(20_000),
  inquiryId: id.nullable().default(null),
});
export type Touchpoint = z.infer<typeof touchpointSchema>;

/** The seller's own identity: never captured as a buyer's (issue: capture on every platform). */
export const ownIdentitySchema = z.object({
  names: z.array(z.string().max(300)).max(50).default([]),
  companies: z.array(z.string().max(300)).max(50).default([]),
  emails: z.array(z.string().max(320)).max(50).default([]),
  phones: z.array(z.string().max(80)).max(50).default([]),
});
export type { OwnIdentity };
// The stored shape and lib's type must stay one: a field added to one only fails here.
const _ownIdentityAgrees: OwnIdentity = {} as z.infer<typeof ownIdentitySchema>;
void _ownIdentityAgrees;

export const settingsSchema = z.object({
  ownIdentity: ownIdentitySchema.default({ names: [], companies: [], emails: [], phones: [] }),
  /** When the last full backup was written (epoch ms), to remind the seller to make one. */
  lastBackupAt: epochMs.nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingRowSchema = z.object({ key: z.string().min(1).max(100), value: z.unknown() });
