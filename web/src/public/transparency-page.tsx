// /transparency: the public figures of the last twelve weeks (GET /api/v1/transparency, by week), with a
// headline for the current week, charts that each have a table, authority requests per country, and the
// same figures as CSV. In the page's language: words from the catalogues, numbers and days by its locale
// (transparency-messages.ts).
import { useEffect, useState } from 'react';
import { isAbort, publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import type { TransparencyFigures, TransparencyPeriod } from '../shared/types.ts';
import { useT } from '../shared/i18n.tsx';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { ActionedByLanguage, ActionedPerWeek, TimeToAction } from './transparency-charts.tsx';
import { type TransparencyWords, useTransparencyWords } from './transparency-messages.ts';

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
  const words = useTransparencyWords();
  const { t } = words;
  const { intl } = useT();
  useDocumentTitle(t('transparency.title'));
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
  // The policy's category titles in the page's language (policy/i18n); an id the policy no longer has stays as it is.
  const titleOf = (id: string) =>
    id === '' ? t('transparency.noCategory') : intl.messages[`policy.category.${id}.title`] ? t(`policy.category.${id}.title`) : id;

  const week = figures?.periods.at(-1);
  const headline = week && headlineOf(week);
  return (
    <div className="narrow-page transparency">
      <h1>{t('transparency.title')}</h1>
      <p className="muted">{t('transparency.intro')}</p>
      {error && <ErrorMessage error={error} title={t('transparency.loadError')} />}
      {!figures && !error && (
        <p className="loading" role="status">
          {t('transparency.loading')}
        </p>
      )}
      {figures && week && (
        <>
          <p className="tr-headline" data-testid="headline">
            {headline ? words.headline(headline.count, headline.kind, titleOf(headline.category), headline.languages) : t('transparency.headlineEmpty')}
          </p>
          <p data-testid="week-summary">{t('transparency.weekSummary', { actioned: sum(week.actioned), reports: sum(week.reports) })}</p>
          <p className="muted">{t('transparency.periodNote', { from: words.day(figures.from), to: words.day(figures.to) })}</p>
          <p>
            <a className="button-link" href={`/api/v1/transparency.csv?${query}`} download>
              {t('transparency.downloadCsv')}
            </a>
          </p>
          <ActionedPerWeek periods={figures.periods} titleOf={titleOf} words={words} />
          <ActionedByLanguage total={figures.total} words={words} />
          <TimeToAction total={figures.total} titleOf={titleOf} words={words} />
          <AuthorityTable total={figures.total} words={words} />
          <OtherFigures total={figures.total} words={words} />
        </>
      )}
    </div>
  );
}

const AUTHORITY_COLUMNS = [
  ['complied', 'transparency.complied'],
  ['restricted', 'transparency.restricted'],
  ['protected_expression', 'transparency.protectedExpression'],
  ['declined', 'transparency.declined'],
] as const;

function AuthorityTable({ total, words: { t, number } }: { total: TransparencyPeriod; words: TransparencyWords }) {
  const countries = [...new Set(total.authorityRequests.map((r) => r.country))].sort();
  const count = (country: string, outcome: string) => sum(total.authorityRequests.filter((r) => r.country === country && r.outcome === outcome));
  return (
    <section className="tr-chart" aria-labelledby="tr-authority">
      <h2 id="tr-authority">{t('transparency.authorityTitle')}</h2>
      {countries.length === 0 ? (
        <p className="muted">{t('transparency.authorityNone')}</p>
      ) : (
        <div className="tr-scroll">
          <table data-testid="authority-table">
            <thead>
              <tr>
                <th scope="col">{t('transparency.country')}</th>
                {AUTHORITY_COLUMNS.map(([key, title]) => (
                  <th scope="col" key={key}>
                    {t(title)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {countries.map((country) => (
                <tr key={country}>
                  <th scope="row">
                    {/* The country's ISO code, as the authority sent it. */}
                    <bdi dir="ltr">{country}</bdi>
                  </th>
                  {AUTHORITY_COLUMNS.map(([key]) => (
                    <td key={key}>{number(count(country, key))}</td>
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

function OtherFigures({ total, words: { t, number, share } }: { total: TransparencyPeriod; words: TransparencyWords }) {
  const rows: Array<[string, string]> = [
    [t('transparency.reportsAnswered'), number(sum(total.reports))],
    [t('transparency.declinedOutOfScope'), number(sum(total.declinedOutOfScope))],
    [t('transparency.appealsFiled'), number(total.appeals.filed)],
    [t('transparency.appealsUpheld'), number(total.appeals.upheld)],
    [t('transparency.appealsReversed'), number(total.appeals.reversed)],
    [t('transparency.reversals'), number(total.reversals)],
    [t('transparency.automatedShare'), share(total.automatedDetection.share)],
  ];
  return (
    <section className="tr-chart" aria-labelledby="tr-other">
      <h2 id="tr-other">{t('transparency.otherTitle')}</h2>
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
