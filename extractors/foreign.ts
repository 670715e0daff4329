/**
 * The other people a back-office page shows, for PageAdapter.foreign (and so the last line of
 * defence, guard-capture.ts): the seller's own account and replies, the other rows of an inbox
 * list, the other conversations of a chat app. A reader names the parts of its page where they
 * are; this collects their emails, phone numbers and names. A value the open buyer's own parts
 * also show (the same buyer's earlier inquiry in the list, the buyer's address quoted in a
 * reply) is kept out, so the guard never drops the buyer's own details.
 */
import { all, clean } from './dom';
import { findEmails, findPhones } from './patterns';

const digits = (s: string) => s.replace(/\D/g, '');
// The parts of a row that hold a person's name: short, with a letter, no address in it.
const NAME_PARTS = '[class*=name],[class*=nick],[class*=user],[class*=who],[class*=sender],a,b,strong,em';

/** The text of an element with a space between its nodes: "<b>Ruiz</b><i>carlos@…</i>" is two words, not one address. */
function spaced(el: Element): string {
  const out: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
  return out.join(' ');
}

/**
 * Emails, phone numbers and names in `zones` (elements of other people), without the values that
 * also appear in `own` (the open buyer's card, message or header).
 */
export function foreignValues(zones: Element[], own: (Element | null | undefined)[]): string[] {
  const mine = own.map((e) => e?.textContent ?? '').join('\n');
  const mineLow = mine.toLowerCase();
  const mineDigits = mine.split(/\n/).map(digits).join(' ');
  const out = new Set<string>();
  for (const z of zones) {
    if (own.some((o) => o && (o === z || o.contains(z) || z.contains(o)))) continue;
    const text = spaced(z);
    for (const e of findEmails(text)) if (!mineLow.includes(e)) out.add(e);
    for (const p of findPhones(text)) if (digits(p).length >= 7 && !mineDigits.includes(digits(p).slice(-9))) out.add(p);
    for (const n of [z, ...Array.from(z.querySelectorAll(NAME_PARTS))]) {
      const t = clean(n.textContent);
      if (t && t.length <= 40 && n.children.length <= 1 && /\p{L}/u.test(t) && !/[@\d:：]/.test(t) && !mineLow.includes(t.toLowerCase())) out.add(t);
    }
  }
  return [...out];
}

const OPEN = /\b(?:active|current|selected|on|open|checked)\b/i;
const OPEN_SEL = '.active,.current,.selected,.on,.open,[aria-selected=true]';

/** Rows of inbox lists, chat sessions, contact lists and "other inquiries" blocks, in any of their class names. */
export const ROWS =
  '[class*=list] li,[class*=list] tr,[class*=list]>div,[class*=row],[class*=item],[class*=session],[class*=conv],[class*=contact],[class*=other] p,[class*=other] li,[class*=recent] li';

/** The elements matching `selector` under `root` that neither are nor hold the open item (active, current, selected). */
export function otherRows(root: ParentNode, selector: string = ROWS): Element[] {
  return all(root, selector).filter((e) => !OPEN.test(e.getAttribute('class') ?? '') && e.getAttribute('aria-selected') !== 'true' && !e.querySelector(OPEN_SEL));
}

/** Where back offices put the seller's own account: the top bar, the header, the account menu. */
export const SELLER_BAR = 'header,[id*=header],[class*=header],[class*=hdr],[class*=top],[class*=welcome],[class*=account],[class*=acct],[class*=self]';
