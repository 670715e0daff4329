/**
 * Where each platform's content script runs: the only host lists in the code base. They live apart
 * from the adapters so the main-world page-data script, the manifest (wxt.config.ts) and the panel's
 * allowed-sites check can name the hosts without bundling every platform's extractor.
 * tests/unit/registry.test.ts checks that every module uses its list here.
 */
import type { Platform } from '../lib/capture';

export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];

export const PLATFORM_MATCHES: Record<Exclude<Platform, 'generic'>, string[]> = {
  alibaba: ['https://message.alibaba.com/*', 'https://onetalk.alibaba.com/*', 'https://sourcing.alibaba.com/*'],
  'made-in-china': ['https://membercenter.made-in-china.com/*', 'https://membercenter.cn.made-in-china.com/*'],
  'global-sources': ['https://supplier.globalsources.com/*'],
  gmail: ['https://mail.google.com/mail/*'],
  outlook: OUTLOOK_HOSTS.map((h) => `https://${h}/mail/*`),
  whatsapp: ['https://web.whatsapp.com/*'],
  // The whole site, not /in/*: LinkedIn is a single-page app, and a profile opened from the feed or
  // a search is reached without a page load, where a narrower pattern would never inject.
  // The profile adapter's detect() still reads only /in/<member> pages.
  linkedin: ['https://www.linkedin.com/*'],
};

/** Every platform page, each pattern once: the page-data script's and the manifest's hosts. */
export const ALL_PLATFORM_MATCHES: string[] = [...new Set(Object.values(PLATFORM_MATCHES).flat())];

/**
 * Platforms whose readers ask the page for its own globals (extractors/page-data.ts'
 * readAssignedLiteral): the main-world page-data script runs on their pages only.
 * tests/unit/registry.test.ts checks the list against the readers' code.
 */
export const PAGE_DATA_PLATFORMS: Exclude<Platform, 'generic'>[] = ['alibaba'];

export const PAGE_DATA_MATCHES: string[] = PAGE_DATA_PLATFORMS.flatMap((p) => PLATFORM_MATCHES[p]);

/** The trade platforms' own domains: every subdomain is theirs (buyer-facing pages list suppliers). */
const PLATFORM_DOMAINS = ['alibaba.com', 'made-in-china.com', 'globalsources.com'];
const PLATFORM_HOSTS = new Set(ALL_PLATFORM_MATCHES.map((p) => /^https:\/\/([^/]+)\//.exec(p)?.[1]).filter(Boolean));

/**
 * A host of one of the platforms. A page there that no reader of the platform claims (a lead list,
 * a settings page) is not read by the generic reader either: on such pages every address belongs
 * to someone other than the buyer.
 */
export function isPlatformHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return PLATFORM_HOSTS.has(h) || PLATFORM_DOMAINS.some((d) => h === d || h.endsWith('.' + d));
}
