import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import { channelLabel, directionLabel, kindLabel, platformLabel, stageLabel, t } from '../../lib/i18n';
import { CHANNELS, STAGES, TOUCHPOINT_KINDS } from '../../storage/schema';
import { PLATFORMS } from '../../lib/capture';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogues: Record<string, Catalogue> = { en, zh_CN: zh };
const root = resolve(__dirname, '../..');

/** Placeholder names a message uses ($NAME$), lower-cased as Chrome compares them. */
const used = (msg: string) => [...msg.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('message catalogues', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same placeholders, each declared, used and numbered alike', () => {
    for (const [key, entry] of Object.entries(en as Catalogue)) {
      const other = (zh as Catalogue)[key]!;
      expect(other.placeholders ?? {}, key).toEqual(entry.placeholders ?? {});
      for (const [lang, cat] of Object.entries(catalogues)) {
        const e = cat[key]!;
        expect([...new Set(used(e.message))].sort(), `${lang} ${key}`).toEqual(Object.keys(e.placeholders ?? {}).sort());
        // Chrome fills placeholders from $1..$9 only.
        for (const ph of Object.values(e.placeholders ?? {})) expect(ph.content, `${lang} ${key}`).toMatch(/^\$[1-9]$/);
      }
    }
  });

  it('keep the manifest messages and valid message names', () => {
    for (const cat of Object.values(catalogues)) {
      for (const k of ['extName', 'extDescription', 'actionTitle']) expect(cat[k]?.message, k).toBeTruthy();
      expect((cat.extDescription?.message ?? '').length).toBeLessThanOrEqual(132); // Chrome's limit
      for (const [k, e] of Object.entries(cat)) {
        expect(k).toMatch(/^[A-Za-z0-9_]+$/);
        expect(e.message.trim(), k).not.toBe('');
        // A lone "$" must be "$$" in Chrome messages; every other $ is a placeholder or $1..$9.
        expect(e.message.replace(/\$\$|\$[A-Za-z0-9_]+\$|\$\d/g, ''), k).not.toContain('$');
      }
    }
  });

  it('translate the panel into Chinese (no English left where a word is expected)', () => {
    const cjk = /[\u4e00-\u9fff]/;
    const untranslated = Object.entries(zh as Catalogue)
      .filter(([k, e]) => !cjk.test(e.message) && (en as Catalogue)[k]!.message === e.message)
      .map(([k]) => k);
    // Brand names stay as they are in both languages.
    expect(untranslated.sort()).toEqual(
      ['channelFacebook', 'channelWhatsapp', 'fieldWhatsapp', 'platformGmail', 'platformOutlook', 'platformWhatsapp'].sort(),
    );
  });

  it('has every key the panel code asks for', () => {
    const keys = new Set(Object.keys(en));
    const files = [...sources(join(root, 'components')), ...sources(join(root, 'entrypoints/sidepanel')), join(root, 'lib/i18n.ts')];
    const missing: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) if (!keys.has(m[1]!)) missing.push(`${f}: ${m[1]}`);
      for (const m of text.matchAll(/:\s*'((?:stage|channel|kind|direction|platform|error)[A-Z][A-Za-z]+)'/g))
        if (!keys.has(m[1]!)) missing.push(`${f}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('t()', () => {
  it('fills placeholders in order', () => {
    expect(t('duplicatePrompt', 'Jonas Becker', 'Becker GmbH')).toBe('Same company, similar name: is this Jonas Becker (Becker GmbH)?');
    expect(t('listCount', 50, 1234)).toBe('50 of 1234');
  });

  it('labels every stage, channel, kind, direction and platform', () => {
    const labels = [
      ...STAGES.map(stageLabel),
      ...CHANNELS.map(channelLabel),
      ...TOUCHPOINT_KINDS.map(kindLabel),
      directionLabel('in'),
      directionLabel('out'),
      ...PLATFORMS.map(platformLabel),
    ];
    const keys = new Set(Object.keys(en));
    for (const l of labels) {
      expect(l).not.toBe('');
      expect(keys.has(l), `"${l}" is a key, not a label`).toBe(false);
    }
    expect(stageLabel('repeat')).toBe('Repeat buyer');
  });
});
