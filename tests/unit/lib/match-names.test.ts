import { describe, expect, test } from 'vitest';
import { companyKey, foldText, nameKey, nameSimilarity, sameCompany, similarNames } from '../../../lib/match-names';

describe('foldText', () => {
  test('folds case, accents, width forms, Arabic diacritics and tatweel', () => {
    expect(foldText('José MÜLLER')).toBe('jose muller');
    expect(foldText('ＡＢＣ')).toBe('abc');
    expect(foldText('مُحَمَّد')).toBe('محمد');
    expect(foldText('محـــمد')).toBe('محمد');
    expect(foldText('أحمد')).toBe(foldText('احمد'));
  });
  test('keeps Japanese voiced marks (が is not か)', () => {
    expect(foldText('が')).not.toBe(foldText('か'));
  });
});

describe('companyKey', () => {
  test.each([
    ['Becker Haustechnik GmbH', 'BECKER HAUS-TECHNIK gmbh.'],
    ['Shenzhen Huaqiang Electronics Co., Ltd.', 'shenzhen huaqiang electronics'],
    ['Iberia Hogar S.L.', 'Iberia Hogar'],
    ['Casa Bella S.r.l.', 'casa bella srl'],
    ['Nordic Home AB', 'Nordic Home'],
    ['Van Dijk B.V.', 'van dijk bv'],
    ['Comercial Andes Ltda.', 'Comercial Andes'],
    ['Le Petit Atelier SARL', 'le petit atelier'],
    ['Acme Inc.', 'ACME LLC'],
    ['深圳市华强电子有限公司', '深圳市华强电子'],
    ['株式会社山田商事', '山田商事 株式会社'],
    ['شركة النور للتجارة', 'النور للتجارة'],
  ])('%s = %s', (a, b) => {
    expect(companyKey(a)).toBe(companyKey(b));
    expect(sameCompany(a, b)).toBe(true);
  });
  test('different companies stay different, a legal form alone is not stripped away', () => {
    expect(sameCompany('Becker Haustechnik GmbH', 'Becker Elektro GmbH')).toBe(false);
    expect(companyKey('GmbH')).toBe('gmbh');
    expect(companyKey('')).toBe('');
  });
});

describe('nameSimilarity', () => {
  test.each([
    ['Jonas Becker', 'jonas  BECKER'],
    ['Jonas Becker', 'Becker Jonas'],
    ['Jonas Becker', 'Jonas Beker'],
    ['J. Becker', 'Jonas Becker'],
    ['Mr. Jonas Becker', 'Jonas Becker'],
    ['José García', 'Jose Garcia'],
    ['Mohammed Al-Hassan', 'Mohammed Alhassan'],
    ['مُحَمَّد الحسن', 'محمد الحسن'],
    ['أحمد المـــنصور', 'احمد المنصور'],
    ['王伟', '王 伟'],
    ['王伟先生', '王伟'],
    ['山田 太郎', '山田太郎'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
  ])('%s ~ %s', (a, b) => {
    expect(similarNames(a, b)).toBe(true);
  });
  test.each([
    ['Jonas Becker', 'Jonas Müller'],
    ['Jonas Becker', 'Jonas'],
    ['王伟', '张伟'],
    ['山田太郎', '山本花子'],
    ['محمد الحسن', 'علي الحسن'],
  ])('%s is not %s', (a, b) => {
    expect(similarNames(a, b)).toBe(false);
  });
  test('empty names are not similar; nameKey ignores order and titles', () => {
    expect(nameSimilarity('', 'Jonas')).toBe(0);
    expect(nameKey('Dr. Becker Jonas')).toBe(nameKey('jonas becker'));
  });
});
