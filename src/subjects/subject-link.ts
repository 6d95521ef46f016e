// Parses what a reporter gives as "where": a public link (with or without scheme and host), the public
// URL of content a connected platform registered, or {kind, id} ({platform, kind, id} for a connected
// platform's content, by the platform's own id).
import { badRequest, type FieldProblemKind, fieldProblem } from '../shared/errors.ts';
import { isPlatformName } from '../shared/platforms.ts';
import { isSubjectKind, REFERENCE_PLATFORM, SUBJECT_KINDS, type SubjectKind } from './kinds.ts';

/**
 * `url` is set when the reporter gave an absolute http(s) URL (normalised): registered content of a
 * connected platform is looked up by it first, so a platform's URL that happens to look like a reference
 * link (`https://forum.example/c/x`) still names the platform's content.
 */
export type SubjectClaim =
  | { by: 'link'; kind: 'channel'; handle: string; url?: string }
  | { by: 'link'; kind: 'post'; handle: string; number: number; url?: string }
  | { by: 'link'; kind: 'bot'; handle: string; url?: string }
  | { by: 'link'; kind: 'sticker_set'; name: string; url?: string }
  /** An absolute URL that is no reference link: only registered content can match it. */
  | { by: 'url'; url: string }
  /** Without `platform`, an id of the reference platform; with it, the connected platform's own id. */
  | { by: 'id'; kind: SubjectKind; id: string; platform?: string };

/**
 * A URL as registered content is keyed by: http(s) only, scheme and host in lower case (URL does that),
 * default port, credentials and fragment dropped, trailing slashes of the path removed; the query kept.
 * Undefined when the text is not such a URL.
 */
export function normaliseUrl(input: string): string | undefined {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') return undefined;
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
}

const invalid = (why: string, kind: FieldProblemKind = 'not_a_link') => badRequest('invalid_subject', why, [fieldProblem('subject', kind, why)]);

export function parseSubject(input: unknown): SubjectClaim {
  if (typeof input === 'object' && input !== null) {
    const kind = 'kind' in input ? input.kind : undefined;
    const id = 'id' in input ? input.id : undefined;
    const platform = 'platform' in input ? input.platform : undefined;
    if (!isSubjectKind(kind)) throw invalid(`"kind" must be one of ${SUBJECT_KINDS.join(', ')}.`, 'not_allowed');
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw invalid('"id" must be a non-empty string.', 'invalid');
    if (platform === undefined || platform === REFERENCE_PLATFORM) return { by: 'id', kind, id };
    if (typeof platform !== 'string' || !isPlatformName(platform)) throw invalid('"platform" must be the name of a connected platform.', 'unknown_platform');
    return { by: 'id', kind, id, platform };
  }
  if (typeof input !== 'string' || input.trim() === '') throw invalid('Give the public link of what you report, e.g. /c/<handle>.', 'required');
  let path = input.trim();
  let url: string | undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      throw invalid('The link is not a valid URL.');
    }
    url = normaliseUrl(input);
  } else if (!path.startsWith('/')) {
    const slash = path.indexOf('/');
    path = slash >= 0 ? path.slice(slash) : `/${path}`;
  }
  path = path.replace(/\/+$/, '');
  const withUrl = url ? { url } : {};
  const channel = /^\/c\/([A-Za-z0-9_]{1,64})$/.exec(path);
  if (channel) return { by: 'link', kind: 'channel', handle: channel[1], ...withUrl };
  const post = /^\/c\/([A-Za-z0-9_]{1,64})\/(\d{1,12})$/.exec(path);
  if (post) return { by: 'link', kind: 'post', handle: post[1], number: Number(post[2]), ...withUrl };
  const bot = /^\/bot\/([A-Za-z0-9_]{1,64})$/.exec(path);
  if (bot) return { by: 'link', kind: 'bot', handle: bot[1], ...withUrl };
  const stickers = /^\/stickers\/([A-Za-z0-9_]{1,64})$/.exec(path);
  if (stickers) return { by: 'link', kind: 'sticker_set', name: stickers[1], ...withUrl };
  // A private group's link names it only so that the report can be declined with the policy's reason.
  const group = /^\/g\/([A-Za-z0-9_]{1,64})$/.exec(path);
  if (group) return { by: 'id', kind: 'group', id: group[1] };
  if (url) return { by: 'url', url };
  throw invalid(NOT_A_SUBJECT_LINK);
}

/** Said of a link that names nothing Vigil knows: not a reference-platform link, not registered content. */
export const NOT_A_SUBJECT_LINK =
  'The link is not a channel, post, bot or sticker set link (/c/<handle>, /c/<handle>/<post>, /bot/<handle>, /stickers/<name>), nor the full URL (https://…) of content a connected platform registered.';

/** The answer to a full URL that no connected platform registered: the same 400 as any unknown link, on the field. */
export const unknownLink = () => invalid(NOT_A_SUBJECT_LINK);
