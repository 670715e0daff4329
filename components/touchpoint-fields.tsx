/** The pickers a touchpoint is logged and edited with: channel, direction, what happened. */
import { useId } from 'react';
import { CHANNELS, type Channel, type Direction, type StoredKind } from '../lib/domain';
import { channelLabel, directionLabel, t } from '../lib/i18n';
import { KindOptions } from './kind-options';
import { useCustomKinds } from './use-custom-kinds';

export interface TouchpointPicks {
  channel: Channel;
  direction: Direction;
  kind: StoredKind;
}

export function TouchpointFields(props: TouchpointPicks & { onChange: (patch: Partial<TouchpointPicks>) => void }) {
  const id = useId();
  const custom = useCustomKinds();
  return (
    <>
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-channel`}>{t('fieldChannel')}</label>
          <select id={`${id}-channel`} value={props.channel} onChange={(e) => props.onChange({ channel: e.target.value as Channel })}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-direction`}>{t('fieldDirection')}</label>
          <select id={`${id}-direction`} value={props.direction} onChange={(e) => props.onChange({ direction: e.target.value as Direction })}>
            <option value="out">{directionLabel('out')}</option>
            <option value="in">{directionLabel('in')}</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('fieldKind')}</label>
        <select id={`${id}-kind`} value={props.kind} onChange={(e) => props.onChange({ kind: e.target.value as StoredKind })}>
          <KindOptions custom={custom} />
        </select>
      </div>
    </>
  );
}
