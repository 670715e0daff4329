/** The seller's own kinds of contact, offered beside the built-in ones when logging. */
import { useId, useState, type FormEvent } from 'react';
import { addCustomKind, removeCustomKind } from '../storage/settings-repo';
import { t } from '../lib/i18n';
import { useCustomKinds } from './use-custom-kinds';

export function CustomKindsEditor() {
  const id = useId();
  const kinds = useCustomKinds();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<'customKindInvalid' | 'customKindDuplicate' | 'saveFailed' | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      const r = await addCustomKind(name);
      if (r.kind === 'added') setName('');
      else setProblem(r.kind === 'invalid' ? 'customKindInvalid' : 'customKindDuplicate');
    } catch {
      setProblem('saveFailed');
    }
  };

  return (
    <form className="settings custom-kinds" onSubmit={add} data-testid="custom-kinds" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('customKindsTitle')}</h2>
      <p className="muted">{t('customKindsHelp')}</p>
      {kinds.length ? (
        <ul className="chips plain">
          {kinds.map((k) => (
            <li key={k.slug} className="chip" data-testid="custom-kind">
              {k.label}{' '}
              <button
                type="button"
                className="icon-button"
                aria-label={t('customKindRemove', k.label)}
                onClick={() => void removeCustomKind(k.slug).catch(() => setProblem('saveFailed'))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('customKindsEmpty')}</p>
      )}
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>{t('customKindName')}</label>
          <input id={`${id}-name`} data-testid="custom-kind-name" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" data-testid="add-custom-kind" disabled={!name.trim()}>
          {t('customKindAdd')}
        </button>
      </div>
      {problem ? (
        <p className="notice bad" role="alert">
          {t(problem)}
        </p>
      ) : null}
    </form>
  );
}
