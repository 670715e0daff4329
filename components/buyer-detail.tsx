/** One buyer: fields, timeline with "add touchpoint", inquiries, likely duplicates, delete. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
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
import { BuyerHoursSection } from './buyer-hours-form';
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
}

export function BuyerDetail({ buyerId, onBack, onOpenBuyer }: BuyerDetailProps) {
  // Live: an edit, capture, merge or new touchpoint from any panel shows here at once.
  const buyer = useLiveQuery(() => getBuyer(buyerId).then((b) => b ?? null, () => null), [buyerId]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState<string | null>(null);
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
        <h2 id={`buyer-${buyer.id}`}>{buyerTitle(buyer)}</h2>
        {buyer.lastContactAt ? <p className="muted small">{t('lastContact', formatDate(buyer.lastContactAt))}</p> : null}
      </header>

      <MergeCandidates buyer={buyer} onOpen={onOpenBuyer} />

      <section className="section" aria-labelledby={`tl-${buyer.id}`}>
        <h3 id={`tl-${buyer.id}`}>{t('timeline')}</h3>
        <AddTouchpointForm buyerId={buyer.id} defaultChannel={likelyChannel(buyer)} />
        <Timeline buyerId={buyer.id} />
      </section>

      <section className="section" aria-labelledby={`inq-${buyer.id}`}>
        <h3 id={`inq-${buyer.id}`}>{t('inquiries')}</h3>
        <InquiryList buyerId={buyer.id} />
      </section>

      <section className="section" aria-labelledby={`ed-${buyer.id}`}>
        <h3 id={`ed-${buyer.id}`}>{t('details')}</h3>
        <BuyerEditForm key={buyer.id} buyer={buyer} suggestions={suggestions} />
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
