/**
 * Which buyer field a sheet column holds, guessed from its header in English or Chinese, as other
 * CRMs, trade-show lead lists and Buyerbook's own CSV export name them. Headers are compared
 * after NFKC (full-width letters and colons become plain), lower case, and with spaces and
 * punctuation removed, so "E-mail Address", "邮箱：" and "email_address" all match.
 */
export const IMPORT_FIELDS = [
  'name', 'firstName', 'lastName', 'company', 'country', 'email', 'phone', 'whatsapp', 'wechat', 'linkedin',
  'website', 'platformIds', 'tags', 'stage', 'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields a sheet may have several columns of (电话 and 手机); the others take the first column only. */
export const MULTI_COLUMN_FIELDS: ReadonlySet<ImportField> = new Set(['email', 'phone', 'tags', 'notes']);

const SYNONYMS: Record<ImportField, string[]> = {
  name: [
    'name', 'full name', 'contact', 'contact name', 'contact person', 'buyer', 'buyer name', 'customer', 'customer name',
    'client name', 'lead name', '姓名', '名字', '联系人', '联系人姓名', '客户', '客户名', '客户名称', '客户姓名', '买家', '买家姓名', '买家名称',
  ],
  firstName: ['first name', 'firstname', 'given name', 'forename', '名'],
  lastName: ['last name', 'lastname', 'surname', 'family name', '姓'],
  company: [
    'company', 'company name', 'organization', 'organisation', 'org', 'business', 'business name', 'account', 'account name',
    'firm', '公司', '公司名', '公司名称', '企业', '企业名称', '单位', '客户公司', '买家公司',
  ],
  country: ['country', 'country region', 'countryregion', 'country/region', 'nation', 'location', '国家', '国家地区', '国家/地区', '地区', '国别', '所在国家'],
  email: ['email', 'e mail', 'emails', 'email address', 'mail', 'e-mail address', '邮箱', '邮件', '电子邮件', '电子邮箱', '邮箱地址', '电邮'],
  phone: [
    'phone', 'phones', 'telephone', 'tel', 'mobile', 'mobile phone', 'cell', 'cell phone', 'phone number', 'mobile number',
    'work phone', '电话', '手机', '手机号', '手机号码', '联系电话', '电话号码', '座机', '移动电话', '联系方式',
  ],
  whatsapp: ['whatsapp', 'whats app', 'wa', 'whatsapp number', 'whatsapp no', 'whatsapp号码'],
  wechat: ['wechat', 'we chat', 'weixin', 'wechat id', '微信', '微信号'],
  linkedin: ['linkedin', 'linkedin url', 'linkedin profile', '领英'],
  website: ['website', 'web', 'web site', 'url', 'site', 'homepage', 'company website', '网址', '网站', '官网', '公司网站', '主页'],
  platformIds: ['platform ids', 'platform id', '平台编号'],
  tags: ['tags', 'tag', 'labels', 'label', 'groups', 'group', '标签', '分组', '客户分组'],
  stage: ['stage', 'status', 'lead status', 'deal stage', '阶段', '状态', '客户阶段', '跟进阶段'],
  notes: ['notes', 'note', 'remarks', 'remark', 'comment', 'comments', 'description', '备注', '说明', '描述'],
};

export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-./:：()（）*#]+/g, '');
}

const LOOKUP = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) for (const s of SYNONYMS[f]) LOOKUP.set(headerKey(s), f);

/** The field of each header, or null; a field that takes one column is given to its first header only. */
export function guessMapping(headers: readonly string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return headers.map((h) => {
    const f = LOOKUP.get(headerKey(h)) ?? null;
    if (!f) return null;
    if (taken.has(f) && !MULTI_COLUMN_FIELDS.has(f)) return null;
    taken.add(f);
    return f;
  });
}
