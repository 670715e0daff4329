import { t } from '../lib/i18n';

/** "Capture from this page": reads any page the seller points at, once, when asked. */
export function GenericCaptureButton(props: { onCapture: () => void; busy: boolean; failed: boolean; again?: boolean }) {
  return (
    <div className="generic-capture">
      <button type="button" data-testid="capture-generic" onClick={props.onCapture} disabled={props.busy}>
        {props.busy ? t('capturing') : props.again ? t('captureAgain') : t('captureGeneric')}
      </button>
      {props.failed ? (
        <p className="notice bad" role="alert">
          {t('captureGenericFailed')}
        </p>
      ) : null}
    </div>
  );
}
