// Parses what a reporter gives as "where": a public link (with or without scheme and host) or {kind, id}.
import { badRequest } from '../shared/errors.ts';
import { isSubjectKind, SUBJECT_KINDS, type SubjectKind } from './kinds.ts';

export type SubjectClaim =
  | { by: 'link'; kind: 'channel'; handle: string }
  | { by: 'link'; kind: 'post'; handle: string; number: number }
  | { by: 'link'; kind: 'bot'; handle: string }
  | { by: 'link'; kind: 'sticker_set'; name: string }
  | { by: 'id'; kind: SubjectKind; id: string };

const invalid = (why: string) => badRequest('invalid_subject', why, [{ field: 'subject', message: why }]);

export function parseSubject(input: unknown): SubjectClaim {
  if (typeof input === 'object' && input !== null) {
    const kind = 'kind' in input ? input.kind : undefined;
    const id = 'id' in input ? input.id : undefined;
    if (!isSubjectKind(kind)) throw invalid(`"kind" must be one of ${SUBJECT_KINDS.join(', ')}.`);
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw invalid('"id" must be a non-empty string.');
    return { by: 'id', kind, id };
  }
  if (typeof input !== 'string' || input.trim() === '') throw invalid('Give the public link of what you report, e.g. /c/<handle>.');
  let path = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      throw invalid('The link is not a valid URL.');
    }
  } else if (!path.startsWith('/')) {
    const slash = path.indexOf('/');
    path = slash >= 0 ? path.slice(slash) : `/${path}`;
  }
  path = path.replace(/\/+$/, '');
  const channel = /^\/c\/([A-Za-z0-9_]{1,64})$/.exec(path);
  if (channel) return { by: 'link', kind: 'channel', handle: channel[1] };
  const post = /^\/c\/([A-Za-z0-9_]{1,64})\/(\d{1,12})$/.exec(path);
  if (post) return { by: 'link', kind: 'post', handle: post[1], number: Number(post[2]) };
  const bot = /^\/bot\/([A-Za-z0-9_]{1,64})$/.exec(path);
  if (bot) return { by: 'link', kind: 'bot', handle: bot[1] };
  const stickers = /^\/stickers\/([A-Za-z0-9_]{1,64})$/.exec(path);
  if (stickers) return { by: 'link', kind: 'sticker_set', name: stickers[1] };
  throw invalid('The link is not a channel, post, bot or sticker set link (/c/<handle>, /c/<handle>/<post>, /bot/<handle>, /stickers/<name>).');
}
