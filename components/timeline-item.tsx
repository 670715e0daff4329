/** One touchpoint: what happened (the seller's own kinds by their name), channel, direction, when, note. */
import type { ReactNode } from 'react';
import type { Touchpoint } from '../storage/schema';
import type { CustomKindDef } from '../lib/domain';
import { channelLabel, directionLabel, formatDateTime, storedKindLabel, t } from '../lib/i18n';

export function TimelineItem({
  touchpoint: tp,
  custom = [],
  onEdit,
  onDelete,
  children,
}: {
  touchpoint: Touchpoint;
  custom?: readonly CustomKindDef[];
  onEdit?: (tp: Touchpoint) => void;
  onDelete?: (tp: Touchpoint) => void;
  /** Shown under the note: the inquiry a touchpoint of kind "inquiry" logged. */
  children?: ReactNode;
}) {
  const what = `${storedKindLabel(tp.kind, custom)}, ${formatDateTime(tp.at)}`;
  return (
    <li className={`timeline-item dir-${tp.direction}`} data-testid="timeline-item" data-kind={tp.kind}>
      <div className="timeline-head">
        <span className="kind">{storedKindLabel(tp.kind, custom)}</span>
        <span className="meta">
          {channelLabel(tp.channel)} · {directionLabel(tp.direction)}
        </span>
        <time dateTime={new Date(tp.at).toISOString()}>{formatDateTime(tp.at)}</time>
        {onEdit ? (
          <button
            type="button"
            className="icon-button"
            data-testid="edit-touchpoint"
            aria-label={`${t('editTouchpoint')}: ${what}`}
            title={t('editTouchpoint')}
            onClick={() => onEdit(tp)}
          >
            ✎
          </button>
        ) : null}
        {onDelete ? (
          <button
            type="button"
            className="icon-button"
            data-testid="delete-touchpoint"
            aria-label={`${t('deleteTouchpoint')}: ${what}`}
            title={t('deleteTouchpoint')}
            onClick={() => onDelete(tp)}
          >
            ×
          </button>
        ) : null}
      </div>
      {tp.note && !children ? <p className="note">{tp.note}</p> : null}
      {children}
    </li>
  );
}
