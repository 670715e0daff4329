/** TODO(stub): outlook adapters. */
import type { PlatformModule } from '../types';

export const outlook: PlatformModule = {
  platform: 'outlook',
  matches: [],
  adapters: [],
};
