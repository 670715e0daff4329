/**
 * The data model. These zod schemas are the single source of the stored types: repositories
 * parse every row they write, backups are validated against them on restore, and the TypeScript
 * types are inferred from them. Times are epoch milliseconds (UTC) so indexes sort by time.
 */
import { BACKUP_SCHEDULES } from '../lib/scheduled-backup';
import { z } from 'zod';
import { platformSchema } from '../lib/capture-schema';
import { CHANNELS, CUSTOM_KIND_PREFIX, CUSTOM_SLUG, DIRECTIONS, STAGES, TOUCHPOINT_KINDS, type CustomKind, type OwnIdentity } from '../lib/domain';
import { linkedinHref, websiteHref } from '../lib/channel-links';

export { STAGES, CHANNELS, DIRECTIONS, TOUCHPOINT_KINDS } from '../lib/domain';
export type { Stage, Channel, TouchpointKind } from '../lib/domain';
import { DEFAULT_NEXT_STEP_SETTINGS, nextStepSettingsSchema } from '../lib/next-steps/settings';
import type { NextStep } from '../lib/next-steps/types';

export const stageSchema = z.enum(STAGES);
export const channelSchema = z.enum(CHANNELS);
export const directionSchema = z.enum(DIRECTIONS);
export const touchpointKindSchema = z.enum(TOUCHPOINT_KINDS);
/** A seller's own kind as stored on a touchpoint: `custom:<slug>` (lib/domain.ts). */
export const customKindSchema = z
  .string()
  .refine((k) => k.startsWith(CUSTOM_KIND_PREFIX) && CUSTOM_SLUG.test(k.slice(CUSTOM_KIND_PREFIX.length)), 'Not a kind')
  .transform((k) => k as CustomKind);
/** Any kind a touchpoint may have: a built-in one or one the seller added in settings. */
export const storedKindSchema = z.union([touchpointKindSchema, customKindSchema]);

const id = z.string().min(1).max(64);

/** How many stage changes a buyer keeps (the oldest go first past it). */
export const STAGE_CHANGES_CAP = 200;
const shortText = z.string().max(300);
/**
 * The last moment of year 9999. A later time is no real date, and one near JavaScript's last
 * (year 275760) breaks every computation that adds to it (the next step's working hours throw a
 * RangeError), so a row holding one could never be written or refreshed again.
 */
export const MAX_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const epochMs = z.number().int().nonnegative().max(MAX_EPOCH_MS);

/**
 * An email address as stored: one @, no spaces, a dotted domain. Internationalised addresses
 * ("jürgen@müller-bau.de") are accepted: zod's ASCII-only email check refused what the form showed.
 */
export const emailSchema = z
  .string()
  .max(320)
  .regex(/^[^\s@"*]{1,64}@[^\s@*]+\.[^\s@.*]{2,}$/u, 'Not an email address');

export const platformIdSchema = z.object({ platform: platformSchema, id: z.string().min(1).max(120) });

/** One change of a buyer's stage: when, from, to, and the seller's reason (dormant, lost). */
export const stageChangeSchema = z.object({
  id,
  at: epochMs,
  from: stageSchema,
  to: stageSchema,
  reason: z.string().max(1000).default(''),
});
export type StageChange = z.infer<typeof stageChangeSchema>;

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
  // Only addresses the panel may link to are stored (lib/channel-links.ts): no javascript:,
  // data: or chat schemes; LinkedIn only on linkedin.com over https.
  linkedin: z.string().max(500).refine((u) => linkedinHref(u) !== null, 'Not a LinkedIn address').nullable(),
  website: z.string().max(500).refine((u) => websiteHref(u) !== null, 'Not a web address').nullable(),
  platformIds: z.array(platformIdSchema).max(50),
  tags: z.array(z.string().min(1).max(60)).max(50),
  stage: stageSchema,
  notes: z.string().max(20_000).default(''),
  createdAt: epochMs,
  updatedAt: epochMs,
  /** Time of the latest touchpoint, for "last contact" sorting and next steps. */
  lastContactAt: epochMs.nullable(),
  /**
   * The buyer's IANA time zone when the seller chose it (a country with several zones); absent
   * or null: the country's own zone when it has one (lib/time-zones.ts).
   */
  timeZone: z.string().max(64).nullable().optional(),
  /**
   * Every change of stage, oldest first: shown in the history, kept by backups with the buyer,
   * joined by merges. Optional so rows written before it read as "no changes".
   */
  stageChanges: z.array(stageChangeSchema).max(STAGE_CHANGES_CAP).optional(),
});
export type Buyer = z.infer<typeof buyerSchema>;

