/**
 * A buyer's touchpoints, newest first, a page at a time ("load more" asks for the ones before the
 * oldest shown). `reloadKey` changes when something was added, to read the newest page again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Touchpoint } from '../storage/schema';
import { listTimeline } from '../storage/touchpoints-repo';
import { t } from '../lib/i18n';
import { TimelineItem } from './timeline-item';

export function Timeline({ buyerId, pageSize = 20, reloadKey }: { buyerId: string; pageSize?: number; reloadKey?: unknown }) {
  const [items, setItems] = useState<Touchpoint[] | null>(null);
  const [more, setMore] = useState(false);
  const [failed, setFailed] = useState(false);

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
      <ol className="timeline" aria-label={t('timeline')}>
        {items.map((tp) => (
          <TimelineItem key={tp.id} touchpoint={tp} />
        ))}
      </ol>
      {more ? (
        <button type="button" className="link" onClick={loadMore}>
          {t('loadMore')}
        </button>
      ) : null}
    </>
  );
}
