// No page at this address. Inside the public pages' language (PublicIntl) it speaks the reader's
// language and offers the report form; elsewhere (the console) English, with a link to the console too.
import { useOptionalIntl } from './i18n.tsx';
import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title.ts';

export function NotFound() {
  const intl = useOptionalIntl();
  const t = (id: string, english: string) => (intl ? intl.formatMessage({ id }) : english);
  useDocumentTitle(t('common.notFoundTitle', 'Page not found'));
  return (
    <main className="narrow-page" id="main">
      <h1>{t('common.notFoundTitle', 'Page not found')}</h1>
      <p>{t('common.notFoundText', 'There is nothing at this address.')}</p>
      <p>
        <Link to="/report">{t('common.reportLink', 'Report content')}</Link>
        {!intl && (
          <>
            {' · '}
            <Link to="/console">Moderator console</Link>
          </>
        )}
      </p>
    </main>
  );
}
