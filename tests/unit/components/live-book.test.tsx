/**
 * One live book in the panel's components: a change made elsewhere shows without any reload, a
 * save goes into the buyer recognised from the values saved (not the debounced banner), and an
 * edit of a field changed underneath shows both values for the seller to choose.
 */
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alibabaCapture } from './helpers';
import { CaptureForm } from '../../../components/capture-form';
import { BuyersView } from '../../../components/buyers-view';
import { createBuyer, getBuyer, updateBuyer, type NewBuyer } from '../../../storage/buyers-repo';
import { listInquiries } from '../../../storage/inquiries-repo';
import { addTouchpoint } from '../../../storage/touchpoints-repo';

const noop = () => {};
const newBuyer = (over: Partial<NewBuyer>): NewBuyer => ({
  name: null, company: null, country: null, emails: [], phones: [], whatsapp: null, wechat: null, linkedin: null,
  website: null, platformIds: [], ...over,
});

function Harness({ initial = null }: { initial?: string | null }) {
  const [selected, setSelected] = useState<string | null>(initial);
  return <BuyersView selectedId={selected} onSelect={setSelected} />;
}

describe('live book', () => {
  it('Ctrl+Enter right after editing the email saves into the buyer that email belongs to', async () => {
    const a = await createBuyer(newBuyer({ name: 'Anna Alpha', emails: ['anna@alpha.com'] }));
    const b = await createBuyer(newBuyer({ name: 'Bert Beta', emails: ['bert@beta.com'] }));
    render(<CaptureForm capture={alibabaCapture({ name: null, company: null, emails: ['anna@alpha.com'], phones: [], whatsapp: null, platformBuyerId: null })} onOpenBuyer={noop} />);
    expect(await screen.findByTestId('known-buyer')).toBeTruthy();
    const email = screen.getByTestId('field-emails');
    // Edited and saved at once: the debounced recognition still shows Anna.
    fireEvent.change(email, { target: { value: 'bert@beta.com' } });
    fireEvent.keyDown(email, { key: 'Enter', ctrlKey: true });
    await screen.findByTestId('saved-notice');
    expect((await listInquiries(b.id)).length).toBe(1);
    expect((await listInquiries(a.id)).length).toBe(0);
  });

  it('the list, the detail and its timeline follow changes made elsewhere', async () => {
    const a = await createBuyer(newBuyer({ name: 'Anna Alpha' }));
    render(<Harness />);
    await waitFor(() => expect(screen.getAllByTestId('buyer-row')).toHaveLength(1));
    await act(() => createBuyer(newBuyer({ name: 'Bert Beta' })));
    await waitFor(() => expect(screen.getAllByTestId('buyer-row')).toHaveLength(2));
    await act(() => updateBuyer(a.id, { name: 'Anna Renamed' }));
    await waitFor(() => expect(screen.getByText('Anna Renamed')).toBeTruthy());
  });

  it('a detail open on a buyer shows a touchpoint and a field changed elsewhere', async () => {
    const a = await createBuyer(newBuyer({ name: 'Anna Alpha' }));
    render(<Harness initial={a.id} />);
    const detail = await screen.findByTestId('buyer-detail');
    fireEvent.click(within(detail).getByTestId('edit-details'));
    await waitFor(() => expect(within(detail).getByTestId('buyer-field-name')).toBeTruthy());
    await act(() => addTouchpoint({ buyerId: a.id, channel: 'email', direction: 'out', kind: 'quote-sent', at: Date.now(), note: 'sent the quote' }));
    await waitFor(() => expect(within(detail).getByText('sent the quote')).toBeTruthy());
    await act(() => updateBuyer(a.id, { company: 'Alpha GmbH' }));
    await waitFor(() => expect((within(detail).getByTestId('buyer-field-company') as HTMLInputElement).value).toBe('Alpha GmbH'));
  });

  it('the same field edited here and elsewhere shows both values; the seller chooses', async () => {
    const a = await createBuyer(newBuyer({ name: 'Anna Alpha' }));
    const user = userEvent.setup();
    render(<Harness initial={a.id} />);
    const detail = await screen.findByTestId('buyer-detail');
    await user.click(within(detail).getByTestId('edit-details'));
    const name = await within(detail).findByTestId('buyer-field-name');
    await user.clear(name);
    await user.type(name, 'Anna Mine');
    await act(() => updateBuyer(a.id, { name: 'Anna Theirs', company: 'Theirs AG' }));
    // The untouched field follows at once; the touched one keeps the seller's text.
    await waitFor(() => expect((within(detail).getByTestId('buyer-field-company') as HTMLInputElement).value).toBe('Theirs AG'));
    expect((name as HTMLInputElement).value).toBe('Anna Mine');
    await user.click(within(detail).getByTestId('save-buyer'));
    const conflict = await within(detail).findByTestId('conflict-name');
    expect(within(conflict).getByTestId('conflict-mine').textContent).toBe('Anna Mine');
    expect(within(conflict).getByTestId('conflict-theirs').textContent).toBe('Anna Theirs');
    expect((await getBuyer(a.id))!.name).toBe('Anna Theirs');
    await user.click(within(conflict).getByTestId('keep-mine'));
    await user.click(within(detail).getByTestId('save-buyer'));
    await waitFor(async () => expect((await getBuyer(a.id))!).toMatchObject({ name: 'Anna Mine', company: 'Theirs AG' }));
  });

  // Editing a timeline entry, with its conflict choice: tests/unit/components/book-card.test.tsx.
});
