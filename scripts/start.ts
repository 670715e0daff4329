/**
 * `npm start`: build the extension, open Chromium with it on a demo Alibaba inquiry, and the side
 * panel beside it, so the first capture happens in the first minute. No account, no network: the
 * demo page (scripts/demo/) is served at its real Alibaba address by request interception, so
 * the Alibaba content script runs on it exactly as on the live site.
 *
 *   npm start                   headed Chromium; close the browser to stop
 *   npm start -- --headless     no window: capture and save the demo buyer, write screenshots of
 *                               the panel to a folder it prints, exit 0 (1 if capture or save failed)
 *   options: --no-build (use the existing .output/chrome-mv3), --out DIR (screenshot folder),
 *            --lang zh-CN (the browser, and so the panel, in Simplified Chinese; default English)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, ROOT, type ExtensionBrowser } from './demo/browser';
import { loadDemoPage } from './demo/demo-page';
import { readBook, readCaptureForm, T } from './demo/panel';

interface Options {
  headless: boolean;
  build: boolean;
  out: string | null;
  lang: string | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { headless: false, build: true, out: null, lang: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--headless') o.headless = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '--out') o.out = argv[++i] ?? null;
    else if (a === '--lang') {
      const lang = argv[++i] ?? '';
      if (!/^(en|zh-CN)$/.test(lang)) {
        console.error(`--lang takes en or zh-CN (the panel's two languages), not ${JSON.stringify(lang)}`);
        process.exit(2);
      }
      o.lang = lang;
    }
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm start [-- --headless] [--no-build] [--out DIR] [--lang en|zh-CN]');
      process.exit(0);
    } else {
      console.error(`unknown option ${a} (try --help)`);
      process.exit(2);
    }
  }
  return o;
}

function build(): void {
  console.log('Building the extension (wxt build)...');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('The build failed.');
    process.exit(r.status ?? 1);
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('No display found (DISPLAY is not set): running the headless demo instead.');
    opts.headless = true;
  }
  if (opts.build) build();

  const demo = loadDemoPage();
  const browser = await launchExtensionBrowser({
    mode: 'prod',
    timeZone: demo.timeZone,
    headless: opts.headless,
    viewport: opts.headless ? { width: 1280, height: 800 } : null,
    lang: opts.lang ?? undefined,
  });
  const { page, tabId } = await browser.openPage(demo.url, demo.html);
  const panel = await browser.openPanel(tabId, { window: !opts.headless });

  if (!opts.headless) {
    await page.bringToFront();
    console.log(
      [
        '',
        'Buyerbook is running in Chromium:',
        `  - a demo Alibaba inquiry from ${demo.expect.buyer.name} (served locally at ${new URL(demo.url).host}, no network)`,
        '  - the Buyerbook panel in the narrow window beside it: check the fields and click Save',
        '  - the Buyers tab lists everyone you saved. Nothing leaves this machine.',
        '',
        'Close the browser to stop.',
      ].join('\n'),
    );
    // Ctrl-C closes the browser too (and removes its temporary profile).
    process.once('SIGINT', () => void browser.close());
    await new Promise<void>((done) => browser.context.on('close', () => done()));
    await browser.close();
    reportLeaks(browser);
    return;
  }

  const ok = await headlessDemo(browser, panel, demo.expect.buyer.name, opts.out);
  await browser.close();
  process.exit(ok ? 0 : 1);
}

function reportLeaks(browser: ExtensionBrowser): boolean {
  if (browser.guard.leaks.length === 0) return true;
  console.error(`Network requests were made (Buyerbook must make none):\n  ${browser.guard.leaks.join('\n  ')}`);
  return false;
}

/** Capture, save, list, open the buyer; a screenshot of the panel at each step. */
async function headlessDemo(browser: ExtensionBrowser, panel: Page, buyerName: string, outArg: string | null): Promise<boolean> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const out = resolve(outArg ?? join(ROOT, 'demo-output', stamp));
  mkdirSync(out, { recursive: true });
  console.log(`Screenshots: ${out}`);
  const shot = async (name: string) => {
    const file = join(out, name);
    // The panel as the seller sees it (420 x 820): a full-page shot would paint the sticky save
    // bar in the middle of the form.
    await panel.screenshot({ path: file });
    console.log(`  wrote ${name}`);
  };

  const step = async (what: string, fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn();
      return true;
    } catch (err) {
      console.error(`FAILED: ${what}: ${(err as Error).message.split('\n')[0]}`);
      await shot('failure.png').catch(() => {});
      return false;
    }
  };

  const captured = await step('capture the demo buyer', async () => {
    const { capture } = await readCaptureForm(panel);
    if (capture.buyer.name !== buyerName) throw new Error(`the panel shows buyer ${JSON.stringify(capture.buyer.name)}, expected ${JSON.stringify(buyerName)}`);
    console.log(`Captured ${capture.buyer.name} (${capture.buyer.company ?? 'no company'}, ${capture.buyer.emails.join(', ') || 'no email'})`);
    await shot('1-capture-form.png');
  });
  if (!captured) return false;

  const saved = await step('save the capture', async () => {
    await panel.locator(T.save).click();
    await panel.locator(T.saved).waitFor({ state: 'visible', timeout: 15_000 });
    const book = await readBook(panel);
    if (!book.buyers.some((b) => b.name === buyerName)) throw new Error('the buyer is not in the buyerbook database after saving');
    console.log(`Saved: ${book.buyers.length} buyer, ${book.inquiries.length} inquiry, ${book.touchpoints.length} touchpoint in IndexedDB`);
    await shot('2-saved.png');
  });
  if (!saved) return false;

  // The list and the detail are shown for the tour; a missing view is reported but the capture
  // and the save, which are what the demo proves, already succeeded.
  const listed = await step('show the buyers list', async () => {
    await panel.locator(T.tabBuyers).click();
    await panel.locator(T.buyerRow).first().waitFor({ state: 'visible', timeout: 10_000 });
    await shot('3-buyers.png');
  });
  const detailed =
    listed &&
    (await step('open the buyer', async () => {
      await panel.locator(T.buyerRow).filter({ hasText: buyerName }).first().click();
      await panel.locator(T.buyerDetail).waitFor({ state: 'visible', timeout: 10_000 });
      await shot('4-buyer-detail.png');
    }));
  // Today: the reply the new inquiry asks for, where the panel opens away from a platform page.
  const today = await step('show Today', async () => {
    await panel.locator(T.tabToday).click();
    await panel.locator('[data-testid="today-view"] [data-testid="today-step"]').first().waitFor({ state: 'visible', timeout: 10_000 });
    await shot('5-today.png');
  });
  if (!listed || !detailed || !today) console.error('(the capture and the save worked)');
  return reportLeaks(browser);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
