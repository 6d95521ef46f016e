// One staff user's role. Choosing in the menu (arrow keys included) changes nothing: the new role is sent
// only after Save and a confirmation that names it. Cancel puts the shown role back.
import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { ROLES, type Role } from '../shared/types.ts';
import { isOneOf } from '../../../src/shared/one-of.ts';

const AS: Record<Role, string> = { triage: 'a triage user', moderator: 'a moderator', senior: 'a senior moderator', admin: 'an admin' };
const MAY: Record<Role, string> = {
  triage: 'Triage staff acknowledge, comment on and escalate cases; they cannot decide them.',
  moderator: 'Moderators decide cases.',
  senior: 'Seniors also take decisions with legal weight (restrictions in one country, reversals) and see who reported.',
  admin: 'Admins also manage staff users and their roles, API keys and hash banks, and read the audit log.',
};

interface Props {
  email: string;
  role: Role;
  self: boolean;
  onSave(role: Role): Promise<void>;
}

export function RoleEditor({ email, role, self, onSave }: Props) {
  const [draft, setDraft] = useState(role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    setDraft(role);
  }, [role]);

  async function save() {
    setBusy(true);
    try {
      await onSave(draft);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <div className="row role-editor">
      <select
        ref={select}
        aria-label={`Role of ${email}`}
        value={draft}
        disabled={self}
        onChange={(e) => isOneOf(ROLES, e.target.value) && setDraft(e.target.value)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {draft !== role && (
        <button type="button" className="primary" aria-label={`Save role of ${email}`} onClick={() => setConfirming(true)}>
          Save
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        busy={busy}
        title={`Make ${email} ${AS[draft]}?`}
        confirmLabel={`Make ${draft}`}
        onConfirm={() => void save()}
        onCancel={() => {
          setConfirming(false);
          setDraft(role);
        }}
        returnFocus={select}
      >
        <p>
          {email} is {AS[role]} now. {MAY[draft]} The change applies from their next request.
        </p>
      </ConfirmDialog>
    </div>
  );
}
