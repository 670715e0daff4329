/**
 * A minimal .xlsx for tests (a zip of stored entries: workbook, one sheet of inline strings and
 * numbers), so the Excel import is tested on a real file without a spreadsheet writer package.
 */
import { crc32 } from 'node:zlib';

/** A little-endian header of `size` bytes (DataView is not dependable across jsdom's realm). */
class Header {
  readonly bytes: Uint8Array;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }
  u16(at: number, v: number) {
    this.bytes[at] = v & 0xff;
    this.bytes[at + 1] = (v >>> 8) & 0xff;
  }
  u32(at: number, v: number) {
    this.u16(at, v & 0xffff);
    this.u16(at + 2, (v >>> 16) & 0xffff);
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i: number) => String.fromCharCode(65 + i);

export function zipFiles(files: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = enc.encode(text);
    const nameBytes = enc.encode(name);
    const crc = crc32(data) >>> 0;
    const local = new Header(30);
    local.u32(0, 0x04034b50);
    local.u16(4, 20);
    local.u16(8, 0);
    local.u32(14, crc);
    local.u32(18, data.length);
    local.u32(22, data.length);
    local.u16(26, nameBytes.length);
    const central = new Header(46);
    central.u32(0, 0x02014b50);
    central.u16(4, 20);
    central.u16(6, 20);
    central.u32(16, crc);
    central.u32(20, data.length);
    central.u32(24, data.length);
    central.u16(28, nameBytes.length);
    central.u32(42, offset);
    const l = new Uint8Array([...local.bytes, ...nameBytes, ...data]);
    locals.push(l);
    centrals.push(new Uint8Array([...central.bytes, ...nameBytes]));
    offset += l.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Header(22);
  end.u32(0, 0x06054b50);
  end.u16(8, centrals.length);
  end.u16(10, centrals.length);
  end.u32(12, cdSize);
  end.u32(16, offset);
  return concatBytes(...locals, ...centrals, end.bytes);
}

/** The bytes of all parts, one after another. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One sheet: strings as inline strings, numbers as numbers. */
export function xlsx(rows: (string | number | null)[][]): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org';
  const sheetRows = rows
    .map((r, ri) => {
      const cells = r
        .map((v, ci) => {
          const ref = `${col(ci)}${ri + 1}`;
          if (v == null) return '';
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${ri + 1}">${cells}</row>`;
    })
    .join('');
  return zipFiles({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  });
}
