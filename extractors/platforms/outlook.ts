/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com and the newer
 * outlook.cloud.microsoft): the reading pane of the open message or conversation.
 *
 * Outlook's class names are build hashes, so this reads its ids and accessibility labels, as
 * open-source userscripts for it do: the pane #ConversationReadingPaneContainer (one message on
 * its own: #ItemReadingPaneContainer) carrying data-convid; the subject [role=heading][id$=_SUBJECT];
 * one div[aria-label="Email message"] per message with the sender in [id$=_FROM] (the persona
 * button holds the address in its title or aria-label; same-organisation senders show a name
 * only), recipients in [id$=_TO], the time in [id$=_DATETIME] in the user's date order, and the
 * body in [role=document][aria-label="Message body"] (id UniqueMessageBody_N). The conversation
 * may list the newest message first. The message list beside the pane, the inline reply editor
 * and the account manager (the seller) are never read as the buyer.
 */
import { emptyCapture, type RawCapture } from '../../lib/capture';
import { all, clean, first, textOf } from '../dom';
import { bodyLines, bodyLinks, mailCapture, type MailAccount, type MailMessage } from '../mail-signature';
import { findEmails } from '../patterns';
import { isMonthFirst, monthFirstToIso, parsePageTime } from '../time';
import type { PageAdapter, PlatformModule } from '../types';
import { OUTLOOK_HOSTS, PLATFORM_MATCHES } from '../platform-matches';

const PANE = ['#ConversationReadingPaneContainer', '#ItemReadingPaneContainer', '[data-app-section="ConversationContainer"]', '#ReadingPaneContainerId'];
// The read-only body, not the reply editor (also labelled "Message body..." but editable).
const BODY = '[role="document"][aria-label="Message body"]:not([contenteditable="true"]), div[id^="UniqueMessageBody"]:not([contenteditable="true"])';
const FROM = '[id$="_FROM"], [aria-label^="From:"]';
const SENDER = '[id$="_FROM"]';
// Outlook prefixes the classes of a received HTML body with "x_" (x_gmail_quote).
const QUOTED = '[class*="gmail_quote"], blockquote, [contenteditable="true"]';

