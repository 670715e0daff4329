/** What the panel's gate changed in a capture, or why it could not use one, field by field. */
import { t } from '../lib/i18n';
import type { CaptureIssue } from '../lib/capture-repair';
import { fieldLabelKey } from './capture-field-labels';

function sentence(issue: CaptureIssue): string {
  const field = t(fieldLabelKey(issue.field));
  switch (issue.kind) {
    case 'clipped':
      return t('issueClipped', field, issue.limit ?? '', issue.was ?? '');
    case 'too-many':
      return t('issueTooMany', field, issue.limit ?? '', issue.was ?? '');
    case 'dropped':
      return t('issueDropped', field);
  }
}

export function CaptureIssues({ issues, refused = false }: { issues: CaptureIssue[]; refused?: boolean }) {
  if (issues.length === 0) return null;
  return (
    <div
      className="notice bad capture-issues"
      role={refused ? 'alert' : 'status'}
      data-testid={refused ? 'capture-refused' : 'capture-issues'}
    >
      <p>{refused ? t('issuesRefused') : t('issuesTitle')}</p>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.field}-${issue.kind}`} data-field={issue.field} data-kind={issue.kind}>
            {sentence(issue)}
          </li>
        ))}
      </ul>
    </div>
  );
}
