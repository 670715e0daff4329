/** Channel, direction and what happened: the pickers shared by the add and edit forms of a timeline entry. */
import { useId } from 'react';
import { CHANNELS, TOUCHPOINT_KINDS, type Channel, type TouchpointKind } from '../storage/schema';
import { channelLabel, directionLabel, kindLabel, t } from '../lib/i18n';

export interface TouchpointKindValues {
  channel: Channel;
  direction: 'in' | 'out';
  kind: TouchpointKind;
}

export function TouchpointKindFields(props: TouchpointKindValues & { onChange: (patch: Partial<TouchpointKindValues>) => void }) {
  const id = useId();
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
          <select
            id={`${id}-direction`}
            value={props.direction}
            onChange={(e) => props.onChange({ direction: e.target.value as 'in' | 'out' })}
          >
            <option value="out">{directionLabel('out')}</option>
            <option value="in">{directionLabel('in')}</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('fieldKind')}</label>
        <select id={`${id}-kind`} value={props.kind} onChange={(e) => props.onChange({ kind: e.target.value as TouchpointKind })}>
          {TOUCHPOINT_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
