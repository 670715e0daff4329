import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { newBuyer } from './helpers';
import { BuyersView } from '../../../components/buyers-view';
import { PAGE_SIZE, SEARCH_LIMIT } from '../../../components/list-sizes';
import { ROW_HEIGHT } from '../../../components/buyer-list-virtual';
import { bulkPutBuyers, createBuyer, countBuyers, getBuyer } from '../../../storage/buyers-repo';
import { listTimeline } from '../../../storage/touchpoints-repo';
import type { Buyer } from '../../../storage/schema';

// The buyer's card is its own chunk: a cold import of it on a loaded machine can pass the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

/** The view with its selection held as the app holds it. */
function Harness() {
  const [selected, setSelected] = useState<string | null>(null);
  return <BuyersView selectedId={selected} onSelect={setSelected} />;
}

describe('BuyersView', () => {
  it('lists the book and finds a buyer as the seller types', async () => {
    await createBuyer(newBuyer({ name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', country: 'DE', emails: ['j.becker@becker-haustechnik.de'] }));
    await createBuyer(newBuyer({ name: 'Maria López', company: 'Fontanería López S.L.', country: 'ES', phones: ['+34612345678'] }));
    await createBuyer(newBuyer({ name: '王芳', company: '深圳市宏达贸易有限公司', country: 'CN' }));
    const user = userEvent.setup();
    render(<Harness />);
    await waitFor(() => expect(screen.getAllByTestId('buyer-row')).toHaveLength(3));

    const search = screen.getByTestId('buyer-search');
    await user.type(search, 'fontan');
    await waitFor(() => expect(screen.getAllByTestId('buyer-row')).toHaveLength(1));
    expect(screen.getByTestId('buyer-row').textContent).toContain('Maria López');
    expect(screen.getByTestId('buyer-row').textContent).toContain('Spain');
    await user.clear(search);
    await waitFor(() => expect(screen.getAllByTestId('buyer-row')).toHaveLength(3));

    await user.clear(search);
    await user.type(search, '2345');
    await waitFor(() => expect(screen.getAllByTestId('buyer-row').map((r) => r.textContent)).toEqual([expect.stringContaining('Maria López')]));

    await user.clear(search);
    await user.type(search, '宏达');
    await waitFor(() => expect(screen.getAllByTestId('buyer-row').map((r) => r.textContent)).toEqual([expect.stringContaining('王芳')]));

    await user.clear(search);
    await user.type(search, 'nobody-like-this');
    expect(await screen.findByTestId('buyers-empty')).toBeTruthy();
  });

  it('pages the list as the seller scrolls, and filters by stage and tag', async () => {
    const now = Date.now();
    const many: Buyer[] = Array.from({ length: PAGE_SIZE + 7 }, (_, i) => ({
      id: `b${String(i).padStart(3, '0')}`, name: `Buyer ${i}`, company: `Company ${i}`, country: null, emails: [],
      phones: [], whatsapp: null, wechat: null, linkedin: null, website: null, platformIds: [],
      tags: i % 10 === 0 ? ['vip'] : [], stage: i < 3 ? 'ordered' : 'new', notes: '', createdAt: now, updatedAt: now + i,
      lastContactAt: null,
    }));
    await bulkPutBuyers(many);
    const user = userEvent.setup();
    render(<Harness />);
    // The page shows first; the count follows it. Only the rows in view are in the document.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${PAGE_SIZE} of ${PAGE_SIZE + 7}`));
    expect(screen.getAllByTestId('buyer-row').length).toBeLessThan(30);
    // Scrolled to the end of the first page: the next page is read.
    const list = screen.getByTestId('buyer-list');
    list.scrollTop = (PAGE_SIZE - 10) * ROW_HEIGHT;
    fireEvent.scroll(list);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${PAGE_SIZE + 7} of ${PAGE_SIZE + 7}`));
    expect(screen.queryByTestId('load-more')).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('buyer-row').at(-1)!.textContent).toContain('Buyer 0'));

    await user.selectOptions(screen.getByTestId('filter-stage'), 'ordered');
    await waitFor(() => expect(screen.getAllByTestId('buyer-row')).toHaveLength(3));
    await user.selectOptions(screen.getByTestId('filter-stage'), '');
    await waitFor(() => expect(within(screen.getByTestId('filter-tag')).queryByRole('option', { name: 'vip' })).toBeTruthy());
    await user.selectOptions(screen.getByTestId('filter-tag'), 'vip');
    await waitFor(() => expect(screen.getAllByTestId('buyer-row')).toHaveLength(6));
  });

  it('says when a search shows only the first of its matches', async () => {
    const now = Date.now();
    await bulkPutBuyers(Array.from({ length: SEARCH_LIMIT + 10 }, (_, i) => ({
      ...newBuyer({ name: `Maria Garcia ${i}` }), id: `g${String(i).padStart(4, '0')}`, tags: [], stage: 'new' as const,
      notes: '', createdAt: now, updatedAt: now + i, lastContactAt: null,
    })));
    await createBuyer(newBuyer({ name: 'Garcia Solo' }));
    const user = userEvent.setup();
    render(<Harness />);
    const search = await screen.findByTestId('buyer-search');
    await user.type(search, 'garcia');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`First ${SEARCH_LIMIT} found: type more to narrow the search`));
    // A virtual list: the rows in view, not all 200.
    expect(screen.getAllByTestId('buyer-row').length).toBeLessThan(40);
    await user.type(search, ' solo');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 found'));
  });

  it('opens a buyer with Enter, and the add-touchpoint form adds to the timeline', async () => {
    const b = await createBuyer(newBuyer({ name: 'Jonas Becker', emails: ['j.becker@becker-haustechnik.de'] }));
    const user = userEvent.setup();
    render(<Harness />);
    const row = await screen.findByTestId('buyer-row');
    row.focus();
    await user.keyboard('{Enter}');
    const detail = await screen.findByTestId('buyer-detail');
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('Jonas Becker');
    expect(within(detail).queryAllByTestId('timeline-item')).toHaveLength(0);

    // The full form is one click beside the quick buttons.
    await user.click(within(detail).getByTestId('quick-more'));
    const form = within(detail).getByTestId('add-touchpoint');
    await user.selectOptions(within(form).getByLabelText('Channel'), 'whatsapp');
    await user.selectOptions(within(form).getByLabelText('What happened'), 'quote-sent');
    await user.type(within(form).getByLabelText('Note'), 'FOB Ningbo 4.20 USD/pc');
    await user.click(within(form).getByRole('button', { name: 'Add to timeline' }));

    const item = await within(detail).findByTestId('timeline-item');
    expect(item.textContent).toContain('Quote sent');
    expect(item.textContent).toContain('WhatsApp');
    expect(item.textContent).toContain('FOB Ningbo 4.20 USD/pc');
    const stored = await listTimeline(b.id, {});
    expect(stored.map((t) => [t.channel, t.kind, t.direction])).toEqual([['whatsapp', 'quote-sent', 'out']]);
    expect(Math.abs(stored[0]!.at - Date.now())).toBeLessThan(2 * 60_000); // "now" by default
    expect((await getBuyer(b.id))?.lastContactAt).toBe(stored[0]!.at);

    // Logged by mistake: deleted at once, with an undo offered instead of a dialog.
    await user.click(within(item).getByTestId('delete-touchpoint'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(within(detail).queryAllByTestId('timeline-item')).toHaveLength(0));
    expect(within(detail).getByTestId('undo-bar').textContent).toContain('Quote sent');
    expect(await listTimeline(b.id, {})).toEqual([]);
    expect((await getBuyer(b.id))?.lastContactAt).toBeNull();
  });

  it('edits a buyer and normalises what is typed', async () => {
    const b = await createBuyer(newBuyer({ name: 'Jonas Becker' }));
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(await screen.findByTestId('buyer-row'));
    const detail = await screen.findByTestId('buyer-detail');
    await user.click(within(detail).getByTestId('edit-details'));
    await user.type(within(detail).getByTestId('buyer-field-country'), 'Germany');
    await user.type(within(detail).getByTestId('buyer-field-phones'), '0151 1234 5678');
    await user.type(within(detail).getByTestId('buyer-field-emails'), 'J.Becker@Example.DE');
    await user.type(within(detail).getByLabelText('Notes'), 'Met at Canton Fair');
    await user.click(within(detail).getByTestId('save-buyer'));
    await waitFor(async () => expect((await getBuyer(b.id))?.country).toBe('DE'));
    const saved = await getBuyer(b.id);
    expect(saved?.phones).toEqual(['+4915112345678']);
    expect(saved?.emails).toEqual(['j.becker@example.de']);
    expect(saved?.notes).toBe('Met at Canton Fair');
  });

  it('merges a likely duplicate only after confirmation', async () => {
    const keep = await createBuyer(newBuyer({ name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', emails: ['j.becker@becker-haustechnik.de'] }));
    const drop = await createBuyer(newBuyer({ name: 'Jonas Becker', company: 'Becker Haustechnik', phones: ['+4915112345678'] }));
    const user = userEvent.setup();
    render(<BuyersView selectedId={keep.id} onSelect={() => {}} />);
    const merge = await screen.findByTestId('merge-buyer');
    await user.click(merge);
    expect(screen.getByRole('alertdialog').textContent).toContain('Jonas Becker');
    // Escape closes the question and nothing is merged.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await countBuyers())).toBe(2);

    await user.click(screen.getByTestId('merge-buyer'));
    await user.click(within(screen.getByRole('alertdialog')).getByTestId('confirm-yes'));
    await waitFor(async () => expect(await getBuyer(drop.id)).toBeUndefined());
    const kept = await getBuyer(keep.id);
    expect(kept?.phones).toEqual(['+4915112345678']);
    expect(kept?.emails).toEqual(['j.becker@becker-haustechnik.de']);
    await waitFor(() => expect(screen.queryByTestId('merge-buyer')).toBeNull());
  });

  it('deletes a buyer after confirmation and returns to the list', async () => {
    await createBuyer(newBuyer({ name: 'Jonas Becker' }));
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(await screen.findByTestId('buyer-row'));
    await user.click(await screen.findByTestId('delete-buyer'));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect((await countBuyers())).toBe(1);
    await user.click(screen.getByTestId('delete-buyer'));
    await user.click(within(screen.getByRole('alertdialog')).getByTestId('confirm-yes'));
    expect(await screen.findByTestId('buyers-empty')).toBeTruthy();
    expect((await countBuyers())).toBe(0);
  });
});
