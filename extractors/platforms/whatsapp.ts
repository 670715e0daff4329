/** TODO(stub): whatsapp adapters. */
import type { PlatformModule } from '../types';

export const whatsapp: PlatformModule = {
  platform: 'whatsapp',
  matches: [],
  adapters: [],
};
