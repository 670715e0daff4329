/**
 * Settings: one row per top-level key of Settings ({key, value}), so changing one setting never
 * rewrites another and a new setting needs no migration (its zod default applies until set).
 */
import { getDb, type BuyerbookDB } from './db';
import { settingsSchema, type Settings } from './schema';
import { parseRow } from './validate';

const KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

export async function getSettings(db: BuyerbookDB = getDb()): Promise<Settings> {
  const rows = await db.settings.bulkGet(KEYS);
  const out: Record<string, unknown> = {};
  KEYS.forEach((k, i) => {
    const row = rows[i];
    if (!row) return;
    // A stored value that no longer parses falls back to its default instead of breaking the panel.
    const r = settingsSchema.shape[k].safeParse(row.value);
    if (r.success) out[k] = r.data;
  });
  return settingsSchema.parse(out);
}

export async function updateSettings(patch: Partial<Settings>, db: BuyerbookDB = getDb()): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = parseRow('settings', settingsSchema, { ...(await getSettings(db)), ...patch });
    await db.settings.bulkPut(KEYS.map((key) => ({ key, value: next[key] })));
    return next;
  });
}
