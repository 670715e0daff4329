/** The settings, live: re-read whenever a setting changes (a backup sets lastBackupAt). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Settings } from '../storage/schema';
import { getSettings } from '../storage/settings-repo';

export function useSettings(): Settings | undefined {
  return useLiveQuery(() => getSettings(), []);
}
