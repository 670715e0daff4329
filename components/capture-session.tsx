/**
 * The draft is the seller's. Every capture of the panel's tab arrives here: the same
 * conversation read again (a new chat line, a re-render, "capture again") goes into the open form,
 * which fills only what the seller has not edited; another buyer (the seller opened another
 * thread) replaces a draft without edits, and asks first before replacing one with edits.
 */
import { useEffect, useRef, useState } from 'react';
import type { Capture } from '../lib/capture';
import type { CaptureIssue } from '../lib/capture-repair';
import { sameConversation } from '../lib/same-conversation';
import { t } from '../lib/i18n';
import type { Buyer } from '../storage/schema';
import { CaptureForm } from './capture-form';
import type { Pick } from './use-capture';

export interface CaptureSessionProps {
  capture: Capture;
  issues: CaptureIssue[];
  pick: Pick | null;
  onPickTaken: (seq: number) => void;
  /** Told whether the open draft holds the seller's edits. */
  onEditedChange?: (edited: boolean) => void;
  onOpenBuyer: (id: string) => void;
  onSaved?: (buyer: Buyer) => void;
}

interface Shown {
  capture: Capture;
  issues: CaptureIssue[];
  /** A new form (fresh draft, tags, stage, status) for each new buyer. */
  generation: number;
}

export function CaptureSession({ capture, issues, pick, onPickTaken, onEditedChange, onOpenBuyer, onSaved }: CaptureSessionProps) {
  const [shown, setShown] = useState<Shown>({ capture, issues, generation: 0 });
  const [pending, setPending] = useState<{ capture: Capture; issues: CaptureIssue[] } | null>(null);
  const edited = useRef(false);

  // Runs for each capture the page sends; `shown` is read as it is when that capture arrives.
  useEffect(() => {
    if (shown.capture === capture) return;
    if (sameConversation(shown.capture, capture)) {
      setPending(null);
      setShown({ capture, issues, generation: shown.generation });
    } else if (edited.current) {
      setPending({ capture, issues });
    } else {
      setPending(null);
      setShown({ capture, issues, generation: shown.generation + 1 });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [capture, issues]);

  const replace = () => {
    if (!pending) return;
    edited.current = false;
    onEditedChange?.(false);
    setShown((s) => ({ ...pending, generation: s.generation + 1 }));
    setPending(null);
  };

  return (
    <>
      {pending ? (
        <div className="notice replace-draft" role="alertdialog" aria-labelledby="replace-draft-q" data-testid="replace-draft">
          <p id="replace-draft-q">{t('replaceDraftQuestion')}</p>
          <div className="actions">
            <button type="button" onClick={() => setPending(null)} data-testid="replace-draft-no">
              {t('replaceDraftNo')}
            </button>
            <button type="button" className="primary" onClick={replace} data-testid="replace-draft-yes">
              {t('replaceDraftYes')}
            </button>
          </div>
        </div>
      ) : null}
      <CaptureForm
        key={shown.generation}
        capture={shown.capture}
        issues={shown.issues}
        pick={pick}
        onPickTaken={onPickTaken}
        onEditedChange={(e: boolean) => {
          edited.current = e;
          onEditedChange?.(e);
        }}
        onOpenBuyer={onOpenBuyer}
        onSaved={onSaved}
      />
    </>
  );
}
