/**
 * A capture that fails its schema is mended, not dropped: what is too long is clipped to its
 * limit, a list with too many items keeps the first ones, a value of the wrong kind is emptied,
 * and each of these is reported field by field so the panel can say what it changed. Only a
 * capture without a known platform or an address is beyond mending (the panel's gate needs both).
 *
 * The limits are the schema's own (read from zod's issues), so this file never restates them.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { emptyBuyer, emptyInquiry, type RawCapture } from './capture';
import { rawCaptureSchema } from './capture-schema';

export type CaptureIssueKind = 'clipped' | 'too-many' | 'dropped';

export interface CaptureIssue {
  /** "message", "name", "emails"...; "capture" when the whole payload is unusable. */
  field: string;
  kind: CaptureIssueKind;
  /** For `clipped` and `too-many`: the limit, and how long or how many it was. */
  limit?: number;
  was?: number;
}

export type Repair = { ok: true; capture: RawCapture; issues: CaptureIssue[] } | { ok: false; issues: CaptureIssue[] };

/** Put at the end of clipped text, inside its limit, so a reader sees that something follows. */
export const CLIP_MARKER = ' […]';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first `max` UTF-16 units, never ending in half a surrogate pair, with the marker. */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - CLIP_MARKER.length));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + CLIP_MARKER;
}

const EMPTY: Record<'buyer' | 'inquiry', Obj> = {
  buyer: emptyBuyer() as unknown as Obj,
  inquiry: emptyInquiry() as unknown as Obj,
};

/** Deep enough a copy to mend: the two sections and their lists. */
function copy(input: Obj): Obj {
  const out: Obj = { ...input };
  for (const section of ['buyer', 'inquiry'] as const) {
    const s = input[section];
    out[section] = isObj(s)
      ? Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]))
      : s;
  }
  return out;
}

/** Applies one issue to `c`; returns what the seller is told, or 'fatal'. */
function mend(c: Obj, issue: $ZodIssue, removals: Map<unknown[], Set<number>>): CaptureIssue | 'fatal' | null {
  const path = issue.path.map(String);
  const [top, key, index] = path;
  if (top === 'platform' || top === 'url') {
    if (top === 'url' && issue.code === 'too_big' && typeof c.url === 'string') {
      c.url = c.url.slice(0, Number(issue.maximum));
      return null; // the address is not something the seller edits
    }
    return 'fatal';
  }
  if (top === 'sources') {
    delete c.sources; // only where values came from: the capture stands without it
    return null;
  }
  if (top !== 'buyer' && top !== 'inquiry') return null;
  if (key === undefined) {
    c[top] = { ...EMPTY[top], ...(isObj(c[top]) ? (c[top] as Obj) : {}) };
    return { field: top, kind: 'dropped' };
  }
  const section = c[top] as Obj;
  if (!(key in EMPTY[top])) return null;
  const value = section[key];

  if (index !== undefined && Array.isArray(value)) {
    const i = Number(index);
    const item = value[i];
    if (issue.code === 'too_big' && typeof item === 'string') {
      value[i] = item.slice(0, Number(issue.maximum));
      return { field: key, kind: 'clipped', limit: Number(issue.maximum), was: item.length };
    }
    // An item of the wrong kind goes; the rest of the list stays. Removed after all issues are
    // applied, so the indexes of the other issues still point at their items.
    if (!removals.has(value)) removals.set(value, new Set());
    removals.get(value)!.add(i);
    return { field: key, kind: 'dropped' };
  }
  if (issue.code === 'too_big' && typeof value === 'string') {
    section[key] = clipText(value, Number(issue.maximum));
    return { field: key, kind: 'clipped', limit: Number(issue.maximum), was: value.length };
  }
  if (issue.code === 'too_big' && Array.isArray(value)) {
    section[key] = value.slice(0, Number(issue.maximum));
    return { field: key, kind: 'too-many', limit: Number(issue.maximum), was: value.length };
  }
  // One string where a list belongs: keep it as a list of one.
  if (Array.isArray(EMPTY[top][key]) && typeof value === 'string') {
    section[key] = [value];
    return null;
  }
  section[key] = EMPTY[top][key];
  return { field: key, kind: 'dropped' };
}

export function repairCapture(input: unknown): Repair {
  const first = rawCaptureSchema.safeParse(input);
  if (first.success) return { ok: true, capture: first.data, issues: [] };
  if (!isObj(input)) return { ok: false, issues: [{ field: 'capture', kind: 'dropped' }] };

  const c = copy(input);
  const issues: CaptureIssue[] = [];
  let error = first.error;
  // Mending one field can show the next problem (a list emptied of its wrong items, then checked
  // again): a few rounds are enough for every shape the schema has.
  for (let round = 0; round < 4; round++) {
    const removals = new Map<unknown[], Set<number>>();
    for (const issue of error.issues) {
      const r = mend(c, issue, removals);
      if (r === 'fatal') return { ok: false, issues: [...issues, { field: String(issue.path[0]), kind: 'dropped' }] };
      if (r && !issues.some((x) => x.field === r.field && x.kind === r.kind)) issues.push(r);
    }
    for (const [list, gone] of removals) {
      const kept = list.filter((_, i) => !gone.has(i));
      list.splice(0, list.length, ...kept);
    }
    const again = rawCaptureSchema.safeParse(c);
    if (again.success) return { ok: true, capture: again.data, issues };
    error = again.error;
  }
  return { ok: false, issues: [...issues, { field: 'capture', kind: 'dropped' }] };
}
