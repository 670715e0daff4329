/**
 * Edit a touchpoint in place, as buyer edits are: only the fields the seller changed are written,
 * onto the entry as it is in the book now; a field also changed elsewhere meanwhile shows both
 * values for the seller to choose (storage/edit-conflicts.ts).
 */
import { useState, type FormEvent } from 'react';
import type { Channel, Touchpoint } from '../storage/schema';
import type { Direction, StoredKind } from '../lib/domain';
import type { FieldConflict } from '../storage/edit-conflicts';
import { editTouchpoint, type EditableTouchpointField } from '../storage/touchpoints-repo';
import { t } from '../lib/i18n';
import { DateTimeField, isoToLocalInput, localInputToIso } from './date-time-field';
import { EditConflicts } from './edit-conflicts';
import { TextField } from './text-field';
import { TouchpointFields } from './touchpoint-fields';

interface Values {
  channel: Channel;
  direction: Direction;
  kind: StoredKind;
  /** As the time field holds it (to the minute): compared as shown, so an untouched time is no change. */
  at: string;
  note: string;
}

const shown = (tp: Touchpoint): Values => ({
  channel: tp.channel,
  direction: tp.direction,
  kind: tp.kind,
  at: localInputToIso(isoToLocalInput(new Date(tp.at).toISOString())),
  note: tp.note,
});

export function TouchpointEditForm(props: { touchpoint: Touchpoint; onDone: () => void }) {
  const [base, setBase] = useState<Touchpoint>(props.touchpoint);
  const [values, setValues] = useState<Values>(() => shown(props.touchpoint));
  const [conflicts, setConflicts] = useState<FieldConflict<EditableTouchpointField>[]>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'error'>('idle');
  const [detail, setDetail] = useState('');
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status === 'saving') return;
    const before = shown(base);
    const edited: Partial<Pick<Touchpoint, EditableTouchpointField>> = {};
    if (values.channel !== before.channel) edited.channel = values.channel;
    if (values.direction !== before.direction) edited.direction = values.direction;
    if (values.kind !== before.kind) edited.kind = values.kind;
    if (values.note.trim() !== before.note) edited.note = values.note.trim();
    if (values.at !== before.at && !Number.isNaN(Date.parse(values.at))) edited.at = Date.parse(values.at);
    setStatus('saving');
    try {
      const r = await editTouchpoint(base.id, base, edited);
      if (r.kind === 'conflict') {
        setConflicts(r.conflicts);
        setStatus('idle');
        return;
      }
      props.onDone();
    } catch (err) {
      setDetail(err instanceof Error ? err.message : String(err));
      setStatus('error');
    }
  };

  const resolve = (c: FieldConflict<EditableTouchpointField>, takeTheirs: boolean) => {
    // Either way the book's value becomes the "before": keeping mine then overwrites it knowingly.
    const next = { ...base, [c.field]: c.theirs } as Touchpoint;
    setBase(next);
    if (takeTheirs && c.field in values) set({ [c.field]: shown(next)[c.field as keyof Values] } as Partial<Values>);
    setConflicts((xs) => xs.filter((x) => x.field !== c.field));
  };

  return (
    <form className="edit-touchpoint" data-testid="edit-touchpoint-form" onSubmit={submit} aria-label={t('editTouchpoint')}>
      <TouchpointFields channel={values.channel} direction={values.direction} kind={values.kind} onChange={set} />
      <DateTimeField label={t('fieldTime')} value={values.at} onChange={(at) => set({ at })} required />
      <TextField label={t('fieldNote')} value={values.note} onChange={(note) => set({ note })} multiline rows={2} maxLength={20_000} />
      <EditConflicts conflicts={conflicts} onKeepMine={(c) => resolve(c as FieldConflict<EditableTouchpointField>, false)} onTakeTheirs={(c) => resolve(c as FieldConflict<EditableTouchpointField>, true)} />
      {status === 'error' ? (
        <p className="notice bad" role="alert">
          {t('saveFailed')} <span className="detail">{detail}</span>
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" data-testid="save-touchpoint" disabled={status === 'saving' || !values.at}>
          {t('saveShort')}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
