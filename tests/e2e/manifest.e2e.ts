/**
 * The built manifests say what the product promises: access to the platforms' seller pages only,
 * no permission a feature does not use, and no connection off the extension. Read from the build
 * output (.output/chrome-mv3), which is what a seller installs, not from wxt.config.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from '@webext-core/match-patterns';
import { PLATFORM_MODULES } from '../../extractors/registry';
import { extensionDir, manifestProblems } from './harness';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; world?: string }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  externally_connectable?: unknown;
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  update_url?: string;
}

const read = (mode: 'prod' | 'e2e'): Manifest => JSON.parse(readFileSync(join(extensionDir(mode), 'manifest.json'), 'utf8'));

/**
 * Every permission and the feature that needs it. A new permission fails this test until it is
 * added here with its reason, so nothing is asked of the seller without one.
 */
const PERMISSIONS: Record<string, string> = {
  sidePanel: 'the UI is a side panel',
  activeTab: '"Capture from this page" on the tab the seller points at',
  scripting: 'injects the generic capture into that tab',
  unlimitedStorage: 'the book must never be evicted',
  contextMenus: '"Buyerbook: use as name / email / …" sends selected text to the capture form',
  alarms: 'the badge of steps due today is redrawn, and the daily reminder fires, while the service worker sleeps',
  offscreen: 'the scheduled backup is written in an offscreen document (a service worker makes no blob: URL)',
};

/** Asked only when the seller turns on the feature that needs it. */
const OPTIONAL_PERMISSIONS: Record<string, string> = {
  notifications: 'the daily reminder of next steps, off until the seller turns it on',
  downloads: 'the scheduled backup into Downloads/Buyerbook, off until the seller turns it on',
};

/** The registrable domains of the platforms' pages (PRODUCT.md): host access goes nowhere else. */
const PLATFORM_DOMAINS = ['alibaba.com', 'made-in-china.com', 'globalsources.com', 'google.com', 'live.com', 'office.com', 'office365.com', 'outlook.com', 'whatsapp.com', 'linkedin.com', 'cloud.microsoft'];

const BROAD = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', 'file:///*'];

function hostOf(pattern: string): string {
  const m = /^[a-z*]+:\/\/([^/]*)\//.exec(pattern);
  if (!m) throw new Error(`not a match pattern: ${pattern}`);
  return m[1] ?? '';
}

function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

describe('built manifest (.output/chrome-mv3)', () => {
  const manifest = read('prod');
  const platformMatches = [...new Set(PLATFORM_MODULES.flatMap((m) => m.matches))].sort();

  it('is Manifest V3 and loadable (every __MSG_ name is defined in the default locale)', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifestProblems(extensionDir('prod'))).toEqual([]);
  });

  it('asks host access for the platforms\' seller pages only', () => {
    const hosts = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
    for (const broad of BROAD) expect(hosts).not.toContain(broad);
    expect([...new Set(hosts)].sort()).toEqual(platformMatches);
    for (const pattern of hosts) {
      expect(pattern, pattern).toMatch(/^https:\/\//);
      const host = hostOf(pattern);
      expect(host, `${pattern}: no wildcard host`).not.toMatch(/\*/);
      expect(
        PLATFORM_DOMAINS.some((d) => host === d || host.endsWith('.' + d)),
        `${pattern} is not a platform's page`,
      ).toBe(true);
    }
  });

  it('runs content scripts only where it has host access', () => {
    const hosts = manifest.host_permissions ?? [];
    const scripts = manifest.content_scripts ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const cs of scripts) {
      for (const m of cs.matches) {
        expect(BROAD).not.toContain(m);
        expect(hosts, `content script match ${m} without host permission`).toContain(m);
      }
    }
    // Every platform's seller pages are covered by some content script.
    const covered = new Set(scripts.flatMap((cs) => cs.matches));
    for (const m of platformMatches) expect(covered.has(m), `no content script for ${m}`).toBe(true);
    for (const module of PLATFORM_MODULES) {
      for (const adapter of module.adapters) {
        for (const url of adapter.examples.positive) {
          expect(
            scripts.some((cs) => cs.matches.some((p) => new MatchPattern(p).includes(url))),
            `${module.platform} example ${url} has no content script`,
          ).toBe(true);
        }
      }
    }
  });

  it('asks exactly the permissions its features use', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(Object.keys(PERMISSIONS).sort());
    expect([...(manifest.optional_permissions ?? [])].sort()).toEqual(Object.keys(OPTIONAL_PERMISSIONS).sort());
  });

  it('lets no web page or other extension talk to it, and exposes no file to pages', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.update_url).toBeUndefined();
  });

  it('has an extension-page CSP that allows no connection off the extension', () => {
    const csp = manifest.content_security_policy?.extension_pages;
    expect(csp, 'content_security_policy.extension_pages').toBeTruthy();
    const d = directives(csp!);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    const scriptSrc = d.get('script-src') ?? d.get('default-src')!;
    expect(scriptSrc).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    // Nothing the page loads may come from off the extension either (img data: is inline).
    for (const [name, values] of d) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/^(https?:|wss?:|\*|'unsafe-eval'|'wasm-unsafe-eval'|'unsafe-inline')/);
      }
    }
  });
});

describe('e2e build (.output/chrome-mv3-e2e)', () => {
  it('is a separate folder that differs only by host access to all pages and downloads granted up front', () => {
    expect(extensionDir('e2e')).not.toBe(extensionDir('prod'));
    const prod = read('prod');
    const e2e = read('e2e');
    expect(e2e.host_permissions).toContain('<all_urls>');
    // A headless browser shows no permission prompt: the scheduled backup's optional permission
    // is granted at install in the e2e build, and only that one.
    expect(e2e.permissions).toEqual([...(prod.permissions ?? []), 'downloads']);
    expect(e2e.optional_permissions).toEqual((prod.optional_permissions ?? []).filter((p) => p !== 'downloads'));
    expect(e2e.content_security_policy).toEqual(prod.content_security_policy);
    expect(e2e.content_scripts).toEqual(prod.content_scripts);
  });
});
