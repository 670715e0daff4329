import { describe, expect, it } from 'vitest';
import { autoZone, buyerZone, countryZones, formatLocalTime, zoneName, zoneOffsetLabel } from '../../../lib/time-zones';

describe('a buyer’s time zone', () => {
  it('is automatic where the country keeps one time, chosen where it spans several', () => {
    expect(autoZone('AE')).toBe('Asia/Dubai');
    expect(autoZone('DE')).toBe('Europe/Berlin'); // Büsingen keeps Berlin's clock
    expect(autoZone('US')).toBeNull();
    expect(autoZone('RU')).toBeNull();
    expect(autoZone(null)).toBeNull();
    expect(countryZones('US')).toContain('America/New_York');
  });

  it('a zone chosen for the buyer wins; an unknown one falls back to the country', () => {
    expect(buyerZone({ country: 'US', timeZone: 'America/Chicago' })).toBe('America/Chicago');
    expect(buyerZone({ country: 'US', timeZone: null })).toBeNull();
    expect(buyerZone({ country: 'DE', timeZone: 'Not/AZone' })).toBe('Europe/Berlin');
  });

  it('shows the local time and offset of that moment', () => {
    const at = Date.UTC(2026, 10, 24, 14, 42); // a Tuesday, winter in Berlin
    expect(formatLocalTime('Europe/Berlin', at, 'en-GB')).toBe('Tue 15:42');
    expect(zoneOffsetLabel('Europe/Berlin', at)).toBe('GMT+1');
    expect(zoneOffsetLabel('Europe/Berlin', Date.UTC(2026, 6, 1))).toBe('GMT+2');
    expect(zoneName('Europe/Berlin', at, 'en')).toBe('Central European Time');
    expect(zoneName('Europe/Berlin', at, 'zh-CN')).toBe('中欧时间');
  });
});