/** The mailbox owner (the seller): the account manager, its flyout and the folder tree root. */
function account(doc: Document): MailAccount {
  const text = (id: string) => doc.getElementById(id)?.textContent;
  // "Account manager for Kevin Zhou"; the flyout names the account and its address.
  const me = /\bfor\s+([^(@]+)$/.exec(doc.getElementById('O365_MainLink_Me')?.getAttribute('aria-label') ?? '')?.[1];
  const names = [clean(me), clean(text('mectrl_currentAccount_primary'))].filter(Boolean);
  const emails = findEmails(text('mectrl_currentAccount_secondary'));
  // Consumer Outlook names the mailbox only as the folder tree's root; trusted only when single.
  const roots = new Set(all(doc, '[role="tree"] [role="treeitem"][title*="@"]').flatMap((t) => findEmails(t.getAttribute('title'))));
  if (roots.size === 1) emails.push(...roots);
  return { emails, names };
}

/** The sender: the persona holds the address in a title or aria-label, the name in "From: X". */
function sender(from: Element | null): { email: string | null; name: string | null } {
  if (!from) return { email: null, name: null };
  const attrs = [from, ...Array.from(from.querySelectorAll('[title], [aria-label]'))].map((n) => `${n.getAttribute('title')} ${n.getAttribute('aria-label')}`);
  const email = findEmails(attrs.join(' ') + ' ' + from.textContent)[0] ?? null;
  const label = from.closest('[aria-label^="From"]') ?? from.querySelector('[aria-label*=":"], [aria-label*="："]');
  // "From: X" in the UI's language: 发件人, De, Von, Van, Da, Od, 差出人.
  const raw = (label?.getAttribute('aria-label') || textOf(from) || '').replace(/^\s*(?:from|发件人|寄件者|差出人|de|von|van|da|od)\s*[:：]?\s*/i, '');
  return { email, name: clean(raw.replace(/<[^>]*>|[<>()]/g, ' ').replace(email ?? '\u0000', '')) || null };
}

function readMessage(el: Element): MailMessage & { when: string | null } {
  const to = first(el, '[id$="_TO"]', '[aria-label^="To:"]');
  const date = first(el, '[id$="_DATETIME"]');
  const body = first(el, BODY);
  return {
    ...sender(first(el, '[id$="_FROM"]', '[aria-label^="From:"]')),
    to: to ? Array.from(to.querySelectorAll('[title*="@"]')).map((r) => ({ email: findEmails(r.getAttribute('title'))[0] ?? null, name: textOf(r) })) : [],
    time: null,
    when: date?.getAttribute('title') || textOf(date),
    lines: bodyLines(body, QUOTED),
    links: bodyLinks(body, QUOTED),
  };
}

/**
 * One node per message: Outlook's own label, else the nearest ancestor of a body with a sender,
 * plus collapsed messages of a conversation (a sender and a time, no body), each taken up to the
 * largest ancestor that holds no other message, in page order.
 */
function messageNodes(pane: Element): Element[] {
  const labelled = all(pane, '[aria-label="Email message"]');
  if (labelled.length) return labelled;
  const up = (e: Element): Element => (e.parentElement && e.parentElement !== pane && !e.querySelector(FROM) ? up(e.parentElement) : e);
  const nodes = new Set(all(pane, BODY).map(up));
  const alone = (e: Element) => !e.querySelector(BODY) && e.querySelectorAll(SENDER).length <= 1;
  const upCollapsed = (e: Element): Element => (e.parentElement && e.parentElement !== pane && alone(e.parentElement) ? upCollapsed(e.parentElement) : e);
  for (const s of all(pane, SENDER)) if (![...nodes].some((n) => n.contains(s))) nodes.add(upCollapsed(s));
  // 4 is DOCUMENT_POSITION_FOLLOWING: the Node-side runs have no Node global.
  return [...nodes].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

function extractPane(doc: Document, url: URL): RawCapture {
  const pane = first(doc, ...PANE);
  const read = pane ? messageNodes(pane).map(readMessage) : [];
  // No pane, or the empty one ("Select an item to read"): nothing open.
  if (!pane || !read.length) return emptyCapture('outlook', url.href);
  const monthFirst = isMonthFirst(
    read.map((m) => m.when),
    doc.documentElement.lang,
  );
  const messages: MailMessage[] = read.map(({ when, ...m }) => ({
    ...m,
    time: parsePageTime(when && monthFirst ? monthFirstToIso(when) : when),
  }));
  const heading = all(pane, '[role="heading"]').find((h) => !h.closest('[aria-label="Email message"]'));
  return mailCapture('outlook', url.href, messages, account(doc), clean(heading?.getAttribute('title')) || textOf(heading));
}

const readingPane: PageAdapter = {
  id: 'outlook/reading-pane',
  // Every mail view: whether a message is open is read from the page (the list and the reading
  // pane share one address until a message is opened, and a deep link shows one message alone).
  detect: (u) => u.protocol === 'https:' && OUTLOOK_HOSTS.includes(u.hostname) && /^\/mail(?:\/|$)/.test(u.pathname),
  extract: extractPane,
  observe: 'body',
  examples: {
    positive: [
      'https://outlook.office.com/mail/inbox/id/AAQkADk2ZjE0YzQ1AQAIiS7b1kq0xB%3D',
      'https://outlook.office365.com/mail/inbox',
      'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATMwMAItYmI3%3D',
      'https://outlook.cloud.microsoft/mail/deeplink/read/AAMkAGI2TG93%3D',
    ],
    negative: [
      'https://outlook.office.com/calendar/view/week',
      'https://outlook.live.com/owa/',
      'https://outlook.office.com.example.net/mail/inbox',
      'https://login.microsoftonline.com/common/oauth2/authorize',
      'http://outlook.live.com/mail/0/inbox',
    ],
  },
};

export const outlook: PlatformModule = {
  platform: 'outlook',
  matches: PLATFORM_MATCHES.outlook,
  adapters: [readingPane],
};
