// External links named in a text, as keys a mirror shares with the channel it copies: web addresses
// (scheme and `www.` dropped, lower case, no trailing slash or query) and t.me-style handles (`t.me/x`,
// `@x`, both as `@x`). Linear: one pass of simple patterns without nested repetition.
const URL = /\bhttps?:\/\/([a-z0-9.-]{1,253})(\/[^\s?#"'<>]{0,200})?/gi;
const TME = /\b(?:t\.me|telegram\.me)\/([a-z0-9_]{3,64})/gi;
const HANDLE = /(?:^|[^\w@/])@([a-z0-9_]{4,64})\b/gi;
/** At most this many links are kept per text. */
const MAX_LINKS = 20;

export function externalLinks(text: string): string[] {
  const found = new Set<string>();
  const t = text.slice(0, 20_000);
  for (const m of t.matchAll(TME)) found.add(`@${m[1].toLowerCase()}`);
  for (const m of t.matchAll(HANDLE)) found.add(`@${m[1].toLowerCase()}`);
  for (const m of t.matchAll(URL)) {
    const host = m[1].toLowerCase().replace(/^www\./, '');
    if (host === 't.me' || host === 'telegram.me') continue;
    const path = (m[2] ?? '').replace(/\/+$/, '');
    found.add(host + path);
  }
  return [...found].slice(0, MAX_LINKS);
}
