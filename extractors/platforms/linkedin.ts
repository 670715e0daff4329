/**
 * LinkedIn profile pages, www.linkedin.com/in/<slug>/ (and the same page with the "Contact info"
 * overlay open, /in/<slug>/overlay/contact-info/).
 *
 * The person is the top card of <main>: the h1 is the name, the small light line under the
 * headline the location, the "Current company" button (or the first Experience entry marked
 * "Present") the company. Contact details exist only in the Contact info overlay, which LinkedIn
 * renders in a modal outside <main>, one <section> per kind (Email, Phone, Website, IM).
 * Never read: the global nav (the seller's own "Me" menu and photo), the right rail ("People
 * also viewed"), the messaging overlay. The seller's own profile is not a buyer: when the
 * profile is the signed-in member's (the name matches the "Me" photo, or the edit-intro
 * control is shown), nothing is captured.
 */
import { emptyCapture, type RawCapture } from '../../lib/capture';
import { all, attrAt, clean, first, textAt, textOf } from '../dom';
import { findEmails, isMasked } from '../patterns';
import type { PageAdapter, PlatformModule } from '../types';
import { PLATFORM_MATCHES } from '../platform-matches';

const PROFILE = /^\/in\/([^/]+)\/?(?:overlay\/contact-info\/?)?$/;

function extractProfile(doc: Document, url: URL): RawCapture {
  const cap = emptyCapture('linkedin', url.href);
  const b = cap.buyer;
  const main = first(doc, 'main') ?? doc.body;
  if (!main) return cap;
  const h1 = first(main, 'h1');
  const name = textOf(h1);
  const me = clean(attrAt(doc, '.global-nav__me-photo', 'alt'));
  // The signed-in member's own profile: nothing on it is a buyer.
  if (!name || !/\p{L}/u.test(name) || name === me || first(main, '[aria-label="Edit intro"],a[href*="/edit/forms/intro"]')) return cap;
  b.name = name;
  b.linkedin = 'https://www.linkedin.com/in/' + (PROFILE.exec(url.pathname)?.[1] ?? '');

  const card = h1?.closest('section') ?? main;
  // "Munich, Bavaria, Germany": the country is the last part (normalizeCountry maps it).
  const place = textAt(card, '.text-body-small.inline.t-black--light.break-words,[class*=top-card__subline-item]');
  b.country = place ? clean(place.split(',').pop()) || null : null;

  // "Current company: Nordhaus Küchentechnik GmbH. Click to skip to experience card"
  const current = attrAt(card, 'button[aria-label^="Current company"]', 'aria-label');
  b.company = current ? clean(/:\s*(.+?)\.?\s*Click to skip/i.exec(current)?.[1] ?? current.split(':')[1]) || null : null;
  if (!b.company) {
    const exp = main.querySelector('#experience')?.closest('section');
    const job = exp ? first(exp, 'li.artdeco-list__item') : null;
    if (job && /present|heute|aujourd|至今|现在/i.test(job.textContent ?? '')) {
      // A single role: "Company · Full-time" under the title; grouped roles: the company is the bold line.
      const grouped = job.querySelector('ul li, .pvs-list');
      b.company = clean((textAt(job, grouped ? '.t-bold' : 'span.t-14.t-normal:not(.t-black--light)') ?? '').split(' · ')[0]) || null;
    }
  }

  // The Contact info overlay, when open.
  const overlay = first(doc, '.pv-contact-info,[aria-labelledby="pv-contact-info"],.artdeco-modal');
  if (overlay) {
    for (const sec of all(overlay, 'section')) {
      const head = textAt(sec, 'h3') ?? '';
      const items = all(sec, 'li,.pv-contact-info__ci-container');
      if (/e-?mail|邮箱/i.test(head)) for (const a of all(sec, 'a[href^="mailto:"]')) b.emails.push(...findEmails(a.getAttribute('href')));
      else if (/phone|电话/i.test(head))
        for (const li of items) {
          const v = textAt(li, 'span') ?? textOf(li);
          if (v && !isMasked(v) && !b.phones.includes(v)) b.phones.push(v);
        }
      else if (/website|网站/i.test(head)) b.website ??= all(sec, 'a[href]').map((a) => a.getAttribute('href') ?? '').find((h) => /^https?:/i.test(h) && !/linkedin\.com/i.test(h)) ?? null;
      else if (/^im$|即时/i.test(head)) b.wechat ??= items.map((li) => textOf(li) ?? '').map((t) => /^(\S+)\s*\(WeChat\)/i.exec(t)?.[1]).find(Boolean) ?? null;
    }
  }
  return cap;
}

const IN = 'https://www.linkedin.com/in/';

const profile: PageAdapter = {
  id: 'linkedin/profile',
  detect: (u) => /^(?:www\.)?linkedin\.com$/i.test(u.hostname) && PROFILE.test(u.pathname),
  extract: extractProfile,
  // The profile and the contact-info modal, not the feed around them.
  observe: 'main, #artdeco-modal-outlet, .artdeco-modal-outlet',
  examples: {
    positive: [IN + 'katrin-albers-4b1a27/', IN + 'katrin-albers-4b1a27/overlay/contact-info/', IN + 'jonas-weber'],
    negative: [
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/company/nordhaus-kuechentechnik/',
      IN + 'katrin-albers-4b1a27/details/experience/',
      'https://www.linkedin.com/messaging/thread/2-YjQ5MzE/',
      'https://www.linkedin.com.evil.example/in/katrin-albers-4b1a27/',
    ],
  },
};

export const linkedin: PlatformModule = {
  platform: 'linkedin',
  matches: PLATFORM_MATCHES.linkedin,
  adapters: [profile],
};
