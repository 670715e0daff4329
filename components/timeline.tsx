/**
 * A buyer's touchpoints, newest first, a page at a time ("load more" asks for the ones before the
 * oldest shown). `reloadKey` changes when something was added, to read the newest page again.
 * An entry logged by mistake can be deleted, after a confirmation.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Touchpoint } from '../storage/schema';
import { deleteTouchpoint, listTimeline } from '../storage/touchpoints-repo';
import { formatDateTime, kindLabel, t } from '../lib/i18n';
import { ConfirmDialog } from './confirm-dialog';
import { TimelineItem } from './timeline-item';

export interface TimelineProps {
  buyerId: string;
  pageSize?: number;
  reloadKey?: unknown;
  /** After an entry was deleted (the buyer's last contact may have changed). */
  onDeleted?: () => void;
}

export function Timeline({ buyerId, pageSize = 20, reloadKey, onDeleted }: TimelineProps) {
  const [items, setItems] = useState<Touchpoint[] | null>(null);
  const [more, setMore] = useState(false);
  const [failed, setFailed] = useState(false);
  const [toDelete, setToDelete] = useState<Touchpoint | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);

  const remove = async (tp: Touchpoint) => {
    setDeleting(true);
    setDeleteFailed(false);
    try {
      await deleteTouchpoint(tp.id);
      setItems((prev) => (prev ?? []).filter((x) => x.id !== tp.id));
      setToDelete(null);
      onDeleted?.();
    } catch {
      setDeleteFailed(true);
      setToDelete(null);
    } finally {
      setDeleting(false);
    }
  };

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    listTimeline(buyerId, { limit: pageSize }).then(
      (page) => {
        if (cancelled) return;
        setItems(page);
        setMore(page.length === pageSize);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [buyerId, pageSize, reloadKey]);

  const loadMore = useCallback(async () => {
    const last = items?.[items.length - 1];
    if (!last) return;
    try {
      const page = await listTimeline(buyerId, { before: last.at, limit: pageSize });
      setItems((prev) => {
        const seen = new Set((prev ?? []).map((x) => x.id));
        return [...(prev ?? []), ...page.filter((x) => !seen.has(x.id))];
      });
      setMore(page.length === pageSize);
    } catch {
      setFailed(true);
    }
  }, [buyerId, items, pageSize]);

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
