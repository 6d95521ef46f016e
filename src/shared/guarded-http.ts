// Outbound HTTP to addresses that someone else named (webhook receivers, platforms' media URLs). The
// address each name resolves to is checked when the connection is made (request-filtering-agent), so a
// name that points inside the network, now or later, is refused: loopback, private and link-local
// addresses unless `allowPrivate` (development and tests). No keep-alive: each call connects, and is
// checked, anew.
import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

export class GuardedHttp {
  #httpAgent: http.Agent;
  #httpsAgent: https.Agent;
  constructor(allowPrivate: boolean) {
    this.#httpAgent = new RequestFilteringHttpAgent({ allowPrivateIPAddress: allowPrivate, keepAlive: false });
    this.#httpsAgent = new RequestFilteringHttpsAgent({ allowPrivateIPAddress: allowPrivate, keepAlive: false });
  }

  /** The client module and the guarding agent for the URL's scheme (http: or https:). */
  for(url: URL) {
    return url.protocol === 'https:' ? { client: https, agent: this.#httpsAgent } : { client: http, agent: this.#httpAgent };
  }

  destroy(): void {
    this.#httpAgent.destroy();
    this.#httpsAgent.destroy();
  }
}
