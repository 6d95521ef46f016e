// What an irreversible, senior-only or many-case decision will do, said before it is done.
import { categoryTitle } from '../shared/policy.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { KIND_LABEL, label, OUTCOME_LABEL } from '../shared/format.ts';
import type { ActionKind, CaseDetail, Outcome, Policy } from '../shared/types.ts';
import { LinkedName, type LinkedSubject } from './case-linked.tsx';

interface Props {
  open: boolean;
  busy: boolean;
  detail: CaseDetail;
  policy?: Policy;
  outcome?: Outcome;
  actions: Set<ActionKind>;
  /** Linked cases decided alike (post removal excepted). */
  also: LinkedSubject[];
  postCount: number;
  category: string;
  onConfirm(): void;
  onCancel(): void;
}

export function DecisionConfirm({ open, busy, detail, policy, outcome, actions, also, postCount, category, onConfirm, onCancel }: Props) {
  const kind = label(KIND_LABEL, detail.subject.kind).toLowerCase();
  const count = 1 + also.length;
  const title = count > 1 ? `Confirm: decide ${count} cases` : 'Confirm this decision';
  return (
    <ConfirmDialog
      open={open}
      busy={busy}
      danger
      title={title}
      confirmLabel={count > 1 ? `Yes, decide ${count} cases` : 'Yes, decide'}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {outcome === 'actioned' ? (
        <p>
          You are deciding that this {kind} breaks the policy on <strong>{categoryTitle(policy, category)}</strong>. This will:
        </p>
      ) : (
        <p>
          You are deciding <strong>{label(OUTCOME_LABEL, outcome ?? '')}</strong>. This will:
        </p>
      )}
      <ul>
        {actions.has('block') && <li>block the {kind} for everyone: its public link will show a notice instead of its content;</li>}
        {actions.has('remove_posts') && <li>{`remove ${postCount} ${postCount === 1 ? 'post' : 'posts'};`}</li>}
        {actions.has('restrict_in_jurisdiction') && <li>hide the {kind} in the country named by the authority’s order (a senior decision);</li>}
        {actions.has('warn_owner') && <li>warn the owner;</li>}
        <li>send the statement of reasons to every reporter and to the owner.</li>
      </ul>
      {also.length > 0 && (
        <>
          <p>
            <strong>{count} cases will be decided</strong>: this one and {also.length} linked {also.length === 1 ? 'case' : 'cases'}, each alike and with its
            own decision{actions.has('remove_posts') ? ' (post removal is not carried over)' : ''}:
          </p>
          <ul>
            {also.map((l) => (
              <li key={l.caseId}>
                <LinkedName l={l} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>Only a senior can reverse {count > 1 ? 'them' : 'it'}.</p>
    </ConfirmDialog>
  );
}
