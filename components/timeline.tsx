/**
 * A buyer's touchpoints, newest first, a keyset page at a time, read live: an entry added,
 * edited or deleted anywhere shows at once. A preview (the "already in your book" banner); the
 * buyer's card shows the whole history, where entries are edited and deleted.
 */
import type { Touchpoint } from '../storage/schema';
import { listTimeline, type TimelineCursor } from '../storage/touchpoints-repo';
import { t } from '../lib/i18n';
import { TimelineItem } from './timeline-item';
import { useCustomKinds } from './use-custom-kinds';
import { useLivePages } from './use-live-pages';

export interface TimelineProps {
  buyerId: string;
  pageSize?: number;
}

const cursorOf = (tp: Touchpoint): TimelineCursor => ({ at: tp.at, id: tp.id });

export function Timeline({ buyerId, pageSize = 20 }: TimelineProps) {
  const custom = useCustomKinds();
  const { items, more, failed, loadMore } = useLivePages(
    (after) => listTimeline(buyerId, { after, limit: pageSize }),
    cursorOf,
    pageSize,
    [buyerId, pageSize],
  );

  if (failed) return <p className="error">{t('loadFailed')}</p>;
  if (!items) return <p className="muted">{t('loading')}</p>;
  if (!items.length) return <p className="muted">{t('timelineEmpty')}</p>;
  return (
    <>
      <ol className="timeline" aria-label={t('timeline')}>
        {items.map((tp) => (
          <TimelineItem key={tp.id} touchpoint={tp} custom={custom} />
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
