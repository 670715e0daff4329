/**
 * The input and output of the next-step rules. Declared here, structurally compatible with
 * storage/schema.ts's Buyer, Inquiry and Touchpoint, so the rules stay pure domain code that
 * imports no storage: the repository passes its own rows in as they are.
 */

import { CHANNELS, type Channel, type StoredKind } from '../domain';

/** The domain's channels and kinds (lib/domain.ts): a kind added there is one the rules see. */
export const STEP_CHANNELS = CHANNELS;
export type StepChannel = Channel;

/** Channels the seller owns: the platforms can cut the others off. */
export const OWNED_CHANNELS: readonly StepChannel[] = ['email', 'whatsapp', 'wechat', 'phone'];

/** Built-in kinds and the seller's own (`custom:<slug>`): a custom kind counts by its direction. */
export type StepKind = StoredKind;

export interface StepBuyer {
  id: string;
  name: string | null;
  company: string | null;
  country: string | null;
  emails: readonly string[];
  phones: readonly string[];
  whatsapp: string | null;
  wechat: string | null;
  linkedin: string | null;
  platformIds: readonly { platform: string; id: string }[];
  stage: string;
  createdAt: number;
}

export interface StepTouchpoint {
  id: string;
  channel: StepChannel;
  direction: 'in' | 'out';
  kind: StepKind;
  at: number;
  inquiryId: string | null;
}

export interface StepInquiry {
  id: string;
  platform: string;
  subject: string | null;
  productTitle: string | null;
  receivedAt: number | null;
  capturedAt: number;
}

/** What the seller decided about one step (storage keeps it by buyer and step key). */
export interface StepState {
  key: string;
  snoozedUntil?: number | null;
  dismissed?: boolean;
}

export interface StepHistory {
  touchpoints: readonly StepTouchpoint[];
  inquiries: readonly StepInquiry[];
  states?: readonly StepState[];
}

export const STEP_ACTIONS = [
  'reply', 'follow-up-reply', 'follow-up-quote', 'propose-dormant', 'ask-sample-arrived', 'ask-sample-feedback',
  'shipping-update', 'ask-order-feedback', 'reorder-reminder', 're-engage', 'get-own-channel',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** 0 urgent, 1 high, 2 normal, 3 low: lower comes first at the same time. */
export type StepPriority = 0 | 1 | 2 | 3;

/** The touchpoint or inquiry a step follows, named in its reason. */
export interface StepFollows {
  type: 'touchpoint' | 'inquiry' | 'buyer';
  id: string;
  kind: StepKind | null;
  channel: StepChannel | null;
  at: number;
  /** The inquiry's subject or product, when the step follows an inquiry. */
  subject: string | null;
}

/** The step's priority at `now` (a stored step's priority was computed when it was written). */
export const priorityAt = (step: Pick<NextStep, 'priority' | 'urgentAt'>, now: number): StepPriority =>
  step.urgentAt != null && now >= step.urgentAt ? 0 : step.priority;

export interface NextStep {
  /** Stable while the history that raised it stands: snooze and dismiss are kept by it. */
  key: string;
  buyerId: string;
  action: StepAction;
  channel: StepChannel;
  dueAt: number;
  priority: StepPriority;
  /** From this time on the step is urgent (priority 0): a reply once half its time is gone. */
  urgentAt: number | null;
  follows: StepFollows;
  /** Which try this is (1 for the first follow-up), where the rule counts them. */
  attempt: number | null;
  /** The interval learned from the buyer's own orders (reorder reminders). */
  intervalDays: number | null;
  /** The IANA zone the due time was placed in; null when the buyer's zone is unknown (the seller's was used). */
  buyerTimeZone: string | null;
  snoozed: boolean;
}
