/**
 * Summaries of repeated measurements: every figure the benchmark prints is the median of several
 * runs with its spread (min–max), so one noisy run cannot make or break a number.
 */

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Median (the mean of the two middle values for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(values: readonly number[]): Summary | null {
  const ok = values.filter((v) => Number.isFinite(v));
  if (!ok.length) return null;
  return { median: median(ok), min: Math.min(...ok), max: Math.max(...ok), runs: ok.length };
}

/** A number rounded for JSON and the table: 2 significant decimals below 10, 1 below 100, else whole. */
export function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  const a = Math.abs(v);
  const d = a < 10 ? 2 : a < 100 ? 1 : 0;
  const f = 10 ** d;
  return Math.round(v * f) / f;
}
