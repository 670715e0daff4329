import { defineConfig } from 'wxt';
import { PLATFORM_MODULES } from './extractors/registry';

// Host access only to the platforms' seller pages. Any other page is read through activeTab +
// scripting ("Capture from this page"), which needs no broad host permission.
const platformHosts = [...new Set(PLATFORM_MODULES.flatMap((m) => m.matches))];

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
    // sidePanel: the UI. storage: the panel's per-tab state. activeTab + scripting: capture from
    // any page the seller points at. unlimitedStorage: the book must never be evicted.
    permissions: ['sidePanel', 'storage', 'activeTab', 'scripting', 'unlimitedStorage'],
    host_permissions: mode === 'e2e' ? [...platformHosts, '<all_urls>'] : platformHosts,
    action: { default_title: '__MSG_actionTitle__' },
    // No connection off the extension, ever: extension pages may load and connect to 'self' only.
    ...(mode === 'development'
      ? {}
      : {
          content_security_policy: {
            extension_pages:
              "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-src 'none'; base-uri 'none'; form-action 'none'",
          },
        }),
  }),
  vite: () => ({
    build: { sourcemap: false },
  }),
});
