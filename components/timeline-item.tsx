import type { Touchpoint } from '../storage/schema';
import { channelLabel, directionLabel, formatDateTime, kindLabel } from '../lib/i18n';

export function TimelineItem({ touchpoint: tp }: { touchpoint: Touchpoint }) {
  return (
    <li className={`timeline-item dir-${tp.direction}`} data-testid="timeline-item">
      <div className="timeline-head">
        <span className="kind">{kindLabel(tp.kind)}</span>
        <span className="meta">
          {channelLabel(tp.channel)} · {directionLabel(tp.direction)}
        </span>
        <time dateTime={new Date(tp.at).toISOString()}>{formatDateTime(tp.at)}</time>
      </div>
      {tp.note ? <p className="note">{tp.note}</p> : null}
    </li>
  );
}
