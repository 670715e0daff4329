/**
 * The fixture pages and the rules of their expectations (../shared/fixtures/README.md), used by
 * the unit tests, the browser tests and the benchmark. Two sets, judged alike: the shared pages
 * (../shared/fixtures/pages) and the repository's own (tests/fixtures/pages), written so the
 * readers are held to page structures beyond the shared set.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawCapture } from '../../lib/capture';

const here = dirname(fileURLToPath(import.meta.url));

/** The shared fixtures folder: $BUYERBOOK_FIXTURES, or ../shared/fixtures beside the repo. */
export function fixturesDir(): string {
  const candidates = [
    process.env.BUYERBOOK_FIXTURES,
    resolve(here, '../../../shared/fixtures/pages'),
    resolve(here, '../../../../shared/fixtures/pages'),
  ].filter((x): x is string => !!x);
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error('fixture pages not found; set BUYERBOOK_FIXTURES to shared/fixtures/pages');
}

/** The repository's own fixture pages. */
export function ownFixturesDir(): string {
  return resolve(here, '../fixtures/pages');
}

const namesIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
    : [];

export interface FixtureExpect {
  buyer: Partial<Record<keyof RawCapture['buyer'], unknown>>;
  inquiry: Partial<Record<keyof RawCapture['inquiry'], unknown>> & { messageContains?: string[] };
  mustNotContain?: string[];
}

export interface Fixture {
  name: string;
  html: string;
  url: string;
  platform: string;
  timeZone: string;
  expect: FixtureExpect;
}

/** Every fixture of both sets; a name may be in one set only, so no page shadows another. */
export function fixtureNames(): string[] {
  const shared = namesIn(fixturesDir());
  const own = namesIn(ownFixturesDir());
  const both = shared.filter((n) => own.includes(n));
  if (both.length) throw new Error(`fixture names in both sets: ${both.join(', ')}`);
  return [...shared, ...own].sort();
}

export function loadFixture(name: string): Fixture {
  const dir = existsSync(resolve(fixturesDir(), name + '.json')) ? fixturesDir() : ownFixturesDir();
  const meta = JSON.parse(readFileSync(resolve(dir, name + '.json'), 'utf8'));
  return { name, html: readFileSync(resolve(dir, name + '.html'), 'utf8'), ...meta };
}

export interface FieldResult {
  field: string;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every judged field of a capture against a fixture's expectation, one row a field. */
export function judgeCapture(capture: RawCapture, fx: Pick<Fixture, 'platform' | 'expect'>): FieldResult[] {
  const rows: FieldResult[] = [];
  rows.push({ field: 'platform', ok: capture.platform === fx.platform, expected: fx.platform, actual: capture.platform });
  for (const [k, expected] of Object.entries(fx.expect.buyer)) {
    const actual = (capture.buyer as unknown as Record<string, unknown>)[k];
    rows.push({ field: `buyer.${k}`, ok: JSON.stringify(actual ?? null) === JSON.stringify(expected), expected, actual });
  }
  const message = squash(capture.inquiry.message ?? '');
  for (const [k, expected] of Object.entries(fx.expect.inquiry)) {
    if (k === 'messageContains') {
      for (const phrase of expected as string[]) {
        rows.push({ field: `inquiry.message ∋ "${phrase}"`, ok: message.includes(squash(phrase)), expected: phrase, actual: message.slice(0, 120) });
      }
      continue;
    }
    const actual = (capture.inquiry as unknown as Record<string, unknown>)[k];
    rows.push({ field: `inquiry.${k}`, ok: JSON.stringify(actual ?? null) === JSON.stringify(expected), expected, actual });
  }
  // The page address is where the capture came from, not captured content.
  const { url: _url, ...content } = capture;
  const all = JSON.stringify(content);
  const plain = collectStrings(content).join('\n');
  for (const bad of fx.expect.mustNotContain ?? []) {
    const leaked = plain.includes(bad) || all.includes(bad);
    rows.push({ field: `mustNotContain "${bad}"`, ok: !leaked, expected: 'absent', actual: leaked ? 'present' : 'absent' });
  }
  return rows;
}

function collectStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => collectStrings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => collectStrings(x, out));
  return out;
}

export function failures(rows: FieldResult[]): string[] {
  return rows
    .filter((r) => !r.ok)
    .map((r) => `${r.field}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.actual)}`);
}
