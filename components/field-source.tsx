/**
 * Where a field's value came from, beside the field: read from page data, a known place on the
 * page, a labelled field, the message text, a mail signature or a chat line, picked from the page
 * by the seller, or typed by them. Values read from free text are marked for the seller to check:
 * a reader that guesses from prose is right less often than one that reads a labelled field.
 */
import { t, type MessageKey } from '../lib/i18n';
import type { RawCapture } from '../lib/capture';

export type FieldSource = NonNullable<NonNullable<RawCapture['sources']>[string]> | 'edited';

const LABELS: Record<FieldSource, MessageKey> = {
  'page-data': 'sourcePageData',
  selector: 'sourceSelector',
  label: 'sourceLabel',
  text: 'sourceText',
  signature: 'sourceSignature',
  chat: 'sourceChat',
  picked: 'sourcePicked',
  edited: 'sourceEdited',
};

/** Sources read from prose, which the seller should look at before saving. */
export const NEEDS_CHECK: ReadonlySet<FieldSource> = new Set(['text', 'signature', 'chat']);

export function FieldSourceBadge({ field, source }: { field: string; source: FieldSource | undefined }) {
  if (!source || !(source in LABELS)) return null;
  const check = NEEDS_CHECK.has(source);
  return (
    <span
      className={`field-source${check ? ' check' : ''}`}
      data-testid={`source-${field}`}
      data-source={source}
      data-check={check ? 'true' : undefined}
    >
      {t(LABELS[source])}
    </span>
  );
}
