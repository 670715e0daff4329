/** The copies of the book kept before schema upgrades (storage/backup/pre-upgrade.ts), to save as files. */
import { useEffect, useState } from 'react';
import { formatDateTime, t } from '../lib/i18n';
import { listSafetyCopies, type SafetyCopy } from '../storage/backup/pre-upgrade';
import { saveBlob } from './save-file';

export function SafetyCopies() {
  const [copies, setCopies] = useState<SafetyCopy[]>([]);
  useEffect(() => {
    let live = true;
    listSafetyCopies().then(
      (c) => live && setCopies(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!copies.length) return null;
  return (
    <ul className="safety-copies" data-testid="safety-copies">
      {copies.map((c) => (
        <li key={c.key}>
          {t('safetyCopy', formatDateTime(c.createdAt), c.fromVersion, c.toVersion)}{' '}
          <button type="button" className="link" onClick={() => saveBlob(c.blob, c.fileName)}>
            {t('safetyCopySave')}
          </button>
        </li>
      ))}
    </ul>
  );
}
