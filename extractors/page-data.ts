/**
 * Reads data that a page embeds in inline scripts (`window.__crm_card_data__ = {...}`,
 * `var PAGE_DATA = {...}`, JSON-LD). Back offices render from this data, so it is steadier than
 * the DOM. The script text is parsed as a JavaScript *literal* by a small parser, never run:
 * page script is untrusted and the content script must not execute it (CSP forbids eval anyway).
 */
import { requestPageGlobal } from '../lib/page-data-bridge';

/**
 * The page's global NAME: asked of the main world first (lib/page-data-bridge.ts: current even
 * after a single-page app changed it), else `NAME = <literal>` parsed from the inline scripts
 * (Node, jsdom, and pages where the bridge does not run).
 */
export function readAssignedLiteral(doc: Document, name: string): unknown {
  const live = requestPageGlobal(doc, name);
  if (live !== undefined && live !== null) return live;
  return readInlineLiteral(doc, name);
}

/** Find `NAME = <literal>` in the page's inline scripts and parse the literal. */
export function readInlineLiteral(doc: Document, name: string): unknown {
  const re = new RegExp(`(?:window\\.|var\\s+|let\\s+|const\\s+|\\b)${name.replace(/[.$]/g, '\\$&')}\\s*=\\s*`);
  for (const s of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const src = s.textContent ?? '';
    const m = re.exec(src);
    if (!m) continue;
    try {
      return new LiteralParser(src, m.index + m[0].length).value();
    } catch {
      // A literal we cannot read (a function call, a template string): try the next script.
    }
  }
  return undefined;
}

/** Every JSON-LD block of the page, parsed (invalid ones skipped). */
export function readJsonLd(doc: Document): unknown[] {
  const out: unknown[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const v = JSON.parse(s.textContent ?? '');
      if (Array.isArray(v)) out.push(...v);
      else if (v && typeof v === 'object' && Array.isArray((v as { '@graph'?: unknown[] })['@graph']))
        out.push(...(v as { '@graph': unknown[] })['@graph']);
      else out.push(v);
    } catch {
      /* not JSON: skip */
    }
  }
  return out;
}

/** Safe path access into parsed data: get(data, 'a', 0, 'b'). */
export function get(v: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = v;
  for (const k of path) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A string (or number as string) at the path, trimmed; null otherwise. */
export function str(v: unknown, ...path: (string | number)[]): string | null {
  const x = get(v, ...path);
  if (typeof x === 'string') return x.trim() || null;
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  return null;
}

/** Parses object/array/string/number/boolean/null literals with JS syntax (unquoted keys, single
 * quotes, trailing commas, comments). Anything else (calls, identifiers) throws. */
class LiteralParser {
  constructor(
    private s: string,
    private i: number,
  ) {}

  value(): unknown {
    this.ws();
    const c = this.s[this.i] ?? '';
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"' || c === "'") return this.string();
    if (c === '-' || c === '+' || c === '.' || (c >= '0' && c <= '9')) return this.number();
    const word = /^[A-Za-z_$][\w$]*/.exec(this.s.slice(this.i, this.i + 40))?.[0];
    if (word === 'true' || word === 'false' || word === 'null' || word === 'undefined') {
      this.i += word.length;
      return word === 'true' ? true : word === 'false' ? false : null;
    }
    throw new Error('not a literal at ' + this.i);
  }

  private ws(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\u00a0') this.i++;
      else if (c === '/' && this.s[this.i + 1] === '/') {
        const e = this.s.indexOf('\n', this.i);
        this.i = e < 0 ? this.s.length : e;
      } else if (c === '/' && this.s[this.i + 1] === '*') {
        const e = this.s.indexOf('*/', this.i + 2);
        this.i = e < 0 ? this.s.length : e + 2;
      } else return;
    }
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      let key: string;
      const c = this.s[this.i];
      if (c === '"' || c === "'") key = this.string();
      else {
        const m = /^[\w$]+/.exec(this.s.slice(this.i, this.i + 200));
        if (!m) throw new Error('bad key at ' + this.i);
        key = m[0];
        this.i += key.length;
      }
      this.ws();
      if (this.s[this.i] !== ':') throw new Error('expected : at ' + this.i);
      this.i++;
      // Own-property assignment with a null-prototype-free object: guard __proto__.
      const v = this.value();
      if (key !== '__proto__') out[key] = v;
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new Error('expected , or } at ' + this.i);
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') throw new Error('expected , or ] at ' + this.i);
    }
  }

  private string(): string {
    const q = this.s[this.i++];
    let out = '';
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) throw new Error('unterminated string');
      if (c === q) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      if (e === 'n') out += '\n';
      else if (e === 't') out += '\t';
      else if (e === 'r') out += '\r';
      else if (e === 'b') out += '\b';
      else if (e === 'f') out += '\f';
      else if (e === 'u') {
        if (this.s[this.i] === '{') {
          const end = this.s.indexOf('}', this.i);
          out += String.fromCodePoint(parseInt(this.s.slice(this.i + 1, end), 16));
          this.i = end + 1;
        } else {
          out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 4), 16));
          this.i += 4;
        }
      } else if (e === 'x') {
        out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 2), 16));
        this.i += 2;
      } else if (e === '\n') {
        /* line continuation */
      } else out += e;
    }
  }

  private number(): number {
    const m = /^[-+]?(?:0x[\da-f]+|\d*\.?\d+(?:e[-+]?\d+)?)/i.exec(this.s.slice(this.i, this.i + 40));
    if (!m) throw new Error('bad number at ' + this.i);
    this.i += m[0].length;
    return Number(m[0]);
  }
}
