import { resolve as resolvePath } from 'node:path';
import { defineConfig } from 'wxt';
import { ALL_PLATFORM_MATCHES } from './extractors/platform-matches';
import { CAPTURE_COMMAND } from './lib/messages';

// Host access only to the platforms' seller pages. Any other page is read through activeTab +
// scripting ("Capture from this page"), which needs no broad host permission.
const platformHosts = ALL_PLATFORM_MATCHES;

/** Build modes that include the benchmark page entrypoints/bench/ (see the hook below). */
const BENCH_PAGE_MODES = ['bench', 'e2e'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // The e2e mode is the production build plus host access to every page, only so the browser
  // tests can run "Capture from this page" without a toolbar click (Playwright cannot grant
  // activeTab). It has its own output folder and is never shipped.
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // sidePanel: the UI. activeTab + scripting: capture from any page the seller points at.
    // unlimitedStorage: the book (IndexedDB) must never be evicted. No `storage`: nothing uses it.
    // contextMenus: "Buyerbook: use as email…" on selected text, where a reader missed a field.
    // alarms: the badge of steps due today is redrawn while the service worker sleeps, and the
    // daily reminder fires. notifications: only the reminder, asked when the seller turns it on.
    // offscreen: the scheduled backup's document (a service worker makes no blob: URL). downloads
    // is asked for when the seller turns the scheduled backup on (the e2e build has it granted:
    // a headless browser shows no prompt).
    permissions: ['sidePanel', 'activeTab', 'scripting', 'unlimitedStorage', 'contextMenus', 'alarms', 'offscreen', ...(mode === 'e2e' ? ['downloads'] : [])],
    optional_permissions: mode === 'e2e' ? ['notifications'] : ['notifications', 'downloads'],
    host_permissions: mode === 'e2e' ? [...platformHosts, '<all_urls>'] : platformHosts,
    action: { default_title: '__MSG_actionTitle__' },
    // A command grants activeTab on the page it is pressed on (a click inside the panel does not),
    // so it is the keyboard way to open the panel and capture any page (entrypoints/background.ts).
    commands: {
      [CAPTURE_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandCapturePage__',
      },
    },
    // No connection off the extension, ever: extension pages may load and connect to 'self' only.
    ...(mode === 'development'
      ? {}
      : {
          content_security_policy: {
            extension_pages:
              "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'; img-src 'self' data:; style-src 'self'; frame-src 'none'; base-uri 'none'; form-action 'none'",
          },
        }),
  }),
  vite: () => ({
    build: { sourcemap: false },
  }),
  hooks: {
    // Content scripts run on every inquiry page, so they stay small: Chrome's own extension API is
    // promise-based in MV3, and webextension-polyfill (10 KB) is needed only by extension pages.
    // A build made only of content scripts gets WXT's native `browser` instead of the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const native = { find: /^wxt\/browser$/, replacement: resolvePath('node_modules/wxt/dist/browser.mjs') };
      const alias = config.resolve?.alias;
      const list = Array.isArray(alias)
        ? alias.filter((a) => a.find !== 'wxt/browser')
        : Object.entries(alias ?? {}).filter(([k]) => k !== 'wxt/browser').map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [native, ...list] };
    },
    // entrypoints/bench/ (the benchmark page, `npm run bench`) exists only in the bench and e2e
    // builds: it is removed from the list here so no other build, production above all, ships it.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (BENCH_PAGE_MODES.includes(wxt.config.mode)) return;
      const keep = entrypoints.filter((e) => e.name !== 'bench');
      entrypoints.splice(0, entrypoints.length, ...keep);
    },
  },
});
