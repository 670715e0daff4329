import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alibabaCapture } from './helpers';
import { TodayView } from '../../../components/today-view';
import { saveCapture } from '../../../storage/capture-repo';
import { addTouchpoint, listTimeline } from '../../../storage/touchpoints-repo';
import { getDb } from '../../../storage/db';
import { getBuyerSteps } from '../../../storage/step-states-repo';

const HOUR = 3600_000;

async function capturedNow(ago = 2 * HOUR) {
  const at = Date.now() - ago;
  return saveCapture(alibabaCapture({}, { receivedAt: new Date(at).toISOString() }));
}
const stepOf = async (action: string) => {
  await waitFor(() => expect(document.querySelector(`[data-testid="today-step"][data-action="${action}"]`)).toBeTruthy());
  return document.querySelector(`[data-testid="today-step"][data-action="${action}"]`) as HTMLElement;
};

describe('TodayView', () => {
  it('shows the reply to a new inquiry with its reason, channel and both times; Done logs the reply', async () => {
    const { buyer } = await capturedNow();
    const user = userEvent.setup();
    render(<TodayView />);
    const step = await stepOf('reply');
    expect(step.textContent).toContain('Reply');
    expect(step.textContent).toContain('Jonas Becker');
    expect(step.textContent).toContain('Inquiry “Brass ball valves DN20”');
    expect(within(step).getByTestId('step-channel').textContent).toBe('via Email');
    expect(within(step).getByTestId('step-due-seller').textContent).toMatch(/your time/);
    expect(within(step).getByTestId('step-due-buyer').textContent).toMatch(/buyer's time/); // Berlin, seller in UTC
    await user.click(within(step).getByTestId('step-done'));
    await stepOf('follow-up-reply');
    expect(document.querySelector('[data-action="reply"]')).toBeNull();
    expect((await listTimeline(buyer.id)).map((t) => [t.kind, t.direction, t.channel])).toEqual([
      ['first-reply', 'out', 'email'],
      ['inquiry', 'in', 'alibaba'],
    ]);
  });

  it('follows the history: a quote moves the step to the quote rule', async () => {
    const { buyer } = await capturedNow(5 * 24 * HOUR);
    render(<TodayView />);
    await stepOf('reply');
    await addTouchpoint({ buyerId: buyer.id, channel: 'email', direction: 'out', kind: 'quote-sent', at: Date.now() - 4 * 24 * HOUR, note: '' });
    const step = await stepOf('follow-up-quote');
    expect(step.textContent).toContain('No answer to the quote');
    expect(document.querySelector('[data-action="reply"]')).toBeNull();
  });

  it('snoozes a step a day, and dismisses it', async () => {
    const { buyer } = await capturedNow();
    const user = userEvent.setup();
    render(<TodayView />);
    const step = await stepOf('reply');
    await user.click(within(step).getByTestId('step-snooze-day'));
    await waitFor(async () => expect((await getBuyerSteps(buyer.id))[0]?.snoozed).toBe(true));
    const snoozed = await stepOf('reply');
    await waitFor(() => expect(snoozed.textContent).toContain('Snoozed'));
    await user.click(within(snoozed).getByTestId('step-dismiss'));
    await waitFor(() => expect(document.querySelector('[data-action="reply"]')).toBeNull());
    expect(await getDb().stepStates.count()).toBe(1);
  });

  it('says when nothing is due', async () => {
    render(<TodayView />);
    expect(await screen.findByTestId('today-empty')).toBeTruthy();
  });
});

describe('TodayView with more due than a page', () => {
  it('says how many buyers each group has and shows more on request, never cutting silently', async () => {
    for (let i = 0; i < 3; i++) {
      await saveCapture(
        alibabaCapture(
          { name: `Buyer ${i}`, emails: [`b${i}@example.com`], phones: [], whatsapp: null, platformBuyerId: `pb-${i}` },
          { platformInquiryId: `inq-${i}`, receivedAt: new Date(Date.now() - (30 + i) * 24 * HOUR).toISOString() },
        ),
      );
    }
    const user = userEvent.setup();
    render(<TodayView pageSize={2} />);
    const overdue = await screen.findByTestId('today-overdue');
    await waitFor(() => expect(within(overdue).getByTestId('today-more-overdue').textContent).toContain('Showing 2 of 3 buyers'));
    expect(new Set(within(overdue).getAllByTestId('today-step').map((s) => s.dataset.buyer)).size).toBe(2);
    await user.click(within(overdue).getByTestId('today-load-more-overdue'));
    await waitFor(() => expect(new Set(within(overdue).getAllByTestId('today-step').map((s) => s.dataset.buyer)).size).toBe(3));
    expect(within(overdue).queryByTestId('today-more-overdue')).toBeNull();
  });
});
