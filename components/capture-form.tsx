/**
 * What was read from the page, field by field and editable, saved in one click (or Ctrl/Cmd+Enter).
 * The buyer is recognised as the seller types: a buyer already in the book is shown with their
 * timeline and the save goes into them; likely duplicates are proposed with a button, never
 * merged silently. A failed save keeps every edit in the form.
 *
 * The draft is the seller's: a new capture of the same conversation (given as a new `capture`)
 * fills only the fields the seller has not edited, and says so. Each field shows where its value
 * came from; a selection picked from the page (`pick`) goes into its field, normalised.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Capture } from '../lib/capture';
import type { CaptureIssue } from '../lib/capture-repair';
import { countryLabel, platformLabel, t } from '../lib/i18n';
import type { Buyer, Stage } from '../storage/schema';
import { recognise, saveCapture } from '../storage/capture-repo';
import { unstorableFields } from '../storage/storable';
import {
  captureDraft,
  editedFields,
  mergePageDraft,
  readCaptureDraft,
  type CaptureFieldKey,
  type Draft,
  type FieldErrors,
} from './capture-draft';
import { applyPick, PICK_TARGET } from './picked-value';
import { FieldSourceBadge, type FieldSource } from './field-source';
import { CaptureIssues } from './capture-issues';
import type { Pick } from './use-capture';
import { TextField } from './text-field';
import { DateTimeField } from './date-time-field';
import { TagInput } from './tag-input';
import { StageSelect } from './stage-select';
import { KnownBuyerBanner } from './known-buyer-banner';
import { DuplicateCandidate } from './duplicate-candidate';
import { buyerTitle } from './buyer-title';
import { useAllTags } from './use-all-tags';
import { useDebouncedValue } from './use-debounced-value';

type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'invalid' }
  | { kind: 'saved'; buyer: Buyer; created: boolean }
  | { kind: 'error'; detail: string };

interface Recognition {
  buyer: Buyer | null;
  candidates: Buyer[];
}

export interface CaptureFormProps {
  capture: Capture;
  onOpenBuyer: (id: string) => void;
  /** Told after every successful save. */
  onSaved?: (buyer: Buyer) => void;
  /** What the panel's gate changed in the capture (a message clipped...), said above the form. */
  issues?: CaptureIssue[];
  /** A selection sent from the page; `onPickTaken` is told once it is in the draft. */
  pick?: Pick | null;
  onPickTaken?: (seq: number) => void;
  /** Told whether the draft holds edits of the seller's not saved yet (a new buyer then asks first). */
  onEditedChange?: (edited: boolean) => void;
}

type MergeNotice = { updated: number } | null;

/** The identity part of a capture: recognition runs again only when this changes. */
const identityKey = (c: Capture) =>
  JSON.stringify([c.buyer.name, c.buyer.company, c.buyer.emails, c.buyer.phones, c.buyer.whatsapp, c.buyer.wechat,
    c.buyer.linkedin, c.buyer.platformBuyerId, c.platform]);


