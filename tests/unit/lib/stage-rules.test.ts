import { describe, expect, it } from 'vitest';
import { STAGES, TOUCHPOINT_KINDS, type Stage, type TouchpointKind } from '../../../lib/domain';
import { furtherStage, proposeStage, stageRank } from '../../../lib/stage-rules';

describe('proposeStage', () => {
  const cases: [Stage, TouchpointKind, number, Stage | null][] = [
    ['new', 'quote-sent', 0, 'quoted'],
    ['new', 'first-reply', 0, 'contacted'],
    ['contacted', 'sample-sent', 0, 'sampling'],
    ['quoted', 'price-negotiation', 0, 'negotiating'],
    ['negotiating', 'order', 0, 'ordered'],
    ['ordered', 'order', 1, 'repeat'],
    // A first order logged late, on a buyer already marked repeat, changes nothing.
    ['repeat', 'order', 0, null],
    ['repeat', 'quote-sent', 3, null],
    ['ordered', 'quote-sent', 1, null],
    ['quoted', 'note', 0, null],
    ['new', 'inquiry', 0, null],
    ['dormant', 'inquiry', 0, 'contacted'],
    ['lost', 'quote-sent', 0, 'quoted'],
    ['dormant', 'order', 2, 'repeat'],
    ['dormant', 'note', 0, null],
  ];
  for (const [current, kind, ordersBefore, want] of cases) {
    it(`${current} + ${kind} (${ordersBefore} orders before) → ${want}`, () => {
      expect(proposeStage({ current, kind, ordersBefore })).toBe(want);
    });
  }

  it('never proposes moving a buyer backwards, for any stage and kind', () => {
    for (const current of STAGES)
      for (const kind of TOUCHPOINT_KINDS)
        for (const ordersBefore of [0, 1]) {
          const p = proposeStage({ current, kind, ordersBefore });
          if (p) expect(stageRank(p), `${current} + ${kind}`).toBeGreaterThan(stageRank(current));
        }
  });
});

describe('stageRank', () => {
  it('puts dormant and lost below every stage of the line', () => {
    for (const s of STAGES.filter((x) => x !== 'dormant' && x !== 'lost')) {
      expect(furtherStage('dormant', s)).toBe(s);
      expect(furtherStage(s, 'lost')).toBe(s);
    }
    expect(furtherStage('lost', 'dormant')).toBe('dormant');
  });
});
