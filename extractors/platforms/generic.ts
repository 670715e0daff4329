/** TODO(stub): generic adapters. */
import type { PlatformModule } from '../types';

export const generic: PlatformModule = {
  platform: 'generic',
  matches: [],
  adapters: [],
};
