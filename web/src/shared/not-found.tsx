import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title.ts';

export function NotFound() {
  useDocumentTitle('Page not found');
  return (
    <main className="narrow-page" id="main">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/report">Report content</Link> · <Link to="/console">Moderator console</Link>
      </p>
    </main>
  );
}
