/** The contact channel of each platform a buyer is captured on (a Gmail capture is an email). */
import type { Platform } from './capture';
import type { StepChannel } from './next-steps/types';

export const CHANNEL_OF_PLATFORM: Record<Platform, StepChannel> = {
  alibaba: 'alibaba',
  'made-in-china': 'made-in-china',
  'global-sources': 'global-sources',
  gmail: 'email',
  outlook: 'email',
  whatsapp: 'whatsapp',
  linkedin: 'linkedin',
  // "Capture from this page" can be any site: nothing says which channel it is.
  generic: 'other',
};

/** The channel of a platform named by a stored string; undefined for one this version does not know. */
export const channelOfPlatform = (p: string): StepChannel | undefined =>
  Object.hasOwn(CHANNEL_OF_PLATFORM, p) ? CHANNEL_OF_PLATFORM[p as Platform] : undefined;
