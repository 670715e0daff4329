import '../lib/zod-setup';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // The toolbar button opens the side panel. Chrome keeps this setting, but it is set again at
  // every start so an update can never leave the button doing nothing.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
