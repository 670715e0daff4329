/**
 * Patterns for contact details in free text. Light on purpose: the content script carries them.
 * Numbers are returned as written; lib/normalize.ts turns them into E.164.
 */

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}/g;

/** A value shown with stars, ellipses or a "request to view" stand-in is not a contact detail. */
export function isMasked(value: string | null | undefined): boolean {
  if (!value) return true;
  return /[*•●…]|x{3,}|request to view|not shared|申请查看|未公开|--$/i.test(value) || /^-+$/.test(value.trim());
}

export function findEmails(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const m of text.matchAll(EMAIL_RE)) {
    const start = m.index ?? 0;
    // "ma***@gmail.com" would match as "ma" is cut at '*': reject when a mask sits right before.
    if (start > 0 && /[*•●]/.test(text[start - 1] ?? '')) continue;
    const e = m[0].replace(/\.+$/, '').toLowerCase();
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

// International or long local numbers: +49 151 1234 5678, (021) 1234-5678, 0086-138...; at
// least 7 digits and no masking stars.
const PHONE_RE = /(?:\+|00)?\(?\d[\d\s().\-/]{5,22}\d/g;

export function findPhones(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const m of text.matchAll(PHONE_RE)) {
    const raw = m[0].trim();
    const start = m.index ?? 0;
    const after = text[start + m[0].length] ?? '';
    const before = text[start - 1] ?? '';
    if (/[*•]/.test(after) || /[*•]/.test(before)) continue;
    if (/[\w@]/.test(before) && before !== ' ') continue;
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    // Dates and times look like digit runs: 2026-11-19, 14:37.
    if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(raw) || /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(raw)) continue;
    if (!out.includes(raw)) out.push(raw);
  }
  return out;
}

/** WhatsApp numbers: wa.me / api.whatsapp.com links, or a number written after "WhatsApp". */
export function findWhatsApp(text: string | null | undefined, hrefs: string[] = []): string | null {
  for (const h of hrefs) {
    const m = /(?:wa\.me\/|whatsapp\.com\/send\?phone=)\+?(\d{7,15})/i.exec(h);
    if (m) return '+' + m[1];
  }
  if (!text) return null;
  const m = /whats\s?app[^\d+\n]{0,30}((?:\+|00)?\d[\d\s().\-]{6,20}\d)/i.exec(text);
  return m?.[1] && !isMasked(m[1]) ? m[1].trim() : null;
}

/** WeChat ids written after "WeChat"/"微信"; ids are 6-20 chars, letter first. */
export function findWeChat(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /(?:wechat(?:\s*id)?|微信(?:号)?|weixin)\s*[:：]?\s*([A-Za-z][-_A-Za-z0-9]{5,19})\b/i.exec(text);
  return m?.[1] ?? null;
}

/** Web sites written in text (not emails). */
export function findWebsites(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  const re = /\b(?:https?:\/\/)?(?:www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s<>"')]*)?|https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s<>"')]*)?/gi;
  for (const m of text.matchAll(re)) {
    const before = text[(m.index ?? 0) - 1] ?? '';
    if (before === '@') continue;
    const w = m[0].replace(/[.,;]+$/, '');
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

// Quantities and units have their own reader (./quantity.ts) and table (../lib/units.ts).
export { parseQuantity } from './quantity';
export { normalizeUnit } from '../lib/units';
