/**
 * How two records of one buyer become one, field by field. Both merges use this table: a buyer
 * merged into another (storage/buyer-merge.ts) and a capture merged into the buyer it belongs to
 * (storage/capture-repo.ts, the capture first made into a buyer). Typed as a Record over every
 * Buyer field, so a new field without a policy does not compile, and
 * tests/unit/storage/merge-policy.test.ts fails on it too.
 */
import { t, type MessageKey } from '../lib/i18n';
import { uniqStrings, tidyBuyer, platformKey } from './buyer-row';
import { furtherStage } from '../lib/stage-rules';
import { STAGE_CHANGES_CAP, type Buyer } from './schema';

export type MergePolicy =
  /** The kept record's. */
  | 'keep'
  /** The kept record's value, else the other's; a different other value is written into the notes. */
  | 'first-else-note'
  /** Every value of both, the kept record's first. */
  | 'union'
  /** The kept WhatsApp number; a different other number is kept as a phone. */
  | 'whatsapp-else-phone'
  /** The stage further along (dormant and lost count least: lib/stage-rules.ts). */
  | 'furthest-stage'
  /** Both texts, the kept record's first. */
  | 'concat'
  | 'earliest'
  /** The time of the merge. */
  | 'now'
  /** The kept record's value, else the other's, silently (a preference, not a fact to keep). */
  | 'first'
  /** Both histories as one, oldest first, the newest kept up to the cap. */
  | 'history'
  /** Recomputed after the merge by storage/derived-fields.ts; the later one meanwhile. */
  | 'derived-latest';

export const MERGE_POLICY: Record<keyof Buyer, MergePolicy> = {
  id: 'keep',
  name: 'first-else-note',
  company: 'first-else-note',
  country: 'first-else-note',
  emails: 'union',
  phones: 'union',
  whatsapp: 'whatsapp-else-phone',
  wechat: 'first-else-note',
  linkedin: 'first-else-note',
  website: 'first-else-note',
  platformIds: 'union',
  tags: 'union',
  stage: 'furthest-stage',
  notes: 'concat',
  createdAt: 'earliest',
  updatedAt: 'now',
  lastContactAt: 'derived-latest',
  timeZone: 'first',
  stageChanges: 'history',
};

const LABEL: Partial<Record<keyof Buyer, MessageKey>> = {
  name: 'fieldName',
  company: 'fieldCompany',
  country: 'fieldCountry',
  wechat: 'fieldWechat',
  linkedin: 'fieldLinkedin',
  website: 'fieldWebsite',
};

/** Case and spacing do not make a different value worth a note. */
const loose = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * `keep` and `other` merged by MERGE_POLICY. Values of `other` that lose to a different one are
 * listed in one note at the top of the notes, in the seller's language, unless the notes already
 * say it (a capture merged again and again must not repeat it).
 */
export function mergeBuyers(keep: Buyer, other: Buyer, now: number): Buyer {
  const lost: string[] = [];
  const extraPhones: string[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(MERGE_POLICY) as (keyof Buyer)[]) {
    const a = keep[key];
    const b = other[key];
    switch (MERGE_POLICY[key]) {
      case 'keep':
        out[key] = a;
        break;
      case 'first-else-note':
        if (a != null && b != null && loose(String(a)) !== loose(String(b))) {
          const line = `${t(LABEL[key] ?? 'fieldNotes')}: ${String(b)}`;
          if (!keep.notes.includes(line)) lost.push(line);
        }
        out[key] = a ?? b;
        break;
      case 'union':
        if (key === 'platformIds') {
          const seen = new Set<string>();
          out[key] = [...keep.platformIds, ...other.platformIds].filter((p) => {
            const k = platformKey(p.platform, p.id);
            return seen.has(k) ? false : (seen.add(k), true);
          });
        } else {
          out[key] = uniqStrings([...(a as string[]), ...(b as string[])]);
        }
        break;
      case 'whatsapp-else-phone':
        if (keep.whatsapp && other.whatsapp && keep.whatsapp !== other.whatsapp) extraPhones.push(other.whatsapp);
        out[key] = keep.whatsapp ?? other.whatsapp;
        break;
      case 'furthest-stage':
        out[key] = furtherStage(keep.stage, other.stage);
        break;
      case 'concat':
        out[key] = [keep.notes, other.notes].filter(Boolean).join('\n\n');
        break;
      case 'earliest':
        out[key] = Math.min(a as number, b as number);
        break;
      case 'now':
        out[key] = now;
        break;
      case 'first':
        out[key] = a ?? b;
        break;
      case 'history': {
        const seen = new Set<string>();
        const both = [...(keep.stageChanges ?? []), ...(other.stageChanges ?? [])]
          .filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
          .sort((x, y) => x.at - y.at);
        // Neither record had a history: none is made up (an absent field stays absent).
        out[key] = keep.stageChanges || other.stageChanges ? both.slice(-STAGE_CHANGES_CAP) : undefined;
        break;
      }
      case 'derived-latest':
        out[key] = a == null && b == null ? null : Math.max((a as number | null) ?? 0, (b as number | null) ?? 0);
        break;
    }
  }
  const merged = out as Buyer;
  merged.phones = uniqStrings([...merged.phones, ...extraPhones]);
  if (lost.length) merged.notes = [t('noteMerged', lost.join('; ')), merged.notes].filter(Boolean).join('\n\n');
  return tidyBuyer(merged);
}
