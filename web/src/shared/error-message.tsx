// An API error in words: the message, with the machine code for support, and field problems listed.
import type { ApiError } from './api-error.ts';
import { contentKeys } from './content-keys.ts';

export function ErrorMessage({ error, title = 'That did not work' }: { error: ApiError | undefined | null; title?: string }) {
  if (!error) return null;
  const fields = error.fieldProblems;
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{title}</p>
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
        Code: <code>{error.code}</code>
        {error.status ? ` (HTTP ${error.status})` : ''}
      </p>
    </div>
  );
}
