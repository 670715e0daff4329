/**
 * The checks a content script makes on what reaches it (the panel's read request, the main
 * world's page-data answers), written without zod: zod's core alone is about 14 KB, a third of a
 * content script's 40 KB budget. Each check accepts exactly what its zod schema accepts;
 * tests/unit/lib/content-checks.test.ts holds them to it. The panel side keeps zod.
 */
import type { CaptureRead } from './capture-read';

/** The panel's "read this page now" (captureReadSchema). */
export function isCaptureRead(m: unknown): m is CaptureRead {
  return typeof m === 'object' && m !== null && !Array.isArray(m) && (m as { type?: unknown }).type === 'buyerbook/capture-read';
}

/** A page global's name: an identifier, optionally dotted (`PAGE_DATA.index`), at most 100 characters. */
export const GLOBAL_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

export function isGlobalName(n: unknown): n is string {
  return typeof n === 'string' && n.length <= 100 && GLOBAL_NAME.test(n);
}

/** The main world's answer: JSON text of bounded size (a huge global must not stall the page). */
export const MAX_PAGE_DATA = 4_000_000;

export function isPageDataAnswer(a: unknown): a is string {
  return typeof a === 'string' && a.length <= MAX_PAGE_DATA;
}
