// /report/appeal: appeal a decision. A reporter comes from the report's status page (report id and
// receipt filled in); an owner names the notice they received and proves ownership with the account token.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import type { AppealFiled } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';

export function AppealFormPage() {
  useDocumentTitle('Appeal a decision');
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
      <h1>Appeal a decision</h1>
      <p>
        You may appeal within six months of the decision. A senior moderator who did not take the decision reviews your appeal, normally within seven days, and
        tells you the outcome with reasons.
      </p>
      <form onSubmit={submit} className="stack">
        <fieldset>
          <legend>I am</legend>
          <label>
            <input type="radio" name="as" checked={as === 'reporter'} onChange={() => setAs('reporter')} /> the person who reported the content
          </label>
          <label>
            <input type="radio" name="as" checked={as === 'owner'} onChange={() => setAs('owner')} /> the owner of the content acted on
          </label>
        </fieldset>
        {as === 'reporter' ? (
          <>
            <label className="field" htmlFor="appeal-report">
              <span>Report number</span>
            </label>
            <input id="appeal-report" required value={reportId} onChange={(e) => setReportId(e.target.value)} autoComplete="off" />
            <label className="field" htmlFor="appeal-receipt">
              <span>Receipt</span>
              <span className="hint">Shown when you sent the report, as part of its status link.</span>
            </label>
            <input id="appeal-receipt" required value={receipt} onChange={(e) => setReceipt(e.target.value)} autoComplete="off" />
          </>
        ) : (
          <>
            <label className="field" htmlFor="appeal-notice">
              <span>Notice number</span>
              <span className="hint">The id of the notice you received about the decision.</span>
            </label>
            <input id="appeal-notice" required value={noticeId} onChange={(e) => setNoticeId(e.target.value)} autoComplete="off" />
            <label className="field" htmlFor="appeal-token">
              <span>Account token</span>
              <span className="hint">The token of the account that owns the content; it proves the content is yours.</span>
            </label>
            <input id="appeal-token" type="password" required value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
          </>
        )}
        <label className="field" htmlFor="appeal-reason">
          <span>Why is the decision wrong?</span>
          <span className="hint">10 to 5000 characters.</span>
        </label>
        <textarea id="appeal-reason" required minLength={10} maxLength={5000} rows={6} value={reason} onChange={(e) => setReason(e.target.value)} />
        <label className="field" htmlFor="appeal-evidence">
          <span>Evidence (optional)</span>
          <span className="hint">Links or facts that support your appeal.</span>
        </label>
        <textarea id="appeal-evidence" maxLength={5000} rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        {error && <ErrorMessage error={error} title="The appeal was not sent" />}
        <button type="submit" className="primary" disabled={sending}>
          {sending ? 'Sending…' : 'Send the appeal'}
        </button>
      </form>
    </div>
  );
}
