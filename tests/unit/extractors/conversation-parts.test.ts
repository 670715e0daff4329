/**
 * The mail-signature and chat-line readers on what unseen mail and chat pages write, table by
 * table, in the languages buyers write: English, Chinese, Japanese, Arabic, Spanish, Portuguese,
 * Polish (and the Dutch, German, French, Italian and Turkish their mail clients add).
 */
import { describe, expect, it } from 'vitest';
import { pageDocument } from '../../../scripts/extract-node';
import { bodyLines, phonePart, readContacts, signatureLines } from '../../../extractors/mail-signature';
import { readChatLines, sellerValues } from '../../../extractors/chat-lines';
import { extractPage } from '../../../extractors/extract-page';
import { whatsapp } from '../../../extractors/platforms/whatsapp';
import { normalizeCapture, normalizeCountry } from '../../../lib/normalize';

const body = (html: string) => pageDocument(`<div id="b">${html}</div>`, 'https://example.com/').getElementById('b');

describe('quoted mail in the languages of mail clients', () => {
  const heads: [string, string][] = [
    ['en', 'On Mon, Nov 16, 2026 at 10:00 AM Wei Zhang &lt;wei@sunray.cn&gt; wrote:'],
    ['nl', 'Op ma 16 nov 2026 om 16:05 schreef Grace Lin &lt;grace@gardenline.cn&gt;:'],
    ['de', 'Am Mo., 16. Nov. 2026 um 10:00 Uhr schrieb Wei Zhang &lt;wei@sunray.cn&gt;:'],
    ['fr', 'Le lun. 16 nov. 2026 à 10:00, Wei Zhang &lt;wei@sunray.cn&gt; a écrit :'],
    ['es', 'El lun, 16 nov 2026 a las 10:00, Wei Zhang (&lt;wei@sunray.cn&gt;) escribió:'],
    ['pt', 'Em seg., 16 de nov. de 2026 às 05:40, Wei Zhang &lt;wei@sunray.cn&gt; escreveu:'],
    ['it', 'Il giorno lun 16 nov 2026 alle ore 10:00 Wei Zhang &lt;wei@sunray.cn&gt; ha scritto:'],
    ['pl', 'W dniu 16.11.2026 o 10:00, Wei Zhang &lt;wei@sunray.cn&gt; napisał:'],
    ['zh', 'Wei Zhang &lt;wei@sunray.cn&gt; 于2026年11月16日周一 10:00写道：'],
    ['ja', '2026年11月16日(月) 10:00 Wei Zhang &lt;wei@sunray.cn&gt;:さんは書きました:'],
    ['outlook', '-----Original Message-----'],
    ['de outlook', '-----Ursprüngliche Nachricht-----'],
    ['es outlook', '-----Mensaje original-----'],
  ];
  it.each(heads)('%s: the quote is cut', (_lang, head) => {
    const lines = bodyLines(body(`<div>We need 500 sets.</div><div>Regards, Ana</div><div>${head}</div><div>Dear Ana, Sunray Co., Ltd. +86 755 1234 5678</div>`), 'blockquote');
    expect(lines).toEqual(['We need 500 sets.', 'Regards, Ana']);
  });

  it('cuts a header in another language followed by its sent line', () => {
    const lines = bodyLines(body('<div>Thanks.</div><div>Van: Grace Lin</div><div>Verzonden: maandag 16 november 2026</div><div>Dear Eva</div>'), 'blockquote');
    expect(lines).toEqual(['Thanks.']);
  });
});

describe('signature lines', () => {
  const signOffs: [string, string][] = [
    ['nl', 'Met vriendelijke groet,'],
    ['pl', 'Pozdrawiam'],
    ['it', 'Cordiali saluti'],
    ['tr', 'Saygılarımla,'],
    ['ja', 'よろしくお願いいたします。'],
    ['delimiter', '--'],
  ];
  it.each(signOffs)('%s: the signature follows %j', (_lang, off) => {
    const lines = ['Please quote 240 sets, delivery Rotterdam, and tell us the lead time for the first order.', 'We also need the catalogue.', off, 'Eva van Dijk', 'Van Dijk B.V.'];
    expect(signatureLines(lines)).toEqual(['Eva van Dijk', 'Van Dijk B.V.']);
  });
});

