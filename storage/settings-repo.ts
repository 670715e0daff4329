/**
 * Settings: one row per top-level key of Settings ({key, value}), so changing one setting never
 * rewrites another and a new setting needs no migration (its zod default applies until set).
 */
import { getDb, type BuyerbookDB } from './db';
import { settingsSchema, type Settings } from './schema';
import { parseRow } from './validate';
import { customSlug, type CustomKindDef } from '../lib/domain';

const KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/** Where the old value of a setting that no longer parsed is kept when the seller saves a new one. */
export const unreadableKey = (k: keyof Settings) => `unreadable:${k}`;

export interface SettingsRead {
  settings: Settings;
  /** Keys whose stored value no longer parses: shown as their default, not yet overwritten. */
  unreadable: (keyof Settings)[];
}

/** The settings, and which stored values no longer parse (the panel says so instead of hiding it). */
export async function readSettings(db: BuyerbookDB = getDb()): Promise<SettingsRead> {
  const rows = await db.settings.bulkGet(KEYS);
  const out: Record<string, unknown> = {};
  const unreadable: (keyof Settings)[] = [];
  KEYS.forEach((k, i) => {
    const row = rows[i];
    if (!row) return;
    const r = settingsSchema.shape[k].safeParse(row.value);
    if (r.success) out[k] = r.data;
    else unreadable.push(k);
  });
  return { settings: settingsSchema.parse(out), unreadable };
}

export async function getSettings(db: BuyerbookDB = getDb()): Promise<Settings> {
  return (await readSettings(db)).settings;
}

/**
 * Writes only the keys in `patch`, so a stored value that no longer parses is never reset by a
 * change to another setting; when the seller saves that very key, its old value is kept aside
 * (unreadableKey) rather than lost.
 */
export async function updateSettings(patch: Partial<Settings>, db: BuyerbookDB = getDb()): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const { settings, unreadable } = await readSettings(db);
    const next = parseRow('settings', settingsSchema, { ...settings, ...patch });
    const keys = KEYS.filter((k) => k in patch);
    for (const k of keys.filter((k) => unreadable.includes(k))) {
      const old = await db.settings.get(k);
      if (old) await db.settings.put({ key: unreadableKey(k), value: old.value });
    }
    await db.settings.bulkPut(keys.map((key) => ({ key, value: next[key] })));
    return next;
  });
}

export type AddKindResult = { kind: 'added'; def: CustomKindDef } | { kind: 'invalid' } | { kind: 'duplicate' };

/** Adds one of the seller's own kinds, named as they typed it; its slug is what touchpoints store. */
export async function addCustomKind(label: string, db: BuyerbookDB = getDb()): Promise<AddKindResult> {
  const name = label.trim().slice(0, 60);
  const slug = customSlug(name);
  if (!name || !slug) return { kind: 'invalid' };
  return db.transaction('rw', db.settings, async () => {
    const { customKinds } = await getSettings(db);
    if (customKinds.some((k) => k.slug === slug)) return { kind: 'duplicate' as const };
    const def = { slug, label: name };
    await updateSettings({ customKinds: [...customKinds, def] }, db);
    return { kind: 'added' as const, def };
  });
}

/** Removes a kind from the choices; touchpoints already logged with it keep it (shown by its slug). */
export async function removeCustomKind(slug: string, db: BuyerbookDB = getDb()): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const { customKinds } = await getSettings(db);
    await updateSettings({ customKinds: customKinds.filter((k) => k.slug !== slug) }, db);
  });
}
