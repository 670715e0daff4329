/**
 * The one place a backup written by an older schema version is brought up to the current rows.
 * A backup holds rows without their derived index fields, so a version that only adds or changes
 * indexes needs no change to the rows: its step is `same`. A version that changes a stored row's
 * shape adds a function here that turns a row of the version before into a row of its own.
 * tests/unit/storage/backup/row-upgrades.test.ts fails while a schema version has no step.
 */
import { LATEST_VERSION } from '../versions';
import type { BackupTable } from './format';

export type RowUpgrade = (table: BackupTable, row: unknown) => unknown;

const same: RowUpgrade = (_table, row) => row;

/** Step N turns a row of version N - 1 into one of version N. */
export const ROW_UPGRADES: Readonly<Record<number, RowUpgrade>> = {
  // Version 2 added the `*phrases` index of buyers; phrases are derived and recomputed on restore.
  2: same,
  // Version 3 added next steps: `nextDueAt` on buyers and the step tables, all recomputed on restore.
  3: same,
  // Version 4 added the find indexes (country, platforms, createdAt, nameSort), all derived.
  4: same,
};

/** The upgrade from `from` to the current version, or null when a step is missing. */
export function rowUpgradeFrom(from: number): RowUpgrade | null {
  const steps: RowUpgrade[] = [];
  for (let v = from + 1; v <= LATEST_VERSION; v++) {
    const step = ROW_UPGRADES[v];
    if (!step) return null;
    if (step !== same) steps.push(step);
  }
  if (steps.length === 0) return same;
  return (table, row) => steps.reduce((r, step) => step(table, r), row);
}
