/**
 * The only links the panel ever makes from a buyer's details: mailto:, a WhatsApp chat (wa.me),
 * the LinkedIn profile and the buyer's website, each over https or http. Every value came from a
 * page or an import, so a value that would make any other kind of address (javascript:, data:,
 * a chat scheme with a payload) gives no link at all; the panel then offers "copy" only.
 */

/** Schemes a link may have. */
const SAFE_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

/** `href` when it parses and its scheme is one the panel may link to, else null. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href || !URL.canParse(href)) return null;
  const u = new URL(href);
  if (!SAFE_SCHEMES.has(u.protocol)) return null;
  if ((u.protocol === 'https:' || u.protocol === 'http:') && (!u.hostname || u.username || u.password)) return null;
  return u.href;
}

/** A plain address, local@domain, nothing that a mail client would read as a header or a list. */
const EMAIL = /^[^\s@<>()[\]\\,;:"?&=%]+@[^\s@<>()[\]\\,;:"?&=%/]+\.[^\s@<>()[\]\\,;:"?&=%/]+$/u;

export function emailHref(email: string | null | undefined): string | null {
  const e = email?.trim();
  if (!e || !EMAIL.test(e)) return null;
  return safeHref(`mailto:${e}`);
}

/** wa.me takes the international number as digits, without + or zeros. */
export function whatsappHref(e164: string | null | undefined): string | null {
  const m = /^\+([1-9]\d{5,14})$/.exec(e164?.trim() ?? '');
  return m ? `https://wa.me/${m[1]}` : null;
}

/** A LinkedIn address stays a LinkedIn address: https, on linkedin.com or a subdomain of it. */
export function linkedinHref(url: string | null | undefined): string | null {
  const href = safeHref(url);
  if (!href) return null;
  const u = new URL(href);
  const host = u.hostname.toLowerCase();
  if (u.protocol !== 'https:' || !(host === 'linkedin.com' || host.endsWith('.linkedin.com'))) return null;
  return href;
}

export function websiteHref(url: string | null | undefined): string | null {
  const href = safeHref(url);
  return href && !href.startsWith('mailto:') ? href : null;
}
