/**
 * The shared reading parts every platform file composes, table by table, in the languages buyers
 * and back offices write: English, Chinese, Japanese, Arabic, Spanish, Portuguese, Polish.
 */
import { describe, expect, it } from 'vitest';
import { pageDocument } from '../../../scripts/extract-node';
import { readLabel, readLabelPhones, type LabelField } from '../../../extractors/labels';
import { findQuantity, parseQuantity, splitTitleQuantity } from '../../../extractors/quantity';
import { cleanName } from '../../../extractors/names';
import { phonePart, readContacts, signatureLines } from '../../../extractors/mail-signature';
import { introName, readChatLines } from '../../../extractors/chat-lines';
import { normalizeUnit } from '../../../lib/units';

describe('label reader', () => {
  const rows: [string, string, LabelField, string | null][] = [
    ['full-width colon, nbsp padding', '<dl><dt>电&nbsp;&nbsp;&nbsp;话：</dt><dd>+49 30 1234567</dd></dl>', 'tel', '+49 30 1234567'],
    ['ideographic-space padding, text after the label', '<p><b>邮　箱：</b>li.wei@example-trade.cn</p>', 'email', 'li.wei@example-trade.cn'],
    ['联系人 for the name', '<table><tr><td>联系人：</td><td>王芳</td></tr></table>', 'name', '王芳'],
    ['姓名 for the name', '<div><span>姓 名</span><span>Ahmed Al-Farsi</span></div>', 'name', 'Ahmed Al-Farsi'],
    ['买家 for the name', '<li><label>买家:</label><em>Carlos Méndez</em></li>', 'name', 'Carlos Méndez'],
    ['公司名称', '<dl><dt>公司名称：</dt><dd>Distribuidora Andina S.A.C.</dd></dl>', 'company', 'Distribuidora Andina S.A.C.'],
    ['国家/地区 with spaced slash', '<dl><dt>国家 / 地区：</dt><dd>巴西</dd></dl>', 'country', '巴西'],
    ['座机', '<p><span>座　机：</span><span>+48 22 555 01 23</span></p>', 'tel', '+48 22 555 01 23'],
    ['手机', '<p><span>手机号码</span><span>+81 90 1234 5678</span></p>', 'mobile', '+81 90 1234 5678'],
    ['电子邮件', '<p>电子邮件：ana@vidros.com.br</p>', 'email', 'ana@vidros.com.br'],
    ['网址', '<p><span>网 址：</span><a>www.vidros.com.br</a></p>', 'website', 'www.vidros.com.br'],
    ['English Contact', '<dl><dt>Contact:</dt><dd>Marta Nowak</dd></dl>', 'name', 'Marta Nowak'],
    ['English E-mail', '<dl><dt>E-mail</dt><dd>marta@nowak.pl</dd></dl>', 'email', 'marta@nowak.pl'],
    ['English Country / Region', '<dl><dt>Country / Region:</dt><dd>Poland</dd></dl>', 'country', 'Poland'],
    ['Japanese 会社名', '<dl><dt>会社名：</dt><dd>株式会社サクラ</dd></dl>', 'company', '株式会社サクラ'],
    ['a masked value is absent', '<dl><dt>Email:</dt><dd>ma***@gmail.com</dd></dl>', 'email', null],
    ['a placeholder is absent', '<dl><dt>Mobile</dt><dd>--</dd></dl>', 'mobile', null],
    ['a label in a longer sentence is not a label', '<p>Please send the email to our buyer</p>', 'email', null],
  ];
  it.each(rows)('%s', (_what, html, field, expected) => {
    const doc = pageDocument(`<body>${html}</body>`, 'https://example.com/');
    expect(readLabel(doc.body, field)).toBe(expected);
  });

  it('reads office and mobile once each', () => {
    const doc = pageDocument('<dl><dt>电话：</dt><dd>+971 4 555 1234</dd><dt>手机：</dt><dd>+971 50 555 1234</dd></dl>', 'https://example.com/');
    expect(readLabelPhones(doc.body)).toEqual(['+971 4 555 1234', '+971 50 555 1234']);
  });
});

