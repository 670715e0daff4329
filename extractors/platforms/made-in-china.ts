/** TODO(stub): made-in-china adapters. */
import type { PlatformModule } from '../types';

export const madeInChina: PlatformModule = {
  platform: 'made-in-china',
  matches: [],
  adapters: [],
};
