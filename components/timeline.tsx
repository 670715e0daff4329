/**
 * A buyer's touchpoints, newest first, a keyset page at a time, read live: an entry added,
 * edited or deleted anywhere shows at once. An entry logged by mistake can be deleted, after a
 * confirmation.
 */
import { useState } from 'react';
import type { Touchpoint } from '../storage/schema';
import { deleteTouchpoint, listTimeline, type TimelineCursor } from '../storage/touchpoints-repo';
import { formatDateTime, kindLabel, t } from '../lib/i18n';
import { ConfirmDialog } from './confirm-dialog';
import { TimelineItem } from './timeline-item';
import { useLivePages } from './use-live-pages';

export interface TimelineProps {
  buyerId: string;
  pageSize?: number;
}

const cursorOf = (tp: Touchpoint): TimelineCursor => ({ at: tp.at, id: tp.id });

export function Timeline({ buyerId, pageSize = 20 }: TimelineProps) {
  const { items, more, failed, loadMore } = useLivePages(
    (after) => listTimeline(buyerId, { after, limit: pageSize }),
    cursorOf,
    pageSize,
    [buyerId, pageSize],
  );
  const [toDelete, setToDelete] = useState<Touchpoint | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);

  const remove = async (tp: Touchpoint) => {
    setDeleting(true);
    setDeleteFailed(false);
    try {
      await deleteTouchpoint(tp.id);
      setToDelete(null);
    } catch {
      setDeleteFailed(true);
      setToDelete(null);
    } finally {
      setDeleting(false);
    }
  };

  if (failed) return <p className="error">{t('loadFailed')}</p>;
  if (!items) return <p className="muted">{t('loading')}</p>;
  if (!items.length) return <p className="muted">{t('timelineEmpty')}</p>;
  return (
    <>
      {deleteFailed ? (
        <p className="notice bad" role="alert">
          {t('deleteTouchpointFailed')}
        </p>
      ) : null}
      <ol className="timeline" aria-label={t('timeline')}>
        {items.map((tp) => (
          <TimelineItem key={tp.id} touchpoint={tp} onDelete={setToDelete} />
        ))}
      </ol>
      {toDelete ? (
        <ConfirmDialog
          title={t('deleteTouchpointTitle')}
          message={t('deleteTouchpointConfirm', `${kindLabel(toDelete.kind)}, ${formatDateTime(toDelete.at)}`)}
          confirmLabel={t('delete')}
          danger
          busy={deleting}
          onConfirm={() => void remove(toDelete)}
          onCancel={() => setToDelete(null)}
        />
      ) : null}
      {more ? (
        <button type="button" className="link" onClick={loadMore}>
          {t('loadMore')}
        </button>
      ) : null}
    </>
  );
}
