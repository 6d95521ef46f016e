// Each fingerprint of a submission: whether it is still active and how many copies it has caught.
import { formatDateTime } from '../shared/format.ts';
import type { FingerprintStatus, ProtectStatus } from './protect-types.ts';

const STATUS_TEXT: Record<FingerprintStatus, string> = {
  active: 'Active: copies are held for review',
  withdrawn: 'Withdrawn and deleted',
  benign: 'Switched off: reviewers found it matched unrelated images',
};

const copies = (n: number) => (n === 1 ? '1 copy found' : `${n} copies found`);

export function SubmissionStatus({ status }: { status: ProtectStatus }) {
  const total = status.hashes.reduce((n, h) => n + h.matches, 0);
  return (
    <div className="submission-status">
      <h3>
        Case <span className="case-number">{status.caseNumber}</span>
      </h3>
      <p>
        Sent {formatDateTime(status.submittedAt)}.{' '}
        {status.withdrawnAt && <strong>Withdrawn {formatDateTime(status.withdrawnAt)}: your fingerprints were deleted and no longer match anything.</strong>}
      </p>
      <p className="match-summary">
        {total === 0
          ? 'No copies have been found so far.'
          : `${total === 1 ? 'One attempt' : `${total} attempts`} to post your images ${total === 1 ? 'was' : 'were'} caught and held for review.`}
      </p>
      <ul className="fingerprints" aria-label="Your fingerprints">
        {status.hashes.map((h) => (
          <li key={h.number} className={`fingerprint is-${h.status}`}>
            <span className="fp-name">Fingerprint {h.number}</span>
            <span className="fp-status">{STATUS_TEXT[h.status] ?? h.status}</span>
            <span className="fp-matches">
              {copies(h.matches)}
              {h.lastMatchAt ? `, last on ${formatDateTime(h.lastMatchAt)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
