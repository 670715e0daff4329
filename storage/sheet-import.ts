/**
 * Import of buyers from a CSV or Excel sheet (another CRM's export, a trade-show lead list, or
 * Buyerbook's own buyers CSV). Three steps, each one callable on its own by the panel:
 *   readSheet    the file as a header row and rows of text (CSV in UTF-8 or GB18030, or .xlsx);
 *   planImport   every row turned into a buyer with the column mapping, validated, and matched
 *                against the book by the recognition of capture (findBuyersByIdentities), else by
 *                the same name at the same company; rows skipped are reported with their reason;
 *   applyImport  the plan written in one transaction: new buyers created, matches merged with
 *                mergeBuyerFields (nothing the book knew is dropped).
 */
import Papa from 'papaparse';
import { readSheet as readXlsxSheet } from 'read-excel-file/universal';
import { PLATFORMS, type Platform } from '../lib/capture';
import { guessMapping, type ImportField } from '../lib/column-mapping';
import { splitList, unescapeCell } from '../lib/csv';
import { companyKey, nameKey } from '../lib/match-names';
import { normalizeCountry, normalizeEmail, normalizeLinkedIn, normalizePhone, normalizeWebsite } from '../lib/normalize';
import { fromBuyerRow, matchKeysOf, toBuyerRow, uniqStrings } from './buyer-row';
import { bulkImport } from './bulk-import';
import { findBuyersByIdentities, mergeBuyerFields } from './buyers-repo';
import { getDb, type BuyerbookDB } from './db';
import { refreshDerived, writeBook } from './derived-fields';
import { newId } from './ids';
import { STAGES, type Buyer, type BuyerRow, type Stage } from './schema';
import { StorageValidationError } from './validate';

export interface SheetTable {
  headers: string[];
  rows: string[][];
  /**
   * The row number of the header as a spreadsheet shows it, when it is not the first row (a
   * title or blank rows above it); the rows follow it, every one of them kept, blank or not.
   */
  headerRow?: number;
}

/** A sheet larger than this is refused before it is read: an import is buyers, not a database. */
export const MAX_IMPORT_ROWS = 100_000;

export class SheetError extends Error {
  /** unclosedQuote: the detail is the row number of the cell whose quote is never closed. */
  constructor(readonly reason: 'unreadable' | 'empty' | 'noRows' | 'tooLarge' | 'oldExcel' | 'notSheet' | 'unclosedQuote', detail = '') {
    super(detail || reason);
    this.name = 'SheetError';
  }
}

/** The first bytes of an OLE compound file: Excel 97–2003 (.xls), which no reader here opens. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function decodeText(bytes: Uint8Array): string {
  // Excel's "Unicode text" is UTF-16 with a byte-order mark (tab-separated).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Excel in a Chinese Windows saves "CSV" in GBK; GB18030 reads it.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Text no sheet has: a NUL, or many control characters or undecodable bytes near the start. An
 * image, a PDF or a database file decodes to such text, and would otherwise be previewed as
 * rows of nonsense, each "skipped: no name".
 */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  if (head.includes('\u0000')) return true;
  const odd = head.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return odd > Math.max(2, head.length / 50);
}

const blankRow = (r: readonly string[]) => r.every((c) => c.trim() === '');

/**
 * The header among the first rows: the one the most columns are recognised in (the first of
 * equals), so a title line or blank lines above it (a lead list as printed) are passed over.
 * Without any recognised header, the first row that is not blank: the seller maps it by hand.
 */
const HEADER_SEARCH_ROWS = 20;
function headerIndex(all: readonly string[][]): number {
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < Math.min(all.length, HEADER_SEARCH_ROWS); i++) {
    const count = guessMapping(all[i]!).filter(Boolean).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  return best >= 0 ? best : all.findIndex((r) => !blankRow(r));
}

/** Rows of cells as read (blank rows kept, trailing ones dropped) into a header and its rows. */
function toTable(all: string[][]): SheetTable {
  while (all.length && blankRow(all[all.length - 1]!)) all.pop();
  if (all.length === 0) throw new SheetError('empty');
  const at = headerIndex(all);
  const rows = all.slice(at + 1);
  if (rows.length > MAX_IMPORT_ROWS) throw new SheetError('tooLarge', String(rows.length));
  return { headers: all[at]!.map((h) => h.trim()), rows, ...(at > 0 ? { headerRow: at + 1 } : {}) };
}

