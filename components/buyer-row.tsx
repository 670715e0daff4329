import { memo } from 'react';
import type { Buyer } from '../storage/schema';
import { countryLabel, formatDate, stageLabel, t } from '../lib/i18n';
import { buyerTitle } from './buyer-title';

/**
 * One buyer in the list: a button, so Enter and a click both open it. In the virtual list it is
 * placed at `top` (set through the style object, which the panel's CSP allows, unlike a style
 * attribute in markup); `active` marks the row the keyboard is on. Memoised: a page read while
 * the list scrolls re-renders the list, and a row whose buyer has not changed (the same object,
 * as its page was not read again) need not render again.
 */
export const BuyerRow = memo(function BuyerRow({
  buyer: b,
  onOpen,
  id,
  active = false,
  top,
}: {
  buyer: Buyer;
  onOpen: (id: string) => void;
  id?: string;
  active?: boolean;
  top?: number;
}) {
  const title = buyerTitle(b);
  return (
    <li id={id} className={top != null ? 'virtual-row' : undefined} style={top != null ? { transform: `translateY(${top}px)` } : undefined}>
      <button
        type="button"
        className={active ? 'buyer-row active' : 'buyer-row'}
        data-testid="buyer-row"
        aria-current={active ? 'true' : undefined}
        onClick={() => onOpen(b.id)}
      >
        <span className="row-main">
          <span className="row-title">{title}</span>
          {b.company && b.company !== title ? <span className="row-company">{b.company}</span> : null}
        </span>
        <span className="row-meta">
          {[b.country ? countryLabel(b.country) : '', stageLabel(b.stage)].filter(Boolean).join(' · ')}
          <span className="row-date">{b.lastContactAt ? formatDate(b.lastContactAt) : t('neverContacted')}</span>
        </span>
      </button>
    </li>
  );
});
