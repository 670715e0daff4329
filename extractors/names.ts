/**
 * The one name cleaner: a person's name as the page shows it, without honorifics ("Mr.", "Dr.",
 * "Sra.", "Pan", "先生", "女士", "さん", "様", "السيد") and never a placeholder ("Buyer",
 * "Customer", "买家", "Dear Sir"), which a page shows when it does not know the person. Names in
 * Chinese, Japanese, Arabic or any script are kept as written: nothing is transliterated.
 */

// Before the name: English, Spanish/Portuguese, Polish, German, French, Arabic.
const BEFORE =
  /^(?:(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|mme|mlle|sr|sra|srta|dra|ing|lic|arq|herr|frau|pan|pani|eng|engr|sheikh|sh)\.?|السيد|السيدة|الآنسة|الدكتور|د\.)\s+/i;
// After the name: Chinese, Japanese; Korean 씨/님.
const AFTER = /\s*(?:先生|女士|小姐|老师|总|经理|さん|様|さま|殿|氏|씨|님)$/;
const PLACEHOLDER =
  /^(?:(?:dear\s+)?(?:buyer|customer|client|guest|visitor|user|member|friend|sir|madam|sir\/madam|sir or madam|purchasing manager|purchaser)s?|unknown|anonymous|n\/?a|none|null|-+|买家|客户|买方|访客|游客|用户|会员|匿名|未知|先生|女士|お客様|バイヤー|comprador|cliente|klient|kupujący)$/i;

/** A person's name without honorifics, or null when the text is a placeholder or empty. */
export function cleanName(raw: string | null | undefined): string | null {
  let s = (raw ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (!s || PLACEHOLDER.test(s)) return null;
  // "Mr. Ahmed Al-Farsi", "Dr. Dr. X": every leading honorific, and one trailing one.
  for (let i = 0; i < 3 && BEFORE.test(s) && s.replace(BEFORE, '').trim(); i++) s = s.replace(BEFORE, '').trim();
  const bare = s.replace(AFTER, '').trim();
  if (bare) s = bare;
  // "Buyer from Germany", "Alibaba User 2208...": a stand-in, not a name.
  if (PLACEHOLDER.test(s) || /^(?:buyer|customer|user|买家|客户)\b.*(?:from|\d)/i.test(s)) return null;
  if (!/\p{L}/u.test(s) || s.includes('@')) return null;
  return s;
}
