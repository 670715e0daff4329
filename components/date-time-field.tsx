/**
 * A moment edited in the user's own time zone (datetime-local) and held as an ISO UTC string,
 * the form every capture uses. The time is also written out in the user's locale beside it.
 */
import { useId } from 'react';
import { formatDateTime, t, type MessageKey } from '../lib/i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-18T09:42:00Z" -> "2026-11-18T17:42" in the browser's zone (datetime-local's format). */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** datetime-local's "2026-11-18T17:42" (local time) -> "2026-11-18T09:42:00Z"; '' when empty. */
export function localInputToIso(local: string): string {
  if (!local) return '';
  const d = new Date(local); // a date-time without zone is local time (ECMA-262 Date.parse)
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface DateTimeFieldProps {
  label: string;
  /** ISO 8601 UTC, or '' for none. */
  value: string;
  onChange?: (iso: string) => void;
  testId?: string;
  dataValue?: unknown;
  error?: MessageKey;
  required?: boolean;
}

export function DateTimeField(props: DateTimeFieldProps) {
  const id = useId();
  const shown = formatDateTime(props.value || null);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="datetime-local"
        value={isoToLocalInput(props.value)}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${id}-hint`}
        data-testid={props.testId}
        data-value={props.dataValue === undefined ? undefined : JSON.stringify(props.dataValue)}
        onChange={(e) => props.onChange?.(localInputToIso(e.target.value))}
      />
      <span className="hint" id={`${id}-hint`}>
        {shown || t('noTime')}
      </span>
      {props.error ? <span className="error">{t(props.error)}</span> : null}
    </div>
  );
}
