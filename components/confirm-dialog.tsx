/**
 * A modal question with two answers. Focus moves into it (to the safe answer), Tab stays inside,
 * Escape cancels, and focus returns to where it was when it closes.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { t } from '../lib/i18n';

export interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  busy?: boolean;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const id = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    cancelRef.current?.focus();
    return () => before?.focus?.();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
    } else if (e.key === 'Tab') {
      const buttons = Array.from(boxRef.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? []);
      const first = buttons[0];
      const last = buttons[buttons.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onCancel()}>
      <div
        ref={boxRef}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-msg`}
        onKeyDown={onKeyDown}
        data-testid="confirm-dialog"
      >
        <h2 id={`${id}-title`}>{props.title}</h2>
        <p id={`${id}-msg`}>{props.message}</p>
        <div className="actions">
          <button type="button" ref={cancelRef} onClick={props.onCancel}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className={props.danger ? 'danger' : 'primary'}
            onClick={props.onConfirm}
            disabled={props.busy}
            data-testid="confirm-yes"
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
