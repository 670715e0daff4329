/** "Save contact (vCard)" for one buyer: a .vcf the seller opens on a phone or in a mail client. */
import { t } from '../lib/i18n';
import type { VCardVersion } from '../lib/vcard';
import { saveBlob } from './save-file';

export function VCardButtons({ buyerId, name }: { buyerId: string; name: string }) {
  const save = async (version: VCardVersion) => {
    // ical.js is loaded on the first click, not with the panel.
    const { exportVCards } = await import('../storage/vcard-export');
    const { blob } = await exportVCards(version, { ids: [buyerId] });
    // A file name the seller recognises; characters no file system takes are replaced.
    const base = name.replace(/[\\/:*?"<>|\r\n\t]+/g, ' ').trim().slice(0, 60) || 'buyer';
    saveBlob(blob, `${base}.vcf`);
  };
  return (
    <div className="actions">
      <button type="button" onClick={() => void save('3.0')} data-testid="buyer-vcard-3">
        {t('buyerVCard3')}
      </button>
      <button type="button" onClick={() => void save('4.0')} data-testid="buyer-vcard-4">
        {t('buyerVCard4')}
      </button>
    </div>
  );
}
