/**
 * One buyer, as a card before a form: who they are and how to reach them (BuyerCard), logging a
 * contact in two clicks, one history of inquiries, touchpoints and stage changes; the edit form
 * one click away; likely duplicates; delete.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { deleteBuyer, getBuyer } from '../storage/buyers-repo';
import { t } from '../lib/i18n';
import { buyerTitle } from './buyer-title';
import { BuyerCard } from './buyer-card';
import { BuyerEditForm } from './buyer-edit-form';
import { History } from './history';
import { TouchpointLogger } from './touchpoint-logger';
import { MergeCandidates } from './merge-candidates';
import { ConfirmDialog } from './confirm-dialog';
import { useAllTags } from './use-all-tags';
import { BuyerHoursSection } from './buyer-hours-form';
import { VCardButtons } from './vcard-button';

export interface BuyerDetailProps {
  buyerId: string;
  onBack: () => void;
  onOpenBuyer: (id: string) => void;
}

export function BuyerDetail({ buyerId, onBack, onOpenBuyer }: BuyerDetailProps) {
  // Live: an edit, capture, merge or new touchpoint from any panel shows here at once.
  const buyer = useLiveQuery(() => getBuyer(buyerId).then((b) => b ?? null, () => null), [buyerId]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const suggestions = useAllTags();

  if (buyer === undefined) return <p className="state">{t('loading')}</p>;
  if (buyer === null)
    return (
      <div className="state" data-testid="buyer-detail">
        <p>{t('buyerNotFound')}</p>
        <button type="button" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    );

  const remove = async () => {
    try {
      await deleteBuyer(buyer.id);
      setConfirmDelete(false);
      onBack();
    } catch (e) {
      setConfirmDelete(false);
      setDeleteFailed(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <article className="buyer-detail" data-testid="buyer-detail" aria-labelledby={`buyer-${buyer.id}`}>
      <header className="detail-head">
        <button type="button" className="link" onClick={onBack}>
          ← {t('backToList')}
        </button>
        <button type="button" className="edit-details" data-testid="edit-details" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {editing ? t('closeDetails') : t('editDetails')}
        </button>
      </header>

      {editing ? (
        <section className="section" aria-labelledby={`ed-${buyer.id}`}>
          <h3 id={`ed-${buyer.id}`}>{t('details')}</h3>
          <BuyerEditForm key={buyer.id} buyer={buyer} suggestions={suggestions} />
        </section>
      ) : null}

      <BuyerCard buyer={buyer} />

      <MergeCandidates buyer={buyer} onOpen={onOpenBuyer} />

      <TouchpointLogger buyer={buyer} />

      <section className="section" aria-labelledby={`tl-${buyer.id}`}>
        <h3 id={`tl-${buyer.id}`}>{t('history')}</h3>
        <History buyerId={buyer.id} />
      </section>

      <BuyerHoursSection buyerId={buyer.id} country={buyer.country} />
      <VCardButtons buyerId={buyer.id} name={buyerTitle(buyer)} />

      <section className="section danger-zone">
        <button type="button" className="danger" data-testid="delete-buyer" onClick={() => setConfirmDelete(true)}>
          {t('deleteBuyer')}
        </button>
        {deleteFailed ? (
          <p className="notice bad" role="alert">
            {t('deleteFailed')} <span className="detail">{deleteFailed}</span>
          </p>
        ) : null}
      </section>

      {confirmDelete ? (
        <ConfirmDialog
          title={t('deleteTitle')}
          message={t('deleteConfirm', buyerTitle(buyer))}
          confirmLabel={t('delete')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
    </article>
  );
}
