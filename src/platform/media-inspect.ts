// Decides what an uploaded file really is, from its bytes, never from the client's claim.
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../shared/errors.ts';

export const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const FILE_TYPES = new Set(['application/pdf', 'video/mp4', 'audio/mpeg', 'audio/ogg', 'application/zip', 'video/webm']);

export interface Inspected {
  mime: string;
  width?: number;
  height?: number;
}

export async function inspectUpload(bytes: Uint8Array, maxImagePixels: number): Promise<Inspected> {
  if (bytes.length === 0) throw new AppError(400, 'empty_upload', 'The upload is empty.');
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(IMAGE_TYPES.has(type.mime) || FILE_TYPES.has(type.mime))) {
    throw new AppError(
      415,
      'unsupported_media_type',
      `This kind of file is not accepted${type ? ` (${type.mime})` : ''}. Accepted: ${[...IMAGE_TYPES, ...FILE_TYPES].join(', ')}.`,
    );
  }
  if (!IMAGE_TYPES.has(type.mime)) return { mime: type.mime };

  // The header gives the dimensions without decoding: refuse a decompression bomb before any pixel is made.
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError(422, 'image_unreadable', 'The image could not be read.');
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > maxImagePixels) {
    throw new AppError(422, 'image_too_large', `The image is ${width}×${height} pixels; at most ${maxImagePixels.toLocaleString('en')} pixels are accepted.`, {
      width,
      height,
      maxPixels: maxImagePixels,
    });
  }
  // A full decode finds truncated or corrupt data that the header alone does not show.
  try {
    await sharp(bytes, { limitInputPixels: maxImagePixels, failOn: 'truncated' }).raw().toBuffer();
  } catch {
    throw new AppError(422, 'image_corrupt', 'The image is truncated or corrupt and could not be decoded.');
  }
  return { mime: type.mime, width, height };
}
