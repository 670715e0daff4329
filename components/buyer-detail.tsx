/** One buyer: fields, timeline with "add touchpoint", inquiries, likely duplicates, delete. */
import { useCallback, useEffect, useState } from 'react';
import type { Buyer, Channel } from '../storage/schema';
import { deleteBuyer, getBuyer } from '../storage/buyers-repo';
import { formatDate, t } from '../lib/i18n';
import { buyerTitle } from './buyer-title';
import { BuyerEditForm } from './buyer-edit-form';
import { Timeline } from './timeline';
import { AddTouchpointForm } from './add-touchpoint-form';
import { InquiryList } from './inquiry-list';
import { MergeCandidates } from './merge-candidates';
import { ConfirmDialog } from './confirm-dialog';
import { useAllTags } from './use-all-tags';
import { VCardButtons } from './vcard-button';

/** The channel a new touchpoint most likely uses: the first one the seller owns with this buyer. */
function likelyChannel(b: Buyer): Channel {
  if (b.whatsapp) return 'whatsapp';
  if (b.emails.length) return 'email';
  if (b.wechat) return 'wechat';
  const p = b.platformIds[0]?.platform;
  if (p === 'alibaba' || p === 'made-in-china' || p === 'global-sources') return p;
  return 'email';
}

export interface BuyerDetailProps {
  buyerId: string;
  onBack: () => void;
  onOpenBuyer: (id: string) => void;
  /** Told when the book changed (saved, merged, deleted), so lists read again. */
  onChanged?: () => void;
}

export function BuyerDetail({ buyerId, onBack, onOpenBuyer, onChanged }: BuyerDetailProps) {
  const [buyer, setBuyer] = useState<Buyer | null | undefined>(undefined);
  // Bumped when the buyer changed under the form (a merge): the form then starts from the new record.
  const [formKey, setFormKey] = useState(0);
  const [timelineKey, setTimelineKey] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState<string | null>(null);
  const suggestions = useAllTags(formKey);

  const reload = useCallback(async () => {
    const b = await getBuyer(buyerId).catch(() => undefined);
    setBuyer(b ?? null);
    return b;
  }, [buyerId]);

  useEffect(() => {
    setBuyer(undefined);
    void reload();
  }, [reload]);

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
      onChanged?.();
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
        <h2 id={`buyer-${buyer.id}`}>{buyerTitle(buyer)}</h2>
        {buyer.lastContactAt ? <p className="muted small">{t('lastContact', formatDate(buyer.lastContactAt))}</p> : null}
      </header>

      <MergeCandidates
        buyer={buyer}
        onOpen={onOpenBuyer}
        onMerged={(kept) => {
          setBuyer(kept);
          setFormKey((n) => n + 1);
          setTimelineKey((n) => n + 1);
          onChanged?.();
        }}
      />

      <section className="section" aria-labelledby={`tl-${buyer.id}`}>
        <h3 id={`tl-${buyer.id}`}>{t('timeline')}</h3>
        <AddTouchpointForm
          buyerId={buyer.id}
          defaultChannel={likelyChannel(buyer)}
          onAdded={() => {
            setTimelineKey((n) => n + 1);
            void reload();
            onChanged?.();
          }}
        />
        <Timeline
          buyerId={buyer.id}
          reloadKey={timelineKey}
          onDeleted={() => {
            void reload();
            onChanged?.();
          }}
        />
      </section>

      <section className="section" aria-labelledby={`inq-${buyer.id}`}>
        <h3 id={`inq-${buyer.id}`}>{t('inquiries')}</h3>
        <InquiryList buyerId={buyer.id} reloadKey={timelineKey} />
      </section>

      <section className="section" aria-labelledby={`ed-${buyer.id}`}>
        <h3 id={`ed-${buyer.id}`}>{t('details')}</h3>
        <BuyerEditForm
          key={`${buyer.id}:${formKey}`}
          buyer={buyer}
          suggestions={suggestions}
          onSaved={(b) => {
            setBuyer(b);
            onChanged?.();
          }}
        />
      </section>

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
