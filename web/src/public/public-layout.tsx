import { Link, Outlet, useLocation, useSearchParams } from 'react-router';
import { directionOf, LANGUAGE_NAMES, LANGUAGES } from '../../../src/shared/i18n/languages.ts';
import { PublicIntl, useT } from '../shared/i18n.tsx';

/** Each language named in itself; choosing one reloads the words and is remembered (shared/i18n.tsx). */
function LanguageMenu() {
  const { t, lang } = useT();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const href = (l: string) => {
    const next = new URLSearchParams(params);
    next.set('lang', l);
    return `${pathname}?${next}`;
  };
  return (
    <nav className="languages" aria-label={t('common.language')}>
      <ul>
        {LANGUAGES.map((l) => (
          <li key={l}>
            <Link to={href(l)} lang={l} hrefLang={l} dir={directionOf(l)} aria-current={l === lang ? 'true' : undefined} replace>
              {LANGUAGE_NAMES[l]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Frame() {
  const { t } = useT();
  return (
    <div className="public">
      <a href="#main" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <header className="public-header">
        <Link to="/report" className="brand">
          Vigil
        </Link>
        <span className="muted">{t('common.tagline')}</span>
        <nav className="header-nav" aria-label={t('common.publicPages')}>
          <Link to="/transparency" className="header-link">
            {t('common.transparencyLink')}
          </Link>
          <Link to="/protect" className="header-link">
            {t('common.protectLink')}
          </Link>
        </nav>
        <LanguageMenu />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="public-footer">
        <p>{t('common.footerPrivate')}</p>
      </footer>
    </div>
  );
}

export function PublicLayout() {
  return (
    <PublicIntl>
      <Frame />
    </PublicIntl>
  );
}
