/**
 * The benchmark's output: a plain-text table (one row per figure: median, spread, target) and
 * the JSON figures with the keys the issue fixed. Pure functions, no I/O.
 */
import { round, type Summary } from './stats';

export interface Row {
  figure: string;
  /** null: the feature does not exist yet (or could not be measured); `note` says why. */
  value: Summary | null;
  unit: string;
  target?: { max: number; label: string };
  note?: string;
}

export interface Figures {
  buyers: number;
  touchpoints: number;
  fillRatioVsBare: number | null;
  searchP50Ms: number | null;
  searchP95Ms: number | null;
  panelOpenMs: number | null;
  /** Search p95 with one of the list's filters (issue 10). */
  searchFilteredP95Ms: number | null;
  /** The first panel open after a browser start on the book. */
  panelColdOpenMs: number | null;
  /** Longest frame while scrolling 5,000 rows of the list. */
  scrollLongestFrameMs: number | null;
  listFirstPageMs: number | null;
  timelineFirstPageMs: number | null;
  todayViewMs: number | null;
  backupRatioVsBare: number | null;
  restoreRatioVsBare: number | null;
  extractMedianMs: number | null;
  contentScriptKB: number | null;
  peakHeapMB: number | null;
  dbSizeMB: number | null;
}

const fmt = (v: number) => {
  const r = round(v);
  return Math.abs(r) >= 1000 ? r.toLocaleString('en-US') : String(r);
};

function cells(r: Row): string[] {
  const v = r.value;
  const value = v ? `${fmt(v.median)} ${r.unit}`.trim() : r.note?.startsWith('not built yet') ? 'not built yet' : 'n/a';
  const spread = v && v.runs > 1 ? `${fmt(v.min)}–${fmt(v.max)} (${v.runs} runs)` : v ? '1 run' : '';
  let target = '';
  if (r.target) target = v ? `${r.target.label} ${v.median <= r.target.max ? 'ok' : 'MISSED'}` : r.target.label;
  const note = r.note && !(r.note.startsWith('not built yet') && !v) ? r.note : '';
  return [r.figure, value, spread, target, note];
}

export function formatTable(rows: Row[], header: string[] = ['figure', 'median', 'spread (min–max)', 'target', 'note']): string {
  const body = rows.map(cells);
  const width = header.map((h, i) => Math.max(h.length, ...body.map((c) => [...(c[i] ?? '')].length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x + ' '.repeat((width[i] ?? 0) - [...x].length))
      .join(' | ')
      .trimEnd();
  return [line(header), width.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

/** The median of a row as a plain number for the JSON (null when there is none). */
export const med = (s: Summary | null): number | null => (s ? round(s.median) : null);