/**
 * Every line end outside quotes made "\n": papaparse takes the first kind it meets for the whole
 * file, so rows pasted together from Mac, Windows and Unix files ran into each other's cells.
 * Line ends inside a quoted cell are the cell's own and stay as they are. Trailing line ends go:
 * papaparse's delimiter guess counts the empty last line, and took a two-column tab or semicolon
 * sheet for one column.
 */
function oneKindOfLineEnd(text: string): string {
  let out = '';
  let from = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 13 && !quoted) {
      out += text.slice(from, i) + '\n';
      if (text.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
  }
  return (out + text.slice(from)).replace(/\n+$/, '');
}

export function parseCsvText(text: string): SheetTable {
  // Blank rows are kept (reported as empty) so every row keeps the number a spreadsheet shows.
  const parsed = Papa.parse<string[]>(oneKindOfLineEnd(text), { skipEmptyLines: false, newline: '\n' });
  // A quote never closed swallows every row after it into one cell: refused, with its row, rather
  // than previewed as one buyer with the rest of the sheet in its company.
  const open = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (open) throw new SheetError('unclosedQuote', String((open.row ?? 0) + 1));
  return toTable(parsed.data.map((r) => r.map((c) => unescapeCell(String(c ?? '')))));
}

const cellText = (c: unknown): string => (c == null ? '' : c instanceof Date ? c.toISOString() : String(c));

/** A CSV or .xlsx file (told apart by its bytes: an .xlsx is a zip, "PK"). */
export async function readSheet(file: Blob): Promise<SheetTable> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (err) {
    throw new SheetError('unreadable', err instanceof Error ? err.message : String(err));
  }
  if (bytes.length === 0) throw new SheetError('empty');
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw new SheetError('oldExcel');
  let table: SheetTable;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let data: unknown[][];
    try {
      data = (await readXlsxSheet(new Blob([bytes as Uint8Array<ArrayBuffer>]))) as unknown[][];
    } catch (err) {
      throw new SheetError('unreadable', err instanceof Error ? err.message : String(err));
    }
    table = toTable(data.map((r) => r.map(cellText)));
  } else {
    const text = decodeText(bytes);
    if (looksBinary(text)) throw new SheetError('notSheet');
    table = parseCsvText(text);
  }
  if (table.rows.every(blankRow)) throw new SheetError('noRows');
  return table;
}

export type SkipReason = 'empty' | 'invalid' | 'duplicateInFile';

