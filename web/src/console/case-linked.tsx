// Subjects linked to this case by mirror and near-duplicate signals: the decided case this subject copies
// (original decision) and other subjects that copy it or the same original (likely mirrors), with the
// evidence in words and a link to each case. Subject names are user text: shown as text, never as markup.
import { Link } from 'react-router';
import type { MirrorEvidence } from '../../../src/detection/text/mirror-values.ts';
import { KIND_LABEL, label, STATE_LABEL } from '../shared/format.ts';
import type { CaseDetail } from '../shared/types.ts';
import { UserText } from '../shared/user-text.tsx';

export type LinkedSubject = CaseDetail['linkedSubjects'][number];

export const EVIDENCE_LABEL: Record<MirrorEvidence, string> = {
  owner: 'same owner',
  media: 'same media',
  text: 'near-duplicate text',
  links: 'same links',
};

export const ROLE_LABEL: Record<LinkedSubject['role'], string> = {
  original: 'Original decision',
  mirror: 'Likely mirror',
};

/** "Channel cardshop2": the kind and the readable name (or id) of a linked subject, as text. */
export function LinkedName({ l }: { l: LinkedSubject }) {
  return (
    <>
      {label(KIND_LABEL, l.subject.kind)} <UserText text={l.subjectLabel || l.subject.id} />
    </>
  );
}

/** The same as plain text, for messages. */
export const subjectText = (l: LinkedSubject) => `${label(KIND_LABEL, l.subject.kind).toLowerCase()} ${l.subjectLabel || l.subject.id}`;

export const evidenceWords = (evidence: MirrorEvidence[]) => (evidence.length ? evidence.map((e) => EVIDENCE_LABEL[e]).join(', ') : 'no evidence recorded');

export function CaseLinked({ linked }: { linked: LinkedSubject[] }) {
  if (linked.length === 0) return <p className="muted">No mirrors or near-duplicates of this subject were found.</p>;
  return (
    <>
      <p className="hint">An original decision is the decided case this subject copies; a likely mirror copies this subject or the same original.</p>
      <ul className="related linked">
        {linked.map((l) => (
          <li key={l.caseId}>
            <Link to={`/console/cases/${l.caseId}`}>
              <LinkedName l={l} />
            </Link>
            <span className={`linked-role linked-${l.role}`}>{ROLE_LABEL[l.role]}</span>
            <span>Evidence: {evidenceWords(l.evidence)}</span>
            <span className={`state-badge state-${l.state}`}>{label(STATE_LABEL, l.state)}</span>
            {l.platform !== 'reference' && <span className="muted">on {l.platform}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