describe('quantity and unit', () => {
  const fields: [string, number | null, string | null][] = [
    ['500 Pieces', 500, 'pieces'],
    ['20,000 Piece/Pieces', 20000, 'pieces'],
    ['5,000 件', 5000, 'pieces'],
    ['300个', 300, 'pieces'],
    ['12 套', 12, 'sets'],
    ['3 台', 3, 'sets'],
    ['80 箱', 80, 'cartons'],
    ['2500 米', 2500, 'meters'],
    ['25 吨', 25, 'tons'],
    ['600 公斤', 600, 'kilograms'],
    ['1,200 square meters', 1200, 'square meters'],
    ['2 Metric Tons', 2, 'metric tons'],
    ['1.200 unidades', 1200, 'units'],
    ['300 peças', 300, 'pieces'],
    ['1 500 sztuk', 1500, 'pieces'],
    ['100 個', 100, 'pieces'],
    ['40', 40, null],
    ['', null, null],
  ];
  it.each(fields)('field %j', (text, quantity, unit) => {
    expect(parseQuantity(text)).toEqual({ quantity, unit });
  });

  const texts: [string, number | null, string | null][] = [
    ['Hello, we need 300 sets for our new project in 2026.', 300, 'sets'],
    ['Price for 2500 meters? Delivery to Santos.', 2500, 'meters'],
    ['请报价 5,000 件，含运费', 5000, 'pieces'],
    ['We would order 40 units per month, budget USD 12,000.', 40, 'units'],
    ['Quantity: 300', 300, null],
    ['数量：1000', 1000, null],
    ['Necesitamos 1.200 unidades para marzo.', 1200, 'units'],
    ['Precisamos de 800 peças.', 800, 'pieces'],
    ['Potrzebujemy 1 500 sztuk do końca roku.', 1500, 'pieces'],
    ['見積もりをお願いします。数量：200個', 200, 'pieces'],
    ['نحتاج 500 pieces من هذا المنتج', 500, 'pieces'],
    ['Size 40x60 cm, price $12 per piece, call +49 151 2345 6789', null, null],
    ['Cable 5 m long, 20% discount', null, null],
    ['See you in 2026', null, null],
    ['Anfrage: Werkbank 1200 mm', null, null],
    ['约 500件左右', 500, 'pieces'],
  ];
  it.each(texts)('text %j', (text, quantity, unit) => {
    expect(findQuantity(text)).toEqual({ quantity, unit });
  });

  const titles: [string, string | null, number | null, string | null][] = [
    ['LED Panel Light 600x600 Quantity: 300 Sets', 'LED Panel Light 600x600', 300, 'sets'],
    ['Solar Street Light - Qty 1,000 pcs', 'Solar Street Light', 1000, 'pieces'],
    ['不锈钢水槽 数量：50 套', '不锈钢水槽', 50, 'sets'],
    ['Ceramic Table Lamp (Quantity: 200)', 'Ceramic Table Lamp', 200, null],
    ['Ceramic Table Lamp 40W', 'Ceramic Table Lamp 40W', null, null],
  ];
  it.each(titles)('title %j', (text, title, quantity, unit) => {
    expect(splitTitleQuantity(text)).toEqual({ title, quantity, unit });
  });

  it('never gives the text "null" as a unit', () => {
    expect(normalizeUnit('null')).toBeNull();
    expect(normalizeUnit(null)).toBeNull();
    expect(normalizeUnit('  ')).toBeNull();
  });
});

describe('name cleaner', () => {
  const rows: [string, string | null][] = [
    ['Mr. John Smith', 'John Smith'],
    ['Mrs Jane Doe', 'Jane Doe'],
    ['Ms. Ana Souza', 'Ana Souza'],
    ['Dr. Ahmed Al-Farsi', 'Ahmed Al-Farsi'],
    ['Sra. María López', 'María López'],
    ['Sr. João Pereira', 'João Pereira'],
    ['Pani Marta Nowak', 'Marta Nowak'],
    ['王先生', '王'],
    ['李娜女士', '李娜'],
    ['田中さん', '田中'],
    ['佐藤様', '佐藤'],
    ['السيد أحمد الفارسي', 'أحمد الفارسي'],
    ['محمد العلي', 'محمد العلي'],
    ['张伟', '张伟'],
    ['Buyer', null],
    ['Customer', null],
    ['买家', null],
    ['Dear Sir/Madam', null],
    ['Buyer from Germany', null],
    ['  ', null],
    ['jan@example.pl', null],
  ];
  it.each(rows)('%j', (raw, expected) => {
    expect(cleanName(raw)).toBe(expected);
  });
});

