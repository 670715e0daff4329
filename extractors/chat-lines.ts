/**
 * The one chat-line reader (OneTalk, TradeMessenger, WhatsApp): what the buyer says about
 * themselves in chat lines ("This is Karim from Haddad Electrical in Beirut", an email, a
 * number) while everything in the seller's own lines (their signature, their number, their
 * company) is excluded, so a seller's "Please contact me at +86 ..." never becomes the buyer's.
 */
import { introCompany, readContacts, type Contacts } from './mail-signature';
import { findEmails, findPhones } from './patterns';
import { cleanName } from './names';

export interface ChatLine {
  text: string;
  /** Written by the seller (an outgoing message). */
  mine: boolean;
  hrefs?: string[];
}

export interface ChatDetails extends Contacts {
  /** The name the buyer gives ("This is X", "My name is X", "Me llamo X", "我是X"). */
  name: string | null;
  /** The place the buyer names in the self-introduction ("… in Beirut, Lebanon"). */
  place: string | null;
}

const UPPER_NAME = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Sr|Sra)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:al|el|bin|de|da|van|von|del|dos)[-\s])?\p{Lu}[\p{L}'’-]+){0,3}`;
const INTRO_NAME = new RegExp(
  String.raw`(?:\b(?:[Tt]his is|I am|I'm|[Mm]y name is|[Mm]e llamo|[Mm]i nombre es|[Ss]oy|[Mm]eu nome é|[Ee]u sou|[Nn]azywam się|[Jj]estem)\s+(${UPPER_NAME}))|(?:(?:我是|我叫)([\p{Script=Han}]{2,4})(?=[，,。.！!\s]|$))|(?:(?:私は|わたしは)([\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]{2,8}?)(?:と申します|です))`,
  'u',
);
// Words that follow "I am" without being a name: "I am Interested", "This is Urgent".
const NOT_A_NAME = /^(?:interested|looking|writing|contacting|sending|from|with|the|a|an|here|urgent|regarding|happy|glad|sorry|ready|still|just|also|now|very|so|not)\b/i;

/** The name a correspondent gives in a self-introduction, without honorifics. */
export function introName(text: string | null | undefined): string | null {
  for (const line of (text ?? '').split('\n')) {
    const m = INTRO_NAME.exec(line);
    const raw = m?.[1] ?? m?.[2] ?? m?.[3];
    if (!raw || NOT_A_NAME.test(raw)) continue;
    // "This is Karim Haddad From Haddad": stop at a preposition a title-cased line may carry.
    const cut = raw.split(/\s+(?:From|Of|At|With|In)\b/)[0] ?? raw;
    const name = cleanName(cut);
    if (name) return name;
  }
  return null;
}

/** The emails, numbers and company the seller's own lines give (with `extra`): never the buyer's. */
export function sellerValues(lines: ChatLine[], extra: string[] = []): string[] {
  const seller = lines.filter((l) => l.mine).map((l) => l.text).join('\n');
  const own = introCompany(seller).company;
  return [...extra, ...findEmails(seller), ...findPhones(seller), ...(own ? [own] : [])];
}

export interface ChatIntro {
  name: string | null;
  company: string | null;
  place: string | null;
  emails: string[];
  /** The buyer's lines as one text, and what the seller's lines exclude. */
  text: string;
  hrefs: string[];
  exclude: string[];
}

/**
 * Who the buyer says they are and the addresses they give, the seller's own lines excluded. The
 * light half of the reader: pages with a contact card need no more (a smaller content script).
 */
export function readChatIntro(lines: ChatLine[], opts: { email?: string | null; exclude?: string[] } = {}): ChatIntro {
  const buyer = lines.filter((l) => !l.mine && l.text);
  const text = buyer.map((l) => l.text).join('\n');
  const hrefs = buyer.flatMap((l) => l.hrefs ?? []);
  const exclude = sellerValues(lines, opts.exclude);
  const emails = [...findEmails(text), ...findEmails(hrefs.join(' '))].filter((e, i, a) => a.indexOf(e) === i && !exclude.includes(e));
  const intro = introCompany(text, opts.email ?? emails[0]);
  const company = intro.company && !exclude.includes(intro.company) ? intro.company : null;
  return { name: introName(text), company, place: intro.place, emails, text, hrefs, exclude };
}

/** The buyer's details from the lines of a chat; the seller's own lines only exclude. */
export function readChatLines(lines: ChatLine[], opts: { email?: string | null; exclude?: string[] } = {}): ChatDetails {
  const { text, hrefs, exclude, ...intro } = readChatIntro(lines, opts);
  const email = opts.email ?? intro.emails[0] ?? null;
  const contacts = readContacts(text.split('\n'), { hrefs, email, chat: true, exclude });
  return { ...contacts, emails: intro.emails, company: intro.company ?? contacts.company, name: intro.name, place: intro.place };
}
