// The one file of a multipart/form-data upload, read to the end of the body before anything is stored:
// a malformed or truncated body (no boundary, "Part terminated early", "Unexpected end of form") is a
// 400 invalid_multipart, never a 500, and a body with no file part is a 400 missing_file.
import type { FastifyRequest } from 'fastify';
import { badRequest } from '../shared/errors.ts';
import { FRAMEWORK_ERRORS } from './errors.ts';
import { errorCode, propertyOf } from '../shared/property-of.ts';

/** Limits for @fastify/multipart: one file; a few short text fields are allowed and never read. */
export const uploadLimits = (fileSize: number) => ({ fileSize, files: 1, fields: 4, fieldSize: 1024, parts: 5 });

/** The file part's bytes and the type its sender declared (a hint for text files only: see detection/media-type.ts). */
export async function readUploadedFile(req: FastifyRequest): Promise<{ bytes: Buffer; declared: string }> {
  let bytes: Buffer | undefined;
  let declared = '';
  const fields: string[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        bytes = await part.toBuffer();
        declared = part.mimetype;
      } else fields.push(part.fieldname);
    }
  } catch (err) {
    const code = errorCode(err);
    if (typeof code === 'string' && Object.hasOwn(FRAMEWORK_ERRORS, code)) throw err; // mapped in errors.ts
    // busboy's own errors carry no code: all of them say the body is not well-formed multipart.
    throw badRequest('invalid_multipart', `The multipart body is malformed: ${String(propertyOf(err, 'message') ?? err).slice(0, 200)}.`);
  }
  if (bytes === undefined) {
    const had = fields.length > 0 ? ` It has only the text field${fields.length > 1 ? 's' : ''} ${fields.map((f) => `"${f.slice(0, 64)}"`).join(', ')}.` : '';
    throw badRequest('missing_file', `The multipart body has no file part: send the file as a part with a filename (curl -F file=@photo.jpg).${had}`, [
      { field: 'file', message: 'required' },
    ]);
  }
  return { bytes, declared };
}
