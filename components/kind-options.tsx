/** The options of a "what happened" picker: the built-in kinds, then the seller's own. */
import { TOUCHPOINT_KINDS } from '../lib/domain';
import type { CustomKindDef } from '../lib/domain';
import { kindLabel, t } from '../lib/i18n';

export function KindOptions({ custom }: { custom: readonly CustomKindDef[] }) {
  const builtIn = TOUCHPOINT_KINDS.map((k) => (
    <option key={k} value={k}>
      {kindLabel(k)}
    </option>
  ));
  if (!custom.length) return <>{builtIn}</>;
  return (
    <>
      <optgroup label={t('kindGroupBuiltIn')}>{builtIn}</optgroup>
      <optgroup label={t('kindGroupCustom')}>
        {custom.map((c) => (
          <option key={c.slug} value={`custom:${c.slug}`}>
            {c.label}
          </option>
        ))}
      </optgroup>
    </>
  );
}
