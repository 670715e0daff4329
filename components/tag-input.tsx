/**
 * Tags as removable chips and a text box: Enter or a comma adds the typed tag, Backspace in the
 * empty box removes the last one, and leaving the box keeps what was typed. Known tags are
 * suggested through a datalist.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { t } from '../lib/i18n';

const MAX_TAG = 60;

export interface TagInputProps {
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions?: string[];
  label?: string;
  testId?: string;
}

export function TagInput({ value, onChange, suggestions = [], label, testId }: TagInputProps) {
  const id = useId();
  const [text, setText] = useState('');

  const add = (raw: string) => {
    const tags = raw
      .split(/[,，]/)
      .map((s) => s.trim().slice(0, MAX_TAG))
      .filter((s) => s && !value.includes(s));
    if (tags.length) onChange([...value, ...new Set(tags)]);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && text.trim()) {
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && !text && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="field tag-input" data-testid={testId}>
      <label htmlFor={id}>{label ?? t('fieldTags')}</label>
      {value.length ? (
        <ul className="chips" aria-label={label ?? t('fieldTags')}>
          {value.map((tag) => (
            <li key={tag} className="chip">
              <span>{tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('removeTag', tag)}
                onClick={() => onChange(value.filter((x) => x !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        value={text}
        list={`${id}-list`}
        maxLength={MAX_TAG * 4}
        placeholder={t('tagPlaceholder')}
        autoComplete="off"
        onChange={(e) => {
          const v = e.target.value;
          if (/[,，]/.test(v)) add(v);
          else setText(v);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && add(text)}
      />
      <datalist id={`${id}-list`}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
