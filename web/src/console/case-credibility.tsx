// Why a case has its priority (the formula's factors), its category and clock (the credibility-weighted
// majority, the triage lane), signs of coordinated reporting, and its reporters' records. Seniors warn,
// set aside and restore a reporter from here; the server decides who may (DSA Art. 23).
import { useCallback, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import type { ResponseBody } from 'vigil/client';
import { type ReporterAction, ReporterActionDialog } from './reporter-action-dialog.tsx';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import { useLoad } from './use-load.ts';

type Credibility = ResponseBody<'/api/v1/cases/{id}/credibility', 'get'>;
type Reporter = Credibility['reporters'][number];

const DONE: Record<ReporterAction, string> = { warn: 'Reporter warned', 'set-aside': 'Reporter set aside', restore: 'Reporter restored' };
const STANDING_LABEL: Record<Reporter['standing'], string> = { good: 'in good standing', warned: 'warned', set_aside: 'set aside' };

export function CaseCredibility({ caseId }: { caseId: string }) {
  const api = useApi();
  const user = useUser();
  const [view, setView] = useState<Credibility>();
  const [error, setError] = useState<ApiError>();
  const [reload, setReload] = useState(0);
  // The reporter and action a senior is giving a reason for; the button that opened it may be gone after.
  const [asking, setAsking] = useState<{ action: ReporterAction; key: string }>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        setView(await api.get<Credibility>(`/api/v1/cases/${caseId}/credibility`, { signal }));
      } catch (err) {
        if (!signal.aborted) setError(asApiError(err));
      }
    },
    [api, caseId],
  );
  useLoad(load, reload);

  const act = (action: ReporterAction, key: string) => {
    setError(undefined);
    setDone('');
    setAsking({ action, key });
  };
  async function send(reason: string) {
    if (!asking) return;
    setBusy(true);
    try {
      await api.post(`/api/v1/reporters/${asking.action}`, { key: asking.key, reason });
      setDone(`${DONE[asking.action]}: ${asking.key}.`);
      setReload((n) => n + 1);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
      setAsking(undefined);
    }
  }

  if (!view) return <ErrorMessage error={error} title="Could not load the reporters' records" />;
  const p = view.priority;
  const c = view.coordination;
  const senior = roleAtLeast(user.role, 'senior');
  return (
    <div className="case-credibility">
      <ErrorMessage error={error} title="The change was refused" />
      <p role="status" className={done ? 'notice-ok' : undefined}>
        {done}
      </p>
      <p>
        Priority {p.stored} = severity {p.severity}² × credibility {p.credibility.toFixed(2)} × crowd {p.crowd.toFixed(2)} ({p.weighedReporters} weighed
        reporters) × reach {p.reach.toFixed(2)}
        {p.lifeAtRisk > 1 ? ` × ${p.lifeAtRisk} (a life may be at risk)` : ''}.
      </p>
      <p>
        Category by the credibility-weighted majority: {view.category}
        {view.confirmed === false ? ' (not confirmed by a credible reporter)' : ''}.{' '}
        {view.lane === 'triage' && view.triageDueAt ? `Triage lane: a severe claim nobody credible backs, to be looked at by ${view.triageDueAt}.` : ''}
      </p>
      {view.categoryWeights.length > 0 && (
        <ul className="category-weights">
          {view.categoryWeights.map((w) => (
            <li key={w.category}>
              {w.category}: weight {w.effective} (established {w.established}, new reporters {w.unproven})
            </li>
          ))}
        </ul>
      )}
      <p className="coordination">
        {c.freshReporters} of {c.reporters} reporters created or first seen within {c.windowMinutes} minutes of the case opening, or since; {c.sameTextReports}{' '}
        of {c.reports} reports share the same text.
      </p>
      <table className="reporters" ref={tableRef} tabIndex={-1}>
        <caption>Reporters (the most credible {view.reporters.length})</caption>
        <thead>
          <tr>
            <th scope="col">Reporter</th>
            <th scope="col">Age</th>
            <th scope="col">Upheld</th>
            <th scope="col">Weight</th>
            <th scope="col">Standing</th>
            {senior && <th scope="col">Misuse</th>}
          </tr>
        </thead>
        <tbody>
          {view.reporters.map((r, i) => (
            <tr key={r.key ?? i}>
              <td>
                <span dir="auto" className="user-text">
                  {r.key ?? r.source ?? 'reporter'}
                </span>
              </td>
              <td>{r.ageDays === null ? '—' : `${r.ageDays} d`}</td>
              <td>{r.upheldRate === null ? 'no record' : `${Math.round(r.upheldRate * 100)} % of ${r.agreed + r.disagreed}`}</td>
              <td>{r.credibility.toFixed(2)}</td>
              <td>
                {STANDING_LABEL[r.standing]}
                {r.misuseSuspected ? ' · many unfounded reports' : ''}
              </td>
              {senior && r.key && (
                <td>
                  {r.standing === 'good' && (
                    <button type="button" aria-label={`Warn reporter ${r.key}`} onClick={() => act('warn', r.key ?? '')}>
                      Warn
                    </button>
                  )}
                  {r.standing === 'warned' && (
                    <button type="button" aria-label={`Set aside reporter ${r.key}`} onClick={() => act('set-aside', r.key ?? '')}>
                      Set aside
                    </button>
                  )}
                  {r.standing !== 'good' && (
                    <button type="button" aria-label={`Restore reporter ${r.key}`} onClick={() => act('restore', r.key ?? '')}>
                      Restore
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ReporterActionDialog
        action={asking?.action}
        busy={busy}
        onSubmit={(reason) => void send(reason)}
        onCancel={() => setAsking(undefined)}
        returnFocus={tableRef}
      />
    </div>
  );
}
