import { useState } from 'react';
import type { Touchpoint } from '../storage/schema';
import { channelLabel, directionLabel, formatDateTime, kindLabel, t } from '../lib/i18n';
import { EditTouchpointForm } from './edit-touchpoint-form';

export function TimelineItem({ touchpoint: tp, onDelete }: { touchpoint: Touchpoint; onDelete?: (tp: Touchpoint) => void }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className={`timeline-item dir-${tp.direction}`} data-testid="timeline-item">
        <EditTouchpointForm touchpoint={tp} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className={`timeline-item dir-${tp.direction}`} data-testid="timeline-item">
      <div className="timeline-head">
        <span className="kind">{kindLabel(tp.kind)}</span>
        <span className="meta">
          {channelLabel(tp.channel)} · {directionLabel(tp.direction)}
        </span>
        <time dateTime={new Date(tp.at).toISOString()}>{formatDateTime(tp.at)}</time>
        {onDelete ? (
          <button
            type="button"
            className="icon-button"
            data-testid="edit-touchpoint-button"
            aria-label={`${t('editTouchpoint')}: ${kindLabel(tp.kind)}, ${formatDateTime(tp.at)}`}
            title={t('editTouchpoint')}
            onClick={() => setEditing(true)}
          >
            ✎
          </button>
        ) : null}
        {onDelete ? (
          <button
            type="button"
            className="icon-button"
            data-testid="delete-touchpoint"
            aria-label={`${t('deleteTouchpoint')}: ${kindLabel(tp.kind)}, ${formatDateTime(tp.at)}`}
            title={t('deleteTouchpoint')}
            onClick={() => onDelete(tp)}
          >
            ×
          </button>
        ) : null}
      </div>
      {tp.note ? <p className="note">{tp.note}</p> : null}
    </li>
  );
}
