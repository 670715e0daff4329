/**
 * Nothing dropped without a word (issue 9): the forms ask, before saving, which values the book
 * cannot take (the schema's own checks), and mark them with the reason, instead of the save
 * leaving them out. Limits are not asked about: past a cap, a value goes into the notes.
 */
import { buyerSchema, emailSchema } from './schema';

export type StorableField = 'emails' | 'phones' | 'whatsapp' | 'country';

export function unstorableFields(values: {
  emails: readonly string[];
  phones: readonly string[];
  whatsapp: string | null;
  country: string | null;
}): StorableField[] {
  const s = buyerSchema.shape;
  const out: StorableField[] = [];
  if (values.emails.some((e) => !emailSchema.safeParse(e).success)) out.push('emails');
  if (values.phones.some((p) => !s.phones.element.safeParse(p).success)) out.push('phones');
  if (!s.whatsapp.safeParse(values.whatsapp).success) out.push('whatsapp');
  if (!s.country.safeParse(values.country).success) out.push('country');
  return out;
}
