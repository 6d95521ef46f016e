// Which URLs a webhook may be sent to. https only, with no user name or password in the URL and no
// fragment, at most 2,048 characters; and, against server-side request forgery, never to a loopback,
// private, link-local or otherwise non-public address: refused here when the URL names one (an address,
// or `localhost`), and checked again at every delivery on the address the name resolves to
// (webhook-delivery.ts), so a name that later points inside cannot reach it. Development and tests send
// to receivers on loopback over plain http: VIGIL_WEBHOOK_ALLOW_PRIVATE and VIGIL_WEBHOOK_ALLOW_HTTP
// allow that (docs/DEPLOYMENT.md).
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { badRequest } from '../shared/errors.ts';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export interface WebhookUrlRules {
  /** Loopback, private and other non-public addresses may be targets. */
  allowPrivate: boolean;
  /** Plain http:// may be used (https:// always may). */
  allowHttp: boolean;
}

const invalid = (message: string) => badRequest('invalid_webhook_url', message, [{ field: 'url', message }]);

/** True for an address literal that is not a public unicast address. */
export function isNonPublicAddress(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bare) === 0) return false;
  let addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  return addr.range() !== 'unicast';
}

/** The URL as it will be stored and called, or a 400 `invalid_webhook_url` saying what is wrong. */
export function checkWebhookUrl(raw: string, rules: WebhookUrlRules): string {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) throw invalid(`The URL must be at most ${MAX_WEBHOOK_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('The URL is not a valid absolute URL.');
  }
  if (url.protocol !== 'https:' && !(rules.allowHttp && url.protocol === 'http:')) {
    throw invalid(rules.allowHttp ? 'The URL must use http or https.' : 'The URL must use https.');
  }
  if (url.username !== '' || url.password !== '') throw invalid('The URL must not carry a user name or password; authenticate the request by its signature.');
  if (url.hash !== '') throw invalid('The URL must not have a fragment (#…).');
  if (url.hostname === '') throw invalid('The URL needs a host.');
  if (!rules.allowPrivate) {
    const host = url.hostname.toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost') || isNonPublicAddress(host)) {
      throw invalid('The URL points to a loopback, private or otherwise non-public address, which webhooks are not sent to.');
    }
  }
  return url.toString();
}
