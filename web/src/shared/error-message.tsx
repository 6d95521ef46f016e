// An API error in words: its sentence, with the machine code for support, and field problems listed. On
// the public pages all of it is in the page's language (error-text.ts says the code and kinds from the
// catalogue); the console, which has no catalogue, reads the API's English.
import { FormattedMessage } from 'react-intl';
import { useOptionalIntl } from './i18n.tsx';
import type { ApiError } from './api-error.ts';
import { contentKeys } from './content-keys.ts';
import { errorText, fieldProblemText } from './error-text.ts';

export function ErrorMessage({ error, title }: { error: ApiError | undefined | null; title?: string }) {
  // Null outside the public pages' IntlProvider (the console).
  const intl = useOptionalIntl();
  if (!error) return null;
  const fields = error.fieldProblems;
  const code = <code dir="ltr">{error.code}</code>;
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{title ?? (intl ? intl.formatMessage({ id: 'common.errorTitle' }) : 'That did not work')}</p>
      <p>{errorText(error, intl)}</p>
      {fields.length > 0 && (
        <ul>
          {contentKeys(fields, (f) => f.field).map(([key, f]) => (
            <li key={key}>
              <code dir="ltr">{f.field}</code>: {fieldProblemText(f, intl)}
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
