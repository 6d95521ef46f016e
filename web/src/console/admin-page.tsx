// Administration, for admins only: staff users and API keys.
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { AdminKeys } from './admin-keys.tsx';
import { AdminUsers } from './admin-users.tsx';
import { roleAtLeast, useUser } from './session.tsx';

export function AdminPage() {
  useDocumentTitle('Administration');
  const user = useUser();
  if (!roleAtLeast(user.role, 'admin')) {
    return (
      <div className="narrow-page">
        <h1>Administration</h1>
        <p>Only admins can manage staff users and API keys. Your role is {user.role}.</p>
      </div>
    );
  }
  return (
    <div className="admin-page">
      <h1>Administration</h1>
      <AdminUsers />
      <AdminKeys />
    </div>
  );
}
