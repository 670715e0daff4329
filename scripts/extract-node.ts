/**
 * Runs the content-script adapters in Node on a saved page: the same code, a jsdom document.
 * Used by `npm run extract`, the unit tests and the benchmark's Node-side figures.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { ALL_MODULES } from '../extractors/registry';
import { extractPage } from '../extractors/extract-page';
import { normalizeCapture } from '../lib/normalize';
import type { RawCapture } from '../lib/capture';

/** Parse the page as the browser would hold it (scripts are not run: page script is untrusted). */
export function pageDocument(html: string, url: string): Document {
  // Page stylesheets may use CSS jsdom cannot parse; that is noise, not an error of ours.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole, pretendToBeVisual: true }).window.document;
}

export function extractHtml(html: string, url: string): { raw: RawCapture; capture: RawCapture } {
  const raw = extractPage(ALL_MODULES, pageDocument(html, url), url);
  return { raw, capture: normalizeCapture(raw) };
}
