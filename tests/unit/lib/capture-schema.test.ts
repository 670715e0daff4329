import { describe, expect, it } from 'vitest';
import { rawCaptureSchema } from '../../../lib/capture-schema';
import { emptyCapture, type RawCapture } from '../../../lib/capture';
import { normalizeCapture } from '../../../lib/normalize';

describe('capture provenance (sources)', () => {
  it('is optional: a capture without sources still parses', () => {
    expect(rawCaptureSchema.safeParse(emptyCapture('alibaba', 'https://message.alibaba.com/x')).success).toBe(true);
  });

  it('keeps per-field sources through the schema and normalisation', () => {
    const c: RawCapture = { ...emptyCapture('gmail', 'https://mail.google.com/mail/u/0/'), sources: { name: 'label', phones: 'signature', quantity: 'text' } };
    const parsed = rawCaptureSchema.safeParse(c);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.sources).toEqual({ name: 'label', phones: 'signature', quantity: 'text' });
    expect(normalizeCapture(c).sources).toEqual({ name: 'label', phones: 'signature', quantity: 'text' });
  });

  it('refuses a source that is not one of the known kinds', () => {
    const c = { ...emptyCapture('gmail', 'https://mail.google.com/mail/u/0/'), sources: { name: 'guess' } };
    expect(rawCaptureSchema.safeParse(c).success).toBe(false);
  });
});
