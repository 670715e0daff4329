/**
 * The buyer at a glance, before any form: name, company, country with the buyer's local time,
 * stage (dormant or lost set with a reason), tags and the next step; then every channel with
 * copy and open actions.
 */
import { useState } from 'react';
import type { Buyer } from '../storage/schema';
import { countryLabel, formatDate, stageLabel, t } from '../lib/i18n';
import { buyerTitle } from './buyer-title';
import { ChannelActions } from './channel-actions';
import { LocalTime } from './local-time';
import { NextStepSlot } from './next-step-slot';
import { StageReasonForm } from './stage-reason-form';

export function BuyerCard({ buyer }: { buyer: Buyer }) {
  const [reasonFor, setReasonFor] = useState<'dormant' | 'lost' | null>(null);
  return (
    <section className="buyer-card" data-testid="buyer-card">
      <h2 id={`buyer-${buyer.id}`}>{buyerTitle(buyer)}</h2>
      {buyer.company && buyer.name ? <p className="company">{buyer.company}</p> : null}
      <p className="muted small">
        {buyer.country ? <span data-testid="buyer-country">{countryLabel(buyer.country)} · </span> : null}
        <LocalTime buyer={buyer} />
      </p>
      <div className="stage-line">
        <span className={`stage stage-${buyer.stage}`} data-testid="buyer-stage" data-value={buyer.stage}>
          {stageLabel(buyer.stage)}
        </span>
        {buyer.lastContactAt ? <span className="muted small"> · {t('lastContact', formatDate(buyer.lastContactAt))}</span> : null}
        {buyer.stage !== 'dormant' ? (
          <button type="button" className="link small" data-testid="set-dormant" onClick={() => setReasonFor('dormant')}>
            {t('stageSetDormant')}
          </button>
        ) : null}
        {buyer.stage !== 'lost' ? (
          <button type="button" className="link small" data-testid="set-lost" onClick={() => setReasonFor('lost')}>
            {t('stageSetLost')}
          </button>
        ) : null}
      </div>
      {reasonFor ? <StageReasonForm key={reasonFor} buyerId={buyer.id} stage={reasonFor} onDone={() => setReasonFor(null)} /> : null}
      {buyer.tags.length ? (
        <ul className="chips plain" aria-label={t('fieldTags')} data-testid="buyer-tags">
          {buyer.tags.map((tag) => (
            <li key={tag} className="chip">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      <NextStepSlot buyer={buyer} />
      <section className="section" aria-label={t('channelsTitle')}>
        <h3>{t('channelsTitle')}</h3>
        <ChannelActions buyer={buyer} />
      </section>
    </section>
  );
}
