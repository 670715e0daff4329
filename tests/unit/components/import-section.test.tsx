/**
 * The import's preview while the book is being checked: the seller sees that work is going on
 * (a sheet of tens of thousands of rows takes seconds), and a mapping changed while an earlier
 * preview is still being made is the one shown, whichever finishes last.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportPlan, SheetTable } from '../../../storage/sheet-import';

const pending: { mapping: readonly (string | null)[]; resolve: (p: ImportPlan) => void }[] = [];
vi.mock('../../../storage/sheet-import', async (real) => ({
  ...(await real<typeof import('../../../storage/sheet-import')>()),
  readSheet: async (): Promise<SheetTable> => ({ headers: ['Name', 'Email'], rows: [['Wang', 'wang@x.example']] }),
  planImport: (_t: SheetTable, mapping: readonly (string | null)[]) => new Promise<ImportPlan>((resolve) => pending.push({ mapping, resolve })),
}));
const { ImportSection } = await import('../../../components/import-section');

const planOf = (n: number): ImportPlan => ({ rows: [], counts: { new: n, merge: 0, skip: 0 } });

afterEach(() => {
  cleanup();
  pending.length = 0;
});

describe('import preview', () => {
  it('says the rows are being checked until the preview is ready', async () => {
    const user = userEvent.setup();
    render(<ImportSection />);
    await user.upload(screen.getByTestId('import-file'), new File(['x'], 'leads.csv', { type: 'text/csv' }));
    await waitFor(() => expect(pending).toHaveLength(1));
    expect(screen.getByTestId('import-busy').textContent).toMatch(/1 row/);
    pending[0]!.resolve(planOf(1));
    await screen.findByTestId('import-preview');
    expect(screen.queryByTestId('import-busy')).toBeNull();
  });

  it('a mapping changed while the earlier preview is made is the one shown', async () => {
    const user = userEvent.setup();
    render(<ImportSection />);
    await user.upload(screen.getByTestId('import-file'), new File(['x'], 'leads.csv', { type: 'text/csv' }));
    await waitFor(() => expect(pending).toHaveLength(1));
    await user.selectOptions(screen.getByTestId('import-map-1'), '');
    await waitFor(() => expect(pending).toHaveLength(2));
    expect(pending[1]!.mapping[1]).toBeNull();
    // The later mapping's preview comes first; the earlier one, arriving after, must not replace it.
    pending[1]!.resolve(planOf(2));
    await waitFor(() => expect(screen.getByTestId('import-counts').textContent).toMatch(/2/));
    pending[0]!.resolve(planOf(7));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByTestId('import-counts').textContent).not.toMatch(/7/);
    expect(screen.queryByTestId('import-busy')).toBeNull();
  });
});
