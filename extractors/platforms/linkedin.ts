/** TODO(stub): linkedin adapters. */
import type { PlatformModule } from '../types';

export const linkedin: PlatformModule = {
  platform: 'linkedin',
  matches: [],
  adapters: [],
};
