/**
 * The buyers as one virtual list: only the rows in view (and a few around) are in the document,
 * so 100,000 buyers scroll like 50. Rows have one fixed height, so no row is measured. Reaching
 * the end asks for the next page.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Buyer } from '../storage/schema';
import { t } from '../lib/i18n';
import { BuyerRow } from './buyer-row';

/** Height of one row in pixels; .buyer-row in style.css has the same. */
export const ROW_HEIGHT = 52;
const rowHeight = () => ROW_HEIGHT;
/** Rows from the end at which the next page is asked for. */
const NEAR_END = 20;

export function VirtualBuyerList(props: {
  buyers: Buyer[];
  /** Index of the row the keyboard is on, -1 for none. */
  active: number;
  listId: string;
  onOpen: (id: string) => void;
  onNearEnd: () => void;
}) {
  const { buyers, active, listId, onOpen, onNearEnd } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The same functions while the rows stay the same: the virtualizer measures every row again
  // (all 5,000 after a long scroll) whenever they change, and it renders at every scroll frame.
  const getItemKey = useCallback((i: number) => buyers[i]?.id ?? i, [buyers]);
  const v = useVirtualizer({
    count: buyers.length,
    getScrollElement: useCallback(() => scrollRef.current, []),
    estimateSize: rowHeight,
    overscan: 10,
    getItemKey,
  });
  const items = v.getVirtualItems();
  const last = items.length ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (buyers.length && last >= buyers.length - NEAR_END) onNearEnd();
  }, [last, buyers]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (active >= 0) v.scrollToIndex(active, { align: 'auto' });
  }, [active, v]);

  return (
    <div ref={scrollRef} className="buyer-list-scroll" data-testid="buyer-list">
      <ul id={listId} className="buyer-list" aria-label={t('buyersList')} style={{ height: v.getTotalSize() }}>
        {items.map((it) => {
          const b = buyers[it.index]!;
          return (
            <BuyerRow
              key={b.id}
              buyer={b}
              onOpen={onOpen}
              id={`${listId}-${it.index}`}
              active={it.index === active}
              top={it.start}
            />
          );
        })}
      </ul>
    </div>
  );
}
