/**
 * Every shared fixture of a platform with a content script, end to end in real Chromium: the page
 * served at its real address (so the content script's matches apply), the panel opened on its
 * tab, the capture read back from the panel's form (`field-*` data-value) and judged against the
 * fixture's expectation with the same judge as the unit tests.
 *
 * This is the whole chain a seller relies on: content script -> message -> panel -> normalisation
 * -> own-identity filtering -> form. A fixture whose adapter is not written yet fails here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { emptyCapture } from '../../lib/capture';
import { judgeCapture, failures, type FieldResult } from '../support/fixtures';
import { contentScriptFixtures, readCaptureForm, type Fixture } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

const fixtures = contentScriptFixtures();
const byZone = new Map<string, Fixture[]>();
for (const fx of fixtures) byZone.set(fx.timeZone, [...(byZone.get(fx.timeZone) ?? []), fx]);

const results: { name: string; rows: FieldResult[] }[] = [];

afterAll(() => {
  // One line over all fixtures, the number to watch as adapters land.
  const rows = results.flatMap((r) => r.rows);
  const ok = rows.filter((r) => r.ok).length;
  const perFixture = results.map((r) => `${r.name} ${r.rows.filter((x) => x.ok).length}/${r.rows.length}`).join(', ');
  const pct = rows.length ? ((100 * ok) / rows.length).toFixed(1) : '0.0';
  console.log(`[e2e] field accuracy in Chromium: ${ok}/${rows.length} (${pct}%) over ${results.length}/${fixtures.length} fixtures: ${perFixture}`);
});

it('has fixtures of platforms with a content script', () => {
  expect(fixtures.length).toBeGreaterThan(0);
});

for (const [zone, list] of byZone) {
  describe(`fixtures in ${zone}`, () => {
    const session = browserPerBlock({ timeZone: zone });

    for (const fx of list) {
      it(`${fx.name} (${fx.platform})`, async () => {
        const { page, panel } = await session.open(fx);
        try {
          const entry = { name: fx.name, rows: [] as FieldResult[] };
          results.push(entry);
          // Until the form shows, every judged field counts as wrong in the accuracy line.
          entry.rows = judgeCapture(emptyCapture('generic', fx.url), fx).map((r) => ({ ...r, ok: false, actual: 'no capture form' }));
          const { capture, unmapped } = await readCaptureForm(panel);
          entry.rows = judgeCapture(capture, fx);
          expect(unmapped, 'field-* test ids the harness cannot place in a capture').toEqual([]);
          expect(failures(entry.rows), `${fx.name}: fields that differ from the expectation`).toEqual([]);
        } finally {
          await page.close();
          await panel.close();
        }
      });
    }

    itMadeNoNetworkRequest(session);
  });
}
