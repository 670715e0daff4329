/**
 * The adapter contract, after Web Scrobbler's connectors and github-url-detection's detectors:
 * one file per platform under extractors/platforms/, each exporting a PlatformModule, listed in
 * extractors/registry.ts. Every page kind is a PageAdapter with example addresses that a test
 * checks positive and negative.
 *
 * `extract` is pure: (document, url) -> RawCapture. It never throws (a broken page gives empty
 * fields), never touches the network or storage, and reads only the open conversation.
 */
import type { Platform, RawCapture } from '../lib/capture';

export interface PageAdapter {
  /** Stable id, e.g. "alibaba/inquiry-detail". */
  id: string;
  /** Does this adapter handle the page at `url`? Decided on the address alone. */
  detect(url: URL): boolean;
  extract(doc: Document, url: URL): RawCapture;
  /** Addresses this adapter must detect, and ones it must not (tested). */
  examples: { positive: string[]; negative: string[] };
}

export interface PlatformModule {
  platform: Platform;
  /** Chrome match patterns for the content script and host permissions of this platform. */
  matches: string[];
  /** Tried in order; the first whose detect() accepts the url extracts. */
  adapters: PageAdapter[];
}
