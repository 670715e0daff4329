/**
 * Provenance while reading: each shared part says where the values it filled came from, so the
 * panel can show it and ask the seller to check what was read from free text.
 */
import type { CaptureSource, RawCapture } from '../lib/capture';

type Field = keyof RawCapture['buyer'] | keyof RawCapture['inquiry'];

const filled = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v != null && v !== '');

/** Name `source` for each of `fields` that now holds a value and has no source yet. */
export function mark(cap: RawCapture, source: CaptureSource, ...fields: Field[]): void {
  for (const f of fields) {
    const v = f in cap.buyer ? cap.buyer[f as keyof RawCapture['buyer']] : cap.inquiry[f as keyof RawCapture['inquiry']];
    if (!filled(v) || cap.sources?.[f]) continue;
    (cap.sources ??= {})[f] = source;
  }
}

/** Every buyer field, for marking a whole block read one way. */
export const BUYER_FIELDS = ['name', 'company', 'country', 'emails', 'phones', 'whatsapp', 'wechat', 'linkedin', 'website', 'platformBuyerId'] as const;
