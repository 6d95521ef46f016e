// Queue depth: one row per job kind, a column per state.
import { JOB_STATE_LABEL, JOB_STATES, type JobsOverview } from './jobs-types.ts';

export function JobsDepth({ counts }: { counts: JobsOverview['counts'] }) {
  if (counts.length === 0) return <p className="empty">No jobs yet.</p>;
  const byKind = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const row = byKind.get(c.kind) ?? new Map<string, number>();
    row.set(c.state, (row.get(c.state) ?? 0) + c.count);
    byKind.set(c.kind, row);
  }
  return (
    <div className="table-wrap">
      <table className="table jobs-depth">
        <caption className="visually-hidden">Jobs by kind and state</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            {JOB_STATES.map((s) => (
              <th scope="col" className="num" key={s}>
                {JOB_STATE_LABEL[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...byKind].map(([kind, row]) => (
            <tr key={kind}>
              <th scope="row">
                <code>{kind}</code>
              </th>
              {JOB_STATES.map((s) => (
                <td className={row.get(s) && (s === 'dead' || s === 'failed') ? `num state-${s}` : 'num'} key={s}>
                  {(row.get(s) ?? 0).toLocaleString('en-GB')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
