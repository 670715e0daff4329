/**
 * The choice shown when a field the seller edited was changed elsewhere meanwhile (another panel,
 * a capture, a merge): both values side by side, "keep mine" or "take theirs", per field.
 */
import type { FieldConflict } from '../storage/edit-conflicts';
import { channelLabel, directionLabel, formatDateTime, stageLabel, storedKindLabel, t, type MessageKey } from '../lib/i18n';
import type { Channel, Direction, StoredKind } from '../lib/domain';
import type { Stage } from '../storage/schema';
import { CAPTURE_FIELD_LABELS } from './capture-field-labels';

// The buyer's own fields carry the capture form's labels; the rest are the edit forms' own.
const LABELS: Record<string, MessageKey> = {
  ...CAPTURE_FIELD_LABELS,
  platformIds: 'fieldPlatformIds',
  tags: 'fieldTags',
  stage: 'fieldStage',
  notes: 'fieldNotes',
  // A touchpoint's fields.
  channel: 'fieldChannel',
  direction: 'fieldDirection',
  kind: 'fieldKind',
  at: 'fieldTime',
  note: 'fieldNote',
  timeZone: 'timeZone',
};

function show(field: string, v: unknown): string {
  if (v == null || (Array.isArray(v) && v.length === 0) || v === '') return '—';
  if (field === 'stage') return stageLabel(v as Stage);
  if (field === 'channel') return channelLabel(v as Channel);
  if (field === 'direction') return directionLabel(v as Direction);
  if (field === 'kind') return storedKindLabel(v as StoredKind);
  if (field === 'at' && typeof v === 'number') return formatDateTime(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? Object.values(x as object).join(':') : String(x))).join(', ');
  return String(v);
}

export function EditConflicts(props: {
  conflicts: FieldConflict[];
  onKeepMine: (c: FieldConflict) => void;
  onTakeTheirs: (c: FieldConflict) => void;
}) {
  if (!props.conflicts.length) return null;
  return (
    <section className="notice bad conflicts" role="alert" data-testid="edit-conflict" aria-label={t('conflictTitle')}>
      <p>
        <strong>{t('conflictTitle')}</strong> {t('conflictHelp')}
      </p>
      <ul className="plain">
        {props.conflicts.map((c) => (
          <li key={c.field} data-testid={`conflict-${c.field}`}>
            <span className="label">{LABELS[c.field] ? t(LABELS[c.field]!) : c.field}</span>
            <div>
              {t('conflictMine')}: <span data-testid="conflict-mine">{show(c.field, c.mine)}</span>{' '}
              <button type="button" data-testid="keep-mine" onClick={() => props.onKeepMine(c)}>
                {t('conflictKeepMine')}
              </button>
            </div>
            <div>
              {t('conflictTheirs')}: <span data-testid="conflict-theirs">{show(c.field, c.theirs)}</span>{' '}
              <button type="button" data-testid="take-theirs" onClick={() => props.onTakeTheirs(c)}>
                {t('conflictTakeTheirs')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
