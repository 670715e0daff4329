/**
 * The next-step rules' settings: the main intervals, the working hours, and the daily reminder.
 * Turning the reminder on asks for the `notifications` permission there and then (an optional
 * permission must be asked from the seller's own click), and never before.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { reminderChangedMessage } from '../lib/badge-messages';
import { t } from '../lib/i18n';
import type { NextStepSettings } from '../lib/next-steps/settings';
import { getSettings } from '../storage/settings-repo';
import { updateNextStepSettings } from '../storage/next-step-settings-repo';
import { backfillNextDue } from '../storage/next-due-backfill';
import { TextField } from './text-field';

type Text = Record<'replyDueHours' | 'replyFollowUpDays' | 'quoteFollowUpDays' | 'sampleTransitDays' | 'dormantDays' | 'workStart' | 'workEnd' | 'reminderTime', string>;

const toText = (s: NextStepSettings): Text => ({
  replyDueHours: String(s.replyDueHours),
  replyFollowUpDays: s.replyFollowUpDays.join(', '),
  quoteFollowUpDays: s.quoteFollowUpDays.join(', '),
  sampleTransitDays: String(s.sampleTransitDays),
  dormantDays: String(s.dormantDays),
  workStart: s.workStart,
  workEnd: s.workEnd,
  reminderTime: s.reminder.time,
});

const num = (v: string) => (/^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN);
const nums = (v: string) => v.split(/[,，\s]+/).filter(Boolean).map(num);

/** The patch the form's text gives, or null when a value is not a number or a time. */
function toPatch(x: Text, reminderOn: boolean): Partial<NextStepSettings> | null {
  const patch = {
    replyDueHours: num(x.replyDueHours),
    replyFollowUpDays: nums(x.replyFollowUpDays),
    quoteFollowUpDays: nums(x.quoteFollowUpDays),
    sampleTransitDays: num(x.sampleTransitDays),
    dormantDays: num(x.dormantDays),
    workStart: x.workStart.trim(),
    workEnd: x.workEnd.trim(),
    reminder: { enabled: reminderOn, time: x.reminderTime.trim() },
  };
  const numbers = [patch.replyDueHours, patch.sampleTransitDays, patch.dormantDays, ...patch.replyFollowUpDays, ...patch.quoteFollowUpDays];
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (numbers.some((n) => !Number.isFinite(n)) || !patch.replyFollowUpDays.length || !patch.quoteFollowUpDays.length) return null;
  if (![patch.workStart, patch.workEnd, patch.reminder.time].every((v) => time.test(v))) return null;
  return patch;
}

export function NextStepSettingsForm() {
  const id = useId();
  const [text, setText] = useState<Text | null>(null);
  const [reminderOn, setReminderOn] = useState(false);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'invalid' | 'error' | 'refused'>('idle');

  useEffect(() => {
    let cancelled = false;
    getSettings().then((s) => {
      if (cancelled) return;
      setText(toText(s.nextSteps));
      setReminderOn(s.nextSteps.reminder.enabled);
    }, () => {});
    return () => {
      cancelled = true;
    };
  }, []);

  if (!text) return null;

  const field = (k: keyof Text, label: string, hint?: string) => (
    <TextField
      label={label}
      value={text[k]}
      hint={hint}
      testId={`next-${k}`}
      onChange={(v) => {
        setText({ ...text, [k]: v });
        setStatus('idle');
      }}
    />
  );

  const toggleReminder = async (on: boolean) => {
    setStatus('idle');
    if (!on) {
      setReminderOn(false);
      return;
    }
    // Asked from this click (a user gesture), before any other await.
    const granted = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
    if (granted) setReminderOn(true);
    else setStatus('refused');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const patch = toPatch(text, reminderOn);
    if (!patch) {
      setStatus('invalid');
      return;
    }
    setStatus('saving');
    try {
      await updateNextStepSettings(patch);
      setStatus('saved');
      await browser.runtime.sendMessage(reminderChangedMessage()).catch(() => {});
      // New intervals or hours move every buyer's steps: computed again in batches, Today follows.
      void backfillNextDue({ batch: 200 }).catch(() => {});
    } catch {
      setStatus('error');
    }
  };

  return (
    <form className="settings" onSubmit={submit} data-testid="next-step-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('nextStepsTitle')}</h2>
      <p className="muted">{t('nextStepsHelp')}</p>
      {field('replyDueHours', t('settingReplyDueHours'))}
      {field('replyFollowUpDays', t('settingReplyFollowUpDays'), t('settingDaysHint'))}
      {field('quoteFollowUpDays', t('settingQuoteFollowUpDays'), t('settingDaysHint'))}
      {field('sampleTransitDays', t('settingSampleTransitDays'))}
      {field('dormantDays', t('settingDormantDays'))}
      <div className="row">
        <div className="grow">{field('workStart', t('settingWorkStart'))}</div>
        <div className="grow">{field('workEnd', t('settingWorkEnd'))}</div>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" data-testid="next-reminder" checked={reminderOn} onChange={(e) => void toggleReminder(e.target.checked)} /> {t('settingReminder')}
        </label>
      </div>
      {reminderOn ? field('reminderTime', t('settingReminderTime')) : null}
      <div className="actions" role="status" aria-live="polite">
        <button type="submit" className="primary" data-testid="save-next-steps" disabled={status === 'saving'}>
          {t('saveSettings')}
        </button>
        {status === 'saved' ? <span className="notice ok" data-testid="next-steps-saved">{t('savedShort')}</span> : null}
        {status === 'invalid' ? <span className="notice bad">{t('settingInvalid')}</span> : null}
        {status === 'refused' ? <span className="notice bad">{t('permissionRefused')}</span> : null}
        {status === 'error' ? <span className="notice bad">{t('saveFailed')}</span> : null}
      </div>
    </form>
  );
}
