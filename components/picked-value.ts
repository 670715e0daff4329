/**
 * A selection the seller sent from the page ("use as email") becomes field text the way a
 * captured value would: the same normalisers, so the form shows and saves what a reader would
 * have read. Text that does not make a valid value is put in as selected, so the field's own
 * check marks it and the seller sees what was picked.
 */
import type { PickField } from '../lib/messages';
import { normalizeCountry, normalizeEmail, normalizePhone, normalizeWebsite } from '../lib/normalize';
import type { CaptureFieldKey, Draft } from './capture-draft';

/** Which form field each menu entry fills. */
export const PICK_TARGET: Record<PickField, CaptureFieldKey> = {
  name: 'name',
  company: 'company',
  email: 'emails',
  phone: 'phones',
  whatsapp: 'whatsapp',
  wechat: 'wechat',
  website: 'website',
  country: 'country',
};

const oneLine = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
// Selections often carry their label or punctuation: "Email: a@b.com;", "Tel：+49 ...".
const EMAIL_IN = /[^\s@<>()[\]:;,，：；"'`]+@[^\s@<>()[\]:;,，：；"'`]+\.[A-Za-z]{2,24}/;
const PHONE_IN = /\+?[\d(][\d\s().\-/]{5,}\d/;

function addLine(list: string, value: string): string {
  const lines = list.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.includes(value) ? lines.join('\n') : [...lines, value].join('\n');
}

/** The draft with the picked text put in its field; `country` is the draft's ISO code, for phones. */
export function applyPick(draft: Draft<CaptureFieldKey>, field: PickField, text: string): Draft<CaptureFieldKey> {
  const raw = oneLine(text);
  if (!raw) return draft;
  const key = PICK_TARGET[field];
  const country = normalizeCountry(draft.country);
  let value: string;
  switch (field) {
    case 'email': {
      const found = EMAIL_IN.exec(raw)?.[0] ?? raw;
      return { ...draft, emails: addLine(draft.emails, normalizeEmail(found) ?? found) };
    }
    case 'phone': {
      const found = PHONE_IN.exec(raw)?.[0] ?? raw;
      return { ...draft, phones: addLine(draft.phones, normalizePhone(found, country) ?? found) };
    }
    case 'whatsapp': {
      const found = PHONE_IN.exec(raw)?.[0] ?? raw;
      value = normalizePhone(found, country) ?? found;
      break;
    }
    case 'website':
      value = normalizeWebsite(raw) ?? raw;
      break;
    case 'country':
      value = normalizeCountry(raw) ?? raw;
      break;
    default:
      // The book's limits (storage/schema.ts): a long selection is cut, not refused at save.
      value = raw.slice(0, field === 'wechat' ? 80 : 300);
  }
  return { ...draft, [key]: value };
}
