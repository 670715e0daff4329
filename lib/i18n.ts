/**
 * Every string the panel shows goes through `t()`. The browser picks the catalogue
 * (public/_locales/<lang>/messages.json) from its own UI language, so the panel follows the
 * browser: Simplified Chinese or English. Keys are typed from the English catalogue, and
 * tests/unit/i18n.test.ts checks the Chinese one has exactly the same keys and placeholders.
 */
import type en from '../public/_locales/en/messages.json';
import type { Platform } from './capture';
import { CUSTOM_KIND_PREFIX, isCustomKind, type Channel, type CustomKindDef, type Stage, type StoredKind, type TouchpointKind } from './domain';
import { countryName } from './country-names';

export type MessageKey = keyof typeof en;

/**
 * Where the messages come from: the extension's `browser.i18n` in the panel and the service
 * worker (each entry point hands it over at start), the English catalogue in unit tests. lib/
 * imports no extension runtime, so it is given one instead of reaching for it.
 */
export interface MessageSource {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

let source: MessageSource | null = null;
/** uiLocale() of the current source, worked out once: rows of a long list ask it per render. */
let localeOf: { source: MessageSource | null; locale: string } | null = null;

export function setMessageSource(s: MessageSource | null): void {
  source = s;
  localeOf = null;
}

/** The message for `key`, with `$1`..`$9` filled from `subs` (the catalogue names them). */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const msg = source ? (subs.length ? source.getMessage(key, subs.map(String)) : source.getMessage(key)) : '';
  // A missing message renders as its key rather than as nothing: visible, and caught by the test.
  return msg || key;
}

export type UiLang = 'en' | 'zh';

/**
 * The panel's language as a BCP 47 tag for Intl ("zh-CN", "en-US"): the language of the catalogue
 * Chrome picked, so dates and country names never come out in another language than the strings
 * around them (Chrome can pick the Chinese catalogue while reporting an English UI, for one when
 * started with --lang but without its own Chinese resources). The browser's own tag is used when it
 * is the same language, for its regional formats.
 */
export function uiLocale(): string {
  if (localeOf?.source !== source) localeOf = { source, locale: readUiLocale() };
  return localeOf.locale;
}

function readUiLocale(): string {
  try {
    const catalogue = source?.getMessage('localeTag') || '';
    const browserTag = source?.getUILanguage() || '';
    const lang = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
    if (catalogue && browserTag && lang(catalogue) !== lang(browserTag)) return catalogue;
    return browserTag || catalogue || 'en';
  } catch {
    return 'en';
  }
}

export function uiLang(): UiLang {
  return uiLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const toDate = (at: number | string): Date => new Date(at);

/**
 * One Intl.DateTimeFormat per locale and style, made once: making one takes far longer than
 * formatting with it, and every buyer row and timeline item formats a date.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const locale = uiLocale();
  const key = `${style}|${locale}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(key, f);
  }
  return f;
}

/** A moment in the user's own locale and time zone: "2026年11月18日 17:42" / "Nov 18, 2026, 5:42 PM". */
export function formatDateTime(at: number | string | null | undefined): string {
  if (at == null || at === '') return '';
  const d = toDate(at);
  if (Number.isNaN(d.getTime())) return '';
  return dateFormat('dateTime').format(d);
}

export function formatDate(at: number | null | undefined): string {
  if (at == null) return '';
  const d = toDate(at);
  if (Number.isNaN(d.getTime())) return '';
  return dateFormat('date').format(d);
}

/** "DE" -> "Germany" / "德国"; empty for no code. */
export function countryLabel(code: string | null | undefined): string {
  return countryName(code, uiLang()) ?? '';
}

// Records keyed by the schema's enums: adding a stage, channel or kind without its label is a
// type error here, not a blank in the panel.
const STAGE_KEYS: Record<Stage, MessageKey> = {
  new: 'stageNew',
  contacted: 'stageContacted',
  quoted: 'stageQuoted',
  sampling: 'stageSampling',
  negotiating: 'stageNegotiating',
  ordered: 'stageOrdered',
  repeat: 'stageRepeat',
  dormant: 'stageDormant',
  lost: 'stageLost',
};

const CHANNEL_KEYS: Record<Channel, MessageKey> = {
  alibaba: 'channelAlibaba',
  'made-in-china': 'channelMadeInChina',
  'global-sources': 'channelGlobalSources',
  email: 'channelEmail',
  whatsapp: 'channelWhatsapp',
  wechat: 'channelWechat',
  phone: 'channelPhone',
  linkedin: 'channelLinkedin',
  facebook: 'channelFacebook',
  website: 'channelWebsite',
  'trade-show': 'channelTradeShow',
  other: 'channelOther',
};

const KIND_KEYS: Record<TouchpointKind, MessageKey> = {
  inquiry: 'kindInquiry',
  'first-reply': 'kindFirstReply',
  'quote-sent': 'kindQuoteSent',
  'sample-sent': 'kindSampleSent',
  'sample-received': 'kindSampleReceived',
  'price-negotiation': 'kindPriceNegotiation',
  order: 'kindOrder',
  payment: 'kindPayment',
  complaint: 'kindComplaint',
  'catalogue-sent': 'kindCatalogueSent',
  'follow-up': 'kindFollowUp',
  call: 'kindCall',
  meeting: 'kindMeeting',
  note: 'kindNote',
  shipped: 'kindShipped',
  'sample-feedback': 'kindSampleFeedback',
  greeting: 'kindGreeting',
};

const DIRECTION_KEYS: Record<'in' | 'out', MessageKey> = { in: 'directionIn', out: 'directionOut' };

const PLATFORM_KEYS: Record<Platform, MessageKey> = {
  alibaba: 'platformAlibaba',
  'made-in-china': 'platformMadeInChina',
  'global-sources': 'platformGlobalSources',
  gmail: 'platformGmail',
  outlook: 'platformOutlook',
  whatsapp: 'platformWhatsapp',
  linkedin: 'platformLinkedin',
  generic: 'platformGeneric',
};

export const stageLabel = (s: Stage): string => t(STAGE_KEYS[s]);
export const channelLabel = (c: Channel): string => t(CHANNEL_KEYS[c]);
export const kindLabel = (k: TouchpointKind): string => t(KIND_KEYS[k]);
export const directionLabel = (d: 'in' | 'out'): string => t(DIRECTION_KEYS[d]);
export const platformLabel = (p: Platform): string => t(PLATFORM_KEYS[p]);

/**
 * The label of a stored kind: a built-in one from the catalogue, a seller's own one by the name
 * the seller gave it (its slug when that kind has since been removed from settings).
 */
export function storedKindLabel(k: StoredKind, custom: readonly CustomKindDef[] = []): string {
  if (!isCustomKind(k)) return kindLabel(k);
  const slug = k.slice(CUSTOM_KIND_PREFIX.length);
  return custom.find((c) => c.slug === slug)?.label ?? slug;
}
