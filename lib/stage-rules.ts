/**
 * Stages follow the history: logging a touchpoint proposes the stage it implies (a quote →
 * quoted, an order → ordered, a second order → repeat buyer), and the seller accepts it in one
 * click. Pure, so the panel's proposal and any later automation agree.
 */
import { STAGES, type Stage, type TouchpointKind } from './domain';

/**
 * How far a deal has gone, for "never move a buyer backwards" and for merging two records.
 * Dormant and lost are off the line (below new): any real progress outranks them.
 */
export function stageRank(s: Stage): number {
  if (s === 'lost') return -2;
  if (s === 'dormant') return -1;
  return STAGES.indexOf(s);
}

/** The further of two stages. */
export function furtherStage(a: Stage, b: Stage): Stage {
  return stageRank(b) > stageRank(a) ? b : a;
}

/** The stage a touchpoint of this kind implies on its own (null: it says nothing about the deal). */
const IMPLIES: Partial<Record<TouchpointKind, Stage>> = {
  'first-reply': 'contacted',
  'follow-up': 'contacted',
  call: 'contacted',
  meeting: 'contacted',
  'catalogue-sent': 'contacted',
  greeting: 'contacted',
  'quote-sent': 'quoted',
  'sample-sent': 'sampling',
  'sample-received': 'sampling',
  'sample-feedback': 'sampling',
  'price-negotiation': 'negotiating',
  order: 'ordered',
  payment: 'ordered',
  shipped: 'ordered',
};

export interface StageProposalInput {
  current: Stage;
  /** The touchpoint just logged. */
  kind: TouchpointKind;
  /** How many orders the buyer had before this touchpoint. */
  ordersBefore: number;
}

/**
 * The stage to propose after a touchpoint, or null when it would not move the buyer forward. A
 * dormant or lost buyer who is in touch again is proposed back onto the line: at least
 * "contacted", whatever the touchpoint.
 */
export function proposeStage({ current, kind, ordersBefore }: StageProposalInput): Stage | null {
  let implied: Stage | null = IMPLIES[kind] ?? null;
  if (kind === 'order' && ordersBefore > 0) implied = 'repeat';
  if ((current === 'dormant' || current === 'lost') && kind !== 'note') implied = furtherStage('contacted', implied ?? 'contacted');
  if (!implied) return null;
  // A repeat buyer's next quote or sample does not make them a first-time buyer again.
  return stageRank(implied) > stageRank(current) ? implied : null;
}
