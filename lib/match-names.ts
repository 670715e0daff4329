/**
 * Pure helpers to compare people's and companies' names written by hand in any script: the same
 * buyer shows up as "Jonas Becker" on Alibaba and "jonas  BECKER" in Gmail, as "أحمد" and "احمد",
 * as "山田 太郎" and "山田太郎". Used by duplicate detection, search tokens and own-identity
 * stripping, so all three agree on what "the same name" means.
 */

/** Han, kana, Hangul and the marks written inside Japanese words: text without spaces between words. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005\u3006]/u;
export const isCjkChar = (ch: string): boolean => CJK_CHAR.test(ch);

// Letters NFD does not decompose, folded as a reader would type them on an ASCII keyboard.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
  // Arabic letters with variant forms that people type interchangeably (standard Arabic IR folding).
  '\u0671': '\u0627', // alef wasla -> alef
  '\u0649': '\u064a', // alef maksura -> yeh
  '\u0629': '\u0647', // teh marbuta -> heh
  '\u06cc': '\u064a', // Persian yeh -> yeh
  '\u06a9': '\u0643', // keheh -> kaf
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');

/**
 * Combining marks that only decorate a letter: Latin/Greek/Cyrillic accents, Arabic harakat and
 * hamza carriers (after NFD, أ إ آ become ا + mark), Hebrew points, and the Arabic tatweel (a
 * stretching stroke, not a letter). Japanese dakuten (U+3099/309A) are NOT here: が is not か.
 */
const DECORATIVE_MARKS =
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/gu;

/** NFKC (full-width and half-width forms), lower case, accents/diacritics and tatweel removed. */
export function foldText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFD')
    .replace(DECORATIVE_MARKS, '')
    .normalize('NFC');
}

/**
 * Folded words of a text. Runs of CJK characters are returned whole (spaces between them are
 * not word boundaries in Chinese or Japanese, so "山田 太郎" gives one run "山田太郎" when
 * `joinCjk` is set). Apostrophes inside words are dropped ("O'Brien" = "OBrien").
 */
export function foldedWords(s: string | null | undefined, opts: { joinCjk?: boolean } = {}): string[] {
  if (!s) return [];
  let t = foldText(s).replace(/(\p{L})['’`](?=\p{L})/gu, '$1');
  if (opts.joinCjk) t = t.replace(new RegExp(`(${CJK_CHAR.source})\\s+(?=${CJK_CHAR.source})`, 'gu'), '$1');
  const out: string[] = [];
  let cur = '';
  let curCjk = false;
  const flush = () => {
    if (cur) out.push(cur);
    cur = '';
  };
  for (const ch of t) {
    const cjk = isCjkChar(ch);
    const word = cjk || /[\p{L}\p{N}\p{M}]/u.test(ch);
    if (!word) {
      flush();
      continue;
    }
    if (cur && cjk !== curCjk) flush();
    cur += ch;
    curCjk = cjk;
  }
  flush();
  return out;
}

export const hasCjk = (s: string): boolean => CJK_CHAR.test(s);

// Titles around a person's name that do not make it a different name.
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'mme', 'mlle', 'herr', 'frau', 'sr', 'sra', 'srta',
  'sig', 'sigra', 'dott', 'eng', 'engr', 'ing', 'mister', 'señor', 'senor', 'señora', 'senora', 'signor', 'signora',
  'السيد', 'السيده', 'الاستاذ', 'د', 'م',
]);
const CJK_HONORIFIC = /(先生|女士|小姐|太太|老板|总|経理|さん|様|さま|殿|씨|님)$/u;

/** The words of a person's name, folded, titles removed; CJK runs joined across spaces. */
export function nameWords(name: string | null | undefined): string[] {
  const words = foldedWords(name, { joinCjk: true }).filter((w) => !HONORIFICS.has(w));
  return words.map((w) => (hasCjk(w) && w.length > 2 ? w.replace(CJK_HONORIFIC, '') : w)).filter(Boolean);
}

/** A key equal for names that differ only by case, accents, spacing, titles or word order. */
export function nameKey(name: string | null | undefined): string {
  return [...nameWords(name)].sort().join('');
}

/**
 * Legal forms, as word sequences after folding and dropping dots/slashes ("S.r.l." -> "srl",
 * "A/S" -> "as"). Stripped from the end (and a few from the start) of a company name.
 */
