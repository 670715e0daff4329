/**
 * Which tabs may talk to the panel: the platform pages the content scripts run on. A message
 * from any other tab is refused (the generic capture is answered by executeScript instead, for
 * the one tab the seller pointed at). Built on the host lists alone (platform-matches.ts), so the
 * panel that asks does not bundle any platform's extractor.
 */
import { MatchPattern } from '@webext-core/match-patterns';
import type { Platform } from '../lib/capture';
import { PLATFORM_MATCHES } from './platform-matches';

const compiled = (Object.entries(PLATFORM_MATCHES) as [Exclude<Platform, 'generic'>, string[]][]).map(([platform, matches]) => ({
  platform,
  patterns: matches.map((p) => new MatchPattern(p)),
}));

/** The platform whose content script may run on `url`, or null when the page is not one of them. */
export function platformForUrl(url: string | undefined | null): { platform: Exclude<Platform, 'generic'> } | null {
  if (!url) return null;
  if (!URL.canParse(url)) return null;
  // The string, not a URL object: MatchPattern tests a non-string against `Location`, which does
  // not exist in Node (the CLI) and would throw.
  for (const c of compiled) if (c.patterns.some((p) => p.includes(url))) return { platform: c.platform };
  return null;
}
