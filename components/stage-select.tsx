import { useId } from 'react';
import { STAGES, type Stage } from '../storage/schema';
import { stageLabel, t } from '../lib/i18n';

export function StageSelect(props: { value: Stage; onChange: (s: Stage) => void; testId?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('fieldStage')}</label>
      <select
        id={id}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value as Stage)}
      >
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {stageLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
