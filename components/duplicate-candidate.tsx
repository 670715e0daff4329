/** A buyer in the book who may be this capture's buyer: proposed, never merged without a click. */
import type { Buyer } from '../storage/schema';
import { t } from '../lib/i18n';
import { buyerTitle } from './buyer-title';

export function DuplicateCandidate(props: {
  buyer: Buyer;
  onSaveInto: (id: string) => void;
  onOpen: (id: string) => void;
  disabled?: boolean;
}) {
  const b = props.buyer;
  return (
    <div className="banner candidate" data-testid="duplicate-candidate">
      <p>{t('duplicatePrompt', buyerTitle(b), b.company ?? '')}</p>
      <div className="actions">
        <button type="button" onClick={() => props.onSaveInto(b.id)} disabled={props.disabled}>
          {t('saveIntoBuyer')}
        </button>
        <button type="button" className="link" onClick={() => props.onOpen(b.id)}>
          {t('openBuyer')}
        </button>
      </div>
    </div>
  );
}
