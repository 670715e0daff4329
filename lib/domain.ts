/**
 * The domain's vocabularies: stages of a buyer, channels, directions and kinds of a touchpoint,
 * and the seller's own identity. They live here, on the ground floor, because the panel, the
 * content scripts, the next-step rules and storage all speak them; storage/schema.ts builds its
 * zod enums from these lists, so a new value is added in one place.
 */
import type { Platform } from './capture';

/**
 * A buyer's stage, in the order a deal moves. `dormant` (no answer for long, may come back) and
 * `lost` (said no) are set by hand with a reason, or proposed by the next-step rules.
 */
export const STAGES = ['new', 'contacted', 'quoted', 'sampling', 'negotiating', 'ordered', 'repeat', 'dormant', 'lost'] as const;
export type Stage = (typeof STAGES)[number];

export const CHANNELS = [
  'alibaba', 'made-in-china', 'global-sources', 'email', 'whatsapp', 'wechat', 'phone', 'linkedin',
  'facebook', 'website', 'trade-show', 'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const TOUCHPOINT_KINDS = [
  'inquiry', 'first-reply', 'quote-sent', 'sample-sent', 'sample-received', 'price-negotiation', 'order', 'payment',
  'complaint', 'catalogue-sent', 'follow-up', 'call', 'meeting', 'note', 'shipped', 'sample-feedback', 'greeting',
] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];

/** The seller's own identity: never captured as a buyer's. */
export interface OwnIdentity {
  names: string[];
  companies: string[];
  emails: string[];
  phones: string[];
}

export type { Platform };
