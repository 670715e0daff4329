/** What a next step says: its action, and why (naming the touchpoint or inquiry it follows). */
import type { NextStep, StepAction } from '../lib/next-steps/types';
import { channelLabel, formatDate, storedKindLabel, t, type MessageKey } from '../lib/i18n';

const ACTION_KEYS: Record<StepAction, MessageKey> = {
  reply: 'actionReply',
  'follow-up-reply': 'actionFollowUpReply',
  'follow-up-quote': 'actionFollowUpQuote',
  'propose-dormant': 'actionProposeDormant',
  'ask-sample-arrived': 'actionAskSampleArrived',
  'ask-sample-feedback': 'actionAskSampleFeedback',
  'shipping-update': 'actionShippingUpdate',
  'ask-order-feedback': 'actionAskOrderFeedback',
  'reorder-reminder': 'actionReorderReminder',
  're-engage': 'actionReEngage',
  'get-own-channel': 'actionGetOwnChannel',
};

export const actionLabel = (a: StepAction): string => t(ACTION_KEYS[a]);

export function reasonText(s: Pick<NextStep, 'action' | 'follows' | 'attempt' | 'intervalDays' | 'channel'>): string {
  const f = s.follows;
  const date = formatDate(f.at);
  const kind = f.kind ? storedKindLabel(f.kind) : '';
  switch (s.action) {
    case 'reply':
      return f.type === 'inquiry' && f.subject ? t('reasonReplyInquiry', f.subject, date) : t('reasonReplyMessage', kind, date);
    case 'follow-up-reply':
      return t('reasonFollowUpReply', kind, date, s.attempt ?? 1);
    case 'follow-up-quote':
      return t('reasonFollowUpQuote', date, s.attempt ?? 1);
    case 'propose-dormant':
      return t('reasonProposeDormant', date);
    case 'ask-sample-arrived':
      return t('reasonSampleArrived', date);
    case 'ask-sample-feedback':
      return t('reasonSampleFeedback', kind, date);
    case 'shipping-update':
      return t('reasonShippingUpdate', date);
    case 'ask-order-feedback':
      return t('reasonOrderFeedback', date);
    case 'reorder-reminder':
      return t('reasonReorder', s.intervalDays ?? 90, date);
    case 're-engage':
      return f.type === 'buyer' ? t('reasonReEngageNever', date) : t('reasonReEngage', date);
    case 'get-own-channel':
      return t('reasonOwnChannel', f.channel ? channelLabel(f.channel) : channelLabel(s.channel));
  }
}
