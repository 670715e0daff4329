/**
 * The buyer's local time and time zone beside their country: automatic where the country keeps
 * one time, chosen by hand (and stored on the buyer) where it spans several.
 */
import { useId, useState } from 'react';
import type { Buyer } from '../storage/schema';
import { saveBuyerEdit } from '../storage/buyers-repo';
import { autoZone, buyerZone, countryZones, formatLocalTime, zoneName, zoneOffsetLabel } from '../lib/time-zones';
import { t, uiLocale } from '../lib/i18n';
import { useNow } from './use-now';

export function LocalTime({ buyer }: { buyer: Buyer }) {
  const id = useId();
  const now = useNow();
  const [failed, setFailed] = useState(false);
  const zone = buyerZone(buyer);
  const zones = countryZones(buyer.country);
  const choose = zones.length > 1 && !autoZone(buyer.country);

  const pick = async (tz: string) => {
    setFailed(false);
    try {
      const r = await saveBuyerEdit(buyer.id, buyer, { timeZone: tz || null });
      if (r.kind === 'conflict') setFailed(true);
    } catch {
      setFailed(true);
    }
  };

  return (
    <span className="local-time" data-testid="local-time" data-zone={zone ?? ''}>
      {zone ? (
        <span>
          {t('localTime', formatLocalTime(zone, now, uiLocale()))}{' '}
          <span className="muted" title={zone}>
            ({zoneOffsetLabel(zone, now)}, {zoneName(zone, now, uiLocale())})
          </span>
        </span>
      ) : null}
      {choose ? (
        <span className="zone-choice">
          <label htmlFor={id} className="visually-hidden">
            {t('timeZoneChoose')}
          </label>
          <select id={id} data-testid="time-zone" value={buyer.timeZone ?? ''} title={t('timeZoneHint')} onChange={(e) => void pick(e.target.value)}>
            <option value="">{t('timeZoneChoose')}</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z} ({zoneOffsetLabel(z, now)})
              </option>
            ))}
          </select>
        </span>
      ) : null}
      {failed ? <span className="notice bad">{t('saveFailed')}</span> : null}
    </span>
  );
}
