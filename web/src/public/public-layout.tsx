import { Link, Outlet } from 'react-router';

export function PublicLayout() {
  return (
    <div className="public">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="public-header">
        <Link to="/report" className="brand">
          Vigil
        </Link>
        <span className="muted">Trust &amp; safety</span>
        <nav className="header-nav" aria-label="Public pages">
          <Link to="/transparency" className="header-link">
            Transparency
          </Link>
          <Link to="/protect" className="header-link">
            Protect your intimate images
          </Link>
        </nav>
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="public-footer">
        <p>
          Reports about private groups and one-to-one chats are not processed: their content is private and never read. If someone is in danger, contact local
          emergency services.
        </p>
      </footer>
    </div>
  );
}
