/** "Already in your book": the buyer this capture belongs to, with their history at once. */
import type { Buyer } from '../storage/schema';
import { countryLabel, formatDate, stageLabel, t } from '../lib/i18n';
import { buyerTitle } from './buyer-title';
import { Timeline } from './timeline';

export function KnownBuyerBanner(props: { buyer: Buyer; onOpen: (id: string) => void }) {
  const b = props.buyer;
  return (
    <section className="banner known" data-testid="known-buyer" aria-label={t('knownBuyer')}>
      <p className="banner-title">
        <strong>{t('knownBuyer')}</strong>{' '}
        <button type="button" className="link" onClick={() => props.onOpen(b.id)}>
          {buyerTitle(b)}
        </button>
      </p>
      <p className="muted">
        {[b.company, countryLabel(b.country), stageLabel(b.stage), b.lastContactAt ? t('lastContact', formatDate(b.lastContactAt)) : '']
          .filter(Boolean)
          .join(' · ')}
      </p>
      <Timeline buyerId={b.id} pageSize={5} />
    </section>
  );
}
