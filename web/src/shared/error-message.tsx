// An API error in words: the message, with the machine code for support, and field problems listed. On
// the public pages the frame around it is in the page's language (the API's own message stays English);
// the console, which has no catalogue, reads English.
import { FormattedMessage } from 'react-intl';
import { useOptionalIntl } from './i18n.tsx';
import type { ApiError } from './api-error.ts';
import { contentKeys } from './content-keys.ts';

export function ErrorMessage({ error, title }: { error: ApiError | undefined | null; title?: string }) {
  // Null outside the public pages' IntlProvider (the console).
  const intl = useOptionalIntl();
  if (!error) return null;
  const fields = error.fieldProblems;
  const code = <code dir="ltr">{error.code}</code>;
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{title ?? (intl ? intl.formatMessage({ id: 'common.errorTitle' }) : 'That did not work')}</p>
      <p>{error.message}</p>
      {fields.length > 0 && (
        <ul>
          {contentKeys(fields, (f) => f.field).map(([key, f]) => (
            <li key={key}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
      <p className="error-code">
        {intl ? <FormattedMessage id="common.errorCode" values={{ code }} /> : <>Code: {code}</>}
        {error.status ? <bdi dir="ltr">{` (HTTP ${error.status})`}</bdi> : ''}
      </p>
    </div>
  );
}
