/**
 * Gmail (mail.google.com): the open conversation. Gmail keeps the thread list in the DOM while a
 * thread is open (hidden), and shows no thread at all on the inbox list: without a visible
 * thread subject (h2.hP) the capture is empty.
 *
 * Thread view: h2.hP subject (data-legacy-thread-id), one div.adn[data-message-id] per expanded
 * message with the sender in span.gD[email][name], recipients span.g2[email], the time in
 * span.g3[title], the body in div.a3s; trimmed quoted text sits in div.h5 / .gmail_quote.
 * The signed-in account (the seller) is named by the account button, the page title, the "to me"
 * recipients and GLOBALS; the buyer is the other correspondent (extractors/mail-signature.ts).
 */
import { emptyCapture } from '../../lib/capture';
import { all, clean, first, textOf } from '../dom';
import { bodyLines, bodyLinks, mailCapture, type MailAccount, type MailMessage } from '../mail-signature';
import { findEmails } from '../patterns';
import { parsePageTime } from '../time';
import type { PageAdapter, PlatformModule } from '../types';
import { PLATFORM_MATCHES } from '../platform-matches';

// Quoted earlier mail inside a body: Gmail's own quote, Outlook's reply header, forwarded parts.
const QUOTED = '.gmail_quote, blockquote, .h5, .im, .gmail_extra';
const COLLAPSED = '[role="listitem"], .kv';
const SENDER = '.gD[email], h3 [email]';

/** The signed-in address (the seller). Read even when hidden: it is only used to exclude. */
function account(doc: Document): MailAccount {
  // "Google Account: Tina Xu (tina.xu@example.com)"; the title "Subject - tina.xu@... - Gmail";
  // recipients Gmail writes as "me".
  const emails = findEmails(
    [
      // The account button in any UI language: "Google Account: …", "Google 账号: …", "Google 帳戶：…".
      doc.querySelector('[aria-label^="Google Account"], [aria-label^="Google 账号"], [aria-label^="Google 帳戶"], [aria-label^="Google アカウント"]')?.getAttribute('aria-label'),
      doc.title,
      ...Array.from(doc.querySelectorAll('[email][name="me"]'), (e) => e.getAttribute('email')),
    ].join(' '),
  );
  // GLOBALS carries the account address near its start: a regex, not a parse of the whole array.
  for (const s of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const src = s.textContent ?? '';
    const at = src.indexOf('GLOBALS');
    if (at >= 0) {
      emails.push(...findEmails(src.slice(at, at + 2000)).slice(0, 1));
      break;
    }
  }
  return { emails, names: [] };
}

function readMessage(el: Element): MailMessage {
  const from = first(el, SENDER, '[email]');
  const email = from?.getAttribute('email')?.trim().toLowerCase() || null;
  const name = clean(from?.getAttribute('name')) || textOf(from) || null;
  const to = all(el, '.g2[email], .hb [email]').map((r) => ({
    email: r.getAttribute('email')?.trim().toLowerCase() || null,
    name: clean(r.getAttribute('name')) || null,
  }));
  const when = first(el, '.g3[title]', '.gH [title]', '.g3');
  const time = parsePageTime(when?.getAttribute('title') || when?.getAttribute('alt') || textOf(when));
  const body = first(el, '.a3s', '.ii.gt');
  const lines = bodyLines(body, QUOTED);
  const links = bodyLinks(body, QUOTED);
  return { email, name, to, time, lines, links };
}

function extractThread(doc: Document, url: URL) {
  const subject = first(doc, 'h2.hP', 'h2[data-legacy-thread-id]', 'h2[data-thread-perm-id]');
  // The inbox list, settings, an empty search: no conversation is open.
  if (!subject) return emptyCapture('gmail', url.href);
  const thread = subject.closest('[role="main"]') ?? doc.body;
  // Outermost message nodes only (Gmail nests data-message-id in some layouts), and the collapsed
  // messages of a long thread: a list item with a sender and a time but no body and no message id.
  const outermost = (sel: string) => (m: Element) => !m.parentElement?.closest(sel);
  const expanded = all(thread, '[data-message-id]').filter(outermost('[data-message-id]'));
  const collapsed = all(thread, COLLAPSED)
    .filter((m) => !m.querySelector('[data-message-id]') && !m.closest('[data-message-id]') && m.querySelector(SENDER))
    .filter(outermost(COLLAPSED));
  // 4 is DOCUMENT_POSITION_FOLLOWING: the Node-side runs have no Node global.
  const messages = [...expanded, ...collapsed].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1)).map(readMessage);
  return mailCapture('gmail', url.href, messages, account(doc), textOf(subject));
}

const thread: PageAdapter = {
  id: 'gmail/thread',
  // Every mailbox view: the thread is told apart from the list by the page, not the address
  // (Gmail's reading-pane layouts open threads without changing the #hash shape).
  detect: (u) => u.protocol === 'https:' && u.hostname === 'mail.google.com' && /^\/mail\//.test(u.pathname),
  extract: extractThread,
  observe: 'body',
  examples: {
    positive: [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKmTtVbJqRwZpLcHn',
      'https://mail.google.com/mail/u/1/#label/Buyers/FMfcgzQXKmTtVbJq',
      'https://mail.google.com/mail/u/0/#inbox',
    ],
    negative: [
      'https://mail.google.com/chat/u/0/',
      'https://www.google.com/gmail/about/',
      'https://accounts.google.com/ServiceLogin',
      'https://mail.google.com.example.net/mail/u/0/',
      'http://mail.google.com/mail/u/0/',
    ],
  },
};

export const gmail: PlatformModule = {
  platform: 'gmail',
  matches: PLATFORM_MATCHES.gmail,
  adapters: [thread],
};