describe('phone part of a signature segment', () => {
  const rows: [string, string][] = [
    ['T +31 10 412 3456 (toestel 23)', 'T +31 10 412 3456'],
    ['Tel. +39 02 1234 5678 interno 12', 'Tel. +39 02 1234 5678'],
    ['Tél. +33 1 44 55 66 77 poste 301', 'Tél. +33 1 44 55 66 77'],
    ['Tel. +49 40 3012 4455 Durchwahl 12', 'Tel. +49 40 3012 4455'],
    ['Tel: +90 212 555 12 12 dahili 45', 'Tel: +90 212 555 12 12'],
    ['Office: +971 4 321 7654 ext. 23', 'Office: +971 4 321 7654'],
    ['Ph: +91 22 4001 2345 Extn. 23', 'Ph: +91 22 4001 2345'],
    ['TEL: +81 45 222 3344 (内線 23)', 'TEL: +81 45 222 3344'],
    ['KvK 24123456 | BTW NL812345678B01', ''],
    ['TRN 100234567800003', ''],
    ['GSTIN: 27AAACK4512M1Z7', ''],
    ['RFC: FIN0512159Q3', ''],
    ['CNPJ: 12.345.678/0001-90', ''],
  ];
  it.each(rows)('%j', (seg, part) => {
    expect(phonePart(seg)).toBe(part);
  });
});

describe('contacts in a signature', () => {
  it('reads one-letter phone labels without a colon (T, M) and no register number', () => {
    const c = readContacts(['Eva van Dijk', 'T +31 10 412 3456 (toestel 23)', 'M +31 6 1234 5678', 'KvK 24123456 | BTW NL812345678B01']);
    expect(c.phones).toEqual(['+31 10 412 3456', '+31 6 1234 5678']);
  });

  const places: [string, string[], string][] = [
    ['ar/en: an office number in the address is no phone line', ['Office 1204, Business Bay, Dubai, United Arab Emirates', 'Mobile: +971 50 123 4567'], 'United Arab Emirates'],
    ['nl: postcode letters are no legal form', ['Industrieweg 21, 3044 AS Rotterdam, Nederland'], 'Nederland'],
    ['pt: postal line', ['Av. Paulista 1000, 01310-100 São Paulo, Brasil'], 'Brasil'],
    ['es: postal line', ['Av. Constitución 455, 64000 Monterrey, N.L., México'], 'México'],
    ['pl: postal line', ['ul. Przemysłowa 14, 02-232 Warszawa, Polska'], 'Polska'],
  ];
  it.each(places)('%s', (_what, lines, country) => {
    expect(readContacts(lines).country).toBe(country);
  });

  const companies: [string, string[], string][] = [
    ['ja: the word with 株式会社, not the department', ['山本 美咲', '株式会社サクラ商事 購買部'], '株式会社サクラ商事'],
    ['ko: (주) before the name', ['김민수', '(주)한빛무역 구매팀'], '(주)한빛무역'],
    ['zh: 有限公司', ['王芳', '义乌市光明贸易有限公司'], '义乌市光明贸易有限公司'],
    ['tr: A.Ş.', ['Mehmet Yılmaz', 'Anadolu Yapı Market A.Ş.'], 'Anadolu Yapı Market A.Ş.'],
    ['es: S.A. de C.V.', ['María José Fernández', 'Ferretería Industrial del Norte S.A. de C.V.'], 'Ferretería Industrial del Norte S.A. de C.V.'],
    ['en: Pvt. Ltd.', ['Rajesh Kumar', 'Kumar Hardware Pvt. Ltd.'], 'Kumar Hardware Pvt. Ltd.'],
  ];
  it.each(companies)('%s', (_what, lines, company) => {
    expect(readContacts(lines).company).toBe(company);
  });
});

