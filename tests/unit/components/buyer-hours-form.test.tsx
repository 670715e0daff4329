import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alibabaCapture } from './helpers';
import { BuyerHoursForm } from '../../../components/buyer-hours-form';
import { saveCapture } from '../../../storage/capture-repo';
import { getSettings } from '../../../storage/settings-repo';
import { getBuyerSteps } from '../../../storage/step-states-repo';
import { localParts } from '../../../lib/next-steps/working-hours';

describe('BuyerHoursForm', () => {
  it("sets the buyer's own zone and hours: their steps move at once; an unknown zone is refused", async () => {
    const { buyer } = await saveCapture(alibabaCapture({}, { receivedAt: '2026-11-17T14:00:00Z' }), { now: Date.parse('2026-11-17T15:00:00Z') });
    const user = userEvent.setup();
    render(<BuyerHoursForm buyerId={buyer.id} country={buyer.country} />);
    expect(await screen.findByText(/now in Europe\/Berlin/)).toBeTruthy();
    await user.type(screen.getByTestId('buyer-time-zone'), 'Mars/Olympus');
    await user.click(screen.getByTestId('save-buyer-hours'));
    expect(await screen.findByText(/Unknown time zone/)).toBeTruthy();
    await user.clear(screen.getByTestId('buyer-time-zone'));
    await user.type(screen.getByTestId('buyer-time-zone'), 'Asia/Tokyo');
    await user.type(screen.getByTestId('buyer-work-start'), '10:00');
    await user.click(screen.getByTestId('save-buyer-hours'));
    await waitFor(async () => expect((await getSettings()).nextSteps.buyerHours[buyer.id]).toMatchObject({ timeZone: 'Asia/Tokyo', start: '10:00', end: null }));
    const [step] = await getBuyerSteps(buyer.id);
    expect(step?.buyerTimeZone).toBe('Asia/Tokyo');
    const p = localParts(step!.dueAt, 'Asia/Tokyo');
    expect(p.hour * 60 + p.minute).toBeGreaterThanOrEqual(600);
    expect(await screen.findByText(/now in Asia\/Tokyo/)).toBeTruthy();
  });
});
