/** The buyer's inquiries, newest first; the message itself opens on demand, shown as plain text. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Inquiry } from '../storage/schema';
import { listInquiries } from '../storage/inquiries-repo';
import { formatDateTime, platformLabel, t } from '../lib/i18n';

export function InquiryList({ buyerId }: { buyerId: string }) {
  // Live: an inquiry captured or moved in another panel shows at once.
  const items = useLiveQuery(() => listInquiries(buyerId).catch((): Inquiry[] => []), [buyerId]);

  if (!items) return <p className="muted">{t('loading')}</p>;
  if (!items.length) return <p className="muted">{t('inquiriesEmpty')}</p>;
  return (
    <ul className="inquiries">
      {items.map((q) => (
        <li key={q.id} className="inquiry" data-testid="inquiry-item">
          <p className="inquiry-title">{q.subject ?? q.productTitle ?? t('inquiryUntitled')}</p>
          <p className="muted small">
            {[
              platformLabel(q.platform),
              formatDateTime(q.receivedAt ?? q.capturedAt),
              q.quantity != null ? `${q.quantity}${q.unit ? ` ${q.unit}` : ''}` : '',
              q.productTitle && q.subject ? q.productTitle : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {q.message ? (
            <details>
              <summary>{t('showMessage')}</summary>
              <p className="message-text">{q.message}</p>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
