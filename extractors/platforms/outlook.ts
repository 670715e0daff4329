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

const HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];
const PANE = ['#ConversationReadingPaneContainer', '#ItemReadingPaneContainer', '[data-app-section="ConversationContainer"]', '#ReadingPaneContainerId'];
// The read-only body, not the reply editor (also labelled "Message body..." but editable).
const BODY = '[role="document"][aria-label="Message body"]:not([contenteditable="true"]), div[id^="UniqueMessageBody"]:not([contenteditable="true"])';
const FROM = '[id$="_FROM"], [aria-label^="From:"]';
const QUOTED = '.gmail_quote, blockquote, [contenteditable="true"]';

/** The mailbox owner (the seller): the account manager, its flyout and the folder tree root. */
function account(doc: Document): MailAccount {
  const emails: string[] = [];
  const names: string[] = [];
  const me = doc.getElementById('O365_MainLink_Me')?.getAttribute('aria-label') ?? '';
  emails.push(...findEmails(me));
  // "Account manager for Kevin Zhou"
  const name = /\bfor\s+(.+)$/i.exec(me)?.[1]?.replace(/\s*\(.*$/, '').trim();
  if (name && !name.includes('@')) names.push(name);
  const primary = clean(doc.getElementById('mectrl_currentAccount_primary')?.textContent);
  if (primary) names.push(primary);
  emails.push(...findEmails(doc.getElementById('mectrl_currentAccount_secondary')?.textContent));
  // Consumer Outlook names the mailbox only as the folder tree's root; trusted only when single.
  const roots = new Set(
    Array.from(doc.querySelectorAll('[role="tree"] [role="treeitem"][title*="@"]')).flatMap((t) => findEmails(t.getAttribute('title'))),
  );
  if (roots.size === 1) emails.push(...roots);
  return { emails, names };
}

/** Text of an element and the title/aria-label attributes on and under it (where the address is). */
function labelled(el: Element | null): string {
  if (!el) return '';
  const nodes = [el, ...Array.from(el.querySelectorAll('[title], [aria-label]'))];
  return nodes.map((n) => `${n.getAttribute('title') ?? ''} ${n.getAttribute('aria-label') ?? ''}`).join(' ') + ' ' + (el.textContent ?? '');
}

function senderName(from: Element | null, email: string | null): string | null {
  if (!from) return null;
  const label = from.matches('[aria-label]') ? from : from.querySelector('[aria-label^="From"]');
  const raw = (label?.getAttribute('aria-label') || textOf(from) || '').replace(/^\s*from\s*:?\s*/i, '');
  const name = clean(raw.replace(/<[^>]*>/g, '').replace(email ?? '\u0000', '').replace(/[<>()]/g, ''));
  return name || null;
}

function readMessage(el: Element): MailMessage & { when: string | null } {
  const from = first(el, '[id$="_FROM"]', '[aria-label^="From:"]');
  const email = findEmails(labelled(from))[0] ?? null;
  const toEl = first(el, '[id$="_TO"]', '[aria-label^="To:"]');
  const to = toEl
    ? Array.from(toEl.querySelectorAll('[title*="@"]')).map((r) => ({ email: findEmails(r.getAttribute('title'))[0] ?? null, name: textOf(r) }))
    : [];
  const date = first(el, '[id$="_DATETIME"]');
  const body = first(el, BODY);
  const lines = bodyLines(body, QUOTED);
  const links = bodyLinks(body, QUOTED);
  return { email, name: senderName(from, email), to, time: null, when: date?.getAttribute('title') || textOf(date), lines, links };
}

/** One node per message: Outlook's own label, else the nearest ancestor of a body with a sender. */
function messageNodes(pane: Element): Element[] {
  const labelled = all(pane, '[aria-label="Email message"]');
  if (labelled.length) return labelled;
  const out: Element[] = [];
  for (const body of all(pane, BODY)) {
    let node: Element = body;
    for (let e = body.parentElement; e && e !== pane; e = e.parentElement) {
      if (e.querySelector(FROM)) {
        node = e;
        break;
      }
    }
    if (!out.includes(node)) out.push(node);
  }
  return out;
}

function extractPane(doc: Document, url: URL): RawCapture {
  const pane = first(doc, ...PANE);
  if (!pane) return emptyCapture('outlook', url.href);
  const read = messageNodes(pane).map(readMessage);
  // No message rendered: the empty reading pane ("Select an item to read").
  if (!read.length) return emptyCapture('outlook', url.href);
  const monthFirst = isMonthFirst(
    read.map((m) => m.when),
    doc.documentElement.lang,
  );
  const messages: MailMessage[] = read.map(({ when, ...m }) => ({
    ...m,
    time: parsePageTime(when && monthFirst ? monthFirstToIso(when) : when),
  }));
  const heading = all(pane, '[role="heading"][id$="_SUBJECT"], [role="heading"]').find((h) => !h.closest('[aria-label="Email message"]'));
  const subject = clean(heading?.getAttribute('title')) || textOf(heading);
  const convId =
    pane.getAttribute('data-convid') ||
    pane.querySelector('[data-convid]')?.getAttribute('data-convid') ||
    /\/id\/([^/?#]+)/.exec(url.pathname)?.[1];
  let threadId: string | null = null;
  try {
    threadId = convId ? decodeURIComponent(convId) : null;
  } catch {
    threadId = convId ?? null;
  }
  return mailCapture('outlook', url.href, messages, account(doc), subject, threadId);
}

const readingPane: PageAdapter = {
  id: 'outlook/reading-pane',
  // Every mail view: whether a message is open is read from the page (the list and the reading
  // pane share one address until a message is opened, and a deep link shows one message alone).
  detect: (u) => u.protocol === 'https:' && HOSTS.includes(u.hostname) && /^\/mail(?:\/|$)/.test(u.pathname),
  extract: extractPane,
  examples: {
    positive: [
      'https://outlook.office.com/mail/inbox/id/AAQkADk2ZjE0YzQ1LTE5NzAtNDc3Ni1hMGJmLTI0ZmQ5YjM1ZDYxNwAQAIiS7b1kq0xBt2d8wXq%2FZ3c%3D',
      'https://outlook.office365.com/mail/inbox',
      'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATMwMAItYmI3Mi1hNDkAZC0wMAItMDAKABAAmIq3U4nKbUiXWk0g9sR3Qg%3D%3D',
      'https://outlook.cloud.microsoft/mail/deeplink/read/AAMkAGI2TG93AAA%3D',
    ],
    negative: [
      'https://outlook.office.com/calendar/view/week',
      'https://outlook.live.com/owa/',
      'https://outlook.office.com/people/',
      'https://www.microsoft.com/en-us/microsoft-365/outlook/email-and-calendar-software-microsoft-outlook',
      'https://outlook.office.com.example.net/mail/inbox',
      'https://login.microsoftonline.com/common/oauth2/authorize',
      'http://outlook.live.com/mail/0/inbox',
    ],
  },
};

export const outlook: PlatformModule = {
  platform: 'outlook',
  matches: HOSTS.map((h) => `https://${h}/mail/*`),
  adapters: [readingPane],
};
