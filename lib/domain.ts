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

/**
 * A kind the seller named in settings ("custom:trade-fair-visit"): stored on the touchpoint
 * beside the built-in kinds, labelled with the seller's own name for it. The slug is what is
 * stored, so renaming the kind in settings relabels every entry without rewriting one.
 */
export type CustomKind = `custom:${string}`;
export type StoredKind = TouchpointKind | CustomKind;

export const CUSTOM_KIND_PREFIX = 'custom:';
/** Lower-case letters, digits and dashes (any script's letters: a Chinese name keeps its own slug). */
export const CUSTOM_SLUG = /^[\p{Ll}\p{Lo}\d](?:[\p{Ll}\p{Lo}\d-]{0,38}[\p{Ll}\p{Lo}\d])?$/u;

export const isCustomKind = (k: string): k is CustomKind => k.startsWith(CUSTOM_KIND_PREFIX);

/** The slug of a name the seller typed: "Trade fair visit" → "trade-fair-visit"; "" when nothing is left. */
export function customSlug(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\d]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

/** One kind the seller added in settings. */
export interface CustomKindDef {
  slug: string;
  label: string;
}
