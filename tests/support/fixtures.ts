/**
 * The shared fixture pages (../shared/fixtures/pages) and the rules of their expectations
 * (../shared/fixtures/README.md), used by the unit tests, the browser tests and the benchmark.
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

export function fixtureNames(): string[] {
  return readdirSync(fixturesDir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function loadFixture(name: string): Fixture {
  const dir = fixturesDir();
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
