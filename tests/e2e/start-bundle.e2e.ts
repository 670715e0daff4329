/**
 * The panel's start bundle stays small: the scripts the built sidepanel.html loads before any view
 * (its classic and module scripts and the chunks it modulepreloads) are summed against a budget,
 * so a static import that drags a view's or a library's code into the start (the phone library,
 * the backup writer) fails here, not as a slower panel open found weeks later. Every view's own
 * code is a lazy chunk (components/app.tsx). Read from the production build (.output/chrome-mv3).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDir } from './harness';

/**
 * Bytes the start scripts may weigh. Measured at 476 KB when set (React and react-dom 235 KB;
 * Dexie, zod and the country names 241 KB: the settings and Today's first read need them); it
 * was 613 KB before the phone library and the backup writer left the start.
 */
const START_BUDGET_KB = 500;

/** The scripts a built page loads before its own code runs: src of <script>, href of modulepreload. */
function startScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) out.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) out.push(m[1]!);
  return out;
}

describe('the side panel start bundle', () => {
  const dir = extensionDir('prod');
  const html = readFileSync(join(dir, 'sidepanel.html'), 'utf8');
  const scripts = startScripts(html);
  const file = (src: string) => join(dir, src.replace(/^\//, ''));

  it('lists its start scripts, each present in the build', () => {
    expect(scripts.some((s) => /\/chunks\/sidepanel-[\w-]+\.js$/.test(s))).toBe(true);
    for (const s of scripts) expect(existsSync(file(s)), s).toBe(true);
  });

  it(`weighs at most ${START_BUDGET_KB} KB`, () => {
    const sizes = scripts.map((s) => ({ s, kb: statSync(file(s)).size / 1024 }));
    const total = sizes.reduce((n, x) => n + x.kb, 0);
    expect(total, sizes.map((x) => `${x.s} ${x.kb.toFixed(1)} KB`).join(', ')).toBeLessThanOrEqual(START_BUDGET_KB);
  });

  it('holds neither the phone library nor the backup writer', () => {
    for (const s of scripts) {
      const code = readFileSync(file(s), 'utf8');
      // libphonenumber-js's metadata, and the safety copy's database (storage/backup/pre-upgrade.ts).
      expect(code.includes('country_calling_codes'), `${s} holds the phone library`).toBe(false);
      expect(code.includes('buyerbook-safety'), `${s} holds the copy kept before an upgrade`).toBe(false);
    }
  });
});
