/** What the panel says about a refused backup file: one message per problem, with its line and detail. */
import { t, type MessageKey } from '../lib/i18n';
import { BackupError, type BackupProblem } from '../storage/backup/format';

const KEYS: Record<BackupProblem, MessageKey> = {
  empty: 'backupProblemEmpty',
  notText: 'backupProblemNotText',
  foreign: 'backupProblemForeign',
  formatVersion: 'backupProblemFormatVersion',
  newerVersion: 'backupProblemNewerVersion',
  badHeader: 'backupProblemBadHeader',
  notJson: 'backupProblemNotJson',
  lineTooLong: 'backupProblemLineTooLong',
  badChunk: 'backupProblemBadChunk',
  unknownTable: 'backupProblemUnknownTable',
  tableOrder: 'backupProblemTableOrder',
  badRow: 'backupProblemBadRow',
  duplicateId: 'backupProblemDuplicateId',
  idOrder: 'backupProblemIdOrder',
  orphan: 'backupProblemOrphan',
  duplicateInquiry: 'backupProblemDuplicateInquiry',
  badTrailer: 'backupProblemBadTrailer',
  truncated: 'backupProblemTruncated',
  trailingData: 'backupProblemTrailingData',
  countMismatch: 'backupProblemCountMismatch',
  checksum: 'backupProblemChecksum',
  readFailed: 'backupProblemReadFailed',
  cancelled: 'backupProblemCancelled',
};

/** The message for a refused file; any other error is shown as itself. */
export function backupProblemMessage(err: unknown): string {
  if (!(err instanceof BackupError)) return t('backupProblemUnexpected', err instanceof Error ? err.message : String(err));
  const msg = t(KEYS[err.problem], err.detail);
  return err.line != null ? `${msg} ${t('backupProblemAtLine', err.line)}` : msg;
}
