/**
 * Dependencies point one way (README, "Layout"): lib/ is the ground floor and imports nothing
 * above it nor the extension runtime; extractors/ and storage/ build on lib only (extractors
 * also never reach the runtime: they run in Node too); components/ and entrypoints/ may use all.
 * Read from the source text, so a new upward import fails here before it ships.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

const FLOORS = ['lib', 'extractors', 'storage', 'components', 'entrypoints'] as const;
type Floor = (typeof FLOORS)[number];

/** What each floor may import from the project, besides itself. */
const MAY_IMPORT: Record<Floor, Floor[]> = {
  lib: [],
  extractors: ['lib'],
  storage: ['lib'],
  components: ['lib', 'extractors', 'storage'],
  entrypoints: ['lib', 'extractors', 'storage', 'components'],
};

/** Packages that are the extension runtime or the database: only the upper floors may use them. */
const RUNTIME = [/^wxt(\/|$)/, /^webextension-polyfill$/, /^@wxt-dev\//, /^dexie(-[a-z-]+)?$/];
const RUNTIME_FREE: Floor[] = ['lib', 'extractors'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports or re-exports (static, dynamic, type-only). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

function floorOf(file: string): Floor | null {
  const top = relative(root, file).split(/[\\/]/)[0];
  return (FLOORS as readonly string[]).includes(top ?? '') ? (top as Floor) : null;
}

function violations(): string[] {
  const out: string[] = [];
  for (const floor of FLOORS) {
    for (const file of sourceFiles(join(root, floor))) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const rel = relative(root, file);
        if (spec.startsWith('.')) {
          const target = floorOf(resolve(dirname(file), spec));
          if (target && target !== floor && !MAY_IMPORT[floor].includes(target)) out.push(`${rel} imports ${spec}`);
        } else if (RUNTIME_FREE.includes(floor) && RUNTIME.some((r) => r.test(spec))) {
          out.push(`${rel} imports ${spec}`);
        }
      }
    }
  }
  return out;
}

/**
 * Upward imports being moved, each removed from this list as its file moves: the test fails on
 * any import not listed, and on a listed one that is gone (so the list only shrinks). None left.
 */
const KNOWN: string[] = [
];

describe('layering', () => {
  it('reads imports of every form', () => {
    const text = [
      "import a from './a';",
      "import type { B } from '../b';",
      "export { c } from '../../c';",
      "const d = await import('../d');",
      "import './e.css';",
      "import {\n  f,\n  g,\n} from 'wxt/browser';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a', '../b', '../../c', '../d', './e.css', 'wxt/browser']);
  });

  it('has no upward import and no runtime in lib/ or extractors/', () => {
    const found = violations();
    expect(found.filter((v) => !KNOWN.includes(v))).toEqual([]);
    expect(KNOWN.filter((k) => !found.includes(k))).toEqual([]);
  });
});
