/**
 * The buyer as a card before a form (issue 10): quick buttons log in two clicks with the channel
 * the buyer was last reached on, the stage a touchpoint implies is accepted in one click, a
 * delete is undone, a touchpoint is edited field by field, the seller's own kinds, dormant or
 * lost with a reason, the buyer's local time, every channel with copy and open, one history.
 */
import { describe, expect, it } from 'vitest';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alibabaCapture } from './helpers';
import { BuyerDetail } from '../../../components/buyer-detail';
import { History } from '../../../components/history';
import { SettingsView } from '../../../components/settings-view';
import { createBuyer, getBuyer, type NewBuyer } from '../../../storage/buyers-repo';
import { addTouchpoint, editTouchpoint, getTouchpoint, listTimeline } from '../../../storage/touchpoints-repo';
import { saveCapture } from '../../../storage/capture-repo';
import { getSettings } from '../../../storage/settings-repo';

// Live reads settle in a few ticks; on a loaded build machine that can pass the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

const noop = () => {};
const newBuyer = (over: Partial<NewBuyer>): NewBuyer => ({
  name: null, company: null, country: null, emails: [], phones: [], whatsapp: null, wechat: null, linkedin: null,
  website: null, platformIds: [], ...over,
});

async function openCard(buyerId: string) {
  render(<BuyerDetail buyerId={buyerId} onBack={noop} onOpenBuyer={noop} />);
  return screen.findByTestId('buyer-detail');
}

describe('log a touchpoint in two clicks', () => {
  it('a quick button logs now, on the channel the buyer was last reached on, direction implied; the stage follows in one click', async () => {
    const b = await createBuyer(newBuyer({ name: 'Jonas Becker', whatsapp: '+4915112345678', emails: ['j@becker.de'] }));
    await addTouchpoint({ buyerId: b.id, channel: 'email', direction: 'in', kind: 'note', at: Date.now() - 86_400_000, note: '' });
    const user = userEvent.setup();
    const detail = await openCard(b.id);
    await waitFor(() => expect(within(detail).getByTestId('quick-channel').dataset.value).toBe('email'));

    await user.click(within(detail).getByTestId('quick-quote-sent'));
    const proposal = await within(detail).findByTestId('stage-proposal');
    expect(proposal.textContent).toContain('Move this buyer to “Quoted”?');
    const [latest] = await listTimeline(b.id, { limit: 1 });
    expect(latest).toMatchObject({ kind: 'quote-sent', channel: 'email', direction: 'out', note: '' });
    expect(Math.abs(latest!.at - Date.now())).toBeLessThan(60_000);
    expect((await getBuyer(b.id))!.stage).toBe('new'); // proposed, not yet taken

    await user.click(within(proposal).getByTestId('accept-stage'));
    await waitFor(() => expect(within(detail).getByTestId('buyer-stage').dataset.value).toBe('quoted'));
    expect(within(detail).queryByTestId('stage-proposal')).toBeNull();
    expect((await within(detail).findByTestId('stage-change')).textContent).toContain('Stage: New → Quoted');

    await user.click(within(detail).getByTestId('quick-order-placed'));
    await within(detail).findByTestId('stage-proposal');
    expect((await listTimeline(b.id, { limit: 1 }))[0]).toMatchObject({ kind: 'order', direction: 'in', channel: 'email' });
    await user.click(within(detail).getByTestId('dismiss-stage'));
    expect(within(detail).queryByTestId('stage-proposal')).toBeNull();
    expect((await getBuyer(b.id))!.stage).toBe('quoted');
  });

  it('with no history the preset is the first channel the seller owns; a call is never by email', async () => {
    const b = await createBuyer(newBuyer({ name: 'Ana', emails: ['ana@x.es'], platformIds: [{ platform: 'alibaba', id: '1' }] }));
    const user = userEvent.setup();
    const detail = await openCard(b.id);
    await waitFor(() => expect(within(detail).getByTestId('quick-channel').dataset.value).toBe('email'));
    await user.click(within(detail).getByTestId('quick-called'));
    await within(detail).findByTestId('logged-notice');
    expect((await listTimeline(b.id, {}))[0]).toMatchObject({ kind: 'call', channel: 'phone', direction: 'out' });
  });
});

