/**
 * The one quantity-and-unit reader: a quantity field ("2 Sets", "5,000 件"), a quantity written
 * into a title ("LED panel light … Quantity: 300 Sets"), or one in the buyer's words ("we need
 * 2500 meters", "Necesitamos 1.200 unidades"). Units come out in English (lib/units.ts); a
 * quantity without a unit has the unit null. In free text only numbers followed by a known unit
 * or after a quantity label count, so years, prices, sizes and phone numbers are never read.
 */
import { knownUnit, normalizeUnit } from '../lib/units';

export interface Quantity {
  quantity: number | null;
  unit: string | null;
}

const NONE: Quantity = { quantity: null, unit: null };

// Number as written: "5,000", "1.200" (a thousands dot), "1 200", "2.5", "2,5".
const NUM = String.raw`\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?`;
const LABEL = String.raw`(?:(?:purchase|order|required|estimated|total)\s+)?(?:quantity|qty|q'ty)|moq|(?:采购|订购|订单|需求)?数量|采购量|需求量|cantidad|quantidade|ilość|数量|個数`;

/** "5,000" -> 5000, "1.200" -> 1200, "2,5" -> 2.5, "1 200" -> 1200. */
export function parseNumber(raw: string): number | null {
  const s = raw.replace(/[\u00a0\u202f ]/g, ' ').trim();
  let n: number;
  if (/^\d{1,3}(?:[,. ]\d{3})+$/.test(s)) n = Number(s.replace(/[,. ]/g, ''));
  else n = Number(s.replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : null;
}

// Words in other languages that are units: Spanish, Portuguese, Polish, Japanese.
const FOREIGN: Record<string, string> = {
  unidades: 'units', unidad: 'units', piezas: 'pieces', pieza: 'pieces', 'peças': 'pieces', 'peça': 'pieces', juegos: 'sets',
  conjuntos: 'sets', metros: 'meters', toneladas: 'tons', cajas: 'boxes', caixas: 'boxes', pares: 'pairs', rollos: 'rolls',
  rolos: 'rolls', sztuk: 'pieces', sztuki: 'pieces', 'szt.': 'pieces', szt: 'pieces', 'kompletów': 'sets', komplet: 'sets',
  metrów: 'meters', ton: 'tons', '個': 'pieces', 'セット': 'sets', '本': 'pieces', 'メートル': 'meters', 'トン': 'tons',
};

/** A unit word as written -> English, else null (unknown words are not units in free text). */
function unitOf(word: string): string | null {
  const w = word.toLowerCase();
  return knownUnit(w) ?? FOREIGN[w] ?? FOREIGN[w.replace(/\.$/, '')] ?? null;
}

const UNIT_WORD = String.raw`(?:square|sq\.?|cubic|linear|running|metric|(?:20|40|45)\s?(?:ft|gp|hq|hc)|forty-foot|twenty-foot)\s+[A-Za-z]+|[A-Za-z\u00c0-\u017f]+\.?|[\u4e00-\u9fff\u30a0-\u30ff]{1,4}`;

/** "500 Pieces", "2 Sets", "20,000 Piece/Pieces", "500 套", "300 square meters", "12" -> quantity and unit. */
export function parseQuantity(text: string | null | undefined): Quantity {
  if (!text) return NONE;
  const m = new RegExp(`(${NUM})\\s*(${UNIT_WORD})?`, 'i').exec(text);
  const quantity = m?.[1] ? parseNumber(m[1]) : null;
  if (quantity == null) return NONE;
  const word = m?.[2] ?? '';
  // A Chinese unit may be followed by more Han text ("500件左右"): the known unit at its start.
  const han = /^[\u4e00-\u9fff]/.test(word) ? [word.slice(0, 3), word.slice(0, 2), word.slice(0, 1)].find((w) => unitOf(w)) : null;
  const unit = han ? unitOf(han) : /\s/.test(word) ? normalizeUnit(word) : word ? unitOf(word.split('/')[0] ?? '') ?? normalizeUnit(word) : null;
  return { quantity, unit };
}

// Words that introduce a product's measurement rather than an order quantity, in the languages
// buyers write: English, Spanish/Portuguese, Polish, Chinese, Japanese, Arabic.
const SPEC =
  /(?:^|[^\p{L}])(?:max(?:imum)?|min(?:imum)?|load|weight|capacity|thickness|width|length|height|depth|diameter|size|power|net|gross|up to|carga|capacidad|capacidade|peso|espesor|espessura|ancho|largura|udźwig|waga|nośność|grubość)(?:[^\p{L}]|$)|承重|载重|重量|容量|厚度|宽度|长度|直径|功率|耐荷重|重さ|الحمولة|الوزن|السعة/iu;

/** The words before `at` in its own clause (after the last comma, full stop or line break), at most 30 characters. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 30), at);
  return before.split(/[,;.!?\n，；。！？、،؛]/).pop() ?? '';
}

/**
 * A quantity in free text: after a quantity label ("Quantity: 300", "数量：5,000件"), else the
 * first number followed by a known unit ("2500 meters", "40 units"). Numbers after a currency
 * sign, before a percent sign or inside a size ("40x60") are skipped.
 */
export function findQuantity(text: string | null | undefined): Quantity {
  if (!text) return NONE;
  const labelled = new RegExp(`(?:^|[^\\p{L}])(?:${LABEL})\\s*(?:[:：=]|is|of)?\\s*(?:about|around|approx\\.?|约)?\\s*((?:${NUM})\\s*(?:${UNIT_WORD})?)`, 'iu').exec(text);
  if (labelled?.[1]) return parseQuantity(labelled[1]);
  const re = new RegExp(`(${NUM})\\s*(${UNIT_WORD})`, 'giu');
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 4), at);
    const after = text[at + m[0].length] ?? '';
    if (/[$€£¥￥#x×*]\s*$|usd\s*$|[\d.,]$/i.test(before) || /[x×%*\d]/.test(after)) continue;
    // "max load 120 kg", "承重 120 公斤": a measurement of the product in the same clause, not an amount to order.
    if (SPEC.test(clauseBefore(text, at))) continue;
    const word = m[2] ?? '';
    // One-letter units ("5 m", "3 l") are sizes in free text, not quantities.
    if (/^[a-z]\.?$/i.test(word)) continue;
    const two = /\s/.test(word) && /^(?:square|sq|cubic|linear|running|metric|\d)/i.test(word);
    // A Chinese or Japanese unit may run into the next word ("件左右", "セット必要"); a Latin word must be a unit whole ("mm" is no "m").
    const unit = two ? normalizeUnit(word) : unitOf(word) ?? (/^[\u4e00-\u9fff\u30a0-\u30ff]/.test(word) ? [3, 2, 1].map((n) => unitOf(word.slice(0, n))).find(Boolean) ?? null : null);
    if (!unit) continue;
    const quantity = m[1] ? parseNumber(m[1]) : null;
    if (quantity != null) return { quantity, unit };
  }
  return NONE;
}