describe('chat lines: company and place the buyer states', () => {
  const rows: [string, string, string | null, string | null][] = [
    ['en: honorific and role before "at"', 'My name is Dr. Yusuf Ibrahim, procurement officer at Crescent Medical Supplies Ltd. We are in Abuja, Nigeria.', 'Crescent Medical Supplies Ltd.', 'Abuja, Nigeria'],
    ['en: "Co. Ltd" is one company', 'This is Tom from Shenzhen Bright Co. Ltd. We need 500 pcs.', 'Shenzhen Bright Co. Ltd.', null],
    ['en: based in', "Hi, I'm Sara, buyer at Nordic Home AB. We're based in Malmö, Sweden.", 'Nordic Home AB', 'Malmö, Sweden'],
    ['es: soy X de Y, estamos en', 'Hola, soy Carlos de Distribuidora Andina SAC. Estamos en Lima, Perú.', 'Distribuidora Andina SAC', 'Lima, Perú'],
    ['es: soy X de Y S.A.S., city', 'Hola, soy Sofía Herrera de Textiles Andinos S.A.S., Medellín, Colombia.', 'Textiles Andinos S.A.S.', 'Medellín, Colombia'],
    ['es: soy X de a place is no company', 'Hola, soy Ana de Lima.', null, null],
    ['pt: eu sou X da Y Ltda., em', 'Olá, eu sou João Silva da Construtora Horizonte Ltda., em Campinas.', 'Construtora Horizonte Ltda.', 'Campinas'],
    ['pl: jestem X z Y Sp. z o.o.', 'Dzień dobry, jestem Anna Nowak z Budmax Sp. z o.o.', 'Budmax Sp. z o.o.', null],
    ['en: "Co., Ltd" after a comma is the company, not a place', 'I am the owner of Lan Cosmetics Co., Ltd in Ho Chi Minh City.', 'Lan Cosmetics Co., Ltd', 'Ho Chi Minh City'],
    ['en: a word after "I am" and a comma is no company', 'I am Interested, Please send price.', null, null],
    ['pt: estamos em', 'Olá, sou a Ana. Estamos em Campinas, Brasil.', null, 'Campinas, Brasil'],
    ['en: place in the introduction', 'This is Ahmed Saleh from Saleh Home Appliances Co. in Alexandria, Egypt.', 'Saleh Home Appliances Co.', 'Alexandria, Egypt'],
  ];
  it.each(rows)('%s', (_what, text, company, place) => {
    const d = readChatLines([{ text, mine: false }]);
    expect(d.company).toBe(company);
    expect(d.place).toBe(place);
  });

  it('never takes the seller’s introduction or values', () => {
    const lines = [
      { text: 'Welcome to Jiangsu MedEquip Co., Ltd.! Email grace@js-medequip.com or call +86 139 1234 5678.', mine: true },
      { text: 'My name is Dr. Yusuf Ibrahim, procurement officer at Crescent Medical Supplies Ltd.', mine: false },
    ];
    expect(sellerValues(lines)).toEqual(['grace@js-medequip.com', '+86 139 1234 5678']);
    expect(JSON.stringify(readChatLines(lines))).not.toMatch(/MedEquip|grace@|139 1234/);
  });
});

describe('WhatsApp drawer in any UI language', () => {
  const page = (label: string) =>
    `<div id="app"><div id="main"><header><span dir="auto" title="Sr. Carlos Quispe">Sr. Carlos Quispe</span></header>
     <div class="message-in" data-id="false_51945678123@c.us_A1"><div class="copyable-text" data-pre-plain-text="[18:45, 19/11/2026] Carlos: "><span>Necesitamos 1.500 cajas.</span></div></div></div>
     <section aria-label="${label}"><span>+51 945 678 123</span><span>Distribuidora Andina SAC</span><span>Av. Argentina 2450, Lima, Perú</span>
     <a href="mailto:ventas@distandina.pe">ventas@distandina.pe</a><a href="https://distandina.pe">distandina.pe</a></section></div>`;
  const labels: [string][] = [['Info. de empresa'], ['Business info'], ['商家信息'], ['Dados da empresa'], ['Informacje o firmie']];
  it.each(labels)('%s', (label) => {
    const c = normalizeCapture(extractPage([whatsapp], pageDocument(page(label), 'https://web.whatsapp.com/'), 'https://web.whatsapp.com/'));
    expect(c.buyer).toMatchObject({ name: 'Carlos Quispe', company: 'Distribuidora Andina SAC', country: 'PE', emails: ['ventas@distandina.pe'], website: 'https://distandina.pe' });
  });
});