/**
 * Derived index fields, written by the buyers repository beside the row and never edited by
 * hand: `platformKeys` ("alibaba:2215408763921") for recognition, `searchTokens` for search,
 * `matchKeys` ("c:<company key>", "n:<name key>") for duplicate proposals, `recency`
 * ([lastContactAt ?? 0, updatedAt]) for "newest contact first" lists (null is not an index key),
 * `phrases` (adjacent word pairs, "jennifer johnson", since version 2) for searches typed in order,
 * `nextDueAt` (since version 3: the earliest due time of the buyer's next steps, absent when none
 * is due; the steps themselves are in `buyerSteps`), written by storage/next-due.ts.
 * `platforms` and `nameSort` (since version 4) for the platform filter and the order by name.
 */
export interface BuyerRow extends Buyer {
  platformKeys: string[];
  searchTokens: string[];
  phrases: string[];
  matchKeys: string[];
  recency: [number, number];
  nextDueAt?: number;
  /** Every platform the buyer came through: their platform ids and their inquiries (since version 4). */
  platforms: string[];
  /** The title folded for "by name" order (since version 4); buyers with none sort last. */
  nameSort: string;
}

/**
 * A buyer's suggested steps (version 3), written with nextDueAt by storage/next-due.ts. A table
 * of its own so buyer rows stay small: search and lists read them by the hundred.
 */
export interface BuyerStepsRow {
  buyerId: string;
  steps: NextStep[];
}

/** What the seller decided about one suggested step: snoozed until a time, or dismissed (done). */
export const stepStateSchema = z.object({
  /** `${buyerId}|${step key}`. */
  id: z.string().min(1).max(400),
  buyerId: id,
  key: z.string().min(1).max(300),
  snoozedUntil: epochMs.nullable().default(null),
  dismissed: z.boolean().default(false),
  at: epochMs,
});
export type StepStateRow = z.infer<typeof stepStateSchema>;

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
  kind: storedKindSchema,
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

export const customKindDefSchema = z.object({
  slug: z.string().regex(CUSTOM_SLUG),
  label: z.string().trim().min(1).max(60),
});

export const settingsSchema = z.object({
  ownIdentity: ownIdentitySchema.default({ names: [], companies: [], emails: [], phones: [] }),
  /** When the last full backup was written (epoch ms), to remind the seller to make one. */
  lastBackupAt: epochMs.nullable().default(null),
  /** Next-step rules: intervals, working hours, time zones, the daily reminder (all with defaults). */
  nextSteps: nextStepSettingsSchema.default(DEFAULT_NEXT_STEP_SETTINGS),
  /** Days after the last backup the panel asks for a new one; 0 never asks. */
  backupReminderDays: z.number().int().min(0).max(365).default(7),
  /** The optional backup to the Downloads folder, written by the background on an alarm. */
  scheduledBackup: z.enum(BACKUP_SCHEDULES).default('off'),
  /** The last scheduled attempt (epoch ms), so a failing one waits an hour before it tries again. */
  scheduledBackupAttemptAt: epochMs.nullable().default(null),
  /** The seller's own touchpoint kinds, offered beside the built-in ones. */
  customKinds: z.array(customKindDefSchema).max(50).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingRowSchema = z.object({ key: z.string().min(1).max(100), value: z.unknown() });
