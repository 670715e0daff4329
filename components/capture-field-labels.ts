/** The label of each capture field, shared by the form and by what is said about its fields. */
import type { MessageKey } from '../lib/i18n';
import type { CaptureFieldKey } from './capture-draft';

export const CAPTURE_FIELD_LABELS: Record<CaptureFieldKey, MessageKey> = {
  name: 'fieldName',
  company: 'fieldCompany',
  country: 'fieldCountry',
  emails: 'fieldEmails',
  phones: 'fieldPhones',
  whatsapp: 'fieldWhatsapp',
  wechat: 'fieldWechat',
  linkedin: 'fieldLinkedin',
  website: 'fieldWebsite',
  platformBuyerId: 'fieldPlatformBuyerId',
  platformInquiryId: 'fieldPlatformInquiryId',
  subject: 'fieldSubject',
  productTitle: 'fieldProductTitle',
  productId: 'fieldProductId',
  quantity: 'fieldQuantity',
  unit: 'fieldUnit',
  receivedAt: 'fieldReceivedAt',
  message: 'fieldMessage',
};

/** Parts of a capture that are not one field of the form. */
const OTHER_LABELS: Record<string, MessageKey> = {
  capture: 'issueFieldCapture',
  platform: 'issueFieldPlatform',
  url: 'issueFieldUrl',
  buyer: 'sectionBuyer',
  inquiry: 'sectionInquiry',
};

export function fieldLabelKey(field: string): MessageKey {
  return (CAPTURE_FIELD_LABELS as Record<string, MessageKey>)[field] ?? OTHER_LABELS[field] ?? 'issueFieldCapture';
}
