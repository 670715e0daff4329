// Unit-test setup: a real IndexedDB implementation for Dexie, and i18n answered from the English
// catalogue (WXT's fake browser does not implement i18n).
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import { setMessageSource } from '../../lib/i18n';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const englishCatalogue = {
  getUILanguage: () => 'en',
  getMessage: (key: string, subs?: string | string[]) => {
    const entry = (en as Catalogue)[key];
    if (!entry) return '';
    const args = subs == null ? [] : Array.isArray(subs) ? subs : [subs];
    let msg = entry.message;
    for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
      msg = msg.replace(new RegExp(`\\$${name}\\$`, 'gi'), ph.content);
    }
    return msg.replace(/\$(\d)/g, (_, n) => args[Number(n) - 1] ?? '');
  },
};

(fakeBrowser as unknown as { i18n: unknown }).i18n = englishCatalogue;
setMessageSource(englishCatalogue);
