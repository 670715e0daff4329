import { useLiveQuery } from 'dexie-react-hooks';
import type { CustomKindDef } from '../lib/domain';
import { getSettings } from '../storage/settings-repo';

const NONE: CustomKindDef[] = [];

/** The seller's own kinds (Settings), read live: a kind added or renamed shows everywhere at once. */
export function useCustomKinds(): CustomKindDef[] {
  return useLiveQuery(() => getSettings().then((s) => s.customKinds, () => NONE), [], NONE);
}
