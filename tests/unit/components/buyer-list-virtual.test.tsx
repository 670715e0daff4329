/**
 * The virtual list while pages arrive: a page read re-renders the list, and the rows already in
 * view (the same buyers, the same objects) are not rendered again. Rendering them again at every
 * page, each formatting its date and labels, was work the scrolling list did for nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import './helpers';
import { newBuyer } from './helpers';
import type { Buyer } from '../../../storage/schema';

const formatted = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../../lib/i18n', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/i18n')>();
  return {
    ...real,
    formatDate: (at: number | null | undefined) => {
      formatted.n++;
      return real.formatDate(at);
    },
  };
});

const { VirtualBuyerList } = await import('../../../components/buyer-list-virtual');

const buyers = (from: number, n: number): Buyer[] =>
  Array.from({ length: n }, (_, i) => ({
    ...newBuyer({ name: `Buyer ${from + i}` }),
    id: `b${String(from + i).padStart(5, '0')}`,
    tags: [],
    stage: 'new' as const,
    notes: '',
    createdAt: 1,
    updatedAt: 1,
    lastContactAt: Date.UTC(2026, 10, 1) - (from + i) * 60_000,
  }));

describe('VirtualBuyerList', () => {
  it('renders the rows in view once, not again for every page read after them', () => {
    const first = buyers(0, 50);
    const noop = () => {};
    const list = (b: Buyer[]) => <VirtualBuyerList buyers={b} active={-1} listId="l" onOpen={noop} onNearEnd={noop} />;
    const { rerender } = render(list(first));
    const rows = screen.getAllByTestId('buyer-row').length;
    expect(rows).toBeGreaterThan(5);
    const before = formatted.n;
    // The next pages arrive: the same buyers first, more below the view.
    rerender(list([...first, ...buyers(50, 50)]));
    rerender(list([...first, ...buyers(50, 50), ...buyers(100, 50)]));
    expect(screen.getAllByTestId('buyer-row')).toHaveLength(rows);
    expect(formatted.n - before).toBe(0);
  });
});
