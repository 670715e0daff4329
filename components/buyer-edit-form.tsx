/**
 * Every field of a buyer, editable: channels are normalised as a capture's are (E.164, ISO
 * country, lower-case emails) and a value that does not normalise, or that the book cannot store,
 * is marked, not dropped. The form follows the live buyer: a field the seller has not touched
 * takes a change made elsewhere at once; saving writes only the touched fields, and a touched
 * field changed elsewhere meanwhile shows both values for the seller to choose.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Buyer, Stage } from '../storage/schema';
import { saveBuyerEdit } from '../storage/buyers-repo';
import type { FieldConflict } from '../storage/edit-conflicts';
import { unstorableFields } from '../storage/storable';
import { countryLabel, platformLabel, t } from '../lib/i18n';
import { BUYER_FIELDS, buyerDraft, readBuyerDraft, type BuyerFieldKey, type Draft, type FieldErrors } from './capture-draft';
import { TextField } from './text-field';
import { TagInput } from './tag-input';
import { StageSelect } from './stage-select';
import { EditConflicts } from './edit-conflicts';

interface EditState {
  draft: Draft<BuyerFieldKey>;
  tags: string[];
  stage: Stage;
  notes: string;
}
type Extra = 'tags' | 'stage' | 'notes';
const EXTRA: Extra[] = ['tags', 'stage', 'notes'];

const stateOf = (b: Buyer): EditState => ({ draft: buyerDraft(b), tags: b.tags, stage: b.stage, notes: b.notes });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `edit` with every field still as in `from` (untouched) set to its value in `to`. */
function follow(edit: EditState, from: Buyer, to: Buyer): { edit: EditState; base: Buyer } {
  const a = stateOf(from);
  const b = stateOf(to);
  const draft = { ...edit.draft };
  const base: Record<string, unknown> = { ...from, id: to.id, updatedAt: to.updatedAt, lastContactAt: to.lastContactAt };
  for (const k of BUYER_FIELDS) {
    if (edit.draft[k] === a.draft[k]) {
      draft[k] = b.draft[k];
      base[k] = to[k];
    }
  }
  const next: EditState = { ...edit, draft };
  for (const k of EXTRA) {
    if (same(edit[k], a[k])) {
      (next as unknown as Record<string, unknown>)[k] = b[k];
      base[k] = to[k];
    }
  }
  // Fields the form does not edit always follow.
  base.platformIds = to.platformIds;
  return { edit: next, base: base as Buyer };
}

