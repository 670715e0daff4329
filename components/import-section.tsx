/**
 * Import a sheet of buyers (CSV or Excel): the column mapping guessed from the headers and
 * changeable per column, a preview of what each row becomes (new, merged into a buyer of the
 * book, or skipped and why), then the import in one step.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { IMPORT_FIELDS, guessMapping, type ImportField } from '../lib/column-mapping';
import { t, uiLocale, type MessageKey } from '../lib/i18n';
import { sheetErrorMessage } from './import-messages';
import { applyImport, planImport, readSheet, type ImportPlan, type SheetTable, type SkipReason } from '../storage/sheet-import';

const FIELD_KEYS: Record<ImportField, MessageKey> = {
  name: 'importFieldName',
  firstName: 'importFieldFirstName',
  lastName: 'importFieldLastName',
  company: 'importFieldCompany',
  country: 'importFieldCountry',
  email: 'importFieldEmail',
  phone: 'importFieldPhone',
  whatsapp: 'importFieldWhatsapp',
  wechat: 'importFieldWechat',
  linkedin: 'importFieldLinkedin',
  website: 'importFieldWebsite',
  platformIds: 'importFieldPlatformIds',
  tags: 'importFieldTags',
  stage: 'importFieldStage',
  notes: 'importFieldNotes',
};

const REASON_KEYS: Record<SkipReason, MessageKey> = {
  empty: 'importSkipEmpty',
  invalid: 'importSkipInvalid',
  duplicateInFile: 'importSkipDuplicate',
};

/** Rows of the report shown at most; the counts cover all of them. */
const REPORT_ROWS = 200;

export function ImportSection({ onImported }: { onImported?: () => void }) {
  const [table, setTable] = useState<SheetTable | null>(null);
  const [mapping, setMapping] = useState<(ImportField | null)[]>([]);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  // What the section is doing, said under the preview: a sheet of tens of thousands of rows takes seconds to check.
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The latest preview asked for: one made for an earlier mapping or file that ends later is dropped.
  const latest = useRef(0);

  const replan = async (tbl: SheetTable, map: (ImportField | null)[]) => {
    const asked = ++latest.current;
    setBusy('checking');
    try {
      const next = await planImport(tbl, map);
      if (asked === latest.current) setPlan(next);
    } finally {
      if (asked === latest.current) setBusy(null);
    }
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setMessage(null);
    setPlan(null);
    try {
      const tbl = await readSheet(file);
      const map = guessMapping(tbl.headers);
      setTable(tbl);
      setMapping(map);
      await replan(tbl, map);
    } catch (err) {
      setTable(null);
      setMessage({ ok: false, text: sheetErrorMessage(err) });
    }
  };

  const remap = (i: number, f: ImportField | null) => {
    if (!table) return;
    const next = mapping.map((m, j) => (j === i ? f : m));
    setMapping(next);
    void replan(table, next);
  };

  const run = async () => {
    if (!plan) return;
    setBusy('importing');
    try {
      const r = await applyImport(plan);
      setMessage({ ok: true, text: t('importDone', r.created, r.merged, plan.counts.skip) });
      setPlan(null);
      setTable(null);
      onImported?.();
    } catch (err) {
      setMessage({ ok: false, text: t('importFailed', err instanceof Error ? err.message : String(err)) });
    } finally {
      setBusy(null);
    }
  };

  const skipped = plan?.rows.filter((r) => r.status === 'skip' || r.dropped.length) ?? [];
  return (
    <section className="section" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p className="muted">{t('importHelp')}</p>
      <div className="field">
        <label htmlFor="import-file">{t('importChoose')}</label>
        <input id="import-file" type="file" accept=".csv,.txt,.tsv,.xlsx,.xls,text/csv" onChange={choose} disabled={busy !== null} data-testid="import-file" />
      </div>
      {table ? (
        <table className="import-mapping" data-testid="import-mapping">
          <thead>
            <tr>
              <th>{t('importColumn')}</th>
              <th>{t('importField')}</th>
            </tr>
          </thead>
          <tbody>
            {table.headers.map((h, i) => (
              <tr key={i}>
                <td>{h}</td>
                <td>
                  <select
                    aria-label={t('importFieldFor', h)}
                    value={mapping[i] ?? ''}
                    data-testid={`import-map-${i}`}
                    onChange={(e) => remap(i, (e.target.value || null) as ImportField | null)}
                  >
                    <option value="">{t('importIgnore')}</option>
                    {IMPORT_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {t(FIELD_KEYS[f])}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {plan ? (
        <div data-testid="import-preview">
          <p data-testid="import-counts">{t('importCounts', plan.counts.new, plan.counts.merge, plan.counts.skip)}</p>
          {skipped.length ? (
            <ul className="import-report" data-testid="import-report">
              {skipped.slice(0, REPORT_ROWS).map((r) => (
                <li key={r.line}>
                  {t('importRow', r.line)}{' '}
                  {r.reason ? t(REASON_KEYS[r.reason], r.detail) : t('importDropped', r.dropped.join(', '))}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="actions">
            <button type="button" className="primary" onClick={run} disabled={busy !== null || plan.counts.new + plan.counts.merge === 0} data-testid="import-run">
              {t('importRun')}
            </button>
            <button
              type="button"
              onClick={() => {
                latest.current++;
                setBusy(null);
                setPlan(null);
                setTable(null);
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {busy && table ? (
          <p className="muted" data-testid="import-busy">
            {busy === 'checking' ? t('importChecking', table.rows.length.toLocaleString(uiLocale())) : t('importWorking')}
          </p>
        ) : null}
        {message ? <p className={`notice ${message.ok ? 'ok' : 'bad'}`} data-testid="import-message">{message.text}</p> : null}
      </div>
    </section>
  );
}
