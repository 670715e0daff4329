/**
 * What pages the readers had never seen showed them to miss (issue 8), table by table, in the
 * languages buyers and back offices write: English, Chinese, Japanese, Arabic, Spanish,
 * Portuguese, Polish. Each row failed before the change it tests.
 */
import { describe, expect, it } from 'vitest';
import { findQuantity } from '../../../extractors/quantity';

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
