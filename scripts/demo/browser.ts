/**
 * Chromium with the built extension loaded, for `npm start` and the browser tests.
 *
 * - Debian's Chromium (/usr/bin/chromium) through playwright-core: a browser is never downloaded.
 * - Pages are served at their real addresses by request interception, so the content scripts'
 *   match patterns apply exactly as on the live sites, and nothing reaches the network.
 * - A network guard aborts and records every other request: Buyerbook must never make one, and a
 *   browser test fails when the guard holds anything.
 *
 * No test framework is imported here: `npm start` runs this file too.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { browser as extensionApi } from 'wxt/browser';

// Functions passed to `inWorker` run in the extension's service worker, where `chrome` is global.
declare const chrome: typeof extensionApi;

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.BUYERBOOK_CHROMIUM ?? '/usr/bin/chromium';

/** Where `wxt build` writes the extension, and where `wxt build --mode e2e` does (wxt.config.ts outDirTemplate). */
export const EXTENSION_DIRS = {
  prod: resolve(ROOT, '.output/chrome-mv3'),
  e2e: resolve(ROOT, '.output/chrome-mv3-e2e'),
} as const;
export type BuildMode = keyof typeof EXTENSION_DIRS;

/** Addresses the browser may load without the guard objecting: the extension itself and inline data. */
const INTERNAL = /^(chrome-extension|data|blob|about|chrome|devtools):/;

const withoutHash = (url: string) => url.replace(/#.*$/, '');

/** Every request that was neither a served page nor internal, kept so a test can fail on it. */
export class NetworkGuard {
  readonly leaks: string[] = [];
  private served = new Map<string, string>();

  serve(url: string, html: string): void {
    this.served.set(withoutHash(url), html);
  }

  pageFor(url: string): string | undefined {
    return this.served.get(withoutHash(url));
  }

  isAllowed(url: string): boolean {
    return INTERNAL.test(url) || this.served.has(withoutHash(url)) || this.isServedFavicon(url);
  }

  /**
   * Chromium asks a served site for /favicon.ico by itself. That is the browser, not Buyerbook,
   * and the real site would answer it; it is answered with an empty 404 and not counted, but only
   * on an origin this guard serves and without a query: a favicon address anywhere else (or one
   * carrying data in its query) is a request like any other.
   */
  isServedFavicon(url: string): boolean {
    if (!URL.canParse(url)) return false;
    const u = new URL(url);
    if (u.pathname !== '/favicon.ico' || u.search !== '') return false;
    for (const served of this.served.keys()) if (URL.canParse(served) && new URL(served).origin === u.origin) return true;
    return false;
  }

  record(url: string, how: string): void {
    const entry = `${how} ${url}`;
    if (!this.leaks.includes(entry)) this.leaks.push(entry);
  }

  /**
   * One catch-all route: served pages are fulfilled from memory, the extension's own files pass,
   * the browser's favicon request gets an empty 404, everything else is aborted and recorded.
   * Belt and braces: a request the route did not see (from a worker, a beacon) is recorded too.
   * WebSocket connections are not HTTP requests to the route, and WebRTC never is: the first are
   * routed and closed, the second are reported by a wrapper put into every page before its scripts.
   */
  async watch(context: BrowserContext): Promise<void> {
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      const html = this.pageFor(url);
      if (html !== undefined) return route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' });
      if (INTERNAL.test(url)) return route.continue();
      if (this.isServedFavicon(url)) return route.fulfill({ status: 404, body: '' });
      this.record(url, `${route.request().method()} (routed)`);
      return route.abort('blockedbyclient');
    });
    context.on('request', (req) => {
      if (!this.isAllowed(req.url())) this.record(req.url(), req.method());
    });
    await context.routeWebSocket(
      () => true,
      (ws) => {
        this.record(ws.url(), 'WebSocket');
        void ws.close({ code: 1008, reason: 'blocked by the network guard' });
      },
    );
    await context.exposeBinding(RTC_BINDING, (_source, what: unknown) => {
      this.record(typeof what === 'string' ? what : 'unknown', 'WebRTC');
    });
    await context.addInitScript({ content: RTC_WATCH_SCRIPT });
  }
}

const RTC_BINDING = '__buyerbookNetworkGuardRtc';

/**
 * Runs in every page before its own scripts. Plain JavaScript source, not a function's text: the
 * bench and `npm start` run under tsx, whose esbuild keeps function names by wrapping named
 * functions in a `__name(...)` helper the page does not have ("__name is not defined").
 * Any RTCPeerConnection is reported with its ICE servers, and its candidates are never gathered:
 * the connection is closed at once.
 */
export const RTC_WATCH_SCRIPT = `(() => {
  const w = globalThis;
  const Native = w.RTCPeerConnection;
  if (!Native) return;
  const report = w[${JSON.stringify(RTC_BINDING)}];
  const Guarded = function (cfg) {
    const servers = ((cfg && cfg.iceServers) || []).flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]));
    if (typeof report === 'function') report(servers.length ? servers.join(' ') : 'RTCPeerConnection');
    const pc = new Native(cfg);
    pc.close();
    return pc;
  };
  Object.defineProperty(w, 'RTCPeerConnection', { value: Guarded, configurable: true, writable: true });
})();`;

