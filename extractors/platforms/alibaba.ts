/** TODO(stub): alibaba adapters. */
import type { PlatformModule } from '../types';

export const alibaba: PlatformModule = {
  platform: 'alibaba',
  matches: [],
  adapters: [],
};
