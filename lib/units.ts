/**
 * Units of quantity in English, from what buyers and back offices write: "Piece/Pieces", "pcs",
 * "套", "公斤", "square meters". Pure and small: the content scripts (extractors/quantity.ts) and
 * the panel's normalisation (lib/normalize.ts) share it, so a unit means one thing everywhere.
 */

const ALIASES: Record<string, string> = {
  pc: 'pieces', pcs: 'pieces', piece: 'pieces', pieces: 'pieces', 'pc.': 'pieces', 'pcs.': 'pieces', nos: 'pieces',
  '个': 'pieces', '件': 'pieces', '只': 'pieces', '支': 'pieces', '条': 'pieces', '根': 'pieces', '块': 'pieces', '片': 'pieces', '枚': 'pieces',
  set: 'sets', sets: 'sets', '套': 'sets', '台': 'sets', '部': 'sets',
  unit: 'units', units: 'units',
  pair: 'pairs', pairs: 'pairs', '双': 'pairs', '对': 'pairs',
  meter: 'meters', meters: 'meters', metre: 'meters', metres: 'meters', m: 'meters', mtr: 'meters', mtrs: 'meters', '米': 'meters',
  yard: 'yards', yards: 'yards', yd: 'yards', yds: 'yards', '码': 'yards',
  foot: 'feet', feet: 'feet', ft: 'feet', '英尺': 'feet',
  kg: 'kilograms', kgs: 'kilograms', kilo: 'kilograms', kilos: 'kilograms', kilogram: 'kilograms', kilograms: 'kilograms',
  '千克': 'kilograms', '公斤': 'kilograms',
  g: 'grams', gram: 'grams', grams: 'grams', '克': 'grams',
  ton: 'tons', tons: 'tons', tonne: 'tons', tonnes: 'tons', mt: 'tons', '吨': 'tons', '公吨': 'tons',
  liter: 'liters', liters: 'liters', litre: 'liters', litres: 'liters', l: 'liters', '升': 'liters',
  box: 'boxes', boxes: 'boxes', '盒': 'boxes',
  carton: 'cartons', cartons: 'cartons', ctn: 'cartons', ctns: 'cartons', '箱': 'cartons', '纸箱': 'cartons',
  roll: 'rolls', rolls: 'rolls', '卷': 'rolls',
  bag: 'bags', bags: 'bags', '包': 'bags', '袋': 'bags',
  sheet: 'sheets', sheets: 'sheets', '张': 'sheets',
  bottle: 'bottles', bottles: 'bottles', '瓶': 'bottles',
  barrel: 'barrels', barrels: 'barrels', '桶': 'barrels',
  pallet: 'pallets', pallets: 'pallets', '托': 'pallets', '托盘': 'pallets',
  container: 'containers', containers: 'containers', '柜': 'containers', '集装箱': 'containers',
  dozen: 'dozens', dozens: 'dozens', '打': 'dozens',
  lot: 'lots', lots: 'lots', '批': 'lots',
  bundle: 'bundles', bundles: 'bundles', '捆': 'bundles',
  '平方米': 'square meters', '平米': 'square meters', sqm: 'square meters', m2: 'square meters', 'm²': 'square meters',
  '立方米': 'cubic meters', cbm: 'cubic meters', m3: 'cubic meters', 'm³': 'cubic meters',
};

/** Words that make a two-word unit: "square meters", "metric tons", "40ft containers". */
const FIRST_OF_TWO = /^(?:square|sq\.?|cubic|linear|running|metric|short|long|(?:20|40|45)\s?(?:ft|'|gp|hq|hc)|forty-foot|twenty-foot)$/i;

/** English unit for a known unit word (any case, singular or plural), else null. */
export function knownUnit(word: string | null | undefined): string | null {
  const w = (word ?? '').trim().toLowerCase();
  return ALIASES[w] ?? ALIASES[w.replace(/\.$/, '')] ?? null;
}

/**
 * "Piece/Pieces" -> "pieces", "Sets" -> "sets", "套" -> "sets", "square meters" -> "square meters",
 * "Metric Ton" -> "metric tons". An unknown unit is kept lower-cased; none is null (never "null").
 */
export function normalizeUnit(raw: string | null | undefined): string | null {
  const u = (raw ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim().toLowerCase();
  if (!u || u === 'null' || u === 'undefined') return null;
  const whole = knownUnit(u);
  if (whole) return whole;
  const words = u.split(/[/(]/)[0]?.trim().split(' ') ?? [];
  const [a = '', b = ''] = words;
  if (b && FIRST_OF_TWO.test(a)) {
    const second = knownUnit(b) ?? b;
    return `${a.replace(/^sq\.?$/, 'square')} ${second}`;
  }
  // Chinese units are written without a space: "件/个" -> the first.
  return knownUnit(a) ?? (knownUnit(a.replace(/\.$/, '')) || a.replace(/\.$/, '') || null);
}