describe('delete with an undo', () => {
  it('deletes at once; Undo brings back the same row and the last contact', async () => {
    const b = await createBuyer(newBuyer({ name: 'A' }));
    const tp = await addTouchpoint({ buyerId: b.id, channel: 'whatsapp', direction: 'out', kind: 'quote-sent', at: 1_700_000_000_123, note: 'FOB 4.20' });
    const user = userEvent.setup();
    const detail = await openCard(b.id);
    await user.click(await within(detail).findByTestId('delete-touchpoint'));
    await waitFor(() => expect(within(detail).queryAllByTestId('timeline-item')).toHaveLength(0));
    expect((await getBuyer(b.id))!.lastContactAt).toBeNull();
    await user.click(within(detail).getByTestId('undo'));
    await within(detail).findByTestId('timeline-item');
    expect(await getTouchpoint(tp.id)).toEqual(tp);
    expect((await getBuyer(b.id))!.lastContactAt).toBe(tp.at);
    expect(within(detail).queryByTestId('undo-bar')).toBeNull();
  });

  it('the undo is offered a few seconds only; then the delete stands', async () => {
    const b = await createBuyer(newBuyer({ name: 'A' }));
    const tp = await addTouchpoint({ buyerId: b.id, channel: 'email', direction: 'out', kind: 'follow-up', at: 1_000, note: '' });
    const user = userEvent.setup();
    render(<History buyerId={b.id} undoMs={300} />);
    await user.click(await screen.findByTestId('delete-touchpoint'));
    await screen.findByTestId('undo-bar');
    await waitFor(() => expect(screen.queryByTestId('undo-bar')).toBeNull(), { timeout: 3_000 });
    expect(await getTouchpoint(tp.id)).toBeUndefined();
  });
});

describe('edit a touchpoint', () => {
  it('writes only the changed field; a field changed elsewhere meanwhile shows both values', async () => {
    const b = await createBuyer(newBuyer({ name: 'A' }));
    const tp = await addTouchpoint({ buyerId: b.id, channel: 'email', direction: 'out', kind: 'follow-up', at: 1_700_000_012_345, note: 'first' });
    const user = userEvent.setup();
    const detail = await openCard(b.id);
    await user.click(await within(detail).findByTestId('edit-touchpoint'));
    const form = within(detail).getByTestId('edit-touchpoint-form');
    await user.selectOptions(within(form).getByLabelText('What happened'), 'sample-sent');
    await user.click(within(form).getByTestId('save-touchpoint'));
    await waitFor(() => expect(within(detail).queryByTestId('edit-touchpoint-form')).toBeNull());
    // The time was not touched: kept to the millisecond, though the field shows minutes.
    expect(await getTouchpoint(tp.id)).toEqual({ ...tp, kind: 'sample-sent' });

    await user.click(within(detail).getByTestId('edit-touchpoint'));
    const again = within(detail).getByTestId('edit-touchpoint-form');
    await user.clear(within(again).getByLabelText('Note'));
    await user.type(within(again).getByLabelText('Note'), 'mine');
    const now = (await getTouchpoint(tp.id))!;
    await act(() => editTouchpoint(tp.id, now, { note: 'theirs' }));
    await user.click(within(again).getByTestId('save-touchpoint'));
    const conflict = await within(again).findByTestId('conflict-note');
    expect(within(conflict).getByTestId('conflict-mine').textContent).toBe('mine');
    expect(within(conflict).getByTestId('conflict-theirs').textContent).toBe('theirs');
    expect((await getTouchpoint(tp.id))!.note).toBe('theirs');
    await user.click(within(conflict).getByTestId('keep-mine'));
    await user.click(within(again).getByTestId('save-touchpoint'));
    await waitFor(async () => expect((await getTouchpoint(tp.id))!.note).toBe('mine'));
  });
});

describe('the seller’s own kinds', () => {
  it('are added in Settings, offered in the full form and shown by their name', async () => {
    const b = await createBuyer(newBuyer({ name: 'A' }));
    const user = userEvent.setup();
    render(<SettingsView />);
    const editor = await screen.findByTestId('custom-kinds');
    await user.type(within(editor).getByLabelText('New kind'), 'Trade fair visit');
    await user.click(within(editor).getByTestId('add-custom-kind'));
    await waitFor(() => expect(within(editor).getAllByTestId('custom-kind')).toHaveLength(1));
    await user.type(within(editor).getByLabelText('New kind'), 'trade fair  visit!');
    await user.click(within(editor).getByTestId('add-custom-kind'));
    expect((await within(editor).findByRole('alert')).textContent).toBe('That kind is already there.');
    expect((await getSettings()).customKinds).toEqual([{ slug: 'trade-fair-visit', label: 'Trade fair visit' }]);

    const detail = await openCard(b.id);
    await user.click(within(detail).getByTestId('quick-more'));
    const form = within(detail).getByTestId('add-touchpoint');
    await within(form).findByRole('option', { name: 'Trade fair visit' }); // read live from settings
    await user.selectOptions(within(form).getByLabelText('What happened'), 'custom:trade-fair-visit');
    await user.click(within(form).getByRole('button', { name: 'Add to timeline' }));
    const item = await within(detail).findByTestId('timeline-item');
    expect(item.querySelector('.kind')!.textContent).toBe('Trade fair visit');
    expect((await listTimeline(b.id, {}))[0]!.kind).toBe('custom:trade-fair-visit');
  });
});

