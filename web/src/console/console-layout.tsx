// The console frame: skip link, banner with navigation and the signed-in user, and the page.
import { Link, NavLink, Outlet } from 'react-router';
import { ErrorBoundary } from '../shared/error-boundary.tsx';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { roleAtLeast, useSession, useUser } from './session.tsx';
import { WellbeingToggle } from './wellbeing-toggle.tsx';
import { useLocation } from 'react-router';

export function ConsoleLayout() {
  const user = useUser();
  const { signOut } = useSession();
  const location = useLocation();
  return (
    <div className="console">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="console-header">
        <Link to="/console" className="brand">
          Vigil <span>console</span>
        </Link>
        <nav aria-label="Console">
          <ul>
            <li>
              <NavLink to="/console" end>
                Queue
              </NavLink>
            </li>
            {roleAtLeast(user.role, 'senior') && (
              <li>
                <NavLink to="/console/appeals">Appeals</NavLink>
              </li>
            )}
            {roleAtLeast(user.role, 'moderator') && (
              <li>
                <NavLink to="/console/banks">Hash banks</NavLink>
              </li>
            )}
            {roleAtLeast(user.role, 'moderator') && (
              <li>
                <NavLink to="/console/rules">Text rules</NavLink>
              </li>
            )}
            {roleAtLeast(user.role, 'admin') && (
              <li>
                <NavLink to="/console/jobs">Job queue</NavLink>
              </li>
            )}
            {roleAtLeast(user.role, 'admin') && (
              <li>
                <NavLink to="/console/admin">Administration</NavLink>
              </li>
            )}
            {roleAtLeast(user.role, 'admin') && (
              <li>
                <NavLink to="/console/audit">Audit log</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="console-user">
          <WellbeingToggle />
          <span className="who">
            <span dir="auto">{user.email}</span> <span className="role-badge">{user.role}</span>
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="console-main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}

export function ConsoleNotFound() {
  useDocumentTitle('Not found');
  return (
    <div className="narrow-page">
      <h1>Not found</h1>
      <p>
        There is no console page at this address. <Link to="/console">Back to the queue</Link>
      </p>
    </div>
  );
}
