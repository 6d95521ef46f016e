// /transparency: the public figures of the last twelve weeks (GET /api/v1/transparency, by week), with a
// headline for the current week, charts that each have a table, authority requests per country, and the
// same figures as CSV. Every string comes from transparency-messages.ts.
import { useEffect, useState } from 'react';
import { isAbort, publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { usePolicy } from '../shared/policy.ts';
import type { TransparencyFigures, TransparencyPeriod } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { ActionedByLanguage, ActionedPerWeek, TimeToAction } from './transparency-charts.tsx';
import { formatNumber, formatShare, messages } from './transparency-messages.ts';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Today (UTC) and the Monday eleven weeks before this week's Monday: twelve weeks, the last one this week. */
export function twelveWeeks(now = Date.now()): { from: string; to: string } {
  const today = Date.parse(`${isoDay(now)}T00:00:00Z`);
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
  return { from: isoDay(monday - 11 * 7 * DAY_MS), to: isoDay(today) };
}

/** The headline's figures: the kind and category most actioned this week, and across how many languages. */
export function headlineOf(week: TransparencyPeriod) {
  const groups = new Map<string, { kind: string; category: string; count: number; languages: Set<string> }>();
  for (const a of week.actioned) {
    const key = `${a.subjectKind}|${a.category}`;
    const g = groups.get(key) ?? { kind: a.subjectKind, category: a.category, count: 0, languages: new Set<string>() };
    g.count += a.count;
    g.languages.add(a.language);
    groups.set(key, g);
  }
  const top = [...groups.values()].sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))[0];
  return top && { kind: top.kind, category: top.category, count: top.count, languages: top.languages.size };
}

const sum = (rows: Array<{ count: number }>) => rows.reduce((s, r) => s + r.count, 0);

export function TransparencyPage() {
  useDocumentTitle(messages.title);
  const { policy } = usePolicy();
  const [period] = useState(twelveWeeks);
  const [figures, setFigures] = useState<TransparencyFigures>();
  const [error, setError] = useState<ApiError>();
  const query = `from=${period.from}&to=${period.to}&granularity=week`;
  useEffect(() => {
    const ctrl = new AbortController();
    publicApi.get<TransparencyFigures>(`/api/v1/transparency?${query}`, { signal: ctrl.signal }).then(setFigures, (err) => {
      if (!isAbort(err)) setError(asApiError(err));
    });
    return () => ctrl.abort();
  }, [query]);
  const titleOf = (id: string) => (id === '' ? messages.noCategory : (policy?.categories.find((c) => c.id === id)?.title ?? id));

  const week = figures?.periods.at(-1);
  const headline = week && headlineOf(week);
  return (
    <div className="narrow-page transparency">
      <h1>{messages.title}</h1>
      <p className="muted">{messages.intro}</p>
      {error && <ErrorMessage error={error} title={messages.loadError} />}
      {!figures && !error && (
        <p className="loading" role="status">
          {messages.loading}
        </p>
      )}
      {figures && week && (
        <>
          <p className="tr-headline" data-testid="headline">
            {headline ? messages.headline(headline.count, headline.kind, titleOf(headline.category), headline.languages) : messages.headlineEmpty}
          </p>
          <p>{messages.weekSummary(sum(week.actioned), sum(week.reports))}</p>
          <p className="muted">{messages.periodNote(figures.from, figures.to)}</p>
          <p>
            <a className="button-link" href={`/api/v1/transparency.csv?${query}`} download>
              {messages.downloadCsv}
            </a>
          </p>
          <ActionedPerWeek periods={figures.periods} titleOf={titleOf} />
          <ActionedByLanguage total={figures.total} />
          <TimeToAction total={figures.total} titleOf={titleOf} />
          <AuthorityTable total={figures.total} />
          <OtherFigures total={figures.total} />
        </>
      )}
    </div>
  );
}

const AUTHORITY_COLUMNS = [
  ['complied', messages.complied],
  ['restricted', messages.restricted],
  ['protected_expression', messages.protectedExpression],
  ['declined', messages.declined],
] as const;

function AuthorityTable({ total }: { total: TransparencyPeriod }) {
  const countries = [...new Set(total.authorityRequests.map((r) => r.country))].sort();
  const count = (country: string, outcome: string) => sum(total.authorityRequests.filter((r) => r.country === country && r.outcome === outcome));
  return (
    <section className="tr-chart" aria-labelledby="tr-authority">
      <h2 id="tr-authority">{messages.authorityTitle}</h2>
      {countries.length === 0 ? (
        <p className="muted">{messages.authorityNone}</p>
      ) : (
        <div className="tr-scroll">
          <table data-testid="authority-table">
            <thead>
              <tr>
                <th scope="col">{messages.country}</th>
                {AUTHORITY_COLUMNS.map(([key, title]) => (
                  <th scope="col" key={key}>
                    {title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {countries.map((country) => (
                <tr key={country}>
                  <th scope="row">{country}</th>
                  {AUTHORITY_COLUMNS.map(([key]) => (
                    <td key={key}>{formatNumber(count(country, key))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function OtherFigures({ total }: { total: TransparencyPeriod }) {
  const rows: Array<[string, string]> = [
    [messages.reportsAnswered, formatNumber(sum(total.reports))],
    [messages.declinedOutOfScope, formatNumber(sum(total.declinedOutOfScope))],
    [messages.appealsFiled, formatNumber(total.appeals.filed)],
    [messages.appealsUpheld, formatNumber(total.appeals.upheld)],
    [messages.appealsReversed, formatNumber(total.appeals.reversed)],
    [messages.reversals, formatNumber(total.reversals)],
    [messages.automatedShare, formatShare(total.automatedDetection.share)],
  ];
  return (
    <section className="tr-chart" aria-labelledby="tr-other">
      <h2 id="tr-other">{messages.otherTitle}</h2>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
