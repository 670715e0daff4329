/**
 * Debian's Chromium, headless, with the bench build loaded: the same recipe as the browser-test
 * launcher (scripts/demo/browser.ts, whose Chromium path, manifest check and network guard are
 * reused here), for a build folder of our own (`.output/chrome-mv3-bench`), which that launcher
 * does not take. Every request that is neither the extension's own nor a page served here is
 * aborted and recorded: nothing may leave the machine during a run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM, manifestProblems, NetworkGuard } from '../scripts/demo/browser';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  guard: NetworkGuard;
  close(): Promise<void>;
  /**
   * Closes the browser and starts it again on the same profile (the book stays): what a seller's
   * next morning is. The context, extension id and guard are replaced in this object.
   */
  restart(): Promise<void>;
}

export async function launchBench(extensionDir: string, opts: { headless?: boolean; userDataDir?: string; keepProfile?: boolean } = {}): Promise<BenchBrowser> {
  const problems = manifestProblems(extensionDir);
  if (problems.length) throw new Error(`Chromium would not load ${extensionDir}:\n  ${problems.join('\n  ')}`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium)`);
  const headless = opts.headless ?? true;
  // The extension service worker's own requests are routed too only with this switch.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'buyerbook-bench-'));
  const logFile = join(userDataDir, 'chromium.log');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-extensions-except=' + extensionDir,
      '--load-extension=' + extensionDir,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      // Without it performance.memory (the backup's and restore's peak heap) is rounded to coarse
      // buckets and refreshed only every 20 minutes: it read a flat 10 MB while 200 MB were allocated.
      '--enable-precise-memory-info',
      // Chromium's own log: the one place an extension that fails to load says why.
      '--enable-logging',
      '--log-file=' + logFile,
    ],
  });
  const close = async () => {
    await context.close().catch(() => {});
    if (!opts.keepProfile) rmSync(userDataDir, { recursive: true, force: true });
  };

  const guard = new NetworkGuard();
  try {
    await guard.watch(context);
    const worker = await serviceWorker(context, logFile);
    const b: BenchBrowser = {
      context,
      extensionId: new URL(worker.url()).host,
      userDataDir,
      guard,
      close,
      async restart() {
        await b.context.close();
        // Chromium may still be letting go of the profile: starting on it too early attaches to
        // the dying browser, which then closes the new context.
        for (let i = 0; i < 100 && existsSync(join(userDataDir, 'SingletonLock')); i++) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 500));
        const next = await launchBench(extensionDir, { ...opts, userDataDir });
        next.guard.leaks.unshift(...b.guard.leaks); // what the first browser caught still counts
        Object.assign(b, { context: next.context, extensionId: next.extensionId, guard: next.guard, close: next.close });
      },
    };
    return b;
  } catch (err) {
    await close();
    throw err;
  }
}

async function serviceWorker(context: BrowserContext, logFile: string): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 });
  } catch {
    let why = '';
    try {
      why = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => /extension/i.test(l) && /error/i.test(l))
        .join('\n');
    } catch {
      // no log: the message below is all there is
    }
    throw new Error(`the extension did not start (no service worker)${why ? ':\n' + why : ''}`);
  }
}
