import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { setMessageSource, t, uiLang, uiLocale, type MessageSource } from '../../../lib/i18n';

type Catalogue = Record<string, { message: string }>;
const source = (catalogue: Catalogue, ui: string): MessageSource => ({
  getMessage: (k) => catalogue[k]?.message ?? '',
  getUILanguage: () => ui,
});

describe('uiLocale: the language of the catalogue Chrome picked', () => {
  afterEach(() => {
    // The unit-test setup's English source, again.
    setMessageSource(source(en as Catalogue, 'en'));
  });

  const cases: [string, Catalogue, string, string, 'en' | 'zh'][] = [
    ['Chinese catalogue, Chinese browser', zh as Catalogue, 'zh-CN', 'zh-CN', 'zh'],
    // Chromium started with --lang=zh-CN but without its Chinese resources: messages are Chinese.
    ['Chinese catalogue, browser says English', zh as Catalogue, 'en-US', 'zh-CN', 'zh'],
    ['English catalogue, British browser: its regional formats', en as Catalogue, 'en-GB', 'en-GB', 'en'],
    // A browser in German gets the default (English) catalogue: dates in English like the strings.
    ['English catalogue, German browser', en as Catalogue, 'de-DE', 'en', 'en'],
  ];
  for (const [name, catalogue, ui, locale, lang] of cases) {
    it(name, () => {
      setMessageSource(source(catalogue, ui));
      expect(uiLocale()).toBe(locale);
      expect(uiLang()).toBe(lang);
    });
  }

  it('answers keys, not blanks, when no source is given', () => {
    setMessageSource(null);
    expect(t('tabBuyers')).toBe('tabBuyers');
    expect(uiLocale()).toBe('en');
  });
});
