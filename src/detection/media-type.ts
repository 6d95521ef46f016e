// Decides what an uploaded file really is, from its bytes, never from the client's claim (the reference
// platform's uploads and connected platforms' registered media alike). The image checks
// (dimensions, a full decode) run in the decode worker: detection/decode-worker.ts.
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../shared/errors.ts';
import { IMAGE_TYPES } from './image-types.ts';

export { IMAGE_TYPES };
const FILE_TYPES = new Set(['application/pdf', 'video/mp4', 'audio/mpeg', 'audio/ogg', 'application/zip', 'video/webm']);

/** Text files a post may carry (and the personal-data detector reads): they have no magic bytes to sniff. */
export const TEXT_FILE_TYPES: ReadonlySet<string> = new Set(['text/plain', 'text/csv', 'application/json']);

/**
 * A text file's type: when the uploader declared one of TEXT_FILE_TYPES and the bytes are UTF-8 text (a
 * strict decode, no NUL or other control characters but tab, line feed and carriage return) that does not
 * open with markup. Null otherwise.
 */
export function textFileType(bytes: Uint8Array, declared: string): string | null {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!TEXT_FILE_TYPES.has(type)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (hasControlCharacter(text) || /^\s*</.test(text.replace(/^\uFEFF/, ''))) return null;
  return type;
}

/** True when the text holds a control character other than tab, line feed and carriage return (binary bytes). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

/** The accepted media type of an upload, sniffed from its bytes; images are then checked by the decode worker. */
export async function sniffUpload(bytes: Uint8Array, declared = ''): Promise<string> {
  if (bytes.length === 0) throw new AppError(400, 'empty_upload', 'The upload is empty.');
  const type = await fileTypeFromBuffer(bytes);
  const text = type ? null : textFileType(bytes, declared);
  if (text !== null) return text;
  if (!type || !(IMAGE_TYPES.has(type.mime) || FILE_TYPES.has(type.mime))) {
    throw new AppError(
      415,
      'unsupported_media_type',
      `This kind of file is not accepted${type ? ` (${type.mime})` : ''}. Accepted: ${[...IMAGE_TYPES, ...FILE_TYPES].join(', ')}, and UTF-8 text declared as ${[...TEXT_FILE_TYPES].join(', ')}.`,
    );
  }
  return type.mime;
}
