/**
 * The Dexie database. Only the modules in storage/ touch these tables: everything else goes
 * through the repositories, which validate rows and keep derived index fields right.
 */
import Dexie, { type Table } from 'dexie';
import type { BuyerRow, BuyerStepsRow, Inquiry, StepStateRow, Touchpoint } from './schema';
import { SCHEMA_VERSIONS, type SchemaVersion } from './versions';

export const DB_NAME = 'buyerbook';

export interface SettingRow {
  key: string;
  value: unknown;
}

export class BuyerbookDB extends Dexie {
  declare buyers: Table<BuyerRow, string>;
  declare inquiries: Table<Inquiry, string>;
  declare touchpoints: Table<Touchpoint, string>;
  declare settings: Table<SettingRow, string>;
  declare stepStates: Table<StepStateRow, string>;
  declare buyerSteps: Table<BuyerStepsRow, string>;

  /** `versions` defaults to every version; migration tests pass a prefix to open an old schema. */
  constructor(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const dv = this.version(v.version).stores(v.stores);
      if (v.upgrade) dv.upgrade(v.upgrade);
    }
  }
}

let shared: BuyerbookDB | null = null;

/** The extension's database (one instance per JS context). */
export function getDb(): BuyerbookDB {
  shared ??= new BuyerbookDB(DB_NAME);
  return shared;
}

/** A new instance, for tests and the benchmark (a fresh `name` gives an empty database). */
export function openDb(name: string = DB_NAME, opts: { versions?: readonly SchemaVersion[] } = {}): BuyerbookDB {
  return new BuyerbookDB(name, opts.versions ?? SCHEMA_VERSIONS);
}
