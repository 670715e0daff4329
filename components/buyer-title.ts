import type { Buyer } from '../storage/schema';
import { t } from '../lib/i18n';

/** What to call a buyer in a list or a banner: the name, else whatever identifies them. */
export function buyerTitle(b: Pick<Buyer, 'name' | 'company' | 'emails' | 'phones' | 'whatsapp' | 'wechat'>): string {
  return b.name ?? b.company ?? b.emails[0] ?? b.phones[0] ?? b.whatsapp ?? b.wechat ?? t('unnamedBuyer');
}