export interface LaunchOptions {
  /** Which build to load; the e2e build adds host access to every page ("Capture from this page"). */
  mode?: BuildMode;
  /** IANA zone of the browser (a fixture's timeZone): page times without a zone are read in it. */
  timeZone?: string;
  headless?: boolean;
  /** Viewport of new pages; null lets a headed window size itself. */
  viewport?: { width: number; height: number } | null;
  /**
   * The browser's UI language ("zh-CN"), which picks the extension's message catalogue. Chromium
   * on Linux takes it from --lang and LANGUAGE together; the pages' own language follows.
   */
  lang?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  extensionDir: string;
  guard: NetworkGuard;
  /** Serve `html` at `url` (no network) and open it in a new tab. */
  openPage(url: string, html: string): Promise<{ page: Page; tabId: number }>;
  /** The side panel page as a tab, bound to the tab `tabId` (the panel reads ?tabId=). */
  openPanel(tabId: number, opts?: { window?: boolean }): Promise<Page>;
  /** Run a function in the extension's service worker (chrome.* APIs available). */
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

export function extensionDir(mode: BuildMode): string {
  const dir = EXTENSION_DIRS[mode];
  if (!existsSync(join(dir, 'manifest.json'))) {
    const cmd = mode === 'prod' ? 'npm run build' : 'npm run build:e2e';
    throw new Error(`no built extension in ${dir}: run \`${cmd}\` first`);
  }
  return dir;
}

/**
 * Chromium refuses an extension whose manifest names a __MSG_x__ the default locale does not
 * define, and then simply runs without it. Say so up front instead of timing out on a missing
 * service worker.
 */
export function manifestProblems(dir: string): string[] {
  const manifestText = readFileSync(join(dir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as { default_locale?: string };
  const used = [...new Set([...manifestText.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? ''))];
  if (used.length === 0) return [];
  if (!manifest.default_locale) return [`manifest uses __MSG_ names but has no default_locale`];
  const file = join(dir, '_locales', manifest.default_locale, 'messages.json');
  if (!existsSync(file)) return [`missing ${file}`];
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const lower = new Set(Object.keys(messages).map((k) => k.toLowerCase()));
  return used
    .filter((name) => !lower.has(name.toLowerCase()))
    .map((name) => `__MSG_${name}__ is used in the manifest but not defined in _locales/${manifest.default_locale}/messages.json`);
}

export async function launchExtensionBrowser(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const mode = opts.mode ?? 'prod';
  const ext = extensionDir(mode);
  const problems = manifestProblems(ext);
  if (problems.length) throw new Error(`Chromium would not load ${ext}:\n  ${problems.join('\n  ')}`);
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium)`);
  }
  const headless = opts.headless ?? true;
  const timeZone = opts.timeZone ?? 'Asia/Shanghai';
  // The extension service worker's own requests are routed too only with this switch.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = mkdtempSync(join(tmpdir(), 'buyerbook-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    timezoneId: timeZone,
    viewport: opts.viewport === undefined ? { width: 1280, height: 800 } : opts.viewport,
    env: { ...process.env, TZ: timeZone, ...(opts.lang ? { LANGUAGE: opts.lang.replace('-', '_') } : {}) },
    ...(opts.lang ? { locale: opts.lang } : {}),
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      '--no-sandbox',
      '--disable-extensions-except=' + ext,
      '--load-extension=' + ext,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });

  const guard = new NetworkGuard();
  try {
    await guard.watch(context);

    const worker = await serviceWorker(context);
    const extensionId = new URL(worker.url()).host;

    const inWorker = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
      // MV3 workers may be stopped and restarted; always use the live one.
      const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return (live ?? (await serviceWorker(context))).evaluate(fn as never, arg as never) as Promise<T>;
    };

    const tabIds = () => inWorker(() => chrome.tabs.query({}).then((tabs) => tabs.map((t) => ({ id: t.id ?? -1, url: t.pendingUrl || t.url || '' }))), null);

    const openPage = async (url: string, html: string) => {
      guard.serve(url, html);
      const before = new Set((await tabIds()).map((t) => t.id));
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const tabs = await tabIds();
      // With host access the worker sees the address; without it (a non-platform page in the
      // shipped build) the new tab is the one that was not there before.
      const byUrl = tabs.filter((t) => t.url && withoutHash(t.url) === withoutHash(url) && !before.has(t.id));
      const fresh = tabs.filter((t) => !before.has(t.id));
      const tab = byUrl[0] ?? (fresh.length === 1 ? fresh[0] : undefined);
      if (!tab) throw new Error(`could not find the tab of ${url} (new tabs: ${JSON.stringify(fresh)})`);
      return { page, tabId: tab.id };
    };

    const openPanel = async (tabId: number, o: { window?: boolean } = {}) => {
      const url = `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`;
      if (o.window) {
        // A narrow window beside the page, the size of a side panel (headed `npm start`).
        const pagePromise = context.waitForEvent('page', (p) => p.url().startsWith(url));
        // The page's window gives up its right edge to the panel: both stay on screen.
        await inWorker(async (u) => {
          const [w] = await chrome.windows.getAll({ windowTypes: ['normal'] });
          const width = 420;
          const height = Math.max(400, Math.min(900, w?.height ?? 820));
          const right = (w?.left ?? 0) + (w?.width ?? width);
          if (w?.id !== undefined && (w.width ?? 0) >= 2 * width) await chrome.windows.update(w.id, { width: (w.width ?? 0) - width });
          await chrome.windows.create({ url: u, type: 'popup', width, height, left: Math.max(0, right - width), top: w?.top ?? 0 });
        }, url);
        const panel = await pagePromise;
        await panel.waitForLoadState('load');
        return panel;
      }
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 420, height: 820 });
      await panel.goto(url, { waitUntil: 'load' });
      return panel;
    };

    const close = async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    };

    return { context, extensionId, extensionDir: ext, guard, openPage, openPanel, inWorker, close };
  } catch (err) {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  } catch {
    throw new Error('the extension did not start (no service worker): Chromium did not load it; open chrome://extensions with the same build to see why');
  }
}
