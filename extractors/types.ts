/**
 * The adapter contract, after Web Scrobbler's connectors and github-url-detection's detectors:
 * one file per platform under extractors/platforms/, each exporting a PlatformModule, listed in
 * extractors/registry.ts. Every page kind is a PageAdapter with example addresses that a test
 * checks positive and negative.
 *
 * `extract` is pure: (document, url) -> RawCapture. It never throws (a broken page gives empty
 * fields), never touches the network or storage, and reads only the open conversation.
 */
import type { CaptureSource, Platform, RawCapture } from '../lib/capture';

export interface PageAdapter {
  /** Stable id, e.g. "alibaba/inquiry-detail". */
  id: string;
  /** Does this adapter handle the page at `url`? Decided on the address alone. */
  detect(url: URL): boolean;
  extract(doc: Document, url: URL): RawCapture;
  /**
   * Values of other people the page shows (the seller's own account, other rows of a list, the
   * colleagues of a shared inbox): never part of the capture (extractors/guard-capture.ts).
   */
  foreign?(doc: Document, url: URL): string[];
  /** How this page kind is read, for fields the adapter did not give a source: default 'selector'. */
  source?: CaptureSource;
  /**
   * The part of the page that changes when the open conversation does (as Web Scrobbler's
   * connectors name theirs): the content script watches only it. Default: the whole document.
   */
  observe?: string;
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
