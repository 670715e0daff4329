/**
 * CSV that Excel opens right: UTF-8 with a byte-order mark (without it Excel reads Chinese as
 * mojibake), CRLF line ends, every cell that starts with = + - @ tab or CR prefixed with ' so a
 * spreadsheet never runs it as a formula (papaparse escapeFormulae). Phone numbers in E.164 start
 * with "+", so they carry the ' too: Excel shows them as text, and importing strips it again.
 */
import Papa from 'papaparse';

export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | null | undefined;

/** One block of CSV lines (with the header row when `header` is given), each line ending in CRLF. */
export function csvLines(rows: readonly CsvCell[][], header?: readonly string[]): string {
  const data = rows.map((r) => r.map((c) => (c == null ? '' : typeof c === 'string' && QUOTED_FORMULA.test(c) ? `'${c}` : c)));
  const text = Papa.unparse(header ? { fields: [...header], data } : data, {
    escapeFormulae: true,
    newline: '\r\n',
    quotes: false,
    header: !!header,
  });
  // A header with no data rows comes back with its own line end.
  const body = text.replace(/(\r\n)+$/, '');
  return body ? body + '\r\n' : '';
}

/**
 * A value that itself starts with quotes before a formula character ("'=x"): escapeFormulae
 * leaves it alone (it starts with a quote), and the import would strip its own quote. It gets one
 * more, like a formula, so the import's one strip gives it back.
 */
const QUOTED_FORMULA = /^'+[=+\-@\t\r]/;

/** The cell's value as it was before the export added its quote (escapeFormulae's, or ours above). */
export function unescapeCell(cell: string): string {
  return QUOTED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

/** Several values in one cell: "a; b". */
export const joinList = (xs: readonly string[]): string => xs.join('; ');
export const splitList = (cell: string): string[] =>
  cell
    .split(/[;；,，\n、]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Epoch ms as ISO 8601 UTC, the form that round-trips exactly; empty for none. */
export const isoOrEmpty = (at: number | null | undefined): string => (at == null ? '' : new Date(at).toISOString());
