/**
 * "Export these N buyers": the Buyers view's current search and filters as a CSV of the buyers
 * (with their inquiries and touchpoints left to the Data tab) or as contacts (vCard 3.0 / 4.0),
 * for a seller who wants part of the book, not all of it.
 */
import { useState } from 'react';
import { t } from '../lib/i18n';
import type { VCardVersion } from '../lib/vcard';
import type { FindOptions } from '../storage/buyer-find';
import { saveBlob } from './save-file';

export interface ExportFoundProps {
  /** The view's search and filters, as it passes them to findBuyers. */
  find: Omit<FindOptions, 'after' | 'limit'>;
  /** How many the view says it found, when it knows (a search: the buyers shown). */
  count: number | null;
  searchLimit: number;
}

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; count: number } | { kind: 'failed' };

export function ExportFound({ find, count, searchLimit }: ExportFoundProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = async (format: 'csv' | VCardVersion) => {
    setState({ kind: 'busy' });
    try {
      // The exports load on the first click, not with the book (ical.js is not small).
      const { foundBuyerIds } = await import('../storage/found-export');
      const ids = await foundBuyerIds(find, searchLimit);
      if (format === 'csv') {
        const { exportCsv } = await import('../storage/csv-export');
        const { blob, fileName } = await exportCsv('buyers', { filter: { ids } });
        saveBlob(blob, fileName);
      } else {
        const { exportVCards } = await import('../storage/vcard-export');
        const { blob, fileName } = await exportVCards(format, { ids });
        saveBlob(blob, fileName);
      }
      setState({ kind: 'done', count: ids.length });
    } catch {
      setState({ kind: 'failed' });
    }
  };
  const busy = state.kind === 'busy';
  return (
    <div className="export-found actions" data-testid="export-found">
      <span className="muted small">{count == null ? t('exportFoundSome') : t('exportFoundCount', count)}</span>
      <button type="button" onClick={() => void run('csv')} disabled={busy} data-testid="export-found-csv">
        {t('exportFoundCsv')}
      </button>
      <button type="button" onClick={() => void run('3.0')} disabled={busy} data-testid="export-found-vcard-3">
        {t('exportFoundVCard3')}
      </button>
      <button type="button" onClick={() => void run('4.0')} disabled={busy} data-testid="export-found-vcard-4">
        {t('exportFoundVCard4')}
      </button>
      {/* aria-live rather than role="status": the list's count is the view's one status. */}
      <span aria-live="polite" className="muted small" data-testid="export-found-status">
        {state.kind === 'done' ? t('exportFoundDone', state.count) : state.kind === 'failed' ? t('exportFoundFailed') : ''}
      </span>
    </div>
  );
}
