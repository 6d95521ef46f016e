// Decides what an uploaded file really is, from its bytes, never from the client's claim (the reference
// platform's uploads and connected platforms' registered media alike). The image checks
// (dimensions, a full decode) run in the decode worker: detection/decode-worker.ts.
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../shared/errors.ts';
import { IMAGE_TYPES } from './image-types.ts';

export { IMAGE_TYPES };
const FILE_TYPES = new Set(['application/pdf', 'video/mp4', 'audio/mpeg', 'audio/ogg', 'application/zip', 'video/webm']);

/** The accepted media type of an upload, sniffed from its bytes; images are then checked by the decode worker. */
export async function sniffUpload(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new AppError(400, 'empty_upload', 'The upload is empty.');
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(IMAGE_TYPES.has(type.mime) || FILE_TYPES.has(type.mime))) {
    throw new AppError(
      415,
      'unsupported_media_type',
      `This kind of file is not accepted${type ? ` (${type.mime})` : ''}. Accepted: ${[...IMAGE_TYPES, ...FILE_TYPES].join(', ')}.`,
    );
  }
  return type.mime;
}
