import type { Buyer } from '../storage/schema';
import { countryLabel, formatDate, stageLabel, t } from '../lib/i18n';
import { buyerTitle } from './buyer-title';

/** One buyer in the list: a button, so Enter and a click both open it. */
export function BuyerRow({ buyer: b, onOpen }: { buyer: Buyer; onOpen: (id: string) => void }) {
  const title = buyerTitle(b);
  return (
    <li>
      <button type="button" className="buyer-row" data-testid="buyer-row" onClick={() => onOpen(b.id)}>
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
}
