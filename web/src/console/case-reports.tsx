// The reports on a case. Who reported is shown only when the API includes it (seniors and above).
import { categoryTitle } from '../shared/policy.ts';
import { formatDateTime, label, SOURCE_LABEL } from '../shared/format.ts';
import type { CaseReport, Policy } from '../shared/types.ts';
import { UserText } from '../shared/user-text.tsx';
import { TextLanguage } from './text-language.tsx';

const REPORTER_FIELDS = ['label', 'name', 'email'] as const;

export function CaseReports({ reports, policy }: { reports: CaseReport[]; policy?: Policy }) {
  if (reports.length === 0) return <p className="muted">No reports: this case was opened on the platform's own initiative.</p>;
  return (
    <ol className="reports">
      {reports.map((r) => (
        <li key={r.id} className="report">
          <p className="report-head">
            <span className="source-badge">{label(SOURCE_LABEL, r.source)}</span>
            <span>
              {categoryTitle(policy, r.category)}
              {r.claimed !== r.category && <span className="muted"> (reported as “{r.claimed}”)</span>}
            </span>
            <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
            {r.lifeAtRisk && (
              <span className="flag-danger">
                <span aria-hidden="true">⚑ </span>Life at risk
              </span>
            )}
          </p>
          {r.explanation && (
            <>
              <UserText as="p" className="report-text" text={r.explanation} />
              <p className="report-language">
                <TextLanguage lang={r.explanationLanguage} text={r.explanation} />
              </p>
            </>
          )}
          {r.evidence && (
            <p>
              <span className="muted">Evidence: </span>
              <UserText text={r.evidence} />
            </p>
          )}
          <dl className="facts compact">
            {r.postIds.length > 0 && (
              <div>
                <dt>Posts</dt>
                <dd>{r.postIds.length}</dd>
              </div>
            )}
            {r.jurisdiction && (
              <div>
                <dt>Jurisdiction</dt>
                <dd>{r.jurisdiction}</dd>
              </div>
            )}
            {r.legalBasis && (
              <div>
                <dt>Legal basis</dt>
                <dd>
                  <UserText text={r.legalBasis} />
                </dd>
              </div>
            )}
            {r.orderReference && (
              <div>
                <dt>Order</dt>
                <dd>
                  <UserText text={r.orderReference} />
                </dd>
              </div>
            )}
            {r.reporter && (
              <div>
                <dt>Reporter</dt>
                <dd>
                  {REPORTER_FIELDS.map((k) => {
                    const v = r.reporter?.[k];
                    return v ? <UserText key={k} text={v} className="sep" /> : null;
                  })}
                  {!r.reporter.label && !r.reporter.name && !r.reporter.email && <span className="muted">Not given</span>}
                </dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
