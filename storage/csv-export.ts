/**
 * CSV exports of the book for Excel (lib/csv.ts): buyers, inquiries, touchpoints. Read a page at
 * a time in primary-key order, each page in its own short transaction, and gathered into a Blob,
 * so a million touchpoints export without holding them in memory. Columns are documented in the
 * README ("CSV columns"); the buyers' columns are also what the sheet import reads back.
 */
import type { Table } from 'dexie';
import { CSV_BOM, csvLines, isoOrEmpty, joinList, type CsvCell } from '../lib/csv';
import { fromBuyerRow } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import { eachPage } from './read-pages';
import type { Buyer, BuyerRow, Inquiry, Stage, Touchpoint } from './schema';

export type CsvKind = 'buyers' | 'inquiries' | 'touchpoints';

export const BUYER_COLUMNS = [
  'id', 'name', 'company', 'country', 'emails', 'phones', 'whatsapp', 'wechat', 'linkedin', 'website',
  'platform_ids', 'tags', 'stage', 'notes', 'created_at', 'updated_at', 'last_contact_at',
] as const;
export const INQUIRY_COLUMNS = [
  'id', 'buyer_id', 'buyer_name', 'buyer_company', 'platform', 'platform_inquiry_id', 'subject', 'product_title',
  'product_id', 'quantity', 'unit', 'message', 'received_at', 'captured_at', 'url',
] as const;
export const TOUCHPOINT_COLUMNS = [
  'id', 'buyer_id', 'buyer_name', 'buyer_company', 'at', 'channel', 'direction', 'kind', 'note', 'inquiry_id',
] as const;

export function buyerCells(b: Buyer): CsvCell[] {
  return [
    b.id, b.name, b.company, b.country, joinList(b.emails), joinList(b.phones), b.whatsapp, b.wechat, b.linkedin, b.website,
    joinList(b.platformIds.map((p) => `${p.platform}:${p.id}`)), joinList(b.tags), b.stage, b.notes,
    isoOrEmpty(b.createdAt), isoOrEmpty(b.updatedAt), isoOrEmpty(b.lastContactAt),
  ];
}

type Names = Map<string, { name: string | null; company: string | null }>;

const inquiryCells = (i: Inquiry, n: Names): CsvCell[] => [
  i.id, i.buyerId, n.get(i.buyerId)?.name, n.get(i.buyerId)?.company, i.platform, i.platformInquiryId, i.subject,
  i.productTitle, i.productId, i.quantity, i.unit, i.message, isoOrEmpty(i.receivedAt), isoOrEmpty(i.capturedAt), i.url,
];

const touchpointCells = (t: Touchpoint, n: Names): CsvCell[] => [
  t.id, t.buyerId, n.get(t.buyerId)?.name, n.get(t.buyerId)?.company, isoOrEmpty(t.at), t.channel, t.direction, t.kind,
  t.note, t.inquiryId,
];

export interface CsvFilter {
  stage?: Stage;
  tag?: string;
  /** Only these buyers (the Buyers view's search and filters: storage/found-export.ts). */
  ids?: readonly string[];
}

export interface CsvExport {
  blob: Blob;
  fileName: string;
  rows: number;
}

const byId = (r: { id: string }) => r.id;

const pad = (n: number) => String(n).padStart(2, '0');
export function csvFileName(kind: CsvKind, at: number): string {
  const d = new Date(at);
  return `buyerbook-${kind}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.csv`;
}

/**
 * One table as CSV. With a filter, only the buyers of that stage and/or tag, and the inquiries
 * and touchpoints of those buyers.
 */
export async function exportCsv(
  kind: CsvKind,
  opts: { filter?: CsvFilter; now?: number; pageRows?: number; onProgress?: (rows: number) => void } = {},
  db: BuyerbookDB = getDb(),
): Promise<CsvExport> {
  const pageRows = opts.pageRows ?? 2000;
  const filter = opts.filter ?? {};
  const filtered = filter.stage != null || filter.tag != null || filter.ids != null;
  const only = filter.ids ? new Set(filter.ids) : null;
  const keepBuyer = (b: Buyer) =>
    (filter.stage == null || b.stage === filter.stage) && (filter.tag == null || b.tags.includes(filter.tag)) && (!only || only.has(b.id));
  const parts: (string | Blob)[] = [CSV_BOM];
  let rows = 0;

  // Inquiries and touchpoints carry their buyer's name; the buyer ids in the filter are kept too.
  const names: Names = new Map();
  if (kind !== 'buyers') {
    await eachPage(db.buyers as Table<BuyerRow, string>, pageRows, byId, (page) => {
      for (const r of page) if (keepBuyer(r)) names.set(r.id, { name: r.name, company: r.company });
    });
  }

  const header = kind === 'buyers' ? BUYER_COLUMNS : kind === 'inquiries' ? INQUIRY_COLUMNS : TOUCHPOINT_COLUMNS;
  parts.push(csvLines([], header));
  const emit = (cells: CsvCell[][]) => {
    if (!cells.length) return;
    parts.push(new Blob([csvLines(cells)]));
    rows += cells.length;
    opts.onProgress?.(rows);
  };
  if (kind === 'buyers') {
    await eachPage(db.buyers as Table<BuyerRow, string>, pageRows, byId, (page) =>
      emit(page.filter(keepBuyer).map((r) => buyerCells(fromBuyerRow(r)))),
    );
  } else if (kind === 'inquiries') {
    await eachPage(db.inquiries as Table<Inquiry, string>, pageRows, byId, (page) =>
      emit(page.filter((i) => !filtered || names.has(i.buyerId)).map((i) => inquiryCells(i, names))),
    );
  } else {
    await eachPage(db.touchpoints as Table<Touchpoint, string>, pageRows, byId, (page) =>
      emit(page.filter((t) => !filtered || names.has(t.buyerId)).map((t) => touchpointCells(t, names))),
    );
  }
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), fileName: csvFileName(kind, opts.now ?? Date.now()), rows };
}