export function BuyerEditForm(props: { buyer: Buyer; suggestions: string[]; onSaved?: (b: Buyer) => void }) {
  const { buyer } = props;
  // The buyer as the form's values were based on, field by field: the "before" of a conflict check.
  const [base, setBase] = useState<Buyer>(buyer);
  const [edit, setEdit] = useState<EditState>(() => stateOf(buyer));
  const [conflicts, setConflicts] = useState<FieldConflict[]>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'invalid' | 'error' | 'conflict'>('idle');
  const [detail, setDetail] = useState('');
  const { draft, tags, stage, notes } = edit;
  const { values, errors } = useMemo(() => {
    const read = readBuyerDraft(draft);
    const errs: FieldErrors<BuyerFieldKey> = { ...read.errors };
    for (const f of unstorableFields(read.values)) {
      errs[f] ??= f === 'emails' ? 'errorEmail' : f === 'country' ? 'errorCountry' : 'errorPhone';
    }
    return { values: read.values, errors: errs };
  }, [draft]);

  // The buyer changed in the book (this or another panel, a capture, a merge): follow it.
  useEffect(() => {
    if (same(buyer, base)) return;
    const next = follow(edit, base, buyer);
    setEdit(next.edit);
    setBase(next.base);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new buyer from the book moves the form
  }, [buyer]);

  const update = (patch: Partial<EditState>) => {
    setEdit((e) => ({ ...e, ...patch }));
    setStatus((s) => (s === 'saved' ? 'idle' : s));
  };
  const set = (k: BuyerFieldKey) => (text: string) => update({ draft: { ...draft, [k]: text } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status === 'saving') return;
    if (Object.keys(errors).length) return setStatus('invalid');
    setStatus('saving');
    try {
      const r = await saveBuyerEdit(buyer.id, base, { ...values, tags, stage, notes });
      if (r.kind === 'conflict') {
        setConflicts(r.conflicts);
        setStatus('conflict');
        return;
      }
      setConflicts([]);
      setBase(r.buyer);
      setEdit(stateOf(r.buyer));
      setStatus('saved');
      props.onSaved?.(r.buyer);
    } catch (err) {
      setDetail(err instanceof Error ? err.message : String(err));
      setStatus('error');
    }
  };

  const resolve = (c: FieldConflict, takeTheirs: boolean) => {
    // Either way the book's value becomes the "before": keeping mine then overwrites it knowingly.
    setBase((b) => ({ ...b, [c.field]: c.theirs }));
    if (takeTheirs) {
      const theirs = stateOf({ ...buyer, [c.field]: c.theirs } as Buyer);
      if ((BUYER_FIELDS as readonly string[]).includes(c.field)) {
        const k = c.field as BuyerFieldKey;
        setEdit((e) => ({ ...e, draft: { ...e.draft, [k]: theirs.draft[k] } }));
      } else if ((EXTRA as string[]).includes(c.field)) {
        setEdit((e) => ({ ...e, [c.field]: theirs[c.field as Extra] }));
      }
    }
    setConflicts((xs) => xs.filter((x) => x.field !== c.field));
    setStatus('idle');
  };

  const field = (k: BuyerFieldKey, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField label={label} value={draft[k]} onChange={set(k)} error={errors[k]} testId={`buyer-field-${k}`} dataValue={values[k]} {...extra} />
  );

  return (
    <form className="buyer-edit" onSubmit={submit} aria-label={t('editBuyer')}>
      {field('name', t('fieldName'))}
      {field('company', t('fieldCompany'))}
      {field('country', t('fieldCountry'), { hint: values.country ? countryLabel(values.country) : t('countryHint') })}
      {field('emails', t('fieldEmails'), { multiline: true, hint: t('onePerLine') })}
      {field('phones', t('fieldPhones'), { multiline: true, hint: t('onePerLine') })}
      {field('whatsapp', t('fieldWhatsapp'), { type: 'tel' })}
      {field('wechat', t('fieldWechat'))}
      {field('linkedin', t('fieldLinkedin'), { type: 'url' })}
      {field('website', t('fieldWebsite'), { type: 'url' })}
      {buyer.platformIds.length ? (
        <div className="field">
          <span className="label">{t('fieldPlatformIds')}</span>
          <ul className="plain">
            {buyer.platformIds.map((p) => (
              <li key={`${p.platform}:${p.id}`}>
                {platformLabel(p.platform)}: <code>{p.id}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TagInput value={tags} onChange={(x) => update({ tags: x })} suggestions={props.suggestions} />
      <StageSelect value={stage} onChange={(x) => update({ stage: x })} />
      <TextField label={t('fieldNotes')} value={notes} onChange={(x) => update({ notes: x })} multiline rows={3} maxLength={20_000} testId="buyer-field-notes" />
      <EditConflicts conflicts={conflicts} onKeepMine={(c) => resolve(c, false)} onTakeTheirs={(c) => resolve(c, true)} />
      <div className="actions" role="status" aria-live="polite">
        <button type="submit" className="primary" data-testid="save-buyer" disabled={status === 'saving'}>
          {t('saveBuyer')}
        </button>
        {status === 'saved' ? <span className="notice ok">{t('savedShort')}</span> : null}
        {status === 'invalid' ? <span className="notice bad">{t('fixMarkedFields')}</span> : null}
        {status === 'error' ? (
          <span className="notice bad">
            {t('saveFailed')} <span className="detail">{detail}</span>
          </span>
        ) : null}
      </div>
    </form>
  );
}
