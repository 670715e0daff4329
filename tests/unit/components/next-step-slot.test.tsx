/**
 * The buyer's next step on their card (issue 10, with the rules of issue 11): what to do, why,
 * when in the seller's and the buyer's time, and Done / Snooze / Dismiss as in Today; live, so a
 * touchpoint logged anywhere moves it at once.
 */
import { describe, expect, it } from 'vitest';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alibabaCapture } from './helpers';
import { BuyerDetail } from '../../../components/buyer-detail';
import { saveCapture } from '../../../storage/capture-repo';
import { addTouchpoint, listTimeline } from '../../../storage/touchpoints-repo';
import { getBuyerSteps } from '../../../storage/step-states-repo';
import { createBuyer } from '../../../storage/buyers-repo';
import { getDb } from '../../../storage/db';

configure({ asyncUtilTimeout: 5_000 });

const HOUR = 3600_000;
const noop = () => {};

async function openCard(buyerId: string) {
  render(<BuyerDetail buyerId={buyerId} onBack={noop} onOpenBuyer={noop} />);
  const detail = await screen.findByTestId('buyer-detail');
  return within(detail).findByTestId('buyer-next-step');
}
const stepIn = async (slot: HTMLElement, action: string) => {
  await waitFor(() => expect(slot.querySelector(`[data-testid="today-step"][data-action="${action}"]`)).toBeTruthy());
  return slot.querySelector(`[data-testid="today-step"][data-action="${action}"]`) as HTMLElement;
};

describe("the buyer card's next step", () => {
  it('shows the reply a new inquiry asks for: what, why, via, both times; Done logs it and the step moves on', async () => {
    const { buyer } = await saveCapture(alibabaCapture({}, { receivedAt: new Date(Date.now() - 2 * HOUR).toISOString() }));
    const user = userEvent.setup();
    const slot = await openCard(buyer.id);
    const step = await stepIn(slot, 'reply');
    expect(within(slot).getByRole('heading', { level: 3 }).textContent).toBe('Next step');
    expect(step.textContent).toContain('Reply');
    expect(step.textContent).toContain('Inquiry “Brass ball valves DN20”');
    // The card is the buyer's own: the step does not name them again.
    expect(within(step).queryByRole('button', { name: /Jonas Becker/ })).toBeNull();
    expect(within(step).getByTestId('step-channel').textContent).toBe('via Email');
    expect(within(step).getByTestId('step-due-seller').textContent).toMatch(/your time/);
    expect(within(step).getByTestId('step-due-buyer').textContent).toMatch(/buyer's time/);

    await user.click(within(step).getByTestId('step-done'));
    await stepIn(slot, 'follow-up-reply');
    expect(slot.querySelector('[data-action="reply"]')).toBeNull();
    expect((await listTimeline(buyer.id)).map((t) => [t.kind, t.direction])).toEqual([
      ['first-reply', 'out'],
      ['inquiry', 'in'],
    ]);
  });

  it('follows a touchpoint logged elsewhere at once: a quote moves it to the quote rule', async () => {
    const { buyer } = await saveCapture(alibabaCapture({}, { receivedAt: new Date(Date.now() - 5 * 24 * HOUR).toISOString() }));
    const slot = await openCard(buyer.id);
    await stepIn(slot, 'reply');
    await addTouchpoint({ buyerId: buyer.id, channel: 'email', direction: 'out', kind: 'quote-sent', at: Date.now() - 4 * 24 * HOUR, note: '' });
    const step = await stepIn(slot, 'follow-up-quote');
    expect(step.textContent).toContain('No answer to the quote');
  });

  it('snoozes and dismisses through the same repository as Today', async () => {
    const { buyer } = await saveCapture(alibabaCapture({}, { receivedAt: new Date(Date.now() - 2 * HOUR).toISOString() }));
    const user = userEvent.setup();
    const slot = await openCard(buyer.id);
    const step = await stepIn(slot, 'reply');
    await user.click(within(step).getByTestId('step-snooze-3'));
    await waitFor(async () => expect((await getBuyerSteps(buyer.id)).find((s) => s.action === 'reply')?.snoozed).toBe(true));
    await waitFor(() => expect(slot.textContent).toContain('Snoozed'));
    await user.click(within(await stepIn(slot, 'reply')).getByTestId('step-dismiss'));
    await waitFor(() => expect(slot.querySelector('[data-action="reply"]')).toBeNull());
    expect((await getDb().stepStates.toArray()).map((s) => s.dismissed)).toEqual([true]);
  });

  it('says so when no step is suggested', async () => {
    const b = await createBuyer({ name: 'Ada', company: null, country: null, emails: ['ada@example.com'], phones: [], whatsapp: null, wechat: null, linkedin: null, website: null, platformIds: [] });
    await getDb().buyerSteps.delete(b.id);
    const slot = await openCard(b.id);
    expect(await within(slot).findByTestId('buyer-next-step-none')).toBeTruthy();
  });
});
