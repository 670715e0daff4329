/**
 * Logging a touchpoint in two clicks: the common contacts as one button each, with the direction
 * they imply, and the channel preset to the one the buyer was last reached on. Pure, so the
 * buttons and their tests agree.
 */
import type { Channel, Direction, TouchpointKind } from './domain';

export interface QuickAction {
  /** Stable id, for test ids and message keys. */
  id: 'replied' | 'quote-sent' | 'sample-sent' | 'followed-up' | 'called' | 'order-placed';
  kind: TouchpointKind;
  /** Who made the contact: every quick action but the order is the seller's. */
  direction: Direction;
}

export const QUICK_ACTIONS: readonly QuickAction[] = [
  { id: 'replied', kind: 'first-reply', direction: 'out' },
  { id: 'quote-sent', kind: 'quote-sent', direction: 'out' },
  { id: 'sample-sent', kind: 'sample-sent', direction: 'out' },
  { id: 'followed-up', kind: 'follow-up', direction: 'out' },
  { id: 'called', kind: 'call', direction: 'out' },
  { id: 'order-placed', kind: 'order', direction: 'in' },
];

/** What the preset needs to know of a buyer. */
export interface BuyerChannels {
  emails: readonly string[];
  phones: readonly string[];
  whatsapp: string | null;
  wechat: string | null;
  linkedin: string | null;
  platformIds: readonly { platform: string }[];
}

const PLATFORM_CHANNELS: readonly Channel[] = ['alibaba', 'made-in-china', 'global-sources'];

/**
 * The channel a new touchpoint most likely uses: the one the buyer was last reached on, else
 * the first channel the seller owns with them (private domain before the platform), else the
 * platform the buyer came from.
 */
export function presetChannel(b: BuyerChannels, lastChannel: Channel | null): Channel {
  if (lastChannel) return lastChannel;
  if (b.whatsapp) return 'whatsapp';
  if (b.emails.length) return 'email';
  if (b.wechat) return 'wechat';
  if (b.phones.length) return 'phone';
  if (b.linkedin) return 'linkedin';
  const p = b.platformIds[0]?.platform;
  if (p && (PLATFORM_CHANNELS as readonly string[]).includes(p)) return p as Channel;
  return 'other';
}

/** Channels a call can go over; on any other the call is logged as a phone call. */
const CALL_CHANNELS: readonly Channel[] = ['phone', 'whatsapp', 'wechat'];

/** The channel of a quick action: its preset, except that a call is never "by email". */
export function quickChannel(action: QuickAction, preset: Channel): Channel {
  if (action.kind === 'call' && !CALL_CHANNELS.includes(preset)) return 'phone';
  return preset;
}
