import { useId } from 'react';
import { STAGES, type Stage } from '../storage/schema';
import { stageLabel, t } from '../lib/i18n';

/** The stage picker; `withAll` adds "All" (value "") for filters. */
export function StageSelect<V extends Stage | ''>(props: {
  value: V;
  onChange: (s: V) => void;
  testId?: string;
  withAll?: boolean;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={props.className ?? 'field'}>
      <label htmlFor={id}>{t('fieldStage')}</label>
      <select
        id={id}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value as V)}
      >
        {props.withAll ? <option value="">{t('filterAll')}</option> : null}
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {stageLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
