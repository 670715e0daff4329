/**
 * Where contacts are logged on the card: the quick buttons, the full form one click away, and
 * after each log the stage it implies, accepted in one click.
 */
import { useState } from 'react';
import type { Buyer, Stage } from '../storage/schema';
import type { LoggedTouchpoint } from '../storage/touchpoints-repo';
import { t } from '../lib/i18n';
import { AddTouchpointForm } from './add-touchpoint-form';
import { QuickLog, usePresetChannel } from './quick-log';
import { StageProposal } from './stage-proposal';

export function TouchpointLogger({ buyer }: { buyer: Buyer }) {
  const [more, setMore] = useState(false);
  const [logged, setLogged] = useState<string | null>(null);
  const [proposal, setProposal] = useState<Stage | null>(null);
  const preset = usePresetChannel(buyer);
  const onLogged = (r: LoggedTouchpoint, label: string) => {
    setLogged(label);
    setProposal(r.proposedStage);
  };
  return (
    <section className="section logger" aria-label={t('quickLogTitle')}>
      <QuickLog buyer={buyer} onLogged={onLogged} onMore={() => setMore((m) => !m)} moreOpen={more} />
      {more ? <AddTouchpointForm buyerId={buyer.id} defaultChannel={preset} onAdded={onLogged} /> : null}
      {logged ? (
        <p className="notice ok small" data-testid="logged-notice" role="status">
          {t('quickLogged', logged)}
        </p>
      ) : null}
      {proposal && proposal !== buyer.stage ? (
        <StageProposal key={proposal} buyerId={buyer.id} stage={proposal} onDone={() => setProposal(null)} />
      ) : null}
    </section>
  );
}
