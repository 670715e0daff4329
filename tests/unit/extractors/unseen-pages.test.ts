/**
 * What pages the readers had never seen showed them to miss (issue 8), table by table, in the
 * languages buyers and back offices write: English, Chinese, Japanese, Arabic, Spanish,
 * Portuguese, Polish. Each row failed before the change it tests.
 */
import { describe, expect, it } from 'vitest';
import { findQuantity } from '../../../extractors/quantity';
import { CARD_HEADING, readLabel, type LabelField } from '../../../extractors/labels';
import { extractPage, findAdapter } from '../../../extractors/extract-page';
import { ALL_MODULES } from '../../../extractors/registry';
import { pageDocument } from '../../../scripts/extract-node';
import { fixtureNames, loadFixture } from '../../support/fixtures';

describe('a product measurement in the message is not the order quantity', () => {
  const texts: [string, number | null, string | null][] = [
    ['Aluminium frame, max load 120 kg. Our first order would be 600 units.', 600, 'units'],
    ['Capacidad máxima 150 kg; necesitamos 200 unidades.', 200, 'units'],
    ['Carga máxima de 300 kg, precisamos de 50 peças.', 50, 'pieces'],
    ['Udźwig 120 kg, potrzebujemy 80 sztuk.', 80, 'pieces'],
    ['承重 120 公斤，需要 500 件', 500, 'pieces'],
    ['耐荷重 100 kg、20 セット必要です', 20, 'sets'],
    ['الحمولة 120 kg ، نحتاج 40 units', 40, 'units'],
    ['Weight 25 kg per carton', null, null],
    ['We need 25 tons of cement', 25, 'tons'],
  ];
  it.each(texts)('%j', (text, quantity, unit) => {
    expect(findQuantity(text)).toEqual({ quantity, unit });
  });
});

describe('other people on the page go to the last line of defence (PageAdapter.foreign)', () => {
  const foreignOf = (name: string) => {
    const fx = loadFixture(name);
    const url = new URL(fx.url);
    const found = findAdapter(ALL_MODULES, url);
    return { fx, values: found?.adapter.foreign?.(pageDocument(fx.html, fx.url), url) ?? [] };
  };
  const pages: [string, string[]][] = [
    // Made-in-China: the seller's top bar and reply, the other mails of the sidebar.
    ['mic-detail-en-dl-subject-qty', ['Sunny Zhou', 'sunny@haoyu-kitchen.cn', 'o.shevchenko@kyivhome.ua', 'Carlos Mendes']],
    ['mic-detail-cn-padded', ['lijing@ruida-yk.com', '+86 159 5793 1100']],
    // TradeMessenger: the seller's lines and the other conversations.
    ['mic-trademessenger-cn-panel', ['liuchang@changda-yw.com', 'maria.rossi@bijoux-roma.it', 'Maria Rossi', '+1 212 555 0147']],
    // Global Sources: the seller's header and conversation, the other rows of the list.
    ['globalsources-message-center-en', ['Vicky Lau', 'vicky@brightway-zs.com', '+86 760 2233 4455']],
    ['globalsources-legacy-detail', ['fatima@casashoes.ma']],
    // Generic: the addresses set aside when one stated record is the buyer, or nobody is.
    ['generic-expo-visitor-lead', ['sales@hongda-valves.cn', 'support@exposcan-leads.com']],
    ['generic-buying-leads-list', ['ahmed@karimelectric.com.eg', 'piotr@lux-pol.pl']],
  ];
  it.each(pages)('%s names the others', (name, expected) => {
    expect(foreignOf(name).values).toEqual(expect.arrayContaining(expected));
  });

  it('never names a value of the buyer, on any fixture page', () => {
    for (const name of fixtureNames()) {
      const { fx, values } = foreignOf(name);
      const low = values.map((v) => v.toLowerCase());
      const digits = values.map((v) => v.replace(/\D/g, '')).filter((d) => d.length >= 7);
      const b = fx.expect.buyer;
      for (const v of [b.name, b.company, b.wechat, ...((b.emails as string[] | undefined) ?? [])]) {
        if (typeof v === 'string') expect(low, `${name}: ${v}`).not.toContain(v.toLowerCase());
      }
      for (const p of [...((b.phones as string[] | undefined) ?? []), b.whatsapp]) {
        if (typeof p === 'string') expect(digits.some((d) => d.endsWith(p.replace(/\D/g, '').slice(-9))), `${name}: ${p}`).toBe(false);
      }
    }
  });
});

