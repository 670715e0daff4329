/**
 * The seller's next-step settings: every interval of the rules, working hours, time zones and
 * the daily reminder. A zod schema with a default for every field, so a settings row written
 * before a field existed (or by an older version) still parses to working values.
 */
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const days = z.number().min(0).max(3650);
const dayList = z.array(days).min(1).max(10);
/** 0 = Sunday ... 6 = Saturday, as Date.getUTCDay. */
const weekday = z.number().int().min(0).max(6);

export const workingHoursSchema = z.object({
  start: hhmm,
  end: hhmm,
});

/** Per buyer: any of their zone, hours or weekend, over what their country gives. */
export const buyerHoursSchema = z.object({
  timeZone: z.string().min(1).max(80).nullable().default(null),
  start: hhmm.nullable().default(null),
  end: hhmm.nullable().default(null),
  weekend: z.array(weekday).max(7).nullable().default(null),
});
export type BuyerHours = z.infer<typeof buyerHoursSchema>;

export const reminderSchema = z.object({
  enabled: z.boolean().default(false),
  time: hhmm.default('09:00'),
});

export const nextStepSettingsSchema = z.object({
  replyDueHours: z.number().min(1).max(720).default(24),
  replyUrgentHours: z.number().min(0).max(720).default(12),
  replyFollowUpDays: dayList.default([2, 5, 10]),
  quoteFollowUpDays: dayList.default([3, 7, 14]),
  /** After the last quote follow-up went unanswered this long, propose the buyer dormant. */
  quoteDormantDays: days.default(7),
  sampleTransitDays: days.default(7),
  sampleFeedbackDays: days.default(5),
  orderShippingUpdateDays: days.default(7),
  orderDeliveryDays: days.default(35),
  reorderDefaultDays: days.default(90),
  reorderLeadDays: days.default(14),
  dormantDays: days.default(60),
  workStart: hhmm.default('09:00'),
  workEnd: hhmm.default('18:00'),
  /** The seller's own zone; null follows the browser's. */
  sellerTimeZone: z.string().min(1).max(80).nullable().default(null),
  buyerHours: z.record(z.string().min(1).max(64), buyerHoursSchema).default({}),
  reminder: reminderSchema.default({ enabled: false, time: '09:00' }),
});
export type NextStepSettings = z.infer<typeof nextStepSettingsSchema>;

/**
 * The defaults, written out rather than parsed at load: a parse while modules load runs before the
 * panel's entry has set zod's `jitless` (lib/zod-setup.ts), and zod's eval probe then trips the CSP.
 * tests/unit/lib/next-step-defaults.test.ts holds it equal to `nextStepSettingsSchema.parse({})`.
 */
export const DEFAULT_NEXT_STEP_SETTINGS: NextStepSettings = {
  replyDueHours: 24,
  replyUrgentHours: 12,
  replyFollowUpDays: [2, 5, 10],
  quoteFollowUpDays: [3, 7, 14],
  quoteDormantDays: 7,
  sampleTransitDays: 7,
  sampleFeedbackDays: 5,
  orderShippingUpdateDays: 7,
  orderDeliveryDays: 35,
  reorderDefaultDays: 90,
  reorderLeadDays: 14,
  dormantDays: 60,
  workStart: '09:00',
  workEnd: '18:00',
  sellerTimeZone: null,
  buyerHours: {},
  reminder: { enabled: false, time: '09:00' },
};

export const minutesOf = (hhmmText: string): number => {
  const [h, m] = hhmmText.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
