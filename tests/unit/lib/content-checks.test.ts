/**
 * The content scripts' zod-free checks accept exactly what the zod schemas accept: the schemas
 * stay the specification, the checks keep zod's 14 KB out of every content script.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { captureReadSchema } from '../../../lib/capture-read';
import { isCaptureRead, isGlobalName, isPageDataAnswer } from '../../../lib/content-checks';

const globalNameSchema = z.string().check(z.regex(/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/), z.maxLength(100));
const pageDataAnswerSchema = z.string().check(z.maxLength(4_000_000));

const values: unknown[] = [
  { type: 'buyerbook/capture-read' },
  { type: 'buyerbook/capture-read', then: 1 },
  { type: 'buyerbook/capture-changed' },
  { type: ['buyerbook/capture-read'] },
  'buyerbook/capture-read',
  ['buyerbook/capture-read'],
  null,
  undefined,
  42,
  {},
  '__crm_card_data__',
  'PAGE_DATA.index',
  'a;alert(1)',
  '1abc',
  'a'.repeat(100),
  'a'.repeat(101),
  '',
  '{"a":1}',
  'x'.repeat(4_000_001),
];

describe('content-script checks agree with their zod schemas', () => {
  it.each(values.map((v) => [typeof v === 'string' && v.length > 50 ? `${v.slice(0, 10)}…(${v.length})` : JSON.stringify(v), v]))('%s', (_label, v) => {
    expect(isCaptureRead(v)).toBe(captureReadSchema.safeParse(v).success);
    expect(isGlobalName(v)).toBe(globalNameSchema.safeParse(v).success);
    expect(isPageDataAnswer(v)).toBe(pageDataAnswerSchema.safeParse(v).success);
  });
});