export interface PlannedRow {
  /** The row's number in the sheet as a spreadsheet shows it (the header is row 1). */
  line: number;
  status: 'new' | 'merge' | 'skip';
  buyer: Buyer | null;
  /** merge: the buyer of the book it is merged into. */
  match: Buyer | null;
  reason: SkipReason | null;
  /** invalid: what is wrong; duplicateInFile: the line of the row it repeats. */
  detail: string;
  /** Values of the row that were not understood and left out (an email that is not one). */
  dropped: string[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  counts: { new: number; merge: number; skip: number };
}

const pick = (row: string[], mapping: readonly (ImportField | null)[], field: ImportField): string[] =>
  mapping.flatMap((f, i) => (f === field && row[i]?.trim() ? [row[i]!.trim()] : []));

function platformIdsOf(cells: string[], dropped: string[]): Buyer['platformIds'] {
  const out: Buyer['platformIds'] = [];
  for (const item of cells.flatMap((c) => c.split(/[;；\n]/))) {
    const m = /^\s*([a-z-]+):(.+?)\s*$/.exec(item);
    if (m && (PLATFORMS as readonly string[]).includes(m[1]!)) out.push({ platform: m[1] as Platform, id: m[2]! });
    else if (item.trim()) dropped.push(item.trim());
  }
  return out;
}

/** The buyer a sheet row describes (not validated yet), and the values left out. */
export function rowToBuyer(row: string[], mapping: readonly (ImportField | null)[], now: number): { buyer: Buyer; dropped: string[] } {
  const dropped: string[] = [];
  const one = (f: ImportField) => pick(row, mapping, f)[0] ?? null;
  const country = normalizeCountry(one('country'));
  if (one('country') && !country) dropped.push(one('country')!);
  const normalized = <T>(cells: string[], fn: (s: string) => T | null): T[] =>
    cells.flatMap(splitList).flatMap((s) => {
      const v = fn(s);
      if (v == null) dropped.push(s);
      return v == null ? [] : [v];
    });
  const emails = normalized(pick(row, mapping, 'email'), normalizeEmail);
  const phones = normalized(pick(row, mapping, 'phone'), (s) => normalizePhone(s, country));
  const whatsapp = normalized(pick(row, mapping, 'whatsapp'), (s) => normalizePhone(s, country))[0] ?? null;
  const linkedinRaw = one('linkedin');
  const linkedin = normalizeLinkedIn(linkedinRaw);
  if (linkedinRaw && !linkedin) dropped.push(linkedinRaw);
  const websiteRaw = one('website');
  const website = normalizeWebsite(websiteRaw);
  if (websiteRaw && !website) dropped.push(websiteRaw);
  const stageRaw = one('stage')?.toLowerCase() ?? null;
  const stage = (STAGES as readonly string[]).includes(stageRaw ?? '') ? (stageRaw as Stage) : 'new';
  if (stageRaw && stage === 'new' && stageRaw !== 'new') dropped.push(one('stage')!);
  const fullName = one('name') ?? ([one('firstName'), one('lastName')].filter(Boolean).join(' ') || null);
  return {
    buyer: {
      id: newId(),
      name: fullName,
      company: one('company'),
      country,
      emails: uniqStrings(emails),
      phones: uniqStrings(phones),
      whatsapp,
      wechat: one('wechat'),
      linkedin,
      website,
      platformIds: platformIdsOf(pick(row, mapping, 'platformIds'), dropped),
      tags: uniqStrings(pick(row, mapping, 'tags').flatMap((c) => c.split(/[;；,，、\n]/)).map((t) => t.trim())),
      stage,
      notes: pick(row, mapping, 'notes').join('\n\n'),
      createdAt: now,
      updatedAt: now,
      lastContactAt: null,
    },
    dropped,
  };
}

const identityKeys = (b: Buyer): string[] => [
  ...b.emails.map((e) => `e:${e}`),
  ...uniqStrings([...b.phones, b.whatsapp]).map((p) => `p:${p}`),
  ...(b.wechat ? [`w:${b.wechat.toLowerCase()}`] : []),
  ...(b.linkedin ? [`l:${b.linkedin}`] : []),
  ...b.platformIds.map((p) => `x:${p.platform}:${p.id}`),
];

const hasAnything = (b: Buyer) =>
  !!(b.name || b.company || b.emails.length || b.phones.length || b.whatsapp || b.wechat || b.linkedin || b.website);

/** Values per anyOf query of the name lookup. */
const NAME_QUERY_VALUES = 1000;

/**
 * Same name at the same company: the match for a row with no email, phone or other identity
 * (the most recently updated such buyer). Looked up for all the rows at once by the `matchKeys`
 * index, each name key or, for a name too short to have one, the company's.
 */
async function sameNameAndCompany(buyers: readonly Buyer[], db: BuyerbookDB): Promise<(Buyer | null)[]> {
  const want = buyers.map((b) => {
    if (!b.name || !b.company) return null;
    const n = nameKey(b.name);
    const c = companyKey(b.company);
    const key = matchKeysOf(b).find((k) => k.startsWith(n.length > 1 ? 'n:' : 'c:'));
    return key ? { n, c, key } : null;
  });
  const keys = [...new Set(want.flatMap((w) => (w ? [w.key] : [])))];
  const byKey = new Map<string, BuyerRow[]>();
  for (let i = 0; i < keys.length; i += NAME_QUERY_VALUES) {
    const part = keys.slice(i, i + NAME_QUERY_VALUES);
    const wanted = new Set(part);
    for (const row of await db.buyers.where('matchKeys').anyOf(part).distinct().toArray()) {
      for (const k of row.matchKeys) {
        if (!wanted.has(k)) continue;
        const list = byKey.get(k);
        if (list) list.push(row);
        else byKey.set(k, [row]);
      }
    }
  }
  return want.map((w) => {
    if (!w) return null;
    const same = (byKey.get(w.key) ?? []).filter((x) => nameKey(x.name) === w.n && companyKey(x.company) === w.c);
    same.sort((a, b) => b.updatedAt - a.updatedAt);
    return same[0] ? fromBuyerRow(same[0]) : null;
  });
}

export async function planImport(
  table: SheetTable,
  mapping: readonly (ImportField | null)[] = guessMapping(table.headers),
  db: BuyerbookDB = getDb(),
  now: number = Date.now(),
): Promise<ImportPlan> {
  const rows: PlannedRow[] = [];
  // Rows of the file that describe one buyer: the later rows are folded into the first one.
  const firstByKey = new Map<string, PlannedRow>();
  const toMatch: { plan: PlannedRow; buyer: Buyer }[] = [];
  const firstLine = (table.headerRow ?? 1) + 1;
  for (const [i, cells] of table.rows.entries()) {
    const line = firstLine + i;
    const { buyer, dropped } = rowToBuyer(cells, mapping, now);
    const plan: PlannedRow = { line, status: 'skip', buyer: null, match: null, reason: null, detail: '', dropped };
    rows.push(plan);
    if (!hasAnything(buyer)) {
      plan.reason = 'empty';
      continue;
    }
    try {
      toBuyerRow(buyer);
    } catch (err) {
      plan.reason = 'invalid';
      plan.detail = err instanceof StorageValidationError ? err.issues.map((x) => `${x.path}: ${x.message}`).join('; ') : String(err);
      continue;
    }
    const keys = identityKeys(buyer);
    const earlier = keys.map((k) => firstByKey.get(k)).find(Boolean);
    if (earlier?.buyer) {
      earlier.buyer = mergeBuyerFields(earlier.buyer, buyer, now);
      plan.reason = 'duplicateInFile';
      plan.detail = String(earlier.line);
      continue;
    }
    for (const k of keys) firstByKey.set(k, plan);
    plan.buyer = buyer;
    // Matched below, all rows together, each by what its own row says (later rows folded into
    // it do not widen its match).
    toMatch.push({ plan, buyer });
  }
  const byIdentity = await findBuyersByIdentities(toMatch.map((m) => m.buyer), db);
  const unmatched = toMatch.filter((_, i) => !byIdentity[i]![0]);
  const byName = await sameNameAndCompany(unmatched.map((m) => m.buyer), db);
  const nameMatch = new Map(unmatched.map((m, i) => [m.plan, byName[i] ?? null]));
  toMatch.forEach(({ plan }, i) => {
    plan.match = byIdentity[i]![0] ?? nameMatch.get(plan) ?? null;
    plan.status = plan.match ? 'merge' : 'new';
  });
  const counts = { new: 0, merge: 0, skip: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, counts };
}

const APPLY_BATCH = 500;

/** Writes the plan in one transaction; returns the buyers created and merged. */
export async function applyImport(
  plan: ImportPlan,
  db: BuyerbookDB = getDb(),
  now: number = Date.now(),
): Promise<{ created: number; merged: number }> {
  return writeBook(db, async () => {
    const mergedIds: string[] = [];
    const created: Buyer[] = [];
    for (const r of plan.rows) {
      if (!r.buyer || r.status === 'skip') continue;
      const current = r.match ? await db.buyers.get(r.match.id) : undefined;
      if (current) {
        await db.buyers.put(toBuyerRow(mergeBuyerFields(fromBuyerRow(current), { ...r.buyer, id: current.id }, now)));
        mergedIds.push(current.id);
      } else {
        created.push(r.buyer);
      }
    }
    // New buyers go in by the hundred, each row written once with its derived fields (bulkImport):
    // one at a time, each written and then refreshed, a sheet of 50,000 rows took many minutes.
    for (let i = 0; i < created.length; i += APPLY_BATCH) await bulkImport({ buyers: created.slice(i, i + APPLY_BATCH), inquiries: [], touchpoints: [] }, db, now);
    // Merged rows were written here: their derived fields follow like on every other write path.
    await refreshDerived(db, mergedIds, now);
    return { created: created.length, merged: mergedIds.length };
  });
}