describe('mail-signature reader', () => {
  it('reads mobile, office, website and company after the sign-off', () => {
    const lines = ['Please quote 300 sets.', 'Best regards,', 'Marta Nowak', 'Nowak Hurt Sp. z o.o.', 'Tel. +48 22 555 01 23 wew. 204', 'Mobile: +48 601 234 567', 'NIP: 526-104-08-28 | KRS 0000123456', 'www.nowakhurt.pl'];
    const c = readContacts(signatureLines(lines), { email: 'marta@nowakhurt.pl' });
    expect(c.phones).toEqual(['+48 22 555 01 23', '+48 601 234 567']);
    expect(c.website).toBe('www.nowakhurt.pl');
    expect(c.company).toBe('Nowak Hurt Sp. z o.o.');
  });

  const registers: [string, string][] = [
    ['VAT: DE 812 345 678', ''],
    ['NIP 526-104-08-28', ''],
    ['REGON: 012345678', ''],
    ['CNPJ 12.345.678/0001-90', ''],
    ['Tel: +34 91 555 12 34, CIF B12345678', 'Tel: +34 91 555 12 34,'],
    ['Tel: +1 (555) 201-3344 ext. 204', 'Tel: +1 (555) 201-3344'],
    ['Telefone: +55 11 5555-1234 ramal 35', 'Telefone: +55 11 5555-1234'],
    ['电话：+86 21 5555 1234 分机 8001', '电话：+86 21 5555 1234'],
    ['Tel: +81 3-5555-1234', 'Tel: +81 3-5555-1234'],
  ];
  it.each(registers)('phone part of %j', (seg, part) => {
    expect(phonePart(seg)).toBe(part);
  });

  it('takes no register number as a phone', () => {
    const c = readContacts(['Distribuidora Andina S.A.C.', 'RUC 20512345678', 'Teléfono: +51 1 555 1234', 'NIF: B-12345678']);
    expect(c.phones).toEqual(['+51 1 555 1234']);
  });
});

describe('chat-line reader', () => {
  const names: [string, string | null][] = [
    ['Hi, this is Karim Haddad from Haddad Electrical in Beirut.', 'Karim Haddad'],
    ["Hello, I'm Mr. Ahmed Al-Farsi.", 'Ahmed Al-Farsi'],
    ['My name is Ana Souza, purchasing at Vidros Souza Ltda.', 'Ana Souza'],
    ['Hola, me llamo María López.', 'María López'],
    ['Olá, meu nome é João Pereira', 'João Pereira'],
    ['Dzień dobry, nazywam się Marta Nowak.', 'Marta Nowak'],
    ['你好，我是王芳，想要报价', '王芳'],
    ['私は田中と申します。', '田中'],
    ['I am interested in your LED lights', null],
    ['This is urgent, please reply', null],
  ];
  it.each(names)('name in %j', (text, expected) => {
    expect(introName(text)).toBe(expected);
  });

  it("reads the buyer's lines and never the seller's", () => {
    const d = readChatLines([
      { text: 'Hello, this is Kevin from Ningbo Bright Lighting Co., Ltd. My WhatsApp +86 138 1234 5678, kevin@bright-light.cn', mine: true },
      { text: 'Hi Kevin, this is Karim Haddad from Haddad Electrical Supplies in Beirut, Lebanon.', mine: false },
      { text: 'My email is karim@haddad-electrical.com.lb, WhatsApp +961 71 438 206', mine: false },
    ]);
    expect(d.name).toBe('Karim Haddad');
    expect(d.company).toBe('Haddad Electrical Supplies');
    expect(d.place).toBe('Beirut, Lebanon');
    expect(d.emails).toEqual(['karim@haddad-electrical.com.lb']);
    expect(d.whatsapp).toBe('+961 71 438 206');
    expect(JSON.stringify(d)).not.toContain('bright');
    expect(JSON.stringify(d)).not.toContain('138 1234');
  });
});

describe('machine times', () => {
  it('reads an ISO time with its zone exactly, whatever the browser zone', async () => {
    const { parsePageTime } = await import('../../../extractors/time');
    expect(parsePageTime('2026-11-23T02:12:00Z')).toBe('2026-11-23T02:12:00Z');
    expect(parsePageTime('2026-11-23T10:12:00+08:00')).toBe('2026-11-23T02:12:00Z');
    // The half of the day written before the time, as Chinese and Japanese do.
    expect(parsePageTime('2026年11月16日 下午2:05 GMT+8')).toBe('2026-11-16T06:05:00Z');
    expect(parsePageTime('2026年11月16日 午前9:05 GMT+9')).toBe('2026-11-16T00:05:00Z');
  });
});
