/**
 * A generated, realistic book for the benchmark: buyers from many countries with names in
 * Latin (with accents), Chinese, Arabic and Cyrillic script, their companies, E.164 phones,
 * WhatsApp, WeChat, LinkedIn, platform ids, tags and stages; their inquiries and a timeline of
 * touchpoints spread over two years.
 *
 * Deterministic: every buyer is generated from its own PRNG seeded by (seed, index), so a book
 * can be produced in chunks (100,000 buyers and 1,000,000 touchpoints never sit in memory at
 * once) and any single buyer can be rebuilt on its own (the search queries are taken from it).
 * Pure TypeScript with no DOM or Node API: it runs in the bench page and in Node alike.
 */
import type { Buyer, Channel, Inquiry, Stage, Touchpoint, TouchpointKind } from '../storage/schema';

export interface BookSize {
  buyers: number;
  inquiries: number;
  touchpoints: number;
}

export interface BookChunk {
  buyers: Buyer[];
  inquiries: Inquiry[];
  touchpoints: Touchpoint[];
}

/** The book ends here (fixed, so two runs produce the same rows) and spans two years before it. */
export const BOOK_END = Date.UTC(2026, 10, 23, 12, 0, 0);
export const BOOK_SPAN_MS = 2 * 365 * 24 * 3600 * 1000;
const DAY = 24 * 3600 * 1000;

// ---------------------------------------------------------------------------------------------
// PRNG: sfc32 seeded through a string hash. Small, fast and good enough for test data.

function hash32(s: string): number {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: string) {
    this.a = hash32(seed + '#a');
    this.b = hash32(seed + '#b');
    this.c = hash32(seed + '#c');
    this.d = hash32(seed + '#d');
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of list) total += w;
    let r = this.next() * total;
    for (const [v, w] of list) {
      r -= w;
      if (r < 0) return v;
    }
    return list[list.length - 1]![0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }
  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** A UUID v4-shaped id: random keys, as the product writes, so B-tree inserts are realistic. */
function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Word lists. A "culture" is a script and naming convention; each country uses one.

interface Person {
  /** As the buyer writes it. */
  native: string;
  /** Latin form for email addresses and LinkedIn slugs. */
  latin: [first: string, last: string];
}

interface Culture {
  person(rng: Rng): Person;
  company(rng: Rng, p: Person): { native: string; latin: string };
}

const strip = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/ş/g, 's')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

const LATIN_INDUSTRY = [
  'Trading', 'Import', 'Hardware', 'Lighting', 'Electronics', 'Home Supply', 'Industrial', 'Tools', 'Solar',
  'Textiles', 'Packaging', 'Furniture', 'Auto Parts', 'Building Materials', 'Distribution', 'Sanitary', 'Kitchenware',
] as const;

function latinCulture(firsts: readonly string[], lasts: readonly string[], suffixes: readonly string[], extra: readonly string[] = []): Culture {
  return {
    person(rng) {
      const first = rng.pick(firsts);
      const last = rng.pick(lasts);
      return { native: `${first} ${last}`, latin: [first, last] };
    },
    company(rng, p) {
      const base = rng.chance(0.4) ? p.latin[1] : rng.pick([...extra, ...lasts]);
      const name = `${base} ${rng.pick(LATIN_INDUSTRY)} ${rng.pick(suffixes)}`;
      return { native: name, latin: name };
    },
  };
}

/** Company words that are not also surnames, for the "company word" query. */
const BRAND_WORDS = new Set(['Haustechnik', 'Nordlicht', 'Alpenhandel', 'Evergreen', 'Bluewater', 'Keystone', 'Redwood', 'Pioneer', 'Iberluz', 'Brasilux', 'Polbud']);

