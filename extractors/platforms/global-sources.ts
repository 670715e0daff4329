/** TODO(stub): global-sources adapters. */
import type { PlatformModule } from '../types';

export const globalSources: PlatformModule = {
  platform: 'global-sources',
  matches: [],
  adapters: [],
};
