/**
 * What the bench page (entrypoints/bench/) exposes on `window.bench` for the runner
 * (bench/run.ts, through page.evaluate). Types only: both sides import this file.
 */
import type { BookSize } from './generate';

export interface FillResult {
  /** Time spent writing through the product's import (generation excluded). */
  importMs: number;
  generateMs: number;
  rows: number;
}

export interface RatioRun {
  /** The product's bulk import of the batch (validation, derived index fields, write). */
  repoMs: number;
  /** Bare Dexie bulkPut of the identical stored rows, prepared beforehand (untimed). */
  bareMs: number;
  rows: number;
}

export interface SearchRun {
  /** One time per keystroke, every query in order. */
  keystrokeMs: number[];
  /**
   * Per query: results of the whole query, and whether the buyer it was taken from is among them
   * (null when the query has no such buyer, or when the results are capped and it may lie beyond).
   */
  hits: { query: string; results: number; found: boolean | null }[];
}

export interface Timed {
  ms: number;
  /** Rows the call returned (a page of the list, of the timeline...). */
  shown: number;
  total?: number;
}

export interface RoundTrip {
  /** Time of the product's own operation (backup or restore). */
  productMs: number;
  /** The bare Dexie equivalent on the same rows (toArray / bulkPut). */
  bareMs: number;
  rows: number;
  /** Peak JS heap above the start of the operation (performance.memory), product side; null when unknown. */
  peakHeapMB?: number | null;
  /** Restore: the peak per phase (verify, history: pass one, buyers: pass two), same measure. */
  peakHeapByPhaseMB?: Record<string, number>;
  /** Restore: the check of the whole file before anything is written (part of productMs). */
  verifyMs?: number;
  /** Bare side per table (ms), to see where the time goes. */
  bareByTable?: Record<string, number>;
  bytes?: number;
}

export interface BenchApi {
  /** Which optional features the build has (null figures otherwise). */
  features(): { todayView: boolean; backup: boolean };
  /** Fill the real database (`buyerbook`) with buyers [from, to) of the generated book through storage/bulk-import.ts. */
  fillBook(o: { seed: string; size: BookSize; chunkBuyers: number; from: number; to: number }): Promise<FillResult>;
  /** One run of repository import vs bare bulkPut of the same batch into two scratch databases. */
  fillRatio(o: { seed: string; size: BookSize; chunkBuyers: number; bareFirst: boolean }): Promise<RatioRun>;
  counts(): Promise<{ buyers: number; inquiries: number; touchpoints: number }>;
  /**
   * Every keystroke of every query through the panel's search (findBuyers), timed one by one;
   * with `filtered`, each query combined with one of the list's filters in turn (stage, country,
   * "no contact for 30 days", platform), as a seller narrows a search.
   */
  search(o: { queries: { text: string; buyerId: string | null }[]; keystrokes: string[][]; filtered?: boolean }): Promise<SearchRun>;
  listFirstPage(limit: number): Promise<Timed>;
  timelineFirstPage(buyerId: string, limit: number): Promise<Timed>;
  todayView(): Promise<Timed | null>;
  /** `bareFirst` alternates across runs, so neither side profits from the other's warm caches. */
  /** `restore: false` measures the backup alone (restore then null). */
  backupRoundTrip(o?: { bareFirst?: boolean; restore?: boolean }): Promise<{ backup: RoundTrip; restore: RoundTrip | null } | null>;
  /** Send the content script of the tab at `url` the panel's "read now" and wait for its answer. */
  captureRead(url: string): Promise<boolean>;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}
