/**
 * The seller's own identity: names, companies, emails and phones that appear on every inquiry
 * page and must never be captured as the buyer's; and the seller's own kinds of contact.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OwnIdentity } from '../storage/schema';
import { readSettings, updateSettings, type SettingsRead } from '../storage/settings-repo';
import { t } from '../lib/i18n';
import { TextField } from './text-field';
import { NextStepSettingsForm } from './next-step-settings';
import { CustomKindsEditor } from './custom-kinds-editor';

type Key = keyof OwnIdentity;
const KEYS: Key[] = ['names', 'companies', 'emails', 'phones'];
const lines = (s: string) => [...new Set(s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];

export function SettingsView({ onSaved }: { onSaved?: () => void }) {
  const [text, setText] = useState<Record<Key, string> | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [detail, setDetail] = useState('');
  // Live, and never silently reset: a stored value that no longer parses is reported.
  const read = useLiveQuery((): Promise<SettingsRead | null> => readSettings().catch(() => null), []);
  const [shown, setShown] = useState<string | null>(null);

  // Show the stored identity; when it changes elsewhere, follow it unless the seller is editing here.
  useEffect(() => {
    if (read === undefined) return;
    const own = read?.settings.ownIdentity ?? { names: [], companies: [], emails: [], phones: [] };
    const next = { names: own.names.join('\n'), companies: own.companies.join('\n'), emails: own.emails.join('\n'), phones: own.phones.join('\n') };
    const key = JSON.stringify(next);
    if (text == null || (shown != null && JSON.stringify(text) === shown)) {
      setText(next);
      setShown(key);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new read from the book moves the form
  }, [read]);

  if (!text) return <p className="state">{t('loading')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('saving');
    try {
      const ownIdentity: OwnIdentity = { names: lines(text.names), companies: lines(text.companies), emails: lines(text.emails), phones: lines(text.phones) };
      await updateSettings({ ownIdentity });
      setStatus('saved');
      onSaved?.();
    } catch (err) {
      setDetail(err instanceof Error ? err.message : String(err));
      setStatus('error');
    }
  };

  const labels: Record<Key, string> = {
    names: t('ownNames'),
    companies: t('ownCompanies'),
    emails: t('ownEmails'),
    phones: t('ownPhones'),
  };

  return (
    <>
      <form className="settings" onSubmit={submit} data-testid="settings-form" aria-labelledby="settings-title">
        <h2 id="settings-title">{t('ownIdentityTitle')}</h2>
        <p className="muted">{t('ownIdentityHelp')}</p>
        {read?.unreadable.includes('ownIdentity') ? (
          <p className="notice bad" role="alert" data-testid="settings-unreadable">
            {t('settingsUnreadable')}
          </p>
        ) : null}
        {KEYS.map((k) => (
          <TextField
            key={k}
            label={labels[k]}
            value={text[k]}
            multiline
            rows={3}
            hint={t('onePerLine')}
            testId={`own-${k}`}
            dataValue={lines(text[k])}
            onChange={(v) => {
              setText({ ...text, [k]: v });
              setStatus('idle');
            }}
          />
        ))}
        <div className="actions" role="status" aria-live="polite">
          <button type="submit" className="primary" data-testid="save-settings" disabled={status === 'saving'}>
            {t('saveSettings')}
          </button>
          {status === 'saved' ? (
            <span className="notice ok" data-testid="settings-saved">
              {t('savedShort')}
            </span>
          ) : null}
          {status === 'error' ? (
            <span className="notice bad">
              {t('saveFailed')} <span className="detail">{detail}</span>
            </span>
          ) : null}
        </div>
      </form>
      <CustomKindsEditor />
      <NextStepSettingsForm />
    </>
  );
}
