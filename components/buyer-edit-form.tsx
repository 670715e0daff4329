/**
 * Every field of a buyer, editable: channels are normalised as a capture's are (E.164, ISO
 * country, lower-case emails) and a value that does not normalise is marked, not dropped.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { Buyer, Stage } from '../storage/schema';
import { updateBuyer } from '../storage/buyers-repo';
import { countryLabel, platformLabel, t } from '../lib/i18n';
import { buyerDraft, readBuyerDraft, type BuyerFieldKey, type Draft } from './capture-draft';
import { TextField } from './text-field';
import { TagInput } from './tag-input';
import { StageSelect } from './stage-select';

export function BuyerEditForm(props: { buyer: Buyer; suggestions: string[]; onSaved: (b: Buyer) => void }) {
  const { buyer } = props;
  const [draft, setDraft] = useState<Draft<BuyerFieldKey>>(() => buyerDraft(buyer));
  const [tags, setTags] = useState(buyer.tags);
  const [stage, setStage] = useState<Stage>(buyer.stage);
  const [notes, setNotes] = useState(buyer.notes);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'invalid' | 'error'>('idle');
  const [detail, setDetail] = useState('');
  const { values, errors } = useMemo(() => readBuyerDraft(draft), [draft]);

  const set = (k: BuyerFieldKey) => (text: string) => {
    setDraft((d) => ({ ...d, [k]: text }));
    setStatus((s) => (s === 'saved' ? 'idle' : s));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status === 'saving') return;
    if (Object.keys(errors).length) return setStatus('invalid');
    setStatus('saving');
    try {
      const saved = await updateBuyer(buyer.id, { ...values, tags, stage, notes });
      setStatus('saved');
      props.onSaved(saved);
    } catch (err) {
      setDetail(err instanceof Error ? err.message : String(err));
      setStatus('error');
    }
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
      <TagInput value={tags} onChange={setTags} suggestions={props.suggestions} />
      <StageSelect value={stage} onChange={setStage} />
      <TextField label={t('fieldNotes')} value={notes} onChange={setNotes} multiline rows={3} maxLength={20_000} />
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
