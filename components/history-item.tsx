/**
 * One entry of a buyer's history: a touchpoint (edited in place, deleted with an undo), an
 * inquiry with the product and quantity asked for (its message on demand, as plain text), or a
 * change of stage with its reason.
 */
import type { Inquiry } from '../storage/schema';
import type { HistoryEntry } from '../storage/buyer-history';
import type { CustomKindDef } from '../lib/domain';
import { formatDateTime, platformLabel, stageLabel, t } from '../lib/i18n';
import { TimelineItem } from './timeline-item';
import { TouchpointEditForm } from './touchpoint-edit-form';
import type { Touchpoint } from '../storage/schema';

function InquiryDetails({ q }: { q: Inquiry }) {
  const quantity = q.quantity != null ? `${q.quantity}${q.unit ? ` ${q.unit}` : ''}` : '';
  return (
    <div className="inquiry" data-testid="inquiry-item">
      <p className="inquiry-title">{q.subject ?? q.productTitle ?? t('inquiryUntitled')}</p>
      <p className="muted small" data-testid="inquiry-product">
        {[platformLabel(q.platform), q.productTitle && q.subject ? q.productTitle : '', quantity].filter(Boolean).join(' · ')}
      </p>
      {q.message ? (
        <details>
          <summary>{t('showMessage')}</summary>
          <p className="message-text">{q.message}</p>
        </details>
      ) : null}
    </div>
  );
}

export function HistoryItem(props: {
  entry: HistoryEntry;
  custom: readonly CustomKindDef[];
  editing: boolean;
  onEdit: (tp: Touchpoint | null) => void;
  onDelete: (tp: Touchpoint) => void;
}) {
  const e = props.entry;
  if (e.type === 'touchpoint') {
    if (props.editing)
      return (
        <li className="timeline-item editing">
          <TouchpointEditForm touchpoint={e.touchpoint} onDone={() => props.onEdit(null)} />
        </li>
      );
    return (
      // The entry of a captured inquiry is the record of what the buyer asked, not a contact
      // logged by hand: it is edited (its note, its time), not deleted from here.
      <TimelineItem touchpoint={e.touchpoint} custom={props.custom} onEdit={props.onEdit} onDelete={e.inquiry ? undefined : props.onDelete}>
        {e.inquiry ? <InquiryDetails q={e.inquiry} /> : null}
      </TimelineItem>
    );
  }
  if (e.type === 'inquiry')
    return (
      <li className="timeline-item dir-in history-inquiry" data-testid="history-inquiry">
        <div className="timeline-head">
          <span className="kind">{t('historyInquiry', platformLabel(e.inquiry.platform))}</span>
          <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
        </div>
        <InquiryDetails q={e.inquiry} />
      </li>
    );
  const c = e.change;
  return (
    <li className="timeline-item stage-change" data-testid="stage-change">
      <div className="timeline-head">
        <span className="kind">{t('stageChanged', stageLabel(c.from), stageLabel(c.to))}</span>
        <time dateTime={new Date(c.at).toISOString()}>{formatDateTime(c.at)}</time>
      </div>
      {c.reason ? <p className="note">{c.reason}</p> : null}
    </li>
  );
}