const GERMAN = latinCulture(
  ['Jonas', 'Lukas', 'Anna', 'Lea', 'Felix', 'Maximilian', 'Sophie', 'Jürgen', 'Katrin', 'Björn', 'Sabine', 'Matthias', 'Jörg', 'Uwe'],
  ['Becker', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Groß', 'Köhler'],
  ['GmbH', 'GmbH & Co. KG', 'AG', 'e.K.'],
  ['Haustechnik', 'Nordlicht', 'Rheinmetall', 'Alpenhandel', 'Werkzeugbau', 'Lichtwerk'],
);
const ENGLISH = latinCulture(
  ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Linda', 'Chris', 'Sarah', 'Daniel', 'Emily', 'Kevin', 'Olivia'],
  ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', "O'Brien", 'Clarke'],
  ['Inc.', 'LLC', 'Ltd', 'Ltd.', 'Pty Ltd', 'Co.'],
  ['Pacific', 'Summit', 'Evergreen', 'Bluewater', 'Keystone', 'Harbor', 'Redwood', 'Pioneer'],
);
const SPANISH = latinCulture(
  ['José', 'María', 'Javier', 'Lucía', 'Alejandro', 'Sofía', 'Andrés', 'Carmen', 'Martín', 'Valentina', 'Raúl', 'Ana'],
  ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Peña', 'Ibáñez'],
  ['S.L.', 'S.A.', 'S.A. de C.V.', 'S.R.L.'],
  ['Iberluz', 'Ferretería Central', 'Distribuciones Sol', 'Hispania', 'Andalucía'],
);
const PORTUGUESE = latinCulture(
  ['João', 'Ana', 'Pedro', 'Mariana', 'Lucas', 'Beatriz', 'Gabriel', 'Larissa', 'Rafael', 'Camila'],
  ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Costa', 'Araújo', 'Conceição', 'Gonçalves'],
  ['Ltda.', 'S.A.', 'ME', 'EIRELI'],
  ['Brasilux', 'Ferragens Paulista', 'Casa Nova', 'Tropical'],
);
const FRENCH = latinCulture(
  ['Jean', 'Camille', 'Théo', 'Chloé', 'Hugo', 'Léa', 'François', 'Élodie', 'Mathis', 'Inès'],
  ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Lefèvre', 'Moreau', 'Girard', 'Rousseau', 'Bonnet'],
  ['SARL', 'SAS', 'S.A.'],
  ['Lumière', 'Bricolage Provence', 'Maison Verte', 'Atlantique'],
);
const ITALIAN = latinCulture(
  ['Marco', 'Giulia', 'Luca', 'Francesca', 'Matteo', 'Chiara', 'Niccolò', 'Sara', 'Lorenzo', 'Elena'],
  ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
  ['S.r.l.', 'S.p.A.', 'S.a.s.'],
  ['Illuminazione Nord', 'Ferramenta Veneta', 'Casa Bella', 'Adriatica'],
);
const POLISH = latinCulture(
  ['Jakub', 'Zofia', 'Mateusz', 'Małgorzata', 'Paweł', 'Agnieszka', 'Łukasz', 'Katarzyna', 'Michał', 'Joanna'],
  ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Dąbrowski'],
  ['Sp. z o.o.', 'S.A.', 'Sp.j.'],
  ['Polbud', 'Elektro-Mazowsze', 'Tech-Hurt', 'Bałtyk'],
);
const TURKISH = latinCulture(
  ['Mehmet', 'Ayşe', 'Mustafa', 'Fatma', 'Ahmet', 'Zeynep', 'Emre', 'Elif', 'Burak', 'Şule'],
  ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir'],
  ['Ltd. Şti.', 'A.Ş.', 'Tic. Ltd. Şti.'],
  ['Anadolu', 'Boğaziçi', 'Marmara Yapı', 'Ege Elektrik'],
);
const VIETNAMESE: Culture = {
  person(rng) {
    const last = rng.pick(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi']);
    const middle = rng.pick(['Văn', 'Thị', 'Minh', 'Đức', 'Thanh']);
    const first = rng.pick(['Anh', 'Hùng', 'Lan', 'Dũng', 'Hương', 'Tuấn', 'Mai', 'Quang']);
    return { native: `${last} ${middle} ${first}`, latin: [first, last] };
  },
  company(rng, p) {
    const brand = rng.pick(['Phú Thành', 'Hòa Bình', 'Sài Gòn', 'Đại Việt', 'Minh Phát', p.latin[1]]);
    return { native: `Công ty TNHH ${brand}`, latin: `${brand} Co., Ltd` };
  },
};

const CHINESE_SURNAMES = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'],
  ['吴', 'Wu'], ['周', 'Zhou'], ['林', 'Lin'], ['郑', 'Zheng'],
] as const;
const CHINESE_GIVEN = [
  ['伟', 'Wei'], ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['丽', 'Li'], ['强', 'Qiang'], ['磊', 'Lei'],
  ['军', 'Jun'], ['洋', 'Yang'], ['志明', 'Zhiming'], ['嘉欣', 'Jiaxin'], ['俊杰', 'Junjie'], ['美玲', 'Meiling'],
] as const;
/** Industry words of Chinese company names; "五金" (hardware) is one of the search queries. */
const CHINESE_INDUSTRY = [
  ['五金制品', 'Hardware'], ['照明电器', 'Lighting'], ['电子科技', 'Electronics'], ['贸易', 'Trading'], ['家居用品', 'Homeware'],
  ['建材', 'Building Materials'], ['包装材料', 'Packaging'], ['进出口', 'Import & Export'],
] as const;
const CHINESE_PLACES = [['深圳市', 'Shenzhen'], ['香港', 'Hong Kong'], ['台北', 'Taipei'], ['新加坡', 'Singapore'], ['吉隆坡', 'Kuala Lumpur']] as const;
const CHINESE_BRANDS = [['华强', 'Huaqiang'], ['宏达', 'Hongda'], ['永盛', 'Yongsheng'], ['金源', 'Jinyuan'], ['鑫隆', 'Xinlong'], ['安泰', 'Antai']] as const;

const CHINESE: Culture = {
  person(rng) {
    const [s, sl] = rng.pick(CHINESE_SURNAMES);
    const [g, gl] = rng.pick(CHINESE_GIVEN);
    return { native: `${s}${g}`, latin: [gl, sl] };
  },
  company(rng) {
    const [place, placeL] = rng.pick(CHINESE_PLACES);
    const [brand, brandL] = rng.pick(CHINESE_BRANDS);
    const [ind, indL] = rng.pick(CHINESE_INDUSTRY);
    return { native: `${place}${brand}${ind}有限公司`, latin: `${placeL} ${brandL} ${indL} Co., Ltd.` };
  },
};

const ARABIC_FIRST = [['محمد', 'Mohammed'], ['أحمد', 'Ahmed'], ['فاطمة', 'Fatima'], ['علي', 'Ali'], ['خالد', 'Khaled'], ['مريم', 'Maryam'], ['عمر', 'Omar'], ['يوسف', 'Youssef']] as const;
const ARABIC_LAST = [['العتيبي', 'Alotaibi'], ['الحربي', 'Alharbi'], ['المنصوري', 'Almansouri'], ['حسن', 'Hassan'], ['إبراهيم', 'Ibrahim'], ['الشمري', 'Alshammari'], ['عبدالله', 'Abdullah']] as const;
const ARABIC_BRANDS = [['النور', 'Al Noor'], ['الأمل', 'Al Amal'], ['الخليج', 'Gulf'], ['الرياض', 'Riyadh'], ['الفجر', 'Al Fajr']] as const;

const ARABIC: Culture = {
  person(rng) {
    const [f, fl] = rng.pick(ARABIC_FIRST);
    const [l, ll] = rng.pick(ARABIC_LAST);
    return { native: `${f} ${l}`, latin: [fl, ll] };
  },
  company(rng) {
    const [b, bl] = rng.pick(ARABIC_BRANDS);
    const [ind, indL] = rng.pick([['للتجارة', 'Trading'], ['للمقاولات', 'Contracting'], ['للإنارة', 'Lighting'], ['للأدوات المنزلية', 'Homeware']] as const);
    return { native: `شركة ${b} ${ind}`, latin: `${bl} ${indL} LLC` };
  },
};

const CYRILLIC_PEOPLE = [
  ['Алексей', 'Aleksey'], ['Дмитрий', 'Dmitry'], ['Ольга', 'Olga'], ['Наталья', 'Natalya'], ['Сергей', 'Sergey'], ['Ирина', 'Irina'],
  ['Андрій', 'Andriy'], ['Олена', 'Olena'], ['Ерлан', 'Yerlan'],
] as const;
const CYRILLIC_LAST = [
  ['Иванов', 'Ivanov'], ['Смирнов', 'Smirnov'], ['Кузнецов', 'Kuznetsov'], ['Попов', 'Popov'], ['Соколов', 'Sokolov'],
  ['Шевченко', 'Shevchenko'], ['Коваленко', 'Kovalenko'], ['Нурланов', 'Nurlanov'],
] as const;
const CYRILLIC_BRANDS = [['Светотехника', 'Svetotekhnika'], ['СтройМаркет', 'StroyMarket'], ['Инструмент-Опт', 'Instrument-Opt'], ['Восток', 'Vostok'], ['ТехноСнаб', 'TekhnoSnab']] as const;

const CYRILLIC: Culture = {
  person(rng) {
    const [f, fl] = rng.pick(CYRILLIC_PEOPLE);
    const [l, ll] = rng.pick(CYRILLIC_LAST);
    return { native: `${f} ${l}`, latin: [fl, ll] };
  },
  company(rng) {
    const [b, bl] = rng.pick(CYRILLIC_BRANDS);
    return { native: `ООО «${b}»`, latin: `${bl} LLC` };
  },
};

interface Country {
  code: string;
  culture: Culture;
  /** Calling code and a mobile number pattern: digits after the calling code ('x' = any digit). */
  dial: string;
  mobile: string;
  tld: string;
  weight: number;
}

const COUNTRIES: Country[] = [
  { code: 'US', culture: ENGLISH, dial: '1', mobile: '2xx5xx0xxx', tld: 'com', weight: 12 },
  { code: 'GB', culture: ENGLISH, dial: '44', mobile: '7xxxxxxxxx', tld: 'co.uk', weight: 5 },
  { code: 'AU', culture: ENGLISH, dial: '61', mobile: '4xxxxxxxx', tld: 'com.au', weight: 3 },
  { code: 'NG', culture: ENGLISH, dial: '234', mobile: '80xxxxxxxx', tld: 'com.ng', weight: 3 },
  { code: 'IN', culture: ENGLISH, dial: '91', mobile: '9xxxxxxxxx', tld: 'in', weight: 5 },
  { code: 'DE', culture: GERMAN, dial: '49', mobile: '151xxxxxxxx', tld: 'de', weight: 7 },
  { code: 'ES', culture: SPANISH, dial: '34', mobile: '6xxxxxxxx', tld: 'es', weight: 4 },
  { code: 'MX', culture: SPANISH, dial: '52', mobile: '55xxxxxxxx', tld: 'com.mx', weight: 4 },
  { code: 'BR', culture: PORTUGUESE, dial: '55', mobile: '119xxxxxxxx', tld: 'com.br', weight: 5 },
  { code: 'FR', culture: FRENCH, dial: '33', mobile: '6xxxxxxxx', tld: 'fr', weight: 4 },
  { code: 'IT', culture: ITALIAN, dial: '39', mobile: '3xxxxxxxxx', tld: 'it', weight: 4 },
  { code: 'PL', culture: POLISH, dial: '48', mobile: '5xxxxxxxx', tld: 'pl', weight: 3 },
  { code: 'TR', culture: TURKISH, dial: '90', mobile: '5xxxxxxxxx', tld: 'com.tr', weight: 4 },
  { code: 'VN', culture: VIETNAMESE, dial: '84', mobile: '9xxxxxxxx', tld: 'vn', weight: 3 },
  { code: 'SG', culture: CHINESE, dial: '65', mobile: '8xxxxxxx', tld: 'com.sg', weight: 3 },
  { code: 'MY', culture: CHINESE, dial: '60', mobile: '12xxxxxxx', tld: 'com.my', weight: 3 },
  { code: 'TW', culture: CHINESE, dial: '886', mobile: '9xxxxxxxx', tld: 'com.tw', weight: 2 },
  { code: 'HK', culture: CHINESE, dial: '852', mobile: '9xxxxxxx', tld: 'com.hk', weight: 2 },
  { code: 'SA', culture: ARABIC, dial: '966', mobile: '5xxxxxxxx', tld: 'com.sa', weight: 4 },
  { code: 'AE', culture: ARABIC, dial: '971', mobile: '5xxxxxxxx', tld: 'ae', weight: 4 },
  { code: 'EG', culture: ARABIC, dial: '20', mobile: '10xxxxxxxx', tld: 'com.eg', weight: 3 },
  { code: 'RU', culture: CYRILLIC, dial: '7', mobile: '9xxxxxxxxx', tld: 'ru', weight: 4 },
  { code: 'UA', culture: CYRILLIC, dial: '380', mobile: '67xxxxxxx', tld: 'com.ua', weight: 2 },
  { code: 'KZ', culture: CYRILLIC, dial: '7', mobile: '70xxxxxxxx', tld: 'kz', weight: 2 },
];
const COUNTRY_WEIGHTS = COUNTRIES.map((c) => [c, c.weight] as const);

export const TAGS = [
  'distributor', 'wholesaler', 'retailer', 'importer', 'contractor', 'vip', 'price-sensitive', 'sample-requested',
  'canton-fair-2025', 'trade-show', 'led-lighting', 'hardware', 'solar', 'oem', 'odm', 'repeat-buyer', 'slow-payer',
  '五金', '照明', '大客户',
] as const;

const STAGE_WEIGHTS: (readonly [Stage, number])[] = [
  ['new', 30], ['contacted', 25], ['quoted', 15], ['sampling', 6], ['negotiating', 6], ['ordered', 7], ['repeat', 4], ['lost', 7],
];

const PRODUCTS = [
  ['LED Panel Light 600x600 40W', 'pieces'], ['Solar Street Light 100W', 'sets'], ['Stainless Steel Door Hinge 4 inch', 'pieces'],
  ['Cordless Drill 20V Brushless', 'pieces'], ['TWS Bluetooth Earbuds', 'pieces'], ['SPC Vinyl Floor Tile 5mm', 'square meters'],
  ['Ceramic Coffee Mug 350ml', 'pieces'], ['Cotton T-Shirt 180gsm', 'pieces'], ['Kitchen Faucet Pull-Down', 'sets'],
  ['PP Woven Bag 50kg', 'pieces'], ['Aluminium Profile 6063-T5', 'tons'], ['Copper Cable 2.5mm²', 'meters'],
  ['LED Strip 5050 RGB', 'rolls'], ['Ball Bearing 6204-2RS', 'pieces'], ['PVC Pipe 110mm', 'meters'], ['Office Chair Mesh', 'pieces'],
] as const;
const PORTS = ['Ningbo', 'Shanghai', 'Shenzhen', 'Qingdao', 'Xiamen', 'Guangzhou'] as const;

const INQUIRY_PLATFORMS = [['alibaba', 55], ['made-in-china', 20], ['global-sources', 8], ['gmail', 10], ['outlook', 4], ['whatsapp', 3]] as const;
const PLATFORM_CHANNEL: Record<Inquiry['platform'], Channel> = {
  alibaba: 'alibaba', 'made-in-china': 'made-in-china', 'global-sources': 'global-sources', gmail: 'email', outlook: 'email',
  whatsapp: 'whatsapp', linkedin: 'linkedin', generic: 'other',
};

const FOLLOW_KINDS: (readonly [TouchpointKind, number])[] = [
  ['first-reply', 12], ['follow-up', 25], ['quote-sent', 12], ['price-negotiation', 8], ['sample-sent', 4], ['sample-received', 3],
  ['catalogue-sent', 8], ['call', 6], ['meeting', 2], ['order', 3], ['payment', 3], ['complaint', 1], ['note', 13],
];

function touchNote(rng: Rng, kind: TouchpointKind, product: string): string {
  switch (kind) {
    case 'quote-sent':
      return `Quoted USD ${rng.int(1, 90)}.${rng.digits(2)}/pc FOB ${rng.pick(PORTS)} for ${product}, valid 30 days`;
    case 'price-negotiation':
      return rng.chance(0.5) ? `Buyer asks for ${rng.int(3, 15)}% off at ${rng.int(2, 20)}k pcs` : '客户嫌价格高，申请特价';
    case 'sample-sent':
      return `Sample sent by DHL, AWB ${rng.digits(10)}`;
    case 'sample-received':
      return 'Buyer confirmed sample arrived, testing now';
    case 'order':
      return `PO ${rng.int(1000, 9999)}-${rng.int(10, 99)}: ${rng.int(1, 40)}k pcs ${product}`;
    case 'payment':
      return `T/T ${rng.int(30, 70)}% deposit received`;
    case 'complaint':
      return 'Carton damaged on arrival, asked for photos';
    case 'catalogue-sent':
      return `Sent 2026 catalogue and price list (${product})`;
    case 'call':
      return rng.chance(0.5) ? 'WhatsApp call, discussed lead time' : '电话沟通交期和包装';
    case 'follow-up':
      return rng.pick(['Any update on the quote?', 'Followed up on samples', '跟进报价', 'Sent new model photos', '']);
    default:
      return rng.chance(0.5) ? '' : rng.pick(['Prefers mornings', 'Decision maker is the owner', '需要CE证书', 'Ask about MOQ']);
  }
}

// ---------------------------------------------------------------------------------------------

/** Everything about buyer `index` that does not depend on its inquiry/touchpoint counts. */
export function buyerCore(seed: string, index: number) {
  const rng = new Rng(`${seed}/buyer/${index}`);
  const country = rng.weighted(COUNTRY_WEIGHTS);
  const person = country.culture.person(rng);
  const company = rng.chance(0.93) ? country.culture.company(rng, person) : null;
  const companyLatin = company?.latin ?? `${person.latin[1]} Trading`;
  const domain = `${strip(companyLatin.split(/\s+/).slice(0, 2).join(''))}${rng.chance(0.3) ? rng.int(1, 99) : ''}.${country.tld}`;
  const first = strip(person.latin[0]);
  const last = strip(person.latin[1]);
  const emails: string[] = [];
  if (rng.chance(0.85)) emails.push(`${rng.pick([`${first}.${last}`, `${first[0]}.${last}`, first, `${first}${last}`])}@${domain}`);
  if (rng.chance(0.3)) emails.push(`${rng.pick(['sales', 'info', 'purchase', 'import'])}@${domain}`);
  if (rng.chance(0.25)) emails.push(`${first}${last}${rng.int(1, 999)}@${rng.pick(['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com'])}`);
  const phone = () => `+${country.dial}${country.mobile.replace(/x/g, () => String(rng.int(0, 9)))}`;
  const phones: string[] = [];
  if (rng.chance(0.75)) phones.push(phone());
  if (rng.chance(0.15)) phones.push(phone());
  const whatsapp = rng.chance(0.6) ? (phones.length && rng.chance(0.8) ? phones[0]! : phone()) : null;
  const wechat = country.culture === CHINESE && rng.chance(0.7) ? `${first}_${last}${rng.int(10, 9999)}` : rng.chance(0.03) ? `wx${rng.hex(8)}` : null;
  const linkedin = rng.chance(0.15) ? `https://www.linkedin.com/in/${first}-${last}-${rng.hex(6)}` : null;
  const website = company && rng.chance(0.5) ? `https://${domain}` : null;
  const platformIds: Buyer['platformIds'] = [];
  if (rng.chance(0.6)) platformIds.push({ platform: 'alibaba', id: rng.digits(rng.int(10, 13)).replace(/^0/, '2') });
  if (rng.chance(0.2)) platformIds.push({ platform: 'made-in-china', id: `MIC${rng.hex(10).toUpperCase()}` });
  if (rng.chance(0.08)) platformIds.push({ platform: 'global-sources', id: rng.digits(9).replace(/^0/, '7') });
  const tags: string[] = [];
  const nTags = rng.weighted([[0, 25], [1, 30], [2, 25], [3, 13], [4, 7]] as const);
  while (tags.length < nTags) {
    const t = rng.pick(TAGS);
    if (!tags.includes(t)) tags.push(t);
  }
  return {
    rng,
    id: uuid(rng),
    name: rng.chance(0.97) ? person.native : null,
    company: company?.native ?? null,
    country: rng.chance(0.95) ? country.code : null,
    emails,
    phones,
    whatsapp,
    wechat,
    linkedin,
    website,
    platformIds,
    tags,
    stage: rng.weighted(STAGE_WEIGHTS),
    notes: rng.chance(0.3) ? rng.pick(['Met at Canton Fair booth 11.2', 'Owner, decides fast', '只做OEM', 'Asks for 30% deposit terms', 'Competitor quoted lower']) : '',
    firstContact: BOOK_END - Math.floor(rng.next() * BOOK_SPAN_MS),
  };
}

/**
 * How many inquiries and touchpoints each buyer has: heavy-tailed (a few key accounts have
 * hundreds of touchpoints, most buyers a handful), adding up exactly to the requested totals.
 * Every inquiry has its own 'inquiry' touchpoint, as saveCapture logs it.
 */
export function allocate(seed: string, size: BookSize): { inquiries: Uint32Array; touchpoints: Uint32Array } {
  const n = size.buyers;
  const inquiries = spread(new Rng(`${seed}/alloc/inq`), n, size.inquiries, 0.8);
  const extra = spread(new Rng(`${seed}/alloc/tp`), n, Math.max(0, size.touchpoints - size.inquiries), 1.3);
  const touchpoints = new Uint32Array(n);
  let room = size.touchpoints;
  for (let i = 0; i < n; i++) {
    // With fewer touchpoints than inquiries asked for, the inquiries' own touchpoints are capped.
    const own = Math.min(inquiries[i]!, room);
    touchpoints[i] = own + extra[i]!;
    room -= own;
  }
  return { inquiries, touchpoints };
}

function spread(rng: Rng, n: number, total: number, sigma: number): Uint32Array {
  const out = new Uint32Array(n);
  if (n === 0 || total === 0) return out;
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[i] = Math.exp(sigma * rng.normal());
  let given = 0;
  for (let i = 0; i < n; i++) given += out[i] = Math.floor((total * w[i]!) / sum);
  // The rounding remainder goes one each to buyers spread evenly over the book.
  for (let k = 0; given < total; k++, given++) out[Math.floor((k * 7919) % n)]! += 1;
  return out;
}

/** Buyer `index` with its inquiries and touchpoints. */
export function buyerWithHistory(seed: string, index: number, nInquiries: number, nTouchpoints: number): BookChunk {
  const core = buyerCore(seed, index);
  const rng = new Rng(`${seed}/history/${index}`);
  const span = Math.max(DAY, BOOK_END - core.firstContact);
  const times: number[] = [];
  for (let k = 0; k < nTouchpoints; k++) times.push(core.firstContact + Math.floor(rng.next() * span));
  times.sort((a, b) => a - b);
  if (times.length) times[0] = core.firstContact;

  const inquiries: Inquiry[] = [];
  const touchpoints: Touchpoint[] = [];
  const [product, unit] = rng.pick(PRODUCTS);
  // Inquiries take evenly spaced slots of the timeline, the first one opening it.
  const inquirySlots = new Set<number>();
  for (let k = 0; k < nInquiries && k < nTouchpoints; k++) inquirySlots.add(Math.floor((k * nTouchpoints) / Math.max(1, nInquiries)));
  let inquiriesLeft = nInquiries;
  const ownChannels: Channel[] = ['email'];
  if (core.whatsapp) ownChannels.push('whatsapp', 'whatsapp');
  if (core.wechat) ownChannels.push('wechat', 'wechat');
  if (core.phones.length) ownChannels.push('phone');
  if (core.linkedin) ownChannels.push('linkedin');

  const newInquiry = (at: number | null): Inquiry => {
    const platform = rng.weighted(INQUIRY_PLATFORMS);
    const [p, u] = rng.chance(0.7) ? [product, unit] : rng.pick(PRODUCTS);
    const qty = rng.pick([100, 200, 500, 1000, 2000, 5000, 10000]);
    const name = core.name ?? 'Purchasing';
    const message = rng.chance(0.15)
      ? `您好，我们对${p}感兴趣，请报${qty}${u === 'pieces' ? '件' : u}的价格，FOB ${rng.pick(PORTS)}。谢谢！`
      : `Hello, we are interested in your ${p}. Please send your best price for ${qty} ${u} FOB ${rng.pick(PORTS)}, ` +
        `with MOQ, lead time and packing details. ${rng.chance(0.5) ? 'We need CE and RoHS certificates. ' : ''}Best regards, ${name}`;
    return {
      id: uuid(rng),
      buyerId: core.id,
      platform,
      platformInquiryId: platform === 'gmail' || platform === 'outlook' || platform === 'whatsapp' ? null : rng.digits(rng.int(11, 16)).replace(/^0/, '1'),
      url: platform === 'alibaba' ? `https://message.alibaba.com/message/maDetail.htm?imInquiryId=${rng.digits(12)}` : `https://example.invalid/${platform}/${rng.hex(12)}`,
      subject: rng.chance(0.9) ? `Inquiry about ${p}` : null,
      productTitle: p,
      productId: rng.chance(0.8) ? rng.digits(rng.int(10, 13)).replace(/^0/, '6') : null,
      quantity: rng.chance(0.85) ? qty : null,
      unit: u,
      message,
      receivedAt: at,
      capturedAt: (at ?? BOOK_END - rng.int(0, 700) * DAY) + rng.int(1, 3600) * 1000,
    };
  };

  for (let k = 0; k < nTouchpoints; k++) {
    const at = times[k]!;
    if (inquirySlots.has(k) && inquiriesLeft > 0) {
      inquiriesLeft--;
      const inq = newInquiry(at);
      inquiries.push(inq);
      touchpoints.push({
        id: uuid(rng), buyerId: core.id, channel: PLATFORM_CHANNEL[inq.platform], direction: 'in', kind: 'inquiry', at,
        note: inq.subject ?? '', inquiryId: inq.id,
      });
      continue;
    }
    const kind = rng.weighted(FOLLOW_KINDS);
    const direction = kind === 'sample-received' || kind === 'complaint' || kind === 'payment' || kind === 'order' ? 'in' : rng.chance(0.2) ? 'in' : 'out';
    touchpoints.push({
      id: uuid(rng), buyerId: core.id, channel: rng.pick(ownChannels), direction, kind, at, note: touchNote(rng, kind, product),
      inquiryId: null,
    });
  }
  // Inquiries asked for beyond the touchpoints (only when touchpoints < inquiries overall).
  while (inquiriesLeft-- > 0) inquiries.push(newInquiry(null));

  const last = touchpoints.length ? touchpoints[touchpoints.length - 1]!.at : null;
  const buyer: Buyer = {
    id: core.id, name: core.name, company: core.company, country: core.country, emails: core.emails, phones: core.phones,
    whatsapp: core.whatsapp, wechat: core.wechat, linkedin: core.linkedin, website: core.website, platformIds: core.platformIds,
    tags: core.tags, stage: core.stage, notes: core.notes, createdAt: core.firstContact, updatedAt: last ?? core.firstContact,
    lastContactAt: last,
  };
  return { buyers: [buyer], inquiries, touchpoints };
}

/** The book in chunks of `chunkBuyers` buyers, in order; the concatenation is the same book for any chunk size. */
export function* generateBook(seed: string, size: BookSize, chunkBuyers = 1000, from = 0, to = size.buyers): Generator<BookChunk> {
  const alloc = allocate(seed, size);
  for (let start = from; start < to; start += chunkBuyers) {
    const chunk: BookChunk = { buyers: [], inquiries: [], touchpoints: [] };
    for (let i = start; i < Math.min(to, start + chunkBuyers); i++) {
      const one = buyerWithHistory(seed, i, alloc.inquiries[i]!, alloc.touchpoints[i]!);
      chunk.buyers.push(...one.buyers);
      for (const x of one.inquiries) chunk.inquiries.push(x);
      for (const x of one.touchpoints) chunk.touchpoints.push(x);
    }
    yield chunk;
  }
}

/** The index of the buyer with the most touchpoints (the heaviest timeline). */
export function heaviestBuyers(seed: string, size: BookSize, count: number): number[] {
  const { touchpoints } = allocate(seed, size);
  return [...touchpoints.keys()].sort((a, b) => touchpoints[b]! - touchpoints[a]! || a - b).slice(0, count);
}

export interface SearchQuery {
  kind: 'name' | 'company word' | 'phone digits' | 'tag' | 'chinese word';
  text: string;
  /** The buyer the query was taken from (must be among the results of the full query), if any. */
  buyerId: string | null;
}

/**
 * The fixed search list, taken from buyers of the book so each has hits: a Latin full name, a
 * company word, phone digits from the middle of a number, a tag and a Chinese word.
 */
export function searchQueries(seed: string, buyers: number): SearchQuery[] {
  const find = (start: number, ok: (b: ReturnType<typeof buyerCore>) => boolean) => {
    for (let k = 0; k < buyers; k++) {
      const b = buyerCore(seed, (start + k) % buyers);
      if (ok(b)) return b;
    }
    return null;
  };
  const out: SearchQuery[] = [];
  const named = find(Math.floor(buyers / 3), (b) => !!b.name && /^[A-Za-z\u00C0-\u024F' ]+$/.test(b.name) && b.name.split(' ').length === 2);
  if (named) out.push({ kind: 'name', text: named.name!, buyerId: named.id });
  const firm = find(Math.floor(buyers / 2), (b) => !!b.company && BRAND_WORDS.has(b.company.split(/\s+/)[0]!));
  if (firm) out.push({ kind: 'company word', text: firm.company!.split(/\s+/)[0]!, buyerId: firm.id });
  const phoned = find(Math.floor((buyers * 2) / 3), (b) => (b.phones[0]?.length ?? 0) >= 11);
  if (phoned) out.push({ kind: 'phone digits', text: phoned.phones[0]!.slice(-8, -2), buyerId: phoned.id });
  out.push({ kind: 'tag', text: 'sample-requested', buyerId: null });
  const chinese = find(Math.floor(buyers / 5), (b) => !!b.company && b.company.includes('五金'));
  out.push({ kind: 'chinese word', text: '五金', buyerId: chinese?.id ?? null });
  return out;
}

/** What a seller types, one keystroke at a time: every prefix that changes the query. */
export function keystrokes(text: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= text.length; i++) {
    const q = text.slice(0, i);
    if (q.endsWith(' ')) continue;
    out.push(q);
  }
  return out;
}
