/** Find anyone in the book: the keyboard from the search box, the new filters and the orders. */
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alibabaCapture, newBuyer } from './helpers';
import { BuyersView } from '../../../components/buyers-view';
import { createBuyer } from '../../../storage/buyers-repo';
import { saveCapture } from '../../../storage/capture-repo';
import { addTouchpoint } from '../../../storage/touchpoints-repo';
import { getDb } from '../../../storage/db';

const DAY = 86_400_000;


function Harness() {
  const [selected, setSelected] = useState<string | null>(null);
  return <BuyersView selectedId={selected} onSelect={setSelected} />;
}

const rowNames = () => screen.getAllByTestId('buyer-row').map((r) => r.querySelector('.row-title')!.textContent);
const activeName = () => document.querySelector('.buyer-row.active .row-title')?.textContent ?? null;

describe('find anyone', () => {
  it('moves with ↓ ↑ from the search box, opens with Enter, goes back with Esc, and / focuses the search', async () => {
    // Contacted in this order, so the list (newest contact first) is Anna, Bruno, Carla.
    for (const [name, daysAgo] of [['Carla', 3], ['Bruno', 2], ['Anna', 1]] as const) {
      const b = await createBuyer(newBuyer({ name }));
      await addTouchpoint({ buyerId: b.id, channel: 'email', direction: 'out', kind: 'follow-up', at: Date.now() - daysAgo * DAY, note: '' });
    }
    const user = userEvent.setup();
    render(<Harness />);
    await waitFor(() => expect(rowNames()).toEqual(['Anna', 'Bruno', 'Carla']));

    await user.keyboard('/');
    const search = screen.getByTestId('buyer-search');
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe(''); // the slash is a shortcut, not typed
    expect(activeName()).toBeNull();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(activeName()).toBe('Carla');
    await user.keyboard('{ArrowUp}');
    expect(activeName()).toBe('Bruno');
    await user.keyboard('{Enter}');
    const detail = await screen.findByTestId('buyer-detail');
    expect(detail.querySelector('h2')!.textContent).toBe('Bruno');

    // Esc goes back to the list, the keyboard in the search box again.
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('buyer-detail')).toBeNull());
    expect(document.activeElement).toBe(search);

    // Typing narrows; Enter opens the first match without moving.
    await user.type(search, 'carl');
    await waitFor(() => expect(rowNames()).toEqual(['Carla']));
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('buyer-detail')).querySelector('h2')!.textContent).toBe('Carla');
    // `/` from the detail goes back to the search.
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('/');
    await waitFor(() => expect(screen.queryByTestId('buyer-detail')).toBeNull());
    expect(document.activeElement).toBe(search);
    // Esc in the search box clears it.
    await user.keyboard('{Escape}');
    expect((search as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(rowNames()).toHaveLength(3));
  });

  it('filters by country, platform and "no contact for 30 days", with the search, and sorts by name or newest', async () => {
    const now = Date.now();
    const ali = (await saveCapture(alibabaCapture({ name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', country: 'DE' }))).buyer;
    const gmailCapture = { ...alibabaCapture({ name: 'Ana Costa', company: 'Costa Válvulas', country: 'BR', emails: ['ana@costa.example'], phones: [], whatsapp: null, platformBuyerId: null }, { platformInquiryId: null, subject: 'Valves' }), platform: 'gmail' as const, url: 'https://mail.google.com/mail/u/0/#inbox/1' };
    const gm = (await saveCapture(gmailCapture)).buyer;
    const old = await createBuyer(newBuyer({ name: 'Zeno Old', company: 'Becker Trading', country: 'DE' }));
    // Jonas was contacted yesterday; Ana 40 days ago; Zeno never.
    await getDb().touchpoints.where('buyerId').equals(gm.id).modify({ at: now - 40 * DAY });
    await addTouchpoint({ buyerId: gm.id, channel: 'email', direction: 'out', kind: 'follow-up', at: now - 40 * DAY, note: '' });
    await addTouchpoint({ buyerId: ali.id, channel: 'email', direction: 'out', kind: 'follow-up', at: now - DAY, note: '' });

    const user = userEvent.setup();
    render(<Harness />);
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await waitFor(() => expect(screen.getByTestId('filter-country').querySelectorAll('option')).toHaveLength(3));
    await user.selectOptions(screen.getByTestId('filter-country'), 'DE');
    await waitFor(() => expect(rowNames().sort()).toEqual(['Jonas Becker', 'Zeno Old']));
    await user.type(screen.getByTestId('buyer-search'), 'becker');
    await waitFor(() => expect(rowNames()).toEqual(['Jonas Becker', 'Zeno Old']));
    await user.selectOptions(screen.getByTestId('filter-idle'), '30');
    await waitFor(() => expect(rowNames()).toEqual(['Zeno Old']));
    await user.clear(screen.getByTestId('buyer-search'));
    await user.selectOptions(screen.getByTestId('filter-country'), '');
    await waitFor(() => expect(rowNames().sort()).toEqual(['Ana Costa', 'Zeno Old']));
    await user.selectOptions(screen.getByTestId('filter-platform'), 'gmail');
    await waitFor(() => expect(rowNames()).toEqual(['Ana Costa']));
    await user.selectOptions(screen.getByTestId('filter-platform'), 'alibaba');
    expect(await screen.findByTestId('buyers-empty')).toBeTruthy();
    await user.click(screen.getByTestId('clear-filters'));
    await waitFor(() => expect(rowNames()).toEqual(['Jonas Becker', 'Ana Costa', 'Zeno Old']));

    await user.selectOptions(screen.getByTestId('filter-sort'), 'name');
    await waitFor(() => expect(rowNames()).toEqual(['Ana Costa', 'Jonas Becker', 'Zeno Old']));
    await user.selectOptions(screen.getByTestId('filter-sort'), 'newest');
    await waitFor(() => expect(rowNames()).toEqual(['Zeno Old', 'Ana Costa', 'Jonas Becker']));
    expect(old.id).toBeTruthy();
  });

  it('finds a buyer by the product they asked about and by the country in Chinese', async () => {
    await saveCapture(alibabaCapture());
    await createBuyer(newBuyer({ name: 'Ana Costa', country: 'BR' }));
    const user = userEvent.setup();
    render(<Harness />);
    const search = await screen.findByTestId('buyer-search');
    await user.type(search, 'ball valve');
    await waitFor(() => expect(rowNames()).toEqual(['Jonas Becker']));
    await user.clear(search);
    await user.type(search, '巴西');
    await waitFor(() => expect(rowNames()).toEqual(['Ana Costa']));
  });
});
