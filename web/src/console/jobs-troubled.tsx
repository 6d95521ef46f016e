// Failed (waiting to retry) and dead jobs, newest first, each with a Retry button. The last error is
// shown as text: it may quote whatever a handler threw, so it is never read as markup.
import { formatDateTime, label } from '../shared/format.ts';
import { JOB_STATE_LABEL, type JobView } from './jobs-types.ts';

interface Props {
  jobs: JobView[];
  /** The id of the job being retried, while its request runs. */
  retrying: string | undefined;
  onRetry(job: JobView): void;
}

export function JobsTroubled({ jobs, retrying, onRetry }: Props) {
  if (jobs.length === 0) return <p className="empty">No failed or dead jobs.</p>;
  return (
    <div className="table-wrap">
      <table className="table jobs-troubled">
        <caption className="visually-hidden">Failed and dead jobs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Attempts
            </th>
            <th scope="col">Last error</th>
            <th scope="col">Next attempt or finished</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} data-job-id={j.id}>
              <th scope="row">
                <code>{j.kind}</code>
                <span className="job-id muted">{j.id}</span>
              </th>
              <td className={`state-${j.state}`}>{label(JOB_STATE_LABEL, j.state)}</td>
              <td className="num">
                {j.attempts} of {j.maxAttempts}
              </td>
              <td>
                <span className="job-error user-text" dir="auto">
                  {j.lastError ?? '—'}
                </span>
              </td>
              <td>{j.state === 'dead' ? `Finished ${formatDateTime(j.finishedAt)}` : `Due ${formatDateTime(j.runAt)}`}</td>
              <td>
                <button
                  type="button"
                  disabled={retrying !== undefined}
                  aria-busy={retrying === j.id}
                  aria-label={`Retry ${j.kind} job ${j.id}`}
                  onClick={() => onRetry(j)}
                >
                  {retrying === j.id ? 'Retrying…' : 'Retry'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
