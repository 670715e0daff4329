/**
 * The one label reader for back-office key/value rows, English and Chinese: every field's label
 * variants in one table ("联系人/姓名/买家", "Contact/Name", "手机/电话/座机", "Tel/Mobile", ...),
 * read with dom.labelValue, which already ignores padding inside a label and full-width colons.
 * A masked value or a placeholder ("--", "Request to view") counts as absent.
 */
import { labelValue } from './dom';
import { isMasked } from './patterns';

export const FIELD_LABELS = {
  name: ['Name', 'Contact', 'Contact Person', 'Contact Name', 'Buyer', 'Buyer Name', 'Full Name',
    '姓名', '联系人', '买家', '买家姓名', '联系人姓名', '客户姓名', '名前', 'お名前', '担当者',
    'Nombre', 'Contacto', 'Nome', 'Contato', 'Imię i nazwisko', 'Osoba kontaktowa', 'الاسم', 'جهة الاتصال'],
  company: ['Company', 'Company Name', 'Organization', 'Organisation', 'Buyer Company',
    '公司', '公司名称', '公司名', '单位', '单位名称', '企业名称', '会社名',
    'Empresa', 'Firma', 'Nazwa firmy', 'الشركة', 'اسم الشركة'],
  country: ['Country/Region', 'Country', 'Region', 'Country & Region', 'Country or Region', 'Location',
    '国家/地区', '国家', '地区', '国家和地区', '国家或地区', '所在国家', '国', '国・地域',
    'País', 'Pais', 'Kraj', 'الدولة', 'البلد'],
  tel: ['Tel', 'Tel.', 'Telephone', 'Phone', 'Phone Number', 'Telephone Number', 'Office', 'Office Phone', 'Landline',
    '电话', '座机', '联系电话', '固定电话', '电话号码', '電話', '電話番号',
    'Teléfono', 'Telefone', 'Telefon', 'الهاتف', 'هاتف'],
  mobile: ['Mobile', 'Mobile Phone', 'Mobile Number', 'Cell', 'Cell Phone', 'Cellphone',
    '手机', '手机号', '手机号码', '移动电话', '携帯', '携帯電話',
    'Móvil', 'Celular', 'Telemóvel', 'Telefon komórkowy', 'Komórka', 'الجوال', 'جوال'],
  email: ['Email', 'E-mail', 'E-Mail Address', 'Email Address', 'Mail',
    '邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', 'メール', 'メールアドレス',
    'Correo', 'Correo electrónico', 'البريد الإلكتروني'],
  website: ['Website', 'Web', 'Web Site', 'Homepage', 'Company Website', 'URL',
    '网址', '网站', '公司网址', '公司网站', '公司官网', '官网', '主页', 'ウェブサイト'],
  whatsapp: ['WhatsApp', 'WhatsApp No.', 'WhatsApp Number', 'Whatsapp', 'واتساب'],
  wechat: ['WeChat', 'WeChat ID', '微信', '微信号'],
} as const;

export type LabelField = keyof typeof FIELD_LABELS;

/**
 * The heading of a buyer's card of label rows, whatever the card's class: "Buyer's Information",
 * "Buyer Profile", "Contact Details", "Sender Profile", 买家基本信息, 买家资料, 联系方式.
 */
export const CARD_HEADING =
  /^(?:(?:buyer|contact|customer|sender)(?:'s|s)? (?:basic |contact )?(?:info\w*|details?|profile)|买家(?:基本)?(?:信息|资料)|客户(?:信息|资料)|联系(?:人)?(?:信息|方式|资料)|发件人(?:信息|资料))$/i;

/** The value of a field's row in `root`, or null when absent, a placeholder or masked. */
export function readLabel(root: ParentNode | null | undefined, field: LabelField, extra: readonly string[] = []): string | null {
  if (!root) return null;
  const v = labelValue(root, [...FIELD_LABELS[field], ...extra]);
  return v && !isMasked(v) && !/^(?:n\/?a|none|null|无|暂无|未填写?)$/i.test(v) ? v : null;
}

/** Phone numbers in the rows of a card: office and mobile, each once, at least 7 digits. */
export function readLabelPhones(root: ParentNode | null | undefined): string[] {
  const out: string[] = [];
  for (const field of ['tel', 'mobile'] as const) {
    const v = readLabel(root, field);
    if (v && v.replace(/\D/g, '').length > 6 && !out.some((p) => p.replace(/\D/g, '') === v.replace(/\D/g, ''))) out.push(v);
  }
  return out;
}
