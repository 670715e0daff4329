/**
 * The buyer's next step (issue 11: next-step rules, the Today view) has its place in the card,
 * under the stage and tags. It renders nothing until next steps land; they fill this component
 * in, and the card need not change.
 */
import type { Buyer } from '../storage/schema';

export function NextStepSlot(_props: { buyer: Buyer }) {
  return null;
}