const IN_TITLE = new RegExp(`\\s*[-–—,;|/(（]?\\s*(?:${LABEL})\\s*[:：]?\\s*(${NUM})\\s*((?:${UNIT_WORD})(?:/[A-Za-z]+)?)?\\s*[)）]?\\s*$`, 'iu');

/**
 * "LED Panel Light 600x600 Quantity: 300 Sets" -> the title without the quantity, and the
 * quantity. A title with no quantity comes back as it was.
 */
export function splitTitleQuantity(title: string | null | undefined): { title: string | null } & Quantity {
  if (!title) return { title: title ?? null, ...NONE };
  const m = IN_TITLE.exec(title);
  if (!m?.[1]) return { title, ...NONE };
  const rest = title.slice(0, m.index).trim();
  return { title: rest || null, ...parseQuantity(`${m[1]} ${m[2] ?? ''}`) };
}

/**
 * The inquiry's quantity when the page has no quantity field: from the product title (which then
 * loses it), the subject, then the buyer's message. Returns where it was found, or null.
 */
export function fillQuantity(q: { quantity: number | null; unit: string | null; productTitle: string | null; subject: string | null; message: string | null }): 'selector' | 'text' | null {
  if (q.quantity != null) {
    // A quantity field and the same quantity in the title: the title still loses it.
    const t = splitTitleQuantity(q.productTitle);
    if (t.quantity != null) q.productTitle = t.title;
    return null;
  }
  const t = splitTitleQuantity(q.productTitle);
  if (t.quantity != null) {
    q.productTitle = t.title;
    ({ quantity: q.quantity, unit: q.unit } = t);
    return 'selector';
  }
  for (const text of [q.subject, q.message]) {
    const found = findQuantity(text);
    if (found.quantity != null) {
      ({ quantity: q.quantity, unit: q.unit } = found);
      return 'text';
    }
  }
  return null;
}
