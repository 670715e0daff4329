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
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  for (const c of compiled) if (c.patterns.some((p) => p.includes(u))) return c.module;
  return null;
}
