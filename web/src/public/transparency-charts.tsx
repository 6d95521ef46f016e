// The charts of the transparency page: plain CSS bars, hidden from assistive technology, each followed
// by a table with the same figures (collapsed under "Show as a table"). Laid out with logical
// properties, so they read right to left when the page does.
import type { ReactNode } from 'react';
import type { TransparencyPeriod } from '../shared/types.ts';
import type { TransparencyWords } from './transparency-messages.ts';

const PALETTE = ['#1d5bbf', '#b42318', '#067647', '#a24a05', '#6941c6', '#0e7490', '#9f1239', '#4d5761'];

function ChartFigure({ title, id, children, table, showTable }: { title: string; id: string; children: ReactNode; table: ReactNode; showTable: string }) {
  return (
    <section className="tr-chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div aria-hidden="true">{children}</div>
      <details className="tr-table">
        <summary>{showTable}</summary>
        {table}
      </details>
    </section>
  );
}

type Words = { words: TransparencyWords };

export function ActionedPerWeek({
  periods,
  titleOf,
  words: { t, number, day },
}: { periods: TransparencyPeriod[]; titleOf: (category: string) => string } & Words) {
  const categories = [...new Set(periods.flatMap((p) => p.actioned.map((a) => a.category)))].sort();
  const byWeek = periods.map((p) => ({
    from: p.from,
    counts: categories.map((c) => p.actioned.filter((a) => a.category === c).reduce((s, a) => s + a.count, 0)),
  }));
  const max = Math.max(1, ...byWeek.map((w) => w.counts.reduce((s, n) => s + n, 0)));
  return (
    <ChartFigure
      title={t('transparency.blockedTitle')}
      showTable={t('transparency.showTable')}
      id="tr-blocked"
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('transparency.week')}</th>
              {categories.map((c) => (
                <th scope="col" key={c}>
                  {titleOf(c)}
                </th>
              ))}
              <th scope="col">{t('transparency.total')}</th>
            </tr>
          </thead>
          <tbody>
            {byWeek.map((w) => (
              <tr key={w.from}>
                <th scope="row">{day(w.from)}</th>
                {w.counts.map((n, i) => (
                  <td key={categories[i]}>{number(n)}</td>
                ))}
                <td>{number(w.counts.reduce((s, n) => s + n, 0))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ul className="tr-legend">
        {categories.map((c, i) => (
          <li key={c}>
            <span className="tr-swatch" style={{ background: PALETTE[i % PALETTE.length] }} />
            {titleOf(c)}
          </li>
        ))}
      </ul>
      <div className="tr-bars">
        {byWeek.map((w) => (
          <div className="tr-bar-row" key={w.from}>
            <span className="tr-bar-label">{day(w.from)}</span>
            <span className="tr-bar-track">
              {w.counts.map((n, i) =>
                n > 0 ? (
                  <span key={categories[i]} className="tr-bar" style={{ inlineSize: `${(n / max) * 100}%`, background: PALETTE[i % PALETTE.length] }} />
                ) : null,
              )}
            </span>
            <span className="tr-bar-value">{number(w.counts.reduce((s, n) => s + n, 0))}</span>
          </div>
        ))}
      </div>
    </ChartFigure>
  );
}

export function ActionedByLanguage({ total, words: { t, number, languageName } }: { total: TransparencyPeriod } & Words) {
  const counts = new Map<string, number>();
  for (const a of total.actioned) counts.set(a.language, (counts.get(a.language) ?? 0) + a.count);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const max = Math.max(1, ...rows.map(([, n]) => n));
  return (
    <ChartFigure
      title={t('transparency.languagesTitle')}
      showTable={t('transparency.showTable')}
      id="tr-languages"
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('transparency.language')}</th>
              <th scope="col">{t('transparency.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([tag, n]) => (
              <tr key={tag}>
                <th scope="row">
                  <LanguageName name={languageName(tag)} />
                </th>
                <td>{number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div className="tr-bars">
        {rows.length === 0 && <p className="muted">{t('transparency.noData')}</p>}
        {rows.map(([tag, n]) => (
          <div className="tr-bar-row" key={tag}>
            <span className="tr-bar-label">
              <LanguageName name={languageName(tag)} />
            </span>
            <span className="tr-bar-track">
              <span className="tr-bar" style={{ inlineSize: `${(n / max) * 100}%`, background: PALETTE[0] }} />
            </span>
            <span className="tr-bar-value">{number(n)}</span>
          </div>
        ))}
      </div>
    </ChartFigure>
  );
}

export function TimeToAction({
  total,
  titleOf,
  words: { t, number, seconds, share },
}: { total: TransparencyPeriod; titleOf: (category: string) => string } & Words) {
  const rows = total.timeToDecision;
  return (
    <ChartFigure
      title={t('transparency.timeTitle')}
      showTable={t('transparency.showTable')}
      id="tr-time"
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('transparency.category')}</th>
              <th scope="col">{t('transparency.decisions')}</th>
              <th scope="col">{t('transparency.median')}</th>
              <th scope="col">{t('transparency.p90')}</th>
              <th scope="col">{t('transparency.deadline')}</th>
              <th scope="col">{t('transparency.withinDeadline')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.category}>
                <th scope="row">{titleOf(r.category)}</th>
                <td>{number(r.decisions)}</td>
                <td>{seconds(r.medianSeconds)}</td>
                <td>{seconds(r.p90Seconds)}</td>
                <td>{r.deadlineSeconds === null ? '—' : seconds(r.deadlineSeconds)}</td>
                <td>{`${number(r.withinDeadline)} (${share(r.withinDeadlineShare)})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <p className="muted tr-note">{t('transparency.timeNote')}</p>
      <div className="tr-bars">
        {rows.length === 0 && <p className="muted">{t('transparency.noData')}</p>}
        {rows.map((r) => {
          const scale = Math.max(1, r.p90Seconds, r.deadlineSeconds ?? 0);
          return (
            <div className="tr-bar-row" key={r.category}>
              <span className="tr-bar-label">{titleOf(r.category)}</span>
              <span className="tr-bar-track tr-time-track">
                <span className="tr-bar tr-p90" style={{ inlineSize: `${(r.p90Seconds / scale) * 100}%` }} />
                <span className="tr-bar tr-median" style={{ inlineSize: `${(r.medianSeconds / scale) * 100}%` }} />
                {r.deadlineSeconds !== null && <span className="tr-deadline" style={{ insetInlineStart: `${(r.deadlineSeconds / scale) * 100}%` }} />}
              </span>
              <span className="tr-bar-value">{seconds(r.medianSeconds)}</span>
            </div>
          );
        })}
      </div>
    </ChartFigure>
  );
}

/** A language's name; in its own language (and marked so) where the page's language has no name for it. */
function LanguageName({ name }: { name: { name: string; lang?: string } }) {
  return name.lang ? (
    <bdi lang={name.lang} dir={name.lang === 'zxx' ? 'ltr' : undefined}>
      {name.name}
    </bdi>
  ) : (
    name.name
  );
}
