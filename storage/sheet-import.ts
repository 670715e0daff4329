/**
 * Import of buyers from a CSV or Excel sheet (another CRM's export, a trade-show lead list, or
 * Buyerbook's own buyers CSV). Three steps, each one callable on its own by the panel:
 *   readSheet    the file as a header row and rows of text (CSV in UTF-8 or GB18030, or .xlsx);
 *   planImport   every row turned into a buyer with the column mapping, validated, and matched
 *                against the book by the recognition of capture (findBuyersByIdentity), else by
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
import { fromBuyerRow, toBuyerRow, uniqStrings } from './buyer-row';
import { bulkPutBuyers, findBuyersByIdentity, findLikelyDuplicates, mergeBuyerFields } from './buyers-repo';
import { getDb, type BuyerbookDB } from './db';
import { refreshDerived, writeBook } from './derived-fields';
import { newId } from './ids';
import { STAGES, type Buyer, type Stage } from './schema';
import { StorageValidationError } from './validate';

export interface SheetTable {
  headers: string[];
  rows: string[][];
}

/** A sheet larger than this is refused before it is read: an import is buyers, not a database. */
export const MAX_IMPORT_ROWS = 100_000;

export class SheetError extends Error {
  constructor(readonly reason: 'unreadable' | 'empty' | 'tooLarge', detail = '') {
    super(detail || reason);
    this.name = 'SheetError';
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Excel in a Chinese Windows saves "CSV" in GBK; GB18030 reads it.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsvText(text: string): SheetTable {
  // Blank rows are kept (reported as empty) so every row keeps the number a spreadsheet shows.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const all = parsed.data.map((r) => r.map((c) => unescapeCell(String(c ?? ''))));
  while (all.length && all[all.length - 1]!.every((c) => c.trim() === '')) all.pop();
  if (all.length === 0) throw new SheetError('empty');
  const [headers, ...rows] = all;
  if (rows.length > MAX_IMPORT_ROWS) throw new SheetError('tooLarge', String(rows.length));
  return { headers: headers!.map((h) => h.trim()), rows };
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
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let data: unknown[][];
    try {
      data = (await readXlsxSheet(new Blob([bytes as Uint8Array<ArrayBuffer>]))) as unknown[][];
    } catch (err) {
      throw new SheetError('unreadable', err instanceof Error ? err.message : String(err));
    }
    const rows = data.map((r) => r.map(cellText)).filter((r) => r.some((c) => c.trim() !== ''));
    if (rows.length === 0) throw new SheetError('empty');
    if (rows.length - 1 > MAX_IMPORT_ROWS) throw new SheetError('tooLarge', String(rows.length - 1));
    return { headers: rows[0]!.map((h) => h.trim()), rows: rows.slice(1) };
  }
  return parseCsvText(decodeText(bytes));
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

/** Same name at the same company: the match for a row with no email, phone or other identity. */
async function sameNameAndCompany(b: Buyer, db: BuyerbookDB): Promise<Buyer | null> {
  if (!b.name || !b.company) return null;
  const n = nameKey(b.name);
  const c = companyKey(b.company);
  const found = await findLikelyDuplicates({ name: b.name, company: b.company }, 5, db);
  return found.find((x) => nameKey(x.name) === n && companyKey(x.company) === c) ?? null;
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
  for (const [i, cells] of table.rows.entries()) {
    const line = i + 2;
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
    const match = (await findBuyersByIdentity(buyer, db))[0] ?? (await sameNameAndCompany(buyer, db));
    plan.buyer = buyer;
    plan.match = match;
    plan.status = match ? 'merge' : 'new';
  }
  const counts = { new: 0, merge: 0, skip: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, counts };
}

/** Writes the plan in one transaction; returns the buyers created and merged. */
export async function applyImport(
  plan: ImportPlan,
  db: BuyerbookDB = getDb(),
  now: number = Date.now(),
): Promise<{ created: number; merged: number }> {
  return writeBook(db, async () => {
    let created = 0;
    const mergedIds: string[] = [];
    for (const r of plan.rows) {
      if (!r.buyer || r.status === 'skip') continue;
      const current = r.match ? await db.buyers.get(r.match.id) : undefined;
      if (current) {
        await db.buyers.put(toBuyerRow(mergeBuyerFields(fromBuyerRow(current), { ...r.buyer, id: current.id }, now)));
        mergedIds.push(current.id);
      } else {
        await bulkPutBuyers([r.buyer], db);
        created++;
      }
    }
    // Merged rows were written here: their derived fields follow like on every other write path.
    await refreshDerived(db, mergedIds, now);
    return { created, merged: mergedIds.length };
  });
}