export function CaptureForm(props: CaptureFormProps) {
  const { onOpenBuyer, onSaved, issues = [], pick, onPickTaken, onEditedChange } = props;
  // `base`: the page's capture the draft stands on; `fromPage`: its text, to tell edits apart.
  const [base, setBase] = useState<Capture>(props.capture);
  const [fromPage, setFromPage] = useState<Draft<CaptureFieldKey>>(() => captureDraft(props.capture));
  const [draft, setDraft] = useState<Draft<CaptureFieldKey>>(fromPage);
  const [picked, setPicked] = useState<ReadonlySet<CaptureFieldKey>>(new Set());
  const [merged, setMerged] = useState<MergeNotice>(null);
  const { capture, errors } = useMemo(() => {
    const read = readCaptureDraft(draft, base);
    // A value the book cannot store is marked with its reason before the save, never dropped by it.
    const errs: FieldErrors<CaptureFieldKey> = { ...read.errors };
    for (const f of unstorableFields(read.capture.buyer)) {
      errs[f] ??= f === 'emails' ? 'errorEmail' : f === 'country' ? 'errorCountry' : 'errorPhone';
    }
    return { capture: read.capture, errors: errs };
  }, [draft, base]);
  const edited = useMemo(() => editedFields(draft, fromPage), [draft, fromPage]);

  // The same conversation read again: the page's new values go where the seller has not edited.
  useEffect(() => {
    if (props.capture === base) return;
    const next = captureDraft(props.capture);
    const m = mergePageDraft(draft, fromPage, next);
    setBase(props.capture);
    setFromPage(next);
    setDraft(m.draft);
    // Said only when the seller has edits to keep; otherwise the form simply shows the page.
    setMerged(edited.length && (m.updated.length || m.keptEdits.length) ? { updated: m.updated.length } : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.capture]);

  // A selection picked from the page goes into its field and counts as the seller's edit.
  useEffect(() => {
    if (!pick) return;
    setDraft((d) => applyPick(d, pick.field, pick.text));
    setPicked((s) => new Set(s).add(PICK_TARGET[pick.field]));
    onPickTaken?.(pick.seq);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pick?.seq]);

  // Edits already saved are in the book: another buyer may replace them without asking.
  const [savedText, setSavedText] = useState<string | null>(null);
  const unsavedEdits = edited.length > 0 && JSON.stringify(draft) !== savedText;
  useEffect(() => {
    onEditedChange?.(unsavedEdits);
  }, [unsavedEdits, onEditedChange]);

  const sourceOf = (k: CaptureFieldKey): FieldSource | undefined => {
    if (!draft[k].trim()) return undefined;
    if (edited.includes(k)) return picked.has(k) ? 'picked' : 'edited';
    return base.sources?.[k];
  };
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  // null = not touched: a known buyer keeps their own tags and stage.
  const [tags, setTags] = useState<string[] | null>(null);
  const [stage, setStage] = useState<Stage | null>(null);
  const suggestions = useAllTags();
  const rootRef = useRef<HTMLElement>(null);

  // Recognise on the canonical capture; lightly debounced so typing an email does not query per
  // key. Live: a save here or in another panel updates the banner at once. The save itself
  // recognises again from the values it saves, so this debounced view never picks the buyer.
  const key = identityKey(capture);
  const settledKey = useDebouncedValue(key, 200);
  const latest = useRef(capture);
  latest.current = capture;
  const recognition: Recognition =
    useLiveQuery(() => recognise(latest.current).catch(() => ({ buyer: null, candidates: [] })), [settledKey]) ??
    { buyer: null, candidates: [] };

  const known = recognition.buyer;
  const candidates = recognition.candidates.filter((c) => c.id !== known?.id);
  const shownTags = tags ?? known?.tags ?? [];
  const shownStage = stage ?? known?.stage ?? 'new';

  const set = (k: CaptureFieldKey) => (text: string) => {
    setDraft((d) => ({ ...d, [k]: text }));
    // Typed over a picked value: the seller's own now.
    setPicked((s) => (s.has(k) ? new Set([...s].filter((x) => x !== k)) : s));
  };

  const save = async (intoId?: string) => {
    if (status.kind === 'saving') return;
    if (Object.keys(errors).length) {
      setStatus({ kind: 'invalid' });
      rootRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      // One transaction: buyer, inquiry, touchpoint, tags and stage. Without a buyer the seller
      // chose, the buyer is recognised from these very values at save time. Tags set here replace
      // the shown (known) buyer's tags; saved into another buyer, they are added to its own.
      const result = await saveCapture(capture, {
        buyerId: intoId,
        tags: tags ?? undefined,
        tagsShownFor: known?.id ?? null,
        stage: stage ?? undefined,
      });
      const buyer = result.buyer;
      setStatus({ kind: 'saved', buyer, created: result.buyerCreated });
      setSavedText(JSON.stringify(draft));
      onSaved?.(buyer);
    } catch (e) {
      setStatus({ kind: 'error', detail: e instanceof Error ? e.message : String(e) });
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  const field = (k: CaptureFieldKey, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => {
    const source = sourceOf(k);
    return (
      <TextField
        label={label}
        value={draft[k]}
        onChange={set(k)}
        testId={`field-${k}`}
        dataValue={k in capture.buyer ? capture.buyer[k as keyof Capture['buyer']] : capture.inquiry[k as keyof Capture['inquiry']]}
        error={errors[k]}
        {...extra}
        hint={
          source && extra.hint ? (
            <>
              <FieldSourceBadge field={k} source={source} /> {extra.hint}
            </>
          ) : source ? (
            <FieldSourceBadge field={k} source={source} />
          ) : (
            extra.hint
          )
        }
      />
    );
  };

  const saving = status.kind === 'saving';
  return (
    <section
      ref={rootRef}
      className="capture-form"
      data-testid="capture-form"
      data-platform={base.platform}
      aria-label={t('captureFormLabel')}
      onKeyDown={onKeyDown}
    >
      <p className="muted source">{t('capturedFrom', platformLabel(base.platform))}</p>
      <CaptureIssues issues={issues} />
      {merged ? (
        <p className="notice ok" role="status" data-testid="draft-merged" data-updated={merged.updated}>
          {merged.updated === 0
            ? t('draftKeptEdits')
            : merged.updated === 1
              ? t('draftMergedOne')
              : t('draftMergedMany', merged.updated)}
        </p>
      ) : null}

      {known ? <KnownBuyerBanner buyer={known} onOpen={onOpenBuyer} /> : null}
      {candidates.map((c) => (
        <DuplicateCandidate key={c.id} buyer={c} onSaveInto={(id) => void save(id)} onOpen={onOpenBuyer} disabled={saving} />
      ))}

      <fieldset>
        <legend>{t('sectionBuyer')}</legend>
        {field('name', t('fieldName'))}
        {field('company', t('fieldCompany'))}
        {field('country', t('fieldCountry'), {
          hint: capture.buyer.country ? countryLabel(capture.buyer.country) : t('countryHint'),
          maxLength: 120,
        })}
        {field('emails', t('fieldEmails'), { multiline: true, hint: t('onePerLine') })}
        {field('phones', t('fieldPhones'), { multiline: true, hint: t('onePerLine') })}
        {field('whatsapp', t('fieldWhatsapp'), { type: 'tel' })}
        {field('wechat', t('fieldWechat'))}
        {field('linkedin', t('fieldLinkedin'), { type: 'url' })}
        {field('website', t('fieldWebsite'), { type: 'url' })}
        {field('platformBuyerId', t('fieldPlatformBuyerId'))}
      </fieldset>

      <fieldset>
        <legend>{t('sectionInquiry')}</legend>
        {field('subject', t('fieldSubject'))}
        {field('productTitle', t('fieldProductTitle'))}
        {field('productId', t('fieldProductId'))}
        <div className="row">
          {field('quantity', t('fieldQuantity'), { inputMode: 'decimal', className: 'grow' })}
          {field('unit', t('fieldUnit'), { className: 'grow' })}
        </div>
        <DateTimeField
          label={t('fieldReceivedAt')}
          value={draft.receivedAt}
          onChange={set('receivedAt')}
          testId="field-receivedAt"
          dataValue={capture.inquiry.receivedAt}
          error={errors.receivedAt}
        />
        <FieldSourceBadge field="receivedAt" source={sourceOf('receivedAt')} />
        {field('platformInquiryId', t('fieldPlatformInquiryId'))}
        {field('message', t('fieldMessage'), { multiline: true, readOnly: true, rows: 6, className: 'message' })}
      </fieldset>

      <fieldset>
        <legend>{t('sectionSave')}</legend>
        <TagInput value={shownTags} onChange={setTags} suggestions={suggestions} testId="capture-tags" />
        <StageSelect value={shownStage} onChange={setStage} testId="capture-stage" />
      </fieldset>

      <div className="save-bar">
        <div role="status" aria-live="polite" className="save-status">
          {status.kind === 'saved' ? (
            <p className="notice ok" data-testid="saved-notice">
              {status.created ? t('savedNew') : t('savedInto', buyerTitle(status.buyer))}{' '}
              <button type="button" className="link" onClick={() => onOpenBuyer(status.buyer.id)}>
                {t('openBuyer')}
              </button>
            </p>
          ) : null}
          {status.kind === 'invalid' ? <p className="notice bad">{t('fixMarkedFields')}</p> : null}
          {status.kind === 'error' ? (
            <p className="notice bad" data-testid="save-error">
              {t('saveFailed')} <span className="detail">{status.detail}</span>
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className="primary"
          data-testid="save-capture"
          disabled={saving}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onClick={() => void save()}
        >
          {saving ? t('saving') : known ? t('saveToKnown', buyerTitle(known)) : t('saveCapture')}
        </button>
      </div>
    </section>
  );
}
