// /console/jobs, for admins: the durable job queue's depth by kind and state, how long the oldest due job
// has waited, and the failed and dead jobs, each of which can be sent back to the queue.
import { useCallback, useState } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDuration } from '../shared/format.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { JobsDepth } from './jobs-depth.tsx';
import { JobsTroubled } from './jobs-troubled.tsx';
import type { JobsOverview, JobView } from './jobs-types.ts';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import { useLoad } from './use-load.ts';
import '../styles/jobs.css';

const PAGE = 50;

export function JobsPage() {
  useDocumentTitle('Job queue');
  const user = useUser();
  if (!roleAtLeast(user.role, 'admin')) {
    return (
      <div className="narrow-page">
        <h1>Job queue</h1>
        <p>Only admins can see the job queue. Your role is {user.role}.</p>
      </div>
    );
  }
  return <JobsAdmin />;
}

function JobsAdmin() {
  const api = useApi();
  const [overview, setOverview] = useState<JobsOverview>();
  const [error, setError] = useState<ApiError>();
  const [retryError, setRetryError] = useState<ApiError>();
  const [retrying, setRetrying] = useState<string>();
  const [status, setStatus] = useState('');
  const [reloadKey, setReloadKey] = useState(0);

  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        setOverview(await api.get<JobsOverview>(`/api/v1/jobs?limit=${PAGE}`, { signal }));
        setError(undefined);
      } catch (err) {
        if (!signal.aborted) setError(asApiError(err));
      }
    },
    [api],
  );
  useLoad(load, reloadKey);

  async function retry(job: JobView) {
    setRetrying(job.id);
    setRetryError(undefined);
    setStatus('');
    try {
      await api.post(`/api/v1/jobs/${encodeURIComponent(job.id)}/retry`);
      setStatus(`The ${job.kind} job ${job.id} is back in the queue, due now.`);
    } catch (err) {
      setRetryError(asApiError(err));
    } finally {
      setRetrying(undefined);
      setReloadKey((k) => k + 1);
    }
  }

  return (
    <div className="jobs-page">
      <div className="page-head">
        <h1>Job queue</h1>
        <button type="button" onClick={() => setReloadKey((k) => k + 1)}>
          Refresh
        </button>
      </div>
      <p className="muted">
        Work that runs after a change commits, such as filing the report about held content. Failed jobs are retried with backoff; dead ones wait for you.
      </p>
      <ErrorMessage error={error} title="The job queue could not be loaded" />
      {overview === undefined && !error && (
        <p className="loading" role="status">
          Loading the job queue…
        </p>
      )}
      {overview && (
        <>
          <section aria-labelledby="jobs-depth-h">
            <h2 id="jobs-depth-h">Queue depth</h2>
            <dl className="jobs-figures">
              <div>
                <dt>Oldest due job has waited</dt>
                <dd>{overview.oldestQueuedAgeSeconds > 0 ? formatDuration(overview.oldestQueuedAgeSeconds) : 'Nothing is waiting'}</dd>
              </div>
              <div>
                <dt>Dead jobs</dt>
                <dd className={overview.dead > 0 ? 'state-dead' : undefined}>{overview.dead.toLocaleString('en-GB')}</dd>
              </div>
            </dl>
            <JobsDepth counts={overview.counts} />
          </section>
          <section aria-labelledby="jobs-troubled-h">
            <h2 id="jobs-troubled-h">Failed and dead jobs</h2>
            <p role="status" className="ok">
              {status}
            </p>
            <ErrorMessage error={retryError} title="The job could not be retried" />
            <JobsTroubled jobs={overview.failed} retrying={retrying} onRetry={(j) => void retry(j)} />
            {overview.nextCursor && (
              <p className="hint">
                Showing the newest {PAGE}. <code>vigil jobs list</code> shows them all.
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