const LEGAL_SUFFIXES: string[][] = [
  'ltd', 'limited', 'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'llc', 'lllp', 'llp', 'lp', 'plc',
  'gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ug', 'kgaa', 'sl', 'slu', 'sa', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'srl',
  'srls', 'spa', 'sapa', 'bv', 'nv', 'vof', 'ab', 'hb', 'oy', 'oyj', 'as', 'asa', 'aps', 'ehf', 'ltda', 'lda',
  'eireli', 'pty', 'pvt', 'pte', 'bhd', 'tbk', 'jsc', 'ojsc', 'pjsc', 'cjsc', 'ooo', 'ооо', 'зао', 'оао', 'пао',
  'kft', 'zrt', 'nyrt', 'sro', 'doo', 'ead', 'ood', 'spzoo', 'kk', 'fze', 'fzco', 'fzc', 'fzllc', 'wll', 'şti', 'sti',
  'ذمم', 'شمم',
].map((s) => [s]).concat([
  ['pvt', 'ltd'], ['pte', 'ltd'], ['co', 'ltd'], ['sdn', 'bhd'], ['sa', 'de', 'cv'], ['s', 'de', 'rl', 'de', 'cv'],
  ['s', 'de', 'rl'], ['sp', 'z', 'oo'], ['gmbh', 'co', 'kg'], ['ltd', 'sti'], ['san', 've', 'tic'], ['and', 'co'],
]);
// Folded like the names they are compared with (ة is folded to ه).
const LEGAL_PREFIXES = new Set(
  ['the', 'pt', 'cv', 'ooo', 'ооо', 'зао', 'оао', 'ао', 'شركة', 'مؤسسة', 'مجموعة'].map((p) => foldText(p)),
);
// Chinese/Japanese legal forms (the company name has no spaces; strip the longest first).
const CJK_LEGAL_SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限責任公司', '集团有限公司', '集團有限公司', '有限公司', '株式会社', '有限会社',
  '合同会社', '合资会社', '合名会社', '(株)', '(有)', '公司', '集团', '集團', '商行', '工厂', '工場',
];
const CJK_LEGAL_PREFIXES = ['株式会社', '有限会社', '合同会社', '(株)', '(有)'];

/**
 * The comparable core of a company name: folded, punctuation and spaces removed, legal forms
 * stripped. "Becker Haustechnik GmbH" = "BECKER HAUS-TECHNIK gmbh." ->"beckerhaustechnik";
 * "深圳市华强电子有限公司" -> "深圳市华强电子"; "株式会社山田商事" -> "山田商事". "" when nothing is left.
 */
export function companyKey(company: string | null | undefined): string {
  if (!company) return '';
  let t = foldText(company)
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[.·/]/g, '')
    .replace(/&/g, ' and ');
  // CJK legal forms, before word splitting so "(株)" is still there.
  let cjk = t.replace(/\s+/g, '');
  if (hasCjk(cjk)) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const p of CJK_LEGAL_PREFIXES) {
        if (cjk.startsWith(p) && cjk.length > p.length) {
          cjk = cjk.slice(p.length);
          changed = true;
        }
      }
      for (const s of CJK_LEGAL_SUFFIXES) {
        if (cjk.endsWith(s) && cjk.length > s.length) {
          cjk = cjk.slice(0, -s.length);
          changed = true;
        }
      }
    }
    t = cjk;
  }
  let words = foldedWords(t);
  // Strip legal forms from the end, longest sequence first, never the whole name.
  const suffixes = [...LEGAL_SUFFIXES].sort((a, b) => b.length - a.length);
  for (let changed = true; changed && words.length > 1; ) {
    changed = false;
    for (const s of suffixes) {
      if (s.length < words.length && s.every((w, i) => words[words.length - s.length + i] === w)) {
        words = words.slice(0, words.length - s.length);
        changed = true;
        break;
      }
    }
  }
  while (words.length > 1 && LEGAL_PREFIXES.has(words[0]!)) words = words.slice(1);
  return words.join('');
}

/** Levenshtein distance over code points (so one CJK character counts as one edit). */
export function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** 1 for equal strings, 0 for nothing in common. */
export function editSimilarity(a: string, b: string): number {
  const len = Math.max(Array.from(a).length, Array.from(b).length);
  return len === 0 ? 0 : 1 - levenshtein(a, b) / len;
}

function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  // An initial stands for the word it starts: "J. Becker" ~ "Jonas Becker".
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 0.9;
  return editSimilarity(a, b);
}

/**
 * Similarity of two person names in 0..1, robust to case, accents, Arabic diacritics and
 * tatweel, width forms, spacing (CJK), titles, word order and initials. Token-set score (Dice
 * over best word pairs) or whole-string edit similarity, whichever is higher.
 */
export function nameSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const joinedOrder = editSimilarity(wa.join(''), wb.join(''));
  const joinedSorted = editSimilarity([...wa].sort().join(''), [...wb].sort().join(''));
  let best = Math.max(joinedOrder, joinedSorted);
  if (wa.length > 1 || wb.length > 1) {
    const [small, large] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
    const used = new Set<number>();
    let sum = 0;
    for (const s of small) {
      let bi = -1;
      let bs = 0;
      large.forEach((l, i) => {
        if (used.has(i)) return;
        const sim = tokenSimilarity(s, l);
        if (sim > bs) {
          bs = sim;
          bi = i;
        }
      });
      if (bi >= 0) used.add(bi);
      sum += bs;
    }
    best = Math.max(best, (2 * sum) / (wa.length + wb.length));
  }
  return best;
}

/** Threshold above which two names are "similar" for duplicate proposals. */
export const SIMILAR_NAME = 0.85;

export function similarNames(a: string | null | undefined, b: string | null | undefined): boolean {
  return nameSimilarity(a, b) >= SIMILAR_NAME;
}

/** Same company once case, punctuation, spacing and legal forms are ignored. */
export function sameCompany(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = companyKey(a);
  return ka.length > 1 && ka === companyKey(b);
}
