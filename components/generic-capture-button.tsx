import { t } from '../lib/i18n';
import type { GenericFailure } from './use-capture';

/**
 * "Capture from this page": reads any page the seller points at, once, when asked. When Chrome
 * has not let Buyerbook read the page (the seller switched to it with the panel open: a click in
 * the panel grants nothing), it says exactly what grants it: the command's shortcut or the
 * toolbar button, pressed on the page.
 */
export function GenericCaptureButton(props: { onCapture: () => void; busy: boolean; failure: GenericFailure | null; again?: boolean }) {
  const f = props.failure;
  return (
    <div className="generic-capture">
      <button type="button" data-testid="capture-generic" onClick={props.onCapture} disabled={props.busy}>
        {props.busy ? t('capturing') : props.again ? t('captureAgain') : t('captureGeneric')}
      </button>
      {f ? (
        <p className="notice bad" role="alert" data-testid="capture-generic-failed" data-reason={f.kind}>
          {f.kind === 'unreadable'
            ? t('captureGenericFailed')
            : f.shortcut
              ? t('captureNoAccess', f.shortcut)
              : t('captureNoAccessNoShortcut')}
        </p>
      ) : null}
    </div>
  );
}
