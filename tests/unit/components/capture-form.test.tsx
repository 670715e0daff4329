import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alibabaCapture, dataValue } from './helpers';
import { CaptureForm } from '../../../components/capture-form';
import { getDb } from '../../../storage/db';
import { createBuyer, findBuyersByIdentity, getBuyer, findBuyers, countBuyers } from '../../../storage/buyers-repo';
import { saveCapture } from '../../../storage/capture-repo';
import { listInquiries } from '../../../storage/inquiries-repo';
import { listTimeline } from '../../../storage/touchpoints-repo';

const noop = () => {};

describe('CaptureForm', () => {
  it('shows every field of the capture with its canonical value', () => {
    const c = alibabaCapture();
    render(<CaptureForm capture={c} onOpenBuyer={noop} />);
    const form = screen.getByTestId('capture-form');
    expect(form.getAttribute('data-platform')).toBe('alibaba');
    const expected: Record<string, unknown> = {
      name: c.buyer.name,
      company: c.buyer.company,
      country: 'DE',
      emails: c.buyer.emails,
      phones: c.buyer.phones,
      whatsapp: c.buyer.whatsapp,
      wechat: null,
      linkedin: null,
      website: c.buyer.website,
      platformBuyerId: c.buyer.platformBuyerId,
      platformInquiryId: c.inquiry.platformInquiryId,
      subject: c.inquiry.subject,
      productTitle: c.inquiry.productTitle,
      productId: c.inquiry.productId,
      quantity: 500,
      unit: 'pieces',
      receivedAt: '2026-11-18T09:42:00Z',
      message: c.inquiry.message,
    };
    for (const [key, value] of Object.entries(expected)) {
      expect(dataValue(screen.getByTestId(`field-${key}`)), key).toEqual(value);
    }
    // The country is shown by name too, and page text stays text (no markup is interpreted).
    expect(form.textContent).toContain('Germany');
    expect((screen.getByTestId('field-message') as HTMLTextAreaElement).value).toContain('<b>not bold</b>');
    expect(form.querySelector('b')).toBeNull();
    expect(screen.getByTestId('field-message').hasAttribute('readonly')).toBe(true);
    expect(screen.getByTestId('field-emails').tagName).toBe('TEXTAREA');
  });

  it('saves the edited capture in one click: buyer, inquiry and its touchpoint are in the book', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    render(<CaptureForm capture={alibabaCapture()} onOpenBuyer={noop} onSaved={onSaved} />);
    const name = screen.getByTestId('field-name');
    await user.clear(name);
    await user.type(name, 'Jonas  Becker-Wolf ');
    expect(dataValue(name)).toBe('Jonas Becker-Wolf');
    const phones = screen.getByTestId('field-phones');
    await user.type(phones, '{Enter}0171 2345678');
    // Written without its +code: the buyer's country (DE) gives the region.
    expect(dataValue(phones)).toEqual(['+4915112345678', '+491712345678']);

    await user.click(screen.getByTestId('save-capture'));
    expect(await screen.findByTestId('saved-notice')).toBeTruthy();

    const { buyers } = await findBuyers();
    expect(await countBuyers()).toBe(1);
    const b = buyers[0]!;
    expect(b.name).toBe('Jonas Becker-Wolf');
    expect(b.phones).toEqual(['+4915112345678', '+491712345678']);
    expect(b.platformIds).toEqual([{ platform: 'alibaba', id: '2215408763921' }]);
    const inquiries = await listInquiries(b.id);
    expect(inquiries.map((i) => i.platformInquiryId)).toEqual(['88120045']);
    const timeline = await listTimeline(b.id, {});
    expect(timeline.map((t) => t.kind)).toEqual(['inquiry']);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: b.id }));
  });

  it('applies the chosen tags and stage, and Ctrl+Enter saves', async () => {
    const user = userEvent.setup();
    render(<CaptureForm capture={alibabaCapture()} onOpenBuyer={noop} />);
    const tags = within(screen.getByTestId('capture-tags')).getByRole('combobox');
    await user.type(tags, 'valves{Enter}germany,');
    await user.selectOptions(screen.getByTestId('capture-stage'), 'quoted');
    await user.click(screen.getByTestId('field-subject'));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByTestId('saved-notice');
    const [b] = await findBuyersByIdentity({ emails: ['j.becker@becker-haustechnik.de'], phones: [], whatsapp: null, wechat: null, linkedin: null, platformIds: [] });
    expect(b?.tags).toEqual(['valves', 'germany']);
    expect(b?.stage).toBe('quoted');
  });

  it('refuses to save a value that is not valid, and says which', async () => {
    const user = userEvent.setup();
    render(<CaptureForm capture={alibabaCapture()} onOpenBuyer={noop} />);
    const emails = screen.getByTestId('field-emails');
    await user.type(emails, '{Enter}not-an-email');
    await user.click(screen.getByTestId('save-capture'));
    expect(emails.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(emails);
    expect((await countBuyers())).toBe(0);
    expect(screen.queryByTestId('saved-notice')).toBeNull();
  });

  it('recognises a buyer already in the book: banner, timeline, and the save merges into them', async () => {
    const first = await saveCapture(alibabaCapture({}, { platformInquiryId: '111', subject: 'First inquiry', receivedAt: '2026-10-01T08:00:00Z' }));
    // The same buyer writes again through another platform, found by email only.
    const again = alibabaCapture(
      { phones: [], whatsapp: null, platformBuyerId: null, name: 'J. Becker' },
      { platformInquiryId: '222', subject: 'Second inquiry' },
    );
    const user = userEvent.setup();
    render(<CaptureForm capture={again} onOpenBuyer={noop} />);
    const banner = await screen.findByTestId('known-buyer');
    expect(banner.textContent).toContain('Jonas Becker');
    const items = await within(banner).findAllByTestId('timeline-item');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('First inquiry');

    await user.click(screen.getByTestId('save-capture'));
    await screen.findByTestId('saved-notice');
    expect((await countBuyers())).toBe(1);
    const kept = await getBuyer(first.buyer.id);
    expect(kept?.name).toBe('Jonas Becker'); // never drops what the book has
    expect((await listInquiries(first.buyer.id)).map((i) => i.platformInquiryId).sort()).toEqual(['111', '222']);
    // The banner's timeline reads again after the save.
    await waitFor(() => expect(within(screen.getByTestId('known-buyer')).getAllByTestId('timeline-item')).toHaveLength(2));
  });

  it('proposes a likely duplicate and saves into it only when asked', async () => {
    const other = await createBuyer({
      name: 'Jonas Becker',
      company: 'Becker Haustechnik',
      country: 'DE',
      emails: ['info@becker-haustechnik.de'],
      phones: [],
      whatsapp: null,
      wechat: null,
      linkedin: null,
      website: null,
      platformIds: [],
    });
    const user = userEvent.setup();
    render(<CaptureForm capture={alibabaCapture({ name: 'Jonas Becker' })} onOpenBuyer={noop} />);
    const candidate = await screen.findByTestId('duplicate-candidate');
    expect(candidate.textContent).toContain('Becker Haustechnik');
    expect(screen.queryByTestId('known-buyer')).toBeNull();
    // Nothing merged by itself.
    expect((await countBuyers())).toBe(1);

    await user.click(within(candidate).getByRole('button', { name: 'Save into this buyer' }));
    await screen.findByTestId('saved-notice');
    expect((await countBuyers())).toBe(1);
    const merged = await getBuyer(other.id);
    expect(merged?.emails.sort()).toEqual(['info@becker-haustechnik.de', 'j.becker@becker-haustechnik.de']);
  });

  it('keeps every edit when the save fails', async () => {
    const user = userEvent.setup();
    render(<CaptureForm capture={alibabaCapture()} onOpenBuyer={noop} />);
    const company = screen.getByTestId('field-company');
    await user.clear(company);
    await user.type(company, 'Becker Armaturen AG');
    const db = getDb();
    db.close({ disableAutoOpen: true });
    try {
      await user.click(screen.getByTestId('save-capture'));
      expect(await screen.findByTestId('save-error')).toBeTruthy();
      expect((company as HTMLInputElement).value).toBe('Becker Armaturen AG');
      expect(screen.queryByTestId('saved-notice')).toBeNull();
    } finally {
      await db.open();
    }
    // The same form saves once the book is back.
    await user.click(screen.getByTestId('save-capture'));
    await screen.findByTestId('saved-notice');
    expect((await findBuyers()).buyers[0]?.company).toBe('Becker Armaturen AG');
  });
});
