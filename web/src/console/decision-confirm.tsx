// What an irreversible or senior-only decision will do, said before it is done.
import { categoryTitle } from '../shared/policy.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { KIND_LABEL, label } from '../shared/format.ts';
import type { ActionKind, CaseDetail, Policy } from '../shared/types.ts';

interface Props {
  open: boolean;
  busy: boolean;
  detail: CaseDetail;
  policy?: Policy;
  actions: Set<ActionKind>;
  postCount: number;
  category: string;
  onConfirm(): void;
  onCancel(): void;
}

export function DecisionConfirm({ open, busy, detail, policy, actions, postCount, category, onConfirm, onCancel }: Props) {
  const kind = label(KIND_LABEL, detail.subject.kind).toLowerCase();
  return (
    <ConfirmDialog open={open} busy={busy} danger title="Confirm this decision" confirmLabel="Yes, decide" onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        You are deciding that this {kind} breaks the policy on <strong>{categoryTitle(policy, category)}</strong>. This will:
      </p>
      <ul>
        {actions.has('block') && <li>block the {kind} for everyone: its public link will show a notice instead of its content;</li>}
        {actions.has('remove_posts') && <li>{`remove ${postCount} ${postCount === 1 ? 'post' : 'posts'};`}</li>}
        {actions.has('restrict_in_jurisdiction') && <li>hide the {kind} in the country named by the authority’s order (a senior decision);</li>}
        {actions.has('warn_owner') && <li>warn the owner;</li>}
        <li>send the statement of reasons to every reporter and to the owner.</li>
      </ul>
      <p>Only a senior can reverse it.</p>
    </ConfirmDialog>
  );
}
