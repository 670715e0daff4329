/**
 * Picks the adapter for a page and runs it, then passes the result through the last line of
 * defence (./guard-capture.ts). Never throws: an adapter that fails on a page it does not
 * understand gives an empty capture rather than breaking the seller's page.
 */
import { emptyCapture, type RawCapture } from '../lib/capture';
import type { PageAdapter, PlatformModule } from './types';
import { guardCapture } from './guard-capture';

export function findAdapter(modules: PlatformModule[], url: URL): { module: PlatformModule; adapter: PageAdapter } | null {
  for (const module of modules) {
    for (const adapter of module.adapters) {
      try {
        if (adapter.detect(url)) return { module, adapter };
      } catch {
        /* a detector that throws simply does not match */
      }
    }
  }
  return null;
}

export function extractPage(modules: PlatformModule[], doc: Document, href: string): RawCapture {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return emptyCapture('generic', href);
  }
  const found = findAdapter(modules, url);
  if (!found) return emptyCapture('generic', href);
  const { adapter } = found;
  let capture: RawCapture;
  try {
    capture = adapter.extract(doc, url);
  } catch {
    return emptyCapture(found.module.platform, href);
  }
  let foreign: string[] = [];
  try {
    foreign = adapter.foreign?.(doc, url) ?? [];
  } catch {
    /* the capture still goes through the guard's other checks */
  }
  return guardCapture(capture, { foreign, source: adapter.source });
}
