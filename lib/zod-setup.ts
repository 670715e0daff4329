/**
 * zod compiles object parsers with `new Function` unless told not to. The extension pages' CSP
 * (script-src 'self', no 'unsafe-eval') refuses that; zod catches the refusal, but Chrome still
 * reports a CSP violation on every page that parses. Entry points import this module first.
 */
import { config } from 'zod/mini';

config({ jitless: true });
