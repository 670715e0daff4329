/**
 * Dates are formatted with one Intl.DateTimeFormat per locale and style: making one costs far
 * more than formatting with it, and every buyer row and timeline item formats a date, so a
 * formatter made per call showed as long frames while a long list scrolled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../../lib/i18n';

describe('date formatting', () => {
  const Real = Intl.DateTimeFormat;
  afterEach(() => {
    Intl.DateTimeFormat = Real;
  });

  it('makes no formatter per call', () => {
    // Counts the formatters made (a spy would not construct real ones).
    const made = { mock: { calls: [] as unknown[] } };
    Intl.DateTimeFormat = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made.mock.calls.push(args);
      }
    } as typeof Real;
    const at = Date.UTC(2026, 10, 18, 9, 30);
    formatDate(at);
    formatDateTime(at);
    const first = made.mock.calls.length;
    for (let i = 0; i < 50; i++) {
      expect(formatDate(at + i * 86_400_000)).toMatch(/2026|2027/);
      formatDateTime(at + i * 60_000);
    }
    expect(made.mock.calls.length).toBe(first);
  });

  it('still formats in the panel language, and says nothing for no date', () => {
    expect(formatDate(Date.UTC(2026, 10, 18, 12))).toBe('Nov 18, 2026');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime('')).toBe('');
  });
});
