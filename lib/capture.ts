/**
 * The capture contract: what an extractor reads from a page, before and after normalisation.
 *
 * Extractors (content script, `npm run extract`) return a RawCapture: strings as the page shows
 * them. The panel, the CLI and the tests run `normalizeCapture` on it, which is where the heavy
 * libraries (phone numbers, country names) live, so the content script stays small.
 *
 * This file has no zod on purpose: the content scripts import it. The schemas that validate a
 * capture crossing a boundary are in ./capture-schema.ts, checked to agree with these types.
 */

export const PLATFORMS = [
  'alibaba',
  'made-in-china',
  'global-sources',
  'gmail',
  'outlook',
  'whatsapp',
  'linkedin',
  'generic',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface RawBuyer {
  name: string | null;
  company: string | null;
  /** As the page shows it: "Canada", "加拿大", "CA". Normalised to ISO 3166-1 alpha-2. */
  country: string | null;
  emails: string[];
  /** As the page shows them; normalised to E.164. Masked values must never be put here. */
  phones: string[];
  whatsapp: string | null;
  wechat: string | null;
  linkedin: string | null;
  website: string | null;
  platformBuyerId: string | null;
}

export interface RawInquiry {
  platformInquiryId: string | null;
  subject: string | null;
  productTitle: string | null;
  productId: string | null;
  quantity: number | null;
  unit: string | null;
  /** ISO 8601 in UTC. Extractors convert page times themselves (see extractors/time.ts). */
  receivedAt: string | null;
  /** The buyer's own words only: no seller messages, no quotes of them, no translations. */
  message: string | null;
}

/**
 * Where a field's value came from, so the panel can say so and mark the free-text ones
 * ('text', 'signature', 'chat') for the seller to check. 'picked' is the seller's own selection.
 */
export const CAPTURE_SOURCES = ['page-data', 'selector', 'label', 'text', 'signature', 'chat', 'picked'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];
/**
 * Keyed by field name: "name", "company", "country", "emails", "phones", "whatsapp", "wechat",
 * "website", "linkedin", "platformBuyerId", "subject", "productTitle", "quantity", "message", …
 */
export type CaptureSources = Partial<Record<string, CaptureSource>>;

export interface RawCapture {
  platform: Platform;
  url: string;
  buyer: RawBuyer;
  inquiry: RawInquiry;
  /** Optional: captures from before provenance existed, and hand-made ones, have none. */
  sources?: CaptureSources;
}

/**
 * The stored limit of every string of a capture, in characters: the schema refuses more, and the
 * content script clips to it before sending (extractors/guard-capture.ts), so a long page never
 * loses its capture.
 */
export const CAPTURE_LIMITS = {
  url: 4000,
  buyer: {
    name: 300, company: 300, country: 120, emails: 320, phones: 80, whatsapp: 80, wechat: 80,
    linkedin: 500, website: 500, platformBuyerId: 120,
  },
  inquiry: {
    platformInquiryId: 120, subject: 1000, productTitle: 1000, productId: 120, unit: 60, receivedAt: 40, message: 50_000,
  },
  /** Most values a list (emails, phones) holds. */
  list: 50,
  /** Longest field name in `sources`. */
  sourceKey: 40,
} as const;

/** After normalizeCapture: same shape, values in canonical form (E.164, ISO codes, lower-case emails). */
export type Capture = RawCapture;

export function emptyBuyer(): RawBuyer {
  return {
    name: null,
    company: null,
    country: null,
    emails: [],
    phones: [],
    whatsapp: null,
    wechat: null,
    linkedin: null,
    website: null,
    platformBuyerId: null,
  };
}

export function emptyInquiry(): RawInquiry {
  return {
    platformInquiryId: null,
    subject: null,
    productTitle: null,
    productId: null,
    quantity: null,
    unit: null,
    receivedAt: null,
    message: null,
  };
}

export function emptyCapture(platform: Platform, url: string): RawCapture {
  return { platform, url, buyer: emptyBuyer(), inquiry: emptyInquiry() };
}

/** True when a capture holds nothing worth showing (no buyer identity and no inquiry). */
export function isEmptyCapture(c: RawCapture): boolean {
  const b = c.buyer;
  return (
    !b.name &&
    !b.company &&
    b.emails.length === 0 &&
    b.phones.length === 0 &&
    !b.whatsapp &&
    !b.wechat &&
    !b.linkedin &&
    !b.platformBuyerId &&
    !c.inquiry.platformInquiryId &&
    !c.inquiry.message
  );
}
