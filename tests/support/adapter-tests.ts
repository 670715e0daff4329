/**
 * What the adapter tests share: reading a page variant in the fixture's time zone, swapping a
 * fixture's values for another buyer's (failing loudly when the fixture no longer has them), and
 * the address checks each platform's detector must pass.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { extractPage } from '../../extractors/extract-page';
import { ALL_MODULES } from '../../extractors/registry';
import type { PlatformModule } from '../../extractors/types';
import { normalizeCapture } from '../../lib/normalize';
import type { RawCapture } from '../../lib/capture';
import { pageDocument } from '../../scripts/extract-node';

/**
 * A reader of `module`'s pages: HTML or a prepared document, at `url`, in time zone `tz` (the
 * process TZ is set for the read and restored after each test).
 */
export function pageReader(module: PlatformModule, defaults: { url: string; timeZone: string }) {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });
  return (src: string | Document, url = defaults.url, tz = defaults.timeZone): RawCapture => {
    process.env.TZ = tz;
    const doc = typeof src === 'string' ? pageDocument(src, url) : src;
    return normalizeCapture(extractPage([module], doc, url));
  };
}

/** Every occurrence of each text (or pattern) replaced; each must be in the page. */
export function swap(html: string, pairs: [string | RegExp, string][]): string {
  for (const [a, b] of pairs) {
    if (typeof a === 'string') {
      expect(html.includes(a), `page contains ${a}`).toBe(true);
      html = html.split(a).join(b); // literal, "$" included
    } else {
      const re = new RegExp(a.source, 'g');
      expect(re.test(html), `page contains ${a}`).toBe(true);
      html = html.replace(re, b); // "$1" refers to the pattern's groups
    }
  }
  return html;
}

/** The detector's examples, positive and negative, and no other platform claiming its pages. */
export function describeAddresses(module: PlatformModule, matchCheck: { name: string; check: (matches: string[]) => void }): void {
  describe(`${module.platform} addresses`, () => {
    for (const adapter of module.adapters) {
      it(`${adapter.id}: detects its examples and rejects look-alikes`, () => {
        for (const u of adapter.examples.positive) expect(adapter.detect(new URL(u)), u).toBe(true);
        for (const u of adapter.examples.negative) expect(adapter.detect(new URL(u)), u).toBe(false);
      });
      it(`${adapter.id}: no other platform claims its addresses`, () => {
        for (const u of adapter.examples.positive) {
          const claimants = ALL_MODULES.filter((m) => m.platform !== 'generic' && m.adapters.some((a) => a.detect(new URL(u))));
          expect(claimants.map((m) => m.platform), u).toEqual([module.platform]);
        }
      });
    }
    it(matchCheck.name, () => matchCheck.check(module.matches));
  });
}
