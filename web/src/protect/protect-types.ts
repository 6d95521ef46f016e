// The protect API's answers (types generated from the OpenAPI document) and its limits.
import type { ResponseBody } from 'vigil/client';

export type ProtectReceipt = ResponseBody<'/api/v1/protect/hashes', 'post'>;
export type ProtectStatus = ResponseBody<'/api/v1/protect/status', 'post'>;
export type FingerprintStatus = ProtectStatus['hashes'][number]['status'];

/** The server matches only hashes of at least this quality (MIN_PDQ_QUALITY in src/detection/hash-matcher.ts). */
export const MIN_QUALITY = 50;
/** At most this many hashes per submission (src/detection/protect.service.ts). */
export const MAX_HASHES = 100;