describe('dormant or lost, with a reason', () => {
  it('asks for the reason and shows it in the history', async () => {
    const b = await createBuyer(newBuyer({ name: 'A', stage: 'quoted' }));
    const user = userEvent.setup();
    const detail = await openCard(b.id);
    await user.click(within(detail).getByTestId('set-lost'));
    const form = within(detail).getByTestId('stage-reason');
    await user.click(within(form).getByTestId('stage-reason-save'));
    await waitFor(() => expect(form.textContent).toContain('Write the reason first.'));
    expect((await getBuyer(b.id))!.stage).toBe('quoted');
    await user.type(within(form).getByTestId('stage-reason-text'), 'Bought from a competitor');
    await user.click(within(form).getByTestId('stage-reason-save'));
    const change = await within(detail).findByTestId('stage-change');
    expect(change.textContent).toContain('Stage: Quoted → Lost');
    expect(change.textContent).toContain('Bought from a competitor');
    await waitFor(() => expect(within(detail).getByTestId('buyer-stage').dataset.value).toBe('lost'));
  });
});

describe('the card', () => {
  it('shows who the buyer is, their local time, every channel with open and copy; the form is one click away', async () => {
    const b = await createBuyer(newBuyer({
      name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', country: 'DE', emails: ['j.becker@becker-haustechnik.de'],
      whatsapp: '+4915112345678', wechat: 'jonas_b', linkedin: 'https://www.linkedin.com/in/jonas', website: 'https://becker-haustechnik.de',
      tags: ['valves', 'VIP'],
    }));
    const user = userEvent.setup();
    const detail = await openCard(b.id);
    const card = within(detail).getByTestId('buyer-card');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Jonas Becker');
    expect(card.textContent).toContain('Becker Haustechnik GmbH');
    expect(within(card).getByTestId('buyer-country').textContent).toContain('Germany');
    expect(within(card).getByTestId('local-time').dataset.zone).toBe('Europe/Berlin');
    expect(within(card).getByTestId('local-time').textContent).toMatch(/Local time .*\d\d:\d\d.*GMT\+[12]/);
    expect(within(card).getByTestId('buyer-tags').textContent).toBe('valvesVIP');

    const hrefOf = (key: string) => within(within(card).getByTestId(`channel-${key}`)).queryByTestId('open-channel')?.getAttribute('href');
    expect(hrefOf('whatsapp')).toBe('https://wa.me/4915112345678');
    expect(hrefOf('email')).toBe('mailto:j.becker@becker-haustechnik.de');
    expect(hrefOf('linkedin')).toBe('https://www.linkedin.com/in/jonas');
    expect(hrefOf('website')).toBe('https://becker-haustechnik.de/');
    expect(hrefOf('wechat')).toBeUndefined(); // copy only
    await user.click(within(within(card).getByTestId('channel-wechat')).getByTestId('copy'));
    expect(await navigator.clipboard.readText()).toBe('jonas_b');
    for (const a of card.querySelectorAll('a')) expect(a.getAttribute('rel')).toBe('noopener noreferrer');

    expect(within(detail).queryByTestId('buyer-field-name')).toBeNull();
    await user.click(within(detail).getByTestId('edit-details'));
    expect((within(detail).getByTestId('buyer-field-name') as HTMLInputElement).value).toBe('Jonas Becker');
  });

  it('a country with several time zones: the seller chooses, and it is kept on the buyer', async () => {
    const b = await createBuyer(newBuyer({ name: 'Mike', country: 'US' }));
    const user = userEvent.setup();
    const detail = await openCard(b.id);
    const select = within(detail).getByTestId('time-zone');
    expect(within(detail).getByTestId('local-time').dataset.zone).toBe('');
    await user.selectOptions(select, 'America/Chicago');
    await waitFor(() => expect(within(detail).getByTestId('local-time').dataset.zone).toBe('America/Chicago'));
    expect((await getBuyer(b.id))!.timeZone).toBe('America/Chicago');
  });

  it('one history, newest first: the inquiry with its product and quantity, and the touchpoints', async () => {
    const { buyer } = await saveCapture(alibabaCapture());
    await addTouchpoint({ buyerId: buyer.id, channel: 'email', direction: 'out', kind: 'quote-sent', at: Date.parse('2026-11-19T10:00:00Z'), note: 'FOB Ningbo' });
    const detail = await openCard(buyer.id);
    await waitFor(() => expect(within(detail).getAllByTestId('timeline-item')).toHaveLength(2));
    const [first, second] = within(detail).getAllByTestId('timeline-item');
    expect(first!.textContent).toContain('Quote sent');
    // The captured inquiry is one entry, with what was asked for.
    expect(within(second!).getByTestId('inquiry-product').textContent).toBe('Alibaba.com · DN20 forged brass ball valve · 500 pieces');
    expect(within(detail).queryAllByTestId('history-inquiry')).toHaveLength(0);
    expect(within(second!).queryByTestId('delete-touchpoint')).toBeNull();
    expect(within(first!).getByTestId('delete-touchpoint')).toBeTruthy();
  });
});
