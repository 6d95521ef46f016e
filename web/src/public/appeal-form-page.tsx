// /report/appeal: appeal a decision. A reporter comes from the report's status page (report id and
// receipt filled in); an owner names the notice they received and proves ownership with the account token.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { useT } from '../shared/i18n.tsx';
import type { AppealFiled } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';

export function AppealFormPage() {
  const { t } = useT();
  useDocumentTitle(t('appeal.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [as, setAs] = useState<'reporter' | 'owner'>(params.get('notice') || params.get('as') === 'owner' ? 'owner' : 'reporter');
  const [reportId, setReportId] = useState(params.get('report') ?? '');
  const [receipt, setReceipt] = useState(params.get('receipt') ?? '');
  const [noticeId, setNoticeId] = useState(params.get('notice') ?? '');
  const [token, setToken] = useState('');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setError(undefined);
    try {
      const body =
        as === 'owner'
          ? { noticeId: noticeId.trim(), reason, ...(evidence.trim() ? { evidence } : {}) }
          : { reportId: reportId.trim(), receipt: receipt.trim(), reason, ...(evidence.trim() ? { evidence } : {}) };
      // The account token is sent once, as the Authorization header, and never kept by the page.
      const filed = await publicApi.post<AppealFiled>('/api/v1/appeals', body, as === 'owner' ? { headers: { authorization: `Bearer ${token.trim()}` } } : {});
      navigate(`/report/appeal/${encodeURIComponent(filed.id)}?receipt=${encodeURIComponent(filed.receipt)}`);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="narrow-page">
      <h1>{t('appeal.title')}</h1>
      <p>{t('appeal.intro')}</p>
      <form onSubmit={submit} className="stack">
        <fieldset>
          <legend>{t('appeal.iAm')}</legend>
          <label>
            <input type="radio" name="as" checked={as === 'reporter'} onChange={() => setAs('reporter')} /> {t('appeal.asReporter')}
          </label>
          <label>
            <input type="radio" name="as" checked={as === 'owner'} onChange={() => setAs('owner')} /> {t('appeal.asOwner')}
          </label>
        </fieldset>
        {as === 'reporter' ? (
          <>
            <label className="field" htmlFor="appeal-report">
              <span>{t('appeal.reportNumber')}</span>
            </label>
            <input id="appeal-report" dir="ltr" required value={reportId} onChange={(e) => setReportId(e.target.value)} autoComplete="off" />
            <label className="field" htmlFor="appeal-receipt">
              <span>{t('common.receipt')}</span>
              <span className="hint">{t('appeal.receiptHint')}</span>
            </label>
            <input id="appeal-receipt" dir="ltr" required value={receipt} onChange={(e) => setReceipt(e.target.value)} autoComplete="off" />
          </>
        ) : (
          <>
            <label className="field" htmlFor="appeal-notice">
              <span>{t('appeal.noticeNumber')}</span>
              <span className="hint">{t('appeal.noticeHint')}</span>
            </label>
            <input id="appeal-notice" dir="ltr" required value={noticeId} onChange={(e) => setNoticeId(e.target.value)} autoComplete="off" />
            <label className="field" htmlFor="appeal-token">
              <span>{t('appeal.token')}</span>
              <span className="hint">{t('appeal.tokenHint')}</span>
            </label>
            <input id="appeal-token" dir="ltr" type="password" required value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
          </>
        )}
        <label className="field" htmlFor="appeal-reason">
          <span>{t('appeal.reason')}</span>
          <span className="hint">{t('appeal.reasonHint')}</span>
        </label>
        <textarea id="appeal-reason" required minLength={10} maxLength={5000} rows={6} value={reason} onChange={(e) => setReason(e.target.value)} />
        <label className="field" htmlFor="appeal-evidence">
          <span>{t('appeal.evidence')}</span>
          <span className="hint">{t('appeal.evidenceHint')}</span>
        </label>
        <textarea id="appeal-evidence" maxLength={5000} rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        {error && <ErrorMessage error={error} title={t('appeal.notSent')} />}
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t('common.sending') : t('appeal.send')}
        </button>
      </form>
    </div>
  );
}
