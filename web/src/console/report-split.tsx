// How the reports on a case split by reason and by source, in raw counts ("13 Fraud and scams · 1 Extortion
// and threats"), so a moderator sees at once whether one severe claim stands alone.
import type { ReactNode } from 'react';
import { categoryTitle } from '../shared/policy.ts';
import { label, SOURCE_LABEL } from '../shared/format.ts';
import type { Policy, ReportSplit } from '../shared/types.ts';

function joined(parts: Array<[key: string, node: ReactNode]>) {
  return parts.map(([key, node], i) => (
    <span key={key}>
      {i > 0 && <span aria-hidden="true"> · </span>}
      {node}
    </span>
  ));
}

export function ReportSplitFacts({ split, policy }: { split: ReportSplit; policy?: Policy }) {
  if (split.byCategory.length === 0) return null;
  return (
    <dl className="facts compact report-split" aria-label="How the reports split">
      <div>
        <dt>Reasons</dt>
        <dd className="split-reasons">
          {joined(
            split.byCategory.map((c) => [
              c.category,
              <>
                {c.reports} {categoryTitle(policy, c.category)}
                {c.reporters < c.reports && (
                  <span className="muted">
                    {' '}
                    ({c.reporters} {c.reporters === 1 ? 'reporter' : 'reporters'})
                  </span>
                )}
              </>,
            ]),
          )}
        </dd>
      </div>
      <div>
        <dt>Sources</dt>
        <dd className="split-sources">
          {joined(
            split.bySource.map((s) => [
              s.source,
              <>
                {s.reports} {label(SOURCE_LABEL, s.source)}
              </>,
            ]),
          )}
        </dd>
      </div>
    </dl>
  );
}
