/**
 * Which tabs may talk to the panel: the platform pages the content scripts run on. A message
 * from any other tab is refused (the generic capture is answered by executeScript instead, for
 * the one tab the seller pointed at).
 */
import { MatchPattern } from '@webext-core/match-patterns';
import { PLATFORM_MODULES } from '../extractors/registry';
import type { PlatformModule } from '../extractors/types';

const compiled = PLATFORM_MODULES.map((m) => ({ module: m, patterns: m.matches.map((p) => new MatchPattern(p)) }));

/** The platform whose content script may run on `url`, or null when the page is not one of them. */
export function platformForUrl(url: string | undefined | null): PlatformModule | null {
  if (!url) return null;
  if (!URL.canParse(url)) return null;
  // The string, not a URL object: MatchPattern tests a non-string against `Location`, which does
  // not exist in Node (the CLI) and would throw.
  for (const c of compiled) if (c.patterns.some((p) => p.includes(url))) return c.module;
  return null;
}
