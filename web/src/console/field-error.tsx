// The API's complaint about one field, shown next to it and tied to it with aria-describedby.
import type { ApiError } from '../shared/api-error.ts';

export function fieldMessage(error: ApiError | undefined, ...fields: string[]): string | undefined {
  return error?.fieldProblems.find((p) => fields.includes(p.field))?.message;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
