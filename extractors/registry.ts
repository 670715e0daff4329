/**
 * Every platform Buyerbook reads, in the order addresses are tried. The generic adapter is last:
 * it accepts any page ("Capture from this page"). tests/unit/registry.test.ts checks that each
 * platform has its content script, example addresses and fixtures.
 */
import type { PlatformModule } from './types';
import { alibaba } from './platforms/alibaba';
import { madeInChina } from './platforms/made-in-china';
import { globalSources } from './platforms/global-sources';
import { gmail } from './platforms/gmail';
import { outlook } from './platforms/outlook';
import { whatsapp } from './platforms/whatsapp';
import { linkedin } from './platforms/linkedin';
import { generic } from './platforms/generic';

export const PLATFORM_MODULES: PlatformModule[] = [alibaba, madeInChina, globalSources, gmail, outlook, whatsapp, linkedin];

/** The platform modules plus the generic fallback, for "Capture from this page" and the CLI. */
export const ALL_MODULES: PlatformModule[] = [...PLATFORM_MODULES, generic];
