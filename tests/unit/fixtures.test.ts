/**
 * Every fixture page captures exactly as its .json says, every named field: the adapters run in
 * jsdom on the saved page at its real address, in the time zone it was saved in. Prints the
 * field-level accuracy over all fixtures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extractHtml } from '../../scripts/extract-node';
import { failures, fixtureNames, judgeCapture, loadFixture, type FieldResult } from '../support/fixtures';

const results = new Map<string, FieldResult[]>();
const only = process.env.FIXTURE; // FIXTURE=alibaba npx vitest run tests/unit/fixtures.test.ts

describe('fixture pages capture as their .json says', () => {
  for (const name of fixtureNames().filter((n) => !only || n.includes(only))) {
    it(name, () => {
      const fx = loadFixture(name);
      const savedTz = process.env.TZ;
      process.env.TZ = fx.timeZone;
      try {
        const { capture } = extractHtml(fx.html, fx.url);
        const rows = judgeCapture(capture, fx);
        results.set(name, rows);
        expect(failures(rows)).toEqual([]);
      } finally {
        process.env.TZ = savedTz;
      }
    });
  }
});

afterAll(() => {
  let ok = 0;
  let total = 0;
  const lines: string[] = [];
  const perPlatform = new Map<string, [number, number, number]>();
  for (const [name, rows] of results) {
    const good = rows.filter((r) => r.ok).length;
    ok += good;
    total += rows.length;
    lines.push(`  ${name.padEnd(36)} ${good}/${rows.length}`);
    const platform = String(rows.find((r) => r.field === 'platform')?.expected);
    const [g, t, n] = perPlatform.get(platform) ?? [0, 0, 0];
    perPlatform.set(platform, [g + good, t + rows.length, n + 1]);
  }
  const pct = (g: number, t: number) => ((100 * g) / t).toFixed(1) + '%';
  const platforms = [...perPlatform].map(([p, [g, t, n]]) => `  ${p.padEnd(16)} ${g}/${t} (${pct(g, t)}) over ${n} pages`);
  if (total)
    console.log(
      `field accuracy over ${results.size} fixtures: ${ok}/${total} (${pct(ok, total)})\nper platform:\n${platforms.join('\n')}\nper page:\n${lines.join('\n')}`,
    );
});
