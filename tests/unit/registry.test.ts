/**
 * The registry is complete and honest (after Web Scrobbler's connector registry test and
 * github-url-detection's example lists): every platform has its module, its content script, match
 * patterns that cover its example addresses, detectors tested positive and negative, and tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../lib/capture';
import { ALL_MODULES, PLATFORM_MODULES } from '../../extractors/registry';
import { findAdapter } from '../../extractors/extract-page';
import { generic } from '../../extractors/platforms/generic';
import { ALL_PLATFORM_MATCHES, PAGE_DATA_PLATFORMS, PLATFORM_MATCHES } from '../../extractors/platform-matches';
import { platformForUrl } from '../../extractors/allowed-sites';

const root = resolve(__dirname, '../..');

describe('registry', () => {
  it('has one module per platform, generic last and only in ALL_MODULES', () => {
    expect(PLATFORM_MODULES.map((m) => m.platform).sort()).toEqual(PLATFORMS.filter((p) => p !== 'generic').sort());
    expect(ALL_MODULES.at(-1)).toBe(generic);
    expect(generic.matches).toEqual([]); // injected on demand through activeTab, never declared
  });

  for (const module of PLATFORM_MODULES) {
    describe(module.platform, () => {
      it('has a content script that uses its module', () => {
        const file = resolve(root, `entrypoints/${module.platform}.content.ts`);
        expect(existsSync(file), file).toBe(true);
        expect(readFileSync(file, 'utf8')).toMatch(/runCapture\(/);
      });

      it('takes its match patterns from the one host list (extractors/platform-matches.ts)', () => {
        // The page-data script and the manifest read that list, not the registry: they must agree.
        expect(module.matches).toBe(PLATFORM_MATCHES[module.platform as keyof typeof PLATFORM_MATCHES]);
        for (const p of module.matches) expect(ALL_PLATFORM_MATCHES).toContain(p);
      });

      it('has match patterns for seller pages only', () => {
        expect(module.matches.length).toBeGreaterThan(0);
        for (const p of module.matches) {
          expect(p).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//); // no wildcard scheme or host-wide "*://*/*"
          expect(p.startsWith('https://*/')).toBe(false);
        }
      });

      it('has adapters with example addresses, tested positive and negative', () => {
        expect(module.adapters.length).toBeGreaterThan(0);
        const patterns = module.matches.map((p) => new MatchPattern(p));
        for (const adapter of module.adapters) {
          expect(adapter.examples.positive.length, adapter.id).toBeGreaterThan(0);
          expect(adapter.examples.negative.length, adapter.id).toBeGreaterThan(0);
          for (const url of adapter.examples.positive) {
            expect(adapter.detect(new URL(url)), `${adapter.id} detects ${url}`).toBe(true);
            // The content script must run there, and no other platform may claim the page.
            expect(patterns.some((p) => p.includes(url)), `${module.platform} matches ${url}`).toBe(true);
            expect(findAdapter(PLATFORM_MODULES, new URL(url))?.module.platform).toBe(module.platform);
            expect(platformForUrl(url)?.platform, `allowed site ${url}`).toBe(module.platform);
          }
          for (const url of adapter.examples.negative) {
            expect(adapter.detect(new URL(url)), `${adapter.id} rejects ${url}`).toBe(false);
          }
        }
      });

      it('runs the main-world page-data script only if its reader asks for page globals', () => {
        const code = readFileSync(resolve(root, `extractors/platforms/${module.platform}.ts`), 'utf8');
        expect(/readAssignedLiteral\(/.test(code), module.platform).toBe(PAGE_DATA_PLATFORMS.includes(module.platform as never));
      });

      it('names the part of the page its content script watches', () => {
        for (const adapter of module.adapters) expect(adapter.observe, adapter.id).toMatch(/\S/);
      });

      it('has unit tests', () => {
        expect(existsSync(resolve(root, `tests/unit/extractors/${module.platform}.test.ts`))).toBe(true);
      });
    });
  }
});

describe('host lists', () => {
  it('lists exactly the platforms of the registry, each pattern once', () => {
    expect(Object.keys(PLATFORM_MATCHES).sort()).toEqual(PLATFORM_MODULES.map((m) => m.platform).sort());
    expect(ALL_PLATFORM_MATCHES).toEqual(PLATFORM_MODULES.flatMap((m) => m.matches));
  });

  it('refuses pages outside the platforms', () => {
    for (const url of ['https://example.com/', 'https://alibaba.com.example.net/', 'not a url', '', 'chrome://extensions/']) {
      expect(platformForUrl(url), url).toBeNull();
    }
  });
});
