/**
 * "Export these N buyers" in the Buyers view: with a filter set, the CSV and the vCards hold the
 * buyers the view finds and no others; without a search or filter the action is not offered (the
 * Data tab exports the whole book).
 */
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from './helpers';
import { BuyersView } from '../../../components/buyers-view';
import { getDb } from '../../../storage/db';
import { bulkImport } from '../../../storage/bulk-import';
import { BUYERS, INQUIRIES, TOUCHPOINTS } from '../storage/backup/book';


describe('Export these N buyers', () => {
  it('exports only the buyers the filter finds, as CSV and as vCard', async () => {
    await bulkImport({ buyers: BUYERS, inquiries: INQUIRIES, touchpoints: TOUCHPOINTS }, getDb());
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<BuyersView selectedId={null} onSelect={() => undefined} />);
    await screen.findAllByTestId('buyer-row', {}, { timeout: 10_000 }).catch(() => null);
    expect(screen.queryByTestId('export-found')).toBeNull();

    // The tag VIP: only 王伟 of the four.
    await waitFor(() => expect(screen.getByTestId('filter-tag').querySelectorAll('option').length).toBeGreaterThan(1));
    await user.selectOptions(screen.getByTestId('filter-tag'), 'VIP');
    const action = await screen.findByTestId('export-found', {}, { timeout: 10_000 });
    await waitFor(() => expect(action.textContent).toContain('Export these 1 buyers'));

    await user.click(screen.getByTestId('export-found-csv'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^buyerbook-buyers-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await saved[0]!.blob.text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2); // the header and 王伟
    expect(lines[1]).toContain('王伟');
    expect(csv).not.toContain('Zoe');
    expect(screen.getByTestId('export-found-status').textContent).toContain('Saved 1 buyers');

    await user.click(screen.getByTestId('export-found-vcard-4'));
    await waitFor(() => expect(saved).toHaveLength(2));
    const vcf = await saved[1]!.blob.text();
    expect(vcf.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(vcf).toContain('VERSION:4.0');
    expect(vcf).toContain('王伟');
  });
});