describe('chat lines: a place after what the buyer is', () => {
  it.each([
    ['We are a building materials retailer in Istanbul, Turkey.', 'Istanbul, Turkey'],
    ['I am an importer based in Casablanca, Morocco.', 'Casablanca, Morocco'],
    ['We are interested in LED panels.', null],
  ])('%j', (text, place) => {
    expect(readChatLines([{ text, mine: false }]).place).toBe(place);
  });
});

describe('a location written country first with spaces (CJK UIs)', () => {
  it.each([
    ['日本 大阪府 大阪市', 'JP'],
    ['中国 广东省 深圳', 'CN'],
    ['大阪市, 日本', 'JP'],
    ['Hamburg Metropolitan Area', null],
  ])('%j', (place, code) => {
    expect(normalizeCountry(place)).toBe(code);
  });
});

describe('WhatsApp contact drawer: the groups in common are not the buyer', () => {
  it('takes no company or country from a common group', () => {
    const html = `<div id="app"><div id="main"><header><span dir="auto" title="Omar">Omar</span></header>
      <div class="message-in" data-id="false_971501112233@c.us_A1"><div class="copyable-text" data-pre-plain-text="[10:00, 19/11/2026] Omar: "><span>Hello, price for 200 sets?</span></div></div></div>
      <section aria-label="Contact info"><div><span>+971 50 111 2233</span></div>
      <div><div>3 groups in common</div><div role="list"><div role="listitem"><span title="Ningbo Export Group Co., Ltd.">Ningbo Export Group Co., Ltd.</span></div>
      <div role="listitem"><span title="Yiwu Traders, Zhejiang, China">Yiwu Traders, Zhejiang, China</span></div></div></div></section></div>`;
    const c = normalizeCapture(extractPage([whatsapp], pageDocument(html, 'https://web.whatsapp.com/'), 'https://web.whatsapp.com/'));
    expect(c.buyer.company).toBeNull();
    expect(c.buyer.country).toBeNull();
    expect(c.buyer.whatsapp).toBe('+971501112233');
  });
});

describe('mail and chat times in other UI languages', () => {
  const rows: [string, string, string][] = [
    ['en', 'Wed, Nov 18, 2026, 11:42 AM', '2026-11-18T11:42:00Z'],
    ['de', 'Mi., 18. Nov. 2026, 11:42', '2026-11-18T11:42:00Z'],
    ['de März', 'Mo., 2. März 2026, 09:05', '2026-03-02T09:05:00Z'],
    ['fr', 'mer. 18 nov. 2026, 11:42', '2026-11-18T11:42:00Z'],
    ['fr juillet', 'jeu. 2 juil. 2026, 11:42', '2026-07-02T11:42:00Z'],
    ['es', 'mié, 18 nov 2026, 11:42', '2026-11-18T11:42:00Z'],
    ['es enero', 'lun, 12 ene 2026, 11:42', '2026-01-12T11:42:00Z'],
    ['pt', 'qua., 18 de nov. de 2026 11:42', '2026-11-18T11:42:00Z'],
    ['pt outubro', 'seg., 5 de out. de 2026 11:42', '2026-10-05T11:42:00Z'],
    ['pl', 'śr., 18 lis 2026, 11:42', '2026-11-18T11:42:00Z'],
    ['pl październik', 'pon., 5 paź 2026, 11:42', '2026-10-05T11:42:00Z'],
    ['zh', '2026年11月18日周三 上午11:42', '2026-11-18T11:42:00Z'],
    ['ja', '2026年11月18日(水) 11:42', '2026-11-18T11:42:00Z'],
  ];
  it.each(rows)('%s: %j', async (_lang, text, iso) => {
    const saved = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      const { parsePageTime } = await import('../../../extractors/time');
      expect(parsePageTime(text)).toBe(iso);
    } finally {
      process.env.TZ = saved;
    }
  });
});
