/**
 * Likely duplicates of a buyer (same company, similar name). Merging asks first: it moves every
 * inquiry and touchpoint into this buyer and deletes the other one.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Buyer } from '../storage/schema';
import { findLikelyDuplicates, mergeBuyers } from '../storage/buyers-repo';
import { countryLabel, t } from '../lib/i18n';
import { buyerTitle } from './buyer-title';
import { ConfirmDialog } from './confirm-dialog';

export function MergeCandidates(props: { buyer: Buyer; onMerged?: (kept: Buyer) => void; onOpen: (id: string) => void }) {
  const { buyer } = props;
  // Live: a candidate merged or edited elsewhere leaves or changes here at once.
  const candidates = useLiveQuery(
    () =>
      findLikelyDuplicates({ id: buyer.id, name: buyer.name, company: buyer.company }).then(
        (xs) => xs.filter((x) => x.id !== buyer.id),
        (): Buyer[] => [],
      ),
    [buyer.id, buyer.name, buyer.company],
    [] as Buyer[],
  );
  const [asking, setAsking] = useState<Buyer | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  if (!candidates.length) return null;

  const merge = async (other: Buyer) => {
    setBusy(true);
    setFailed(null);
    try {
      const kept = await mergeBuyers(buyer.id, other.id);
      setAsking(null);
      props.onMerged?.(kept);
    } catch (e) {
      setAsking(null);
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby={`dups-${buyer.id}`}>
      <h3 id={`dups-${buyer.id}`}>{t('likelyDuplicates')}</h3>
      <ul className="candidates">
        {candidates.map((c) => (
          <li key={c.id} className="candidate-row">
            <button type="button" className="link" onClick={() => props.onOpen(c.id)}>
              {buyerTitle(c)}
            </button>
            <span className="muted small">{[c.company, countryLabel(c.country), ...c.emails.slice(0, 1)].filter(Boolean).join(' · ')}</span>
            <button type="button" data-testid="merge-buyer" onClick={() => setAsking(c)}>
              {t('merge')}
            </button>
          </li>
        ))}
      </ul>
      {failed ? (
        <p className="notice bad" role="alert">
          {t('mergeFailed')} <span className="detail">{failed}</span>
        </p>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={t('mergeTitle')}
          message={t('mergeConfirm', buyerTitle(asking), buyerTitle(buyer))}
          confirmLabel={t('merge')}
          busy={busy}
          onConfirm={() => void merge(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </section>
  );
}
