/**
 * A labelled text input or textarea. The label is a real <label for>, an error is tied to the
 * input with aria-describedby, and `dataValue` (the canonical value derived from the text) is
 * exposed as `data-value` so tests read what would be saved, not what is typed.
 */
import { useId, type ReactNode } from 'react';
import { t, type MessageKey } from '../lib/i18n';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange?: (text: string) => void;
  testId?: string;
  dataValue?: unknown;
  error?: MessageKey;
  /** One value a line (emails, phones) or long text. */
  multiline?: boolean;
  rows?: number;
  readOnly?: boolean;
  type?: 'text' | 'email' | 'url' | 'tel' | 'search';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel' | 'url';
  hint?: ReactNode;
  placeholder?: string;
  maxLength?: number;
  className?: string;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: props.value,
    readOnly: props.readOnly,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': described,
    'data-testid': props.testId,
    'data-value': props.dataValue === undefined ? undefined : JSON.stringify(props.dataValue),
  };
  return (
    <div className={`field${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea
          {...common}
          rows={props.rows ?? 2}
          spellCheck={false}
          onChange={(e) => props.onChange?.(e.target.value)}
        />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => props.onChange?.(e.target.value)}
        />
      )}
      {props.hint ? (
        <span className="hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span className="error" id={errorId}>
          {t(props.error)}
        </span>
      ) : null}
    </div>
  );
}