describe('generic reader: one stated record among other addresses', () => {
  const read = (body: string) => extractPage(ALL_MODULES, pageDocument(`<body>${body}</body>`, 'https://leads.example-expo.com/lead/1'), 'https://leads.example-expo.com/lead/1').buyer;
  const rows: [string, string, string[]][] = [
    ['English card, support address in the footer', '<table><tr><th>Name</th><td>Ana Silva</td></tr><tr><th>E-mail</th><td>ana@silva-trade.pt</td></tr></table><footer>Help: support@leadportal.io</footer>', ['ana@silva-trade.pt']],
    ['Chinese labels, the seller in the header', '<header>当前账号 sales@huaxin-valve.cn</header><p>联系人：王伟</p><p>邮　箱：wangwei@hx-import.com.my</p>', ['wangwei@hx-import.com.my']],
    ['Spanish agency credit', '<p>Correo electrónico: compras@ferreteria-sur.cl</p><footer>Sitio diseñado por Estudio Uno · hola@estudiouno.cl</footer>', ['compras@ferreteria-sur.cl']],
    ['Portuguese agency credit', '<p>E-mail: vendas@casa-lar.com.br</p><footer>Site desenvolvido por Agência Sol · contato@agenciasol.com.br</footer>', ['vendas@casa-lar.com.br']],
    ['two stated records: nobody', '<p>Email: a@alpha-trade.com</p><p>Email: b@beta-import.de</p>', []],
  ];
  it.each(rows)('%s', (_what, body, emails) => {
    expect(read(body).emails).toEqual(emails);
  });
});

describe('the label reader in the languages buyers fill forms in', () => {
  const rows: [string, LabelField, string][] = [
    ['<dl><dt>Teléfono:</dt><dd>+52 81 8340 5566</dd></dl>', 'tel', '+52 81 8340 5566'],
    ['<p>Correo electrónico: compras@ferreteria.mx</p>', 'email', 'compras@ferreteria.mx'],
    ['<dl><dt>Empresa</dt><dd>Construtora Horizonte Ltda.</dd></dl>', 'company', 'Construtora Horizonte Ltda.'],
    ['<dl><dt>País:</dt><dd>Brasil</dd></dl>', 'country', 'Brasil'],
    ['<table><tr><td>Osoba kontaktowa</td><td>Marek Kowalski</td></tr></table>', 'name', 'Marek Kowalski'],
    ['<p><span>Telefon komórkowy:</span><span>+48 601 234 567</span></p>', 'mobile', '+48 601 234 567'],
    ['<p><span>الجوال:</span><span>+966 50 765 4321</span></p>', 'mobile', '+966 50 765 4321'],
    ['<p><span>البريد الإلكتروني：</span><span>khalid@parts.sa</span></p>', 'email', 'khalid@parts.sa'],
    ['<dl><dt>واتساب</dt><dd>+965 9876 5432</dd></dl>', 'whatsapp', '+965 9876 5432'],
  ];
  it.each(rows)('%s', (html, field, expected) => {
    expect(readLabel(pageDocument(`<body>${html}</body>`, 'https://example.com/').body, field)).toBe(expected);
  });

  it('a WhatsApp number labelled in Arabic on a contact page', () => {
    const b = extractPage(ALL_MODULES, pageDocument('<body><p>واتساب: \u200e+965 9876 5432</p></body>', 'https://www.example-kw.com/contact'), 'https://www.example-kw.com/contact').buyer;
    expect(b.whatsapp?.replace(/\D/g, '')).toBe('96598765432');
  });
});

describe("a buyer's card found by its heading, whatever its class", () => {
  const headings: [string, boolean][] = [
    ["Buyer's Information", true],
    ['Buyer Profile', true],
    ['Contact Details', true],
    ['Contact Information', true],
    ['Customer Info', true],
    ['Sender Profile', true],
    ['买家基本信息', true],
    ['买家资料', true],
    ['联系方式', true],
    ['客户信息', true],
    ['Product Information', false],
    ['Reply', false],
    ['相关产品', false],
  ];
  it.each(headings)('%s', (text, card) => {
    expect(CARD_HEADING.test(text)).toBe(card);
  });
});
