/**
 * A buyer's one history, newest first: inquiries, touchpoints and stage changes together, a
 * keyset page at a time, read live. A touchpoint is deleted at once with an undo for a few
 * seconds (the same row comes back, and the last contact follows), rather than a dialog first.
 */
import { useCallback, useState } from 'react';
import type { Touchpoint } from '../storage/schema';
import { listHistory, type HistoryCursor, type HistoryEntry } from '../storage/buyer-history';
import { deleteTouchpoint, restoreTouchpoint } from '../storage/touchpoints-repo';
import { storedKindLabel, t } from '../lib/i18n';
import { HistoryItem } from './history-item';
import { UndoBar } from './undo-bar';
import { useCustomKinds } from './use-custom-kinds';
import { useLivePages } from './use-live-pages';

/** How long "Undo" is offered after a delete. */
export const UNDO_MS = 8_000;

const cursorOf = (e: HistoryEntry): HistoryCursor => ({ at: e.at, id: e.id });

export function History({ buyerId, pageSize = 20, undoMs = UNDO_MS }: { buyerId: string; pageSize?: number; undoMs?: number }) {
  const custom = useCustomKinds();
  const { items, more, failed, loadMore } = useLivePages((after) => listHistory(buyerId, { after, limit: pageSize }), cursorOf, pageSize, [buyerId, pageSize]);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Touchpoint | null>(null);
  const [deleteFailed, setDeleteFailed] = useState(false);
  const expire = useCallback(() => setDeleted(null), []);

  const remove = async (tp: Touchpoint) => {
    setDeleteFailed(false);
    try {
      const gone = await deleteTouchpoint(tp.id);
      setDeleted(gone ?? null);
    } catch {
      setDeleteFailed(true);
    }
  };
  const undo = async () => {
    if (!deleted) return;
    await restoreTouchpoint(deleted);
    setDeleted(null);
  };

  return (
    <>
      {deleted ? (
        <UndoBar
          message={t('touchpointDeleted', storedKindLabel(deleted.kind, custom))}
          onUndo={undo}
          onExpire={expire}
          ms={undoMs}
        />
      ) : null}
      {deleteFailed ? (
        <p className="notice bad" role="alert">
          {t('deleteTouchpointFailed')}
        </p>
      ) : null}
      {failed ? <p className="error">{t('loadFailed')}</p> : null}
      {!failed && !items ? <p className="muted">{t('loading')}</p> : null}
      {items && !items.length ? <p className="muted" data-testid="history-empty">{t('historyEmpty')}</p> : null}
      {items?.length ? (
        <ol className="timeline history" aria-label={t('history')} data-testid="history">
          {items.map((e) => (
            <HistoryItem
              key={`${e.type}:${e.id}`}
              entry={e}
              custom={custom}
              editing={editing === e.id}
              onEdit={(tp) => setEditing(tp?.id ?? null)}
              onDelete={(tp) => void remove(tp)}
            />
          ))}
        </ol>
      ) : null}
      {more ? (
        <button type="button" className="link" onClick={loadMore}>
          {t('loadMore')}
        </button>
      ) : null}
    </>
  );
}
