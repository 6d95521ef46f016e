// Which peers Fastify believes about the original client (X-Forwarded-For → req.ip, X-Forwarded-Proto →
// req.protocol): none, the configured proxies, or the last N hops (VIGIL_TRUST_PROXY).
import type { Config } from '../config.ts';

type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

export function trustProxyOption(setting: Config['trustProxy']): TrustProxy {
  // Fastify 5.12 treats a bare number as "trust nobody", so a hop count is given as a function: the socket
  // peer is hop 0, the last X-Forwarded-For entry hop 1, and so on.
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
