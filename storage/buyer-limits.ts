/**
 * Limits never refuse a save or a merge (issue 9): a list past its cap keeps its newest values
 * (the end of the list: values are appended as they arrive) and the older ones are written into
 * the notes; a text past its cap is clipped with a marker, the whole value kept in the notes; the
 * notes themselves are clipped last, with a marker. The caps are the schema's (storage/schema.ts);
 * tests/unit/storage/buyer-limits.test.ts checks that a fitted buyer always passes it.
 */
import { t, type MessageKey } from '../lib/i18n';
import { linkedinHref, websiteHref } from '../lib/channel-links';
import type { Buyer } from './schema';

export const LIST_CAP = 50;
export const NOTES_CAP = 20_000;
const EMAIL_CAP = 320;
const TAG_CAP = 60;
const TEXT_CAPS = { name: 300, company: 300, wechat: 80, linkedin: 500, website: 500 } as const;

const LABEL: Record<'emails' | 'phones' | 'platformIds' | 'tags' | keyof typeof TEXT_CAPS, MessageKey> = {
  emails: 'fieldEmails',
  phones: 'fieldPhones',
  platformIds: 'fieldPlatformIds',
  tags: 'fieldTags',
  name: 'fieldName',
  company: 'fieldCompany',
  wechat: 'fieldWechat',
  linkedin: 'fieldLinkedin',
  website: 'fieldWebsite',
};

/** Shortens `s` to `max` characters (code points kept whole), ending in `marker`. */
export function clipText(s: string, max: number, marker = '…'): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - marker.length));
  // Never split a surrogate pair: half a character would render as garbage.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + marker;
}

/** Notes clipped to their cap with the seller's-language marker. */
export function clipNotes(notes: string): string {
  return clipText(notes, NOTES_CAP, ` ${t('clippedMarker')}`);
}

/** The buyer fitted into every limit; what did not fit is written at the top of the notes. */
export function fitBuyer(b: Buyer): Buyer {
  const moved: string[] = [];
  const keep = <T>(key: keyof typeof LABEL, xs: T[], show: (x: T) => string): T[] => {
    if (xs.length <= LIST_CAP) return xs;
    const over = xs.slice(0, xs.length - LIST_CAP);
    moved.push(t('noteOverLimit', t(LABEL[key]), over.map(show).join(', ')));
    return xs.slice(-LIST_CAP);
  };
  const longEmails = b.emails.filter((e) => e.length > EMAIL_CAP);
  if (longEmails.length) moved.push(t('noteOverLimit', t('fieldEmails'), longEmails.join(', ')));
  const out: Buyer = {
    ...b,
    emails: keep('emails', b.emails.filter((e) => e.length <= EMAIL_CAP), String),
    phones: keep('phones', b.phones, String),
    platformIds: keep('platformIds', b.platformIds, (p) => `${p.platform}:${p.id}`),
    tags: keep('tags', b.tags.map((x) => clipText(x, TAG_CAP)), String),
  };
  for (const k of Object.keys(TEXT_CAPS) as (keyof typeof TEXT_CAPS)[]) {
    const v = out[k];
    if (v != null && v.length > TEXT_CAPS[k]) {
      moved.push(t('noteOverLimit', t(LABEL[k]), v));
      out[k] = clipText(v, TEXT_CAPS[k]);
    }
  }
  // The schema stores only addresses the panel may link to; an old or imported value that is not
  // one goes into the notes with a word, so no write of the buyer is ever refused for it.
  for (const [k, linkable] of [['website', websiteHref], ['linkedin', linkedinHref]] as const) {
    const v = out[k];
    if (v != null && linkable(v) === null) {
      moved.push(t('noteNotLinkable', t(LABEL[k]), v));
      out[k] = null;
    }
  }
  const notes = moved.length ? [moved.join('\n'), b.notes].filter(Boolean).join('\n\n') : b.notes;
  out.notes = clipNotes(notes);
  return out;
}
