/** TODO(stub): gmail adapters. */
import type { PlatformModule } from '../types';

export const gmail: PlatformModule = {
  platform: 'gmail',
  matches: [],
  adapters: [],
};
