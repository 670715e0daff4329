/**
 * Edit a timeline entry in place: what happened, channel, direction, time and note. Only the
 * fields the seller changed are written, against the entry as it is in the book now; a field
 * changed elsewhere meanwhile shows both values to choose from (as the buyer form does).
 */
import { useState, type FormEvent } from 'react';
import type { Touchpoint } from '../storage/schema';
import { editTouchpoint, type EditableTouchpointField } from '../storage/touchpoints-repo';
import type { FieldConflict } from '../storage/edit-conflicts';
import { t } from '../lib/i18n';
import { TouchpointKindFields, type TouchpointKindValues } from './touchpoint-kind-fields';
import { DateTimeField, isoToLocalInput, localInputToIso } from './date-time-field';
import { TextField } from './text-field';
import { EditConflicts } from './edit-conflicts';

const isoOf = (at: number) => localInputToIso(isoToLocalInput(new Date(at).toISOString()));

export function EditTouchpointForm(props: { touchpoint: Touchpoint; onDone: () => void }) {
  const [base, setBase] = useState<Touchpoint>(props.touchpoint);
  const [kinds, setKinds] = useState<TouchpointKindValues>({ channel: base.channel, direction: base.direction, kind: base.kind });
  // The time as shown (to the minute): written only when the seller changed it.
  const shownAt = isoOf(base.at);
  const [at, setAt] = useState(shownAt);
  const [note, setNote] = useState(base.note);
  const [conflicts, setConflicts] = useState<FieldConflict[]>([]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const edited: Partial<Pick<Touchpoint, EditableTouchpointField>> = { ...kinds, note: note.trim() };
    if (at !== shownAt) {
      const when = Date.parse(at);
      if (Number.isNaN(when)) return;
      edited.at = when;
    }
    setBusy(true);
    setFailed(null);
    try {
      const r = await editTouchpoint(base.id, base, edited);
      if (r.kind === 'conflict') setConflicts(r.conflicts);
      else props.onDone();
    } catch (err) {
      setFailed(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const resolve = (c: FieldConflict, takeTheirs: boolean) => {
    setBase((b) => ({ ...b, [c.field]: c.theirs }));
    if (takeTheirs) {
      const v = c.theirs;
      if (c.field === 'channel' || c.field === 'direction' || c.field === 'kind') setKinds((k) => ({ ...k, [c.field]: v }));
      if (c.field === 'note') setNote(String(v ?? ''));
      if (c.field === 'at') setAt(isoOf(Number(v)));
    }
    setConflicts((xs) => xs.filter((x) => x.field !== c.field));
  };

  return (
    <form className="add-touchpoint" data-testid="edit-touchpoint" onSubmit={submit} aria-label={t('editTouchpoint')}>
      <TouchpointKindFields {...kinds} onChange={(k) => setKinds((x) => ({ ...x, ...k }))} />
      <DateTimeField label={t('fieldTime')} value={at} onChange={setAt} required />
      <TextField label={t('fieldNote')} value={note} onChange={setNote} multiline rows={2} maxLength={20_000} testId="edit-touchpoint-note" />
      <EditConflicts conflicts={conflicts} onKeepMine={(c) => resolve(c, false)} onTakeTheirs={(c) => resolve(c, true)} />
      {failed ? (
        <p className="notice bad" role="alert">
          {t('saveFailed')} <span className="detail">{failed}</span>
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" data-testid="save-touchpoint" disabled={busy || !at}>
          {t('saveTouchpoint')}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
